/**
 * The public "How to collect logs" guide (issue #17), in English and Simplified Chinese, one section
 * per SDK platform: written with the reference data, so a production installation has it too (the
 * attachment control of every ticket form links to it). Written only when its slug is missing.
 */
import type Database from "better-sqlite3";
import { ftsRow } from "@/server/kb/article-input";

export const LOG_GUIDE_SLUG = "how-to-collect-sdk-logs";

type Platform = { name: string; en: string; zh: string };

const PLATFORMS: Platform[] = [
  {
    name: "Android",
    en: "Call `setLogFile` with a path under `context.getExternalFilesDir(null)` and `setLogFilter(LOG_FILTER_DEBUG)` before `joinChannel`. Reproduce, then pull the folder with `adb pull /sdcard/Android/data/<package>/files/attain-rtc-logs` and attach it as a `.zip`. Add `adb logcat -d > logcat.txt` for crashes.",
    zh: "在 `joinChannel` 之前调用 `setLogFile`（路径位于 `context.getExternalFilesDir(null)` 下）和 `setLogFilter(LOG_FILTER_DEBUG)`。复现问题后，用 `adb pull` 导出日志目录并打包为 `.zip` 附上。崩溃问题请同时附上 `adb logcat -d > logcat.txt`。",
  },
  {
    name: "iOS",
    en: "Set `logConfig.filePath` to a folder in the app's `Documents` directory and the level to `.info` before creating the engine. Reproduce, then download the container in Xcode (Window → Devices and Simulators → the app → Download Container) and attach the log folder as a `.zip`. Crash reports: Xcode → Organizer → Crashes.",
    zh: "创建引擎前将 `logConfig.filePath` 设置为应用 `Documents` 目录下的文件夹，级别设为 `.info`。复现后在 Xcode 中下载应用容器（Window → Devices and Simulators → 应用 → Download Container），将日志目录打包为 `.zip` 附上。崩溃报告见 Xcode → Organizer → Crashes。",
  },
  {
    name: "Web",
    en: "Call `enableLogUpload()` and `setLogLevel(0)` before `createClient`, reproduce, then save the browser console as a `.log` file (right-click → Save as). For media problems, also attach `chrome://webrtc-internals` → Create dump (a `.txt` file).",
    zh: "在 `createClient` 之前调用 `enableLogUpload()` 与 `setLogLevel(0)`，复现后将浏览器控制台另存为 `.log` 文件（右键 → 另存为）。媒体问题请同时附上 `chrome://webrtc-internals` → Create dump 导出的 `.txt` 文件。",
  },
  {
    name: "Windows",
    en: "Logs are written to `%APPDATA%\\AttainRTC\\` unless `logConfig.filePath` says otherwise. Close the app after reproducing and attach the folder as a `.zip`. For crashes, add the `.dmp` files from `%LOCALAPPDATA%\\CrashDumps` inside the same archive.",
    zh: "日志默认写入 `%APPDATA%\\AttainRTC\\`（除非 `logConfig.filePath` 另有设置）。复现后关闭应用，将该目录打包为 `.zip` 附上。崩溃问题请把 `%LOCALAPPDATA%\\CrashDumps` 中的 `.dmp` 文件放入同一压缩包。",
  },
  {
    name: "macOS",
    en: "Logs are in `~/Library/Logs/<bundle id>/` (or your `logConfig.filePath`). Attach the folder as a `.zip`; for crashes add the report from Console → Crash Reports.",
    zh: "日志位于 `~/Library/Logs/<bundle id>/`（或您设置的 `logConfig.filePath`）。请将目录打包为 `.zip` 附上；崩溃问题请附上“控制台 → 崩溃报告”中的报告。",
  },
  {
    name: "Linux",
    en: 'Set `logConfig.filePath` to a writable folder, reproduce, and attach `tar czf sdk-logs.tar.gz <folder>`. Include `journalctl --since "1 hour ago" > journal.txt` when the process was killed.',
    zh: '将 `logConfig.filePath` 设为可写目录，复现后用 `tar czf sdk-logs.tar.gz <目录>` 打包附上。进程被系统终止时，请同时附上 `journalctl --since "1 hour ago" > journal.txt`。',
  },
  {
    name: "Flutter",
    en: "Pass `LogConfig(filePath: ..., level: LogLevel.logLevelInfo)` in `RtcEngineContext`, then collect the files as for Android or iOS on the device you tested. Attach `flutter logs` output as a `.txt` file too.",
    zh: "在 `RtcEngineContext` 中传入 `LogConfig(filePath: ..., level: LogLevel.logLevelInfo)`，然后按所测设备的 Android 或 iOS 方法收集日志。同时将 `flutter logs` 输出保存为 `.txt` 附上。",
  },
  {
    name: "React Native",
    en: "Set `logConfig` in `initialize`, collect the native logs as for Android or iOS, and attach the Metro console output (`npx react-native log-android` or `log-ios`) as a `.txt` file.",
    zh: "在 `initialize` 中设置 `logConfig`，按 Android 或 iOS 的方法收集原生日志，并将 Metro 控制台输出（`npx react-native log-android` 或 `log-ios`）保存为 `.txt` 附上。",
  },
  {
    name: "Unity",
    en: "Set the log path in `RtcEngineContext.logConfig`; also attach Unity's `Player.log` (Windows: `%USERPROFILE%\\AppData\\LocalLow\\<company>\\<product>\\`, Android: `adb logcat -s Unity`).",
    zh: "在 `RtcEngineContext.logConfig` 中设置日志路径；同时附上 Unity 的 `Player.log`（Windows：`%USERPROFILE%\\AppData\\LocalLow\\<公司>\\<产品>\\`，Android：`adb logcat -s Unity`）。",
  },
  {
    name: "Electron",
    en: "Set `logConfig.filePath` in `initialize` (the main process), and save the renderer's DevTools console as a `.log` file. Attach both in one `.zip`.",
    zh: "在主进程的 `initialize` 中设置 `logConfig.filePath`，并将渲染进程 DevTools 控制台另存为 `.log` 文件，两者打包为一个 `.zip` 附上。",
  },
  {
    name: "Server SDK",
    en: "Run with `LOG_LEVEL=debug`, reproduce, and attach the service log as `.log` or `.gz`. For network problems capture traffic with `tcpdump -i any -w capture.pcap port 443` for the minute around the fault.",
    zh: "以 `LOG_LEVEL=debug` 运行并复现，将服务日志以 `.log` 或 `.gz` 附上。网络问题请在故障前后一分钟用 `tcpdump -i any -w capture.pcap port 443` 抓包。",
  },
];

const INTRO = {
  en: "Almost every fault is located from the SDK's own log of the minutes around it. Set the log level before the engine starts, reproduce the problem once, note the time and the channel name, and attach the files to your ticket: logs and text (`.log`, `.txt`, `.json`), archives (`.zip`, `.gz`, `.tar.gz`, `.7z`), screenshots, screen recordings and network captures (`.pcap`, `.pcapng`), up to 100 MB a file.",
  zh: "几乎所有故障都要依靠故障前后几分钟的 SDK 日志来定位。请在引擎启动前设置日志级别，复现一次问题，记下时间和频道名，然后把文件附在工单上：日志和文本（`.log`、`.txt`、`.json`）、压缩包（`.zip`、`.gz`、`.tar.gz`、`.7z`）、截图、录屏和抓包文件（`.pcap`、`.pcapng`），单个文件最大 100 MB。",
};

const ARTICLES = [
  {
    locale: "en" as const,
    title: "How to collect SDK logs",
    summary: "Where each SDK platform writes its logs, how to collect them, and what to attach to a ticket.",
    body: `## Before you start\n\n${INTRO.en}\n\n${PLATFORMS.map((p) => `## ${p.name}\n\n${p.en}`).join("\n\n")}\n\n## Privacy\n\nLogs hold channel names and user ids, never media. Remove anything you must not share before attaching; staff can remove a file from a ticket on request.`,
  },
  {
    locale: "zh" as const,
    title: "如何收集 SDK 日志",
    summary: "各 SDK 平台的日志位置、收集方法，以及工单需要附上的文件。",
    body: `## 开始之前\n\n${INTRO.zh}\n\n${PLATFORMS.map((p) => `## ${p.name}\n\n${p.zh}`).join("\n\n")}\n\n## 隐私\n\n日志包含频道名和用户 ID，不含音视频内容。附上前请删除不能分享的内容；如有需要，工作人员可以从工单中移除文件。`,
  },
];

/** Writes the guide in both languages unless it exists; inside the caller's transaction. Returns how many were written. */
export function insertLogGuide(sqlite: Database.Database, now: Date): number {
  const exists = sqlite.prepare(`SELECT 1 FROM articles WHERE slug = ? AND locale = ?`);
  const insert = sqlite.prepare(
    `INSERT INTO articles (slug, locale, translation_group, title, summary, body, product_area, type, status, internal, owner_id, tags, error_codes, sdk_versions, reviewed_at, views, helpful_count, not_helpful_count, created_at, updated_at) VALUES (?,?,?,?,?,?,'other','best_practice','published',0,NULL,?,'[]','[]',?,0,0,0,?,?)`,
  );
  const fts = sqlite.prepare(`INSERT INTO articles_fts (rowid, title, body, codes) VALUES (?, ?, ?, ?)`);
  let written = 0;
  for (const a of ARTICLES) {
    if (exists.get(LOG_GUIDE_SLUG, a.locale)) continue;
    const t = now.getTime();
    const id = Number(
      insert.run(
        LOG_GUIDE_SLUG,
        a.locale,
        LOG_GUIDE_SLUG,
        a.title,
        a.summary,
        a.body,
        JSON.stringify(["logs", "attachments", "troubleshooting"]),
        t,
        t,
        t,
      ).lastInsertRowid,
    );
    const row = ftsRow({ title: a.title, body: a.body, errorCodes: [] });
    fts.run(id, row.title, row.body, row.codes);
    written++;
  }
  return written;
}

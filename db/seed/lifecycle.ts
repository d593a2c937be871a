/**
 * The demo's SDK support lifecycle (issue #20): release lines 4.2 to 4.5 of every platform, dated
 * from the demo's anchor so that 4.5 and 4.4 are fully supported, 4.3 gets security fixes only and
 * 4.2 is past its window (the demo's tickets report 4.2.x to 4.5.x, so every state occurs).
 */
import type Database from "better-sqlite3";
import { SDK_PLATFORMS } from "../schema/enums";

const DAY = 86_400_000;
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** [line, released (days before the anchor), full support (days after release), security fixes (days after release)]. */
const LINES: [string, number, number, number][] = [
  ["4.5", 70, 540, 730],
  ["4.4", 250, 540, 730],
  ["4.3", 600, 540, 730],
  ["4.2", 800, 540, 730],
];

export function insertDemoLifecycle(sqlite: Database.Database, anchor: Date): number {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO sdk_versions (platform, line, released_on, full_support_until, security_until, guide_slug, updated_at) VALUES (?,?,?,?,?,?,?)`,
  );
  let n = 0;
  for (const platform of SDK_PLATFORMS)
    for (const [line, ago, full, security] of LINES) {
      const released = anchor.getTime() - ago * DAY;
      insert.run(
        platform,
        line,
        day(released),
        day(released + full * DAY),
        day(released + security * DAY),
        line === "4.5" ? null : "release-notes-4-5-0",
        anchor.getTime(),
      );
      n++;
    }
  return n;
}

/** The demo's known issues (issue #20): one being investigated, one with its fix scheduled, one fixed. */
const KNOWN_ISSUES: {
  titleEn: string;
  titleZh: string;
  productArea: string;
  platforms: string[];
  affected: string;
  symptomsEn: string;
  symptomsZh: string;
  workaroundEn: string;
  workaroundZh: string;
  status: string;
  fixVersion: string | null;
  daysAgo: number;
}[] = [
  {
    titleEn: "Joining a channel times out after switching from Wi-Fi to 5G",
    titleZh: "从 Wi-Fi 切换到 5G 后加入频道超时",
    productArea: "voice_calling",
    platforms: ["android", "ios"],
    affected: ">=4.4.0 <4.5.1",
    symptomsEn:
      "About one join in ten times out (error 110 is not involved) when the device changes network during the join.",
    symptomsZh: "设备在加入过程中切换网络时，约十分之一的加入会超时（与错误码 110 无关）。",
    workaroundEn: "Retry the join after two seconds, or wait for the network change callback before joining.",
    workaroundZh: "两秒后重试加入，或在收到网络变化回调后再加入。",
    status: "fix_scheduled",
    fixVersion: "4.5.1",
    daysAgo: 6,
  },
  {
    titleEn: "Screen sharing shows a black frame on macOS 15 with two displays",
    titleZh: "macOS 15 双显示器下屏幕共享出现黑屏",
    productArea: "video_calling",
    platforms: ["macos"],
    affected: ">=4.3.0",
    symptomsEn: "Remote users see a black frame when the shared window is on the second display.",
    symptomsZh: "共享窗口位于第二块显示器时，远端用户看到黑屏。",
    workaroundEn: "Share the whole display instead of a single window.",
    workaroundZh: "改为共享整个显示器，而不是单个窗口。",
    status: "investigating",
    fixVersion: null,
    daysAgo: 2,
  },
  {
    titleEn: "Messages sent while reconnecting arrive twice",
    titleZh: "重连期间发送的消息会重复送达",
    productArea: "realtime_messaging",
    platforms: ["web", "android", "ios"],
    affected: ">=4.2.0 <4.4.3",
    symptomsEn: "A message sent during a reconnect is delivered twice to the other members of the channel.",
    symptomsZh: "重连期间发送的消息会向频道其他成员送达两次。",
    workaroundEn: "Upgrade to 4.4.3 or later.",
    workaroundZh: "升级到 4.4.3 或更高版本。",
    status: "fixed",
    fixVersion: "4.4.3",
    daysAgo: 40,
  },
];

export function insertDemoKnownIssues(sqlite: Database.Database, anchor: Date, createdById: number): number {
  const insert = sqlite.prepare(
    `INSERT INTO known_issues (title_en, title_zh, product_area, platforms, affected_versions, symptoms_en, symptoms_zh, workaround_en, workaround_zh, status, fix_version, public, created_by_id, created_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)`,
  );
  for (const k of KNOWN_ISSUES) {
    const at = anchor.getTime() - k.daysAgo * DAY;
    insert.run(
      k.titleEn,
      k.titleZh,
      k.productArea,
      JSON.stringify(k.platforms),
      k.affected,
      k.symptomsEn,
      k.symptomsZh,
      k.workaroundEn,
      k.workaroundZh,
      k.status,
      k.fixVersion,
      createdById,
      at,
      at,
    );
  }
  return KNOWN_ISSUES.length;
}

/**
 * Demo knowledge base content for the "Attain RTC SDK" (a fictional real-time communications SDK):
 * quick starts, error code FAQs, troubleshooting guides, best practices, API reference pages,
 * release notes, video tutorials and a few internal staff-only runbooks, in English and
 * Simplified Chinese. Translations of one article share `slug` and `translationGroup`.
 *
 * Fully deterministic: counts and review ages are derived from a hash of the slug and locale.
 *
 * Authoring conventions inside this file: bodies are template literals written at column 0;
 * code fences are written as `~~~lang` and turned into backtick fences by `md()`, so bodies never
 * need escaped backticks around fences.
 */

export type ArticleSeed = {
  slug: string;
  locale: "en" | "zh";
  translationGroup: string;
  title: string;
  summary: string;
  body: string;
  productArea: "voice_calling" | "video_calling" | "live_streaming" | "realtime_messaging" | "conversational_ai" | "other";
  type: "quick_start" | "api_reference" | "best_practice" | "faq" | "video_tutorial" | "release_note";
  internal: boolean;
  status: "draft" | "published";
  tags: string[];
  errorCodes: string[];
  sdkVersions: string[];
  reviewedDaysAgo: number;
  views: number;
  helpful: number;
  notHelpful: number;
};

type Locale = ArticleSeed["locale"];
type Area = ArticleSeed["productArea"];
type Kind = ArticleSeed["type"];

type LocalizedText = { title: string; summary: string; body: string };

/** One article in up to two languages; flattened into `ArticleSeed`s at the bottom of the file. */
type GroupSpec = {
  slug: string;
  productArea: Area;
  type: Kind;
  tags: string[];
  errorCodes?: string[];
  sdkVersions: string[];
  internal?: boolean;
  /** `true`: every translation is a draft; a locale: only that translation is. */
  draft?: boolean | Locale;
  /** `true`: every translation was last reviewed more than 180 days ago; a locale: only that one. */
  stale?: boolean | Locale;
  /** Popularity multiplier applied to the view count (1 = typical for the article type). */
  weight?: number;
  en?: LocalizedText;
  zh?: LocalizedText;
};

type Snippet = { lang: string; code: string };

const FENCE = "~~~";

/** A fenced code block in the `~~~` authoring notation. */
function fence(s: Snippet): string {
  return FENCE + s.lang + "\n" + s.code.trim() + "\n" + FENCE;
}

/** Trim the body and turn `~~~lang` fences into standard backtick fences. */
function md(body: string): string {
  return body
    .trim()
    .split("\n")
    .map((line) => (line.startsWith(FENCE) ? "```" + line.slice(FENCE.length) : line.trimEnd()))
    .join("\n");
}

const bullets = (items: string[]) => items.map((i) => "- " + i).join("\n");
const numbered = (items: string[]) => items.map((i, n) => String(n + 1) + ". " + i).join("\n");

/** 32-bit FNV-1a; the only source of "randomness" in this file. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A deterministic integer in [min, max] derived from `seed`. */
function between(seed: string, min: number, max: number): number {
  return min + (hash(seed) % (max - min + 1));
}

const CURRENT = "4.5.0";

// ---------------------------------------------------------------------------------------------
// Quick starts: video calling and voice calling on nine platforms
// ---------------------------------------------------------------------------------------------

type Platform = {
  key: string;
  name: string;
  tags: string[];
  reqEn: string[];
  reqZh: string[];
  installEn: string;
  installZh: string;
  install: (video: boolean) => Snippet;
  permEn: (video: boolean) => string;
  permZh: (video: boolean) => string;
  permCode?: (video: boolean) => Snippet;
  join: (video: boolean) => Snippet;
  runEn: string;
  runZh: string;
  /** Whether the voice calling quick start has a Chinese translation. */
  voiceZh: boolean;
  weight: number;
  stale?: boolean;
};

const PLATFORMS: Platform[] = [
  {
    key: "android",
    name: "Android",
    tags: ["android", "kotlin"],
    reqEn: [
      "Android Studio Hedgehog (2023.1) or later with JDK 17",
      "A physical device running Android 5.0 (API level 21) or later; emulators have no usable camera and unreliable audio",
    ],
    reqZh: ["Android Studio Hedgehog (2023.1) 及以上版本，JDK 17", "Android 5.0（API 21）及以上的真机；模拟器没有可用的摄像头，音频表现也不稳定"],
    installEn: "The SDK is published to Maven Central. Add it to the app module:",
    installZh: "SDK 已发布到 Maven Central，在 app 模块中添加依赖：",
    install: (video) => ({
      lang: "kotlin",
      code: `
// app/build.gradle.kts
android {
    defaultConfig {
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a") }
    }
}

dependencies {
    implementation("io.attain.rtc:${video ? "attain-rtc-sdk" : "attain-rtc-voice"}:4.4.2")
}`,
    }),
    permEn: (video) =>
      `Declare \`INTERNET\`, \`ACCESS_NETWORK_STATE\`, \`RECORD_AUDIO\`, \`MODIFY_AUDIO_SETTINGS\`${video ? ", `CAMERA`" : ""} and, for Bluetooth headsets on Android 12+, \`BLUETOOTH_CONNECT\` in \`AndroidManifest.xml\`. Then request the dangerous permissions at runtime before you join:`,
    permZh: (video) =>
      `在 \`AndroidManifest.xml\` 中声明 \`INTERNET\`、\`ACCESS_NETWORK_STATE\`、\`RECORD_AUDIO\`、\`MODIFY_AUDIO_SETTINGS\`${video ? "、`CAMERA`" : ""}；如需支持 Android 12 及以上的蓝牙耳机，还要声明 \`BLUETOOTH_CONNECT\`。加入频道前在运行时申请危险权限：`,
    permCode: (video) => ({
      lang: "kotlin",
      code: `
private val requiredPermissions = arrayOf(
    Manifest.permission.RECORD_AUDIO,${video ? "\n    Manifest.permission.CAMERA," : ""}
)

private fun hasPermissions() = requiredPermissions.all {
    ContextCompat.checkSelfPermission(this, it) == PackageManager.PERMISSION_GRANTED
}

override fun onCreate(savedInstanceState: Bundle?) {
    super.onCreate(savedInstanceState)
    setContentView(R.layout.activity_call)
    if (hasPermissions()) startCall()
    else ActivityCompat.requestPermissions(this, requiredPermissions, PERMISSION_REQ_ID)
}`,
    }),
    join: (video) => ({
      lang: "kotlin",
      code: video
        ? `
class CallActivity : AppCompatActivity() {
    private var engine: AttainRtcEngine? = null

    private val rtcHandler = object : IRtcEngineEventHandler() {
        override fun onJoinChannelSuccess(channel: String, uid: Int, elapsed: Int) {
            Log.i(TAG, "Joined $channel as $uid after $elapsed ms")
        }
        override fun onUserJoined(uid: Int, elapsed: Int) {
            runOnUiThread { showRemoteVideo(uid) }
        }
        override fun onUserOffline(uid: Int, reason: Int) {
            runOnUiThread { remoteContainer.removeAllViews() }
        }
        override fun onError(err: Int) {
            Log.e(TAG, "Attain error $err")
        }
    }

    private fun startCall() {
        val config = RtcEngineConfig().apply {
            context = applicationContext
            appId = "YOUR_APP_ID"
            eventHandler = rtcHandler
        }
        engine = AttainRtcEngine.create(config)
        engine?.enableVideo()

        val localView = SurfaceView(this)
        localContainer.addView(localView)
        engine?.setupLocalVideo(VideoCanvas(localView, VideoCanvas.RENDER_MODE_HIDDEN, 0))
        engine?.startPreview()

        val options = ChannelMediaOptions().apply {
            channelProfile = Constants.CHANNEL_PROFILE_COMMUNICATION
            clientRoleType = Constants.CLIENT_ROLE_BROADCASTER
            publishCameraTrack = true
            publishMicrophoneTrack = true
        }
        engine?.joinChannel("YOUR_TOKEN", "demo", 0, options)
    }

    private fun showRemoteVideo(uid: Int) {
        val view = SurfaceView(this)
        remoteContainer.addView(view)
        engine?.setupRemoteVideo(VideoCanvas(view, VideoCanvas.RENDER_MODE_HIDDEN, uid))
    }

    override fun onDestroy() {
        super.onDestroy()
        engine?.stopPreview()
        engine?.leaveChannel()
        AttainRtcEngine.destroy()
        engine = null
    }
}`
        : `
class VoiceCallActivity : AppCompatActivity() {
    private var engine: AttainRtcEngine? = null

    private val rtcHandler = object : IRtcEngineEventHandler() {
        override fun onJoinChannelSuccess(channel: String, uid: Int, elapsed: Int) {
            Log.i(TAG, "Joined $channel as $uid after $elapsed ms")
        }
        override fun onUserJoined(uid: Int, elapsed: Int) {
            runOnUiThread { statusText.text = "User $uid joined" }
        }
        override fun onAudioRouteChanged(routing: Int) {
            Log.i(TAG, "Audio route is now $routing")
        }
        override fun onError(err: Int) {
            Log.e(TAG, "Attain error $err")
        }
    }

    private fun startCall() {
        val config = RtcEngineConfig().apply {
            context = applicationContext
            appId = "YOUR_APP_ID"
            eventHandler = rtcHandler
            audioScenario = Constants.AUDIO_SCENARIO_CHATROOM
        }
        engine = AttainRtcEngine.create(config)
        engine?.setDefaultAudioRouteToSpeakerphone(false) // earpiece, like a phone call

        val options = ChannelMediaOptions().apply {
            channelProfile = Constants.CHANNEL_PROFILE_COMMUNICATION
            clientRoleType = Constants.CLIENT_ROLE_BROADCASTER
            publishMicrophoneTrack = true
            autoSubscribeAudio = true
        }
        engine?.joinChannel("YOUR_TOKEN", "demo", 0, options)
    }

    fun onMuteClicked(muted: Boolean) {
        engine?.muteLocalAudioStream(muted)
    }

    override fun onDestroy() {
        super.onDestroy()
        engine?.leaveChannel()
        AttainRtcEngine.destroy()
        engine = null
    }
}`,
    }),
    runEn: "Run the app on two devices with the same App ID, token and channel name. `onJoinChannelSuccess` should fire within about a second on Wi-Fi.",
    runZh: "在两台设备上使用相同的 App ID、Token 和频道名运行应用。Wi-Fi 环境下 `onJoinChannelSuccess` 通常在 1 秒内触发。",
    voiceZh: true,
    weight: 3.2,
  },
  {
    key: "ios",
    name: "iOS",
    tags: ["ios", "swift"],
    reqEn: ["Xcode 15 or later", "A physical iPhone or iPad running iOS 13 or later; the simulator cannot capture camera video"],
    reqZh: ["Xcode 15 及以上版本", "iOS 13 及以上的 iPhone 或 iPad 真机；模拟器无法采集摄像头画面"],
    installEn: "Add the SDK with Swift Package Manager (File > Add Package Dependencies in Xcode), or declare it in `Package.swift`:",
    installZh: "通过 Swift Package Manager 集成（Xcode 中选择 File > Add Package Dependencies），或在 `Package.swift` 中声明：",
    install: (video) => ({
      lang: "swift",
      code: `
dependencies: [
    .package(url: "https://github.com/attain-rtc/attain-rtc-ios.git", from: "4.4.2")
],
targets: [
    .target(name: "CallDemo", dependencies: [
        .product(name: "${video ? "AttainRtcKit" : "AttainRtcVoiceKit"}", package: "attain-rtc-ios")
    ])
]`,
    }),
    permEn: (video) =>
      `Add \`NSMicrophoneUsageDescription\`${video ? " and `NSCameraUsageDescription`" : ""} to \`Info.plist\`; without ${video ? "them" : "it"} iOS terminates the app on first capture. Enable **Background Modes > Audio, AirPlay, and Picture in Picture** so the call keeps running when the user switches apps. Ask for permission before joining so the prompt does not appear mid-call:`,
    permZh: (video) =>
      `在 \`Info.plist\` 中添加 \`NSMicrophoneUsageDescription\`${video ? " 和 `NSCameraUsageDescription`" : ""}，缺少该配置时 iOS 会在首次采集时直接终止应用。开启 **Background Modes > Audio, AirPlay, and Picture in Picture**，保证用户切到其他应用时通话不中断。建议在加入频道前主动申请权限，避免通话过程中弹窗：`,
    permCode: (video) => ({
      lang: "swift",
      code: `
AVAudioSession.sharedInstance().requestRecordPermission { granted in
    print("Microphone granted:", granted)
}${
        video
          ? `
AVCaptureDevice.requestAccess(for: .video) { granted in
    print("Camera granted:", granted)
}`
          : ""
      }`,
    }),
    join: (video) => ({
      lang: "swift",
      code: video
        ? `
import UIKit
import AttainRtcKit

final class CallViewController: UIViewController {
    @IBOutlet private weak var localView: UIView!
    @IBOutlet private weak var remoteView: UIView!
    private var engine: AttainRtcEngineKit!

    override func viewDidLoad() {
        super.viewDidLoad()
        let config = AttainRtcEngineConfig()
        config.appId = "YOUR_APP_ID"
        engine = AttainRtcEngineKit.sharedEngine(with: config, delegate: self)
        engine.enableVideo()

        let canvas = AttainRtcVideoCanvas()
        canvas.uid = 0
        canvas.view = localView
        canvas.renderMode = .hidden
        engine.setupLocalVideo(canvas)
        engine.startPreview()

        let options = AttainRtcChannelMediaOptions()
        options.channelProfile = .communication
        options.clientRoleType = .broadcaster
        options.publishCameraTrack = true
        options.publishMicrophoneTrack = true
        engine.joinChannel(byToken: "YOUR_TOKEN", channelId: "demo", uid: 0, mediaOptions: options)
    }

    override func viewDidDisappear(_ animated: Bool) {
        super.viewDidDisappear(animated)
        engine.leaveChannel(nil)
        AttainRtcEngineKit.destroy()
    }
}

extension CallViewController: AttainRtcEngineDelegate {
    func rtcEngine(_ engine: AttainRtcEngineKit, didJoinChannel channel: String, withUid uid: UInt, elapsed: Int) {
        print("Joined", channel, "as", uid, "after", elapsed, "ms")
    }

    func rtcEngine(_ engine: AttainRtcEngineKit, didJoinedOfUid uid: UInt, elapsed: Int) {
        let canvas = AttainRtcVideoCanvas()
        canvas.uid = uid
        canvas.view = remoteView
        canvas.renderMode = .hidden
        engine.setupRemoteVideo(canvas)
    }

    func rtcEngine(_ engine: AttainRtcEngineKit, didOccurError errorCode: AttainErrorCode) {
        print("Attain error", errorCode.rawValue)
    }
}`
        : `
import UIKit
import AttainRtcVoiceKit

final class VoiceCallViewController: UIViewController {
    @IBOutlet private weak var statusLabel: UILabel!
    private var engine: AttainRtcEngineKit!

    override func viewDidLoad() {
        super.viewDidLoad()
        let config = AttainRtcEngineConfig()
        config.appId = "YOUR_APP_ID"
        config.audioScenario = .chatRoom
        engine = AttainRtcEngineKit.sharedEngine(with: config, delegate: self)
        engine.setDefaultAudioRouteToSpeakerphone(false)

        let options = AttainRtcChannelMediaOptions()
        options.channelProfile = .communication
        options.clientRoleType = .broadcaster
        options.publishMicrophoneTrack = true
        options.autoSubscribeAudio = true
        engine.joinChannel(byToken: "YOUR_TOKEN", channelId: "demo", uid: 0, mediaOptions: options)
    }

    @IBAction private func muteToggled(_ sender: UISwitch) {
        engine.muteLocalAudioStream(sender.isOn)
    }

    @IBAction private func hangUp() {
        engine.leaveChannel(nil)
        AttainRtcEngineKit.destroy()
        dismiss(animated: true)
    }
}

extension VoiceCallViewController: AttainRtcEngineDelegate {
    func rtcEngine(_ engine: AttainRtcEngineKit, didJoinedOfUid uid: UInt, elapsed: Int) {
        statusLabel.text = "User " + String(uid) + " joined"
    }

    func rtcEngine(_ engine: AttainRtcEngineKit, didOccurError errorCode: AttainErrorCode) {
        print("Attain error", errorCode.rawValue)
    }
}`,
    }),
    runEn: "Select your signing team, run on a device, and join from a second device or the Web demo with the same channel name.",
    runZh: "配置签名团队后在真机上运行，再用另一台设备或 Web Demo 以相同频道名加入。",
    voiceZh: true,
    weight: 2.4,
  },
  {
    key: "web",
    name: "Web",
    tags: ["web", "typescript", "browser"],
    reqEn: [
      "Node.js 18+ and a bundler such as Vite or webpack",
      "A recent desktop Chrome, Edge, Firefox or Safari 15+; the page must be served over HTTPS or from localhost",
    ],
    reqZh: ["Node.js 18 及以上版本，以及 Vite、webpack 等打包工具", "较新的 Chrome、Edge、Firefox 或 Safari 15 及以上；页面必须通过 HTTPS 或 localhost 访问"],
    installEn: "Install the package from npm:",
    installZh: "通过 npm 安装：",
    install: () => ({ lang: "bash", code: "npm install attain-rtc-sdk@4.4.2" }),
    permEn: (video) =>
      `Browsers expose the ${video ? "camera and microphone" : "microphone"} only on secure origins. The permission prompt appears when you create the first local track, so create tracks from a user gesture (for example a **Join** button): this also unlocks audio autoplay in Safari and Chrome.`,
    permZh: (video) =>
      `浏览器只在安全上下文（HTTPS 或 localhost）中开放${video ? "摄像头和麦克风" : "麦克风"}。首次创建本地轨道时会弹出授权提示，建议在用户点击 **加入** 按钮等手势回调中创建轨道，这样也能解除 Safari 和 Chrome 的音频自动播放限制。`,
    join: (video) => ({
      lang: "typescript",
      code: `
import AttainRTC, { type IAttainRTCRemoteUser } from "attain-rtc-sdk";

const APP_ID = "YOUR_APP_ID";
const TOKEN = "YOUR_TOKEN";
const CHANNEL = "demo";

const client = AttainRTC.createClient({ mode: "rtc", codec: "vp8" });

client.on("user-published", async (user: IAttainRTCRemoteUser, mediaType: "audio" | "video") => {
  await client.subscribe(user, mediaType);
  if (mediaType === "audio") user.audioTrack?.play();${video ? '\n  if (mediaType === "video") user.videoTrack?.play("remote-player");' : ""}
});

client.on("user-left", (user) => console.log("remote user left", user.uid));

export async function startCall(): Promise<void> {
  await client.join(APP_ID, CHANNEL, TOKEN, null);
${
        video
          ? `  const [micTrack, camTrack] = await AttainRTC.createMicrophoneAndCameraTracks(
    { AEC: true, ANS: true },
    { encoderConfig: "720p_1" },
  );
  camTrack.play("local-player");
  await client.publish([micTrack, camTrack]);`
          : `  const micTrack = await AttainRTC.createMicrophoneAudioTrack({ AEC: true, ANS: true, AGC: true });
  await client.publish([micTrack]);`
      }
}

export async function endCall(): Promise<void> {
  for (const track of client.localTracks) {
    track.stop();
    track.close();
  }
  await client.leave();
}`,
    }),
    runEn: "Start your dev server, open the page in two browser windows (or one window and a phone), and click **Join** in both.",
    runZh: "启动本地开发服务器，在两个浏览器窗口（或一个窗口加一部手机）中打开页面，分别点击 **加入**。",
    voiceZh: true,
    weight: 2.8,
  },
  {
    key: "windows",
    name: "Windows",
    tags: ["windows", "cpp", "desktop"],
    reqEn: ["Visual Studio 2019 or later with the Desktop development with C++ workload", "Windows 7 SP1 or later (Windows 10/11 recommended), x86 or x64"],
    reqZh: ["Visual Studio 2019 及以上，并安装“使用 C++ 的桌面开发”工作负载", "Windows 7 SP1 及以上（推荐 Windows 10/11），x86 或 x64"],
    installEn: "Download the Windows package from the Attain Console, unpack it into your source tree, add `sdk/include` to the include path and link `attain_rtc_sdk.dll.lib`. The DLLs must sit next to your executable:",
    installZh: "从 Attain 控制台下载 Windows SDK 包，解压到工程目录，将 `sdk/include` 加入头文件搜索路径并链接 `attain_rtc_sdk.dll.lib`。运行时 DLL 需要与可执行文件放在同一目录：",
    install: () => ({
      lang: "bash",
      code: `
# Git Bash, from the project root
unzip Attain_RTC_SDK_Windows_v4.4.2.zip -d third_party/attain
cp third_party/attain/sdk/x86_64/*.dll build/Release/`,
    }),
    permEn: (video) =>
      `Desktop apps get no runtime prompt. Windows 10/11 has privacy switches under **Settings > Privacy & security > ${video ? "Camera / Microphone" : "Microphone"}**; if "Let desktop apps access" is off, capture fails with ${video ? "error 1501 (camera) or " : ""}error 1003 (audio device). Check this first when a device works in other apps but not in yours.`,
    permZh: (video) =>
      `桌面应用没有运行时授权弹窗。Windows 10/11 在 **设置 > 隐私和安全性 > ${video ? "摄像头 / 麦克风" : "麦克风"}** 中有隐私开关，如果关闭了“允许桌面应用访问”，采集会失败并上报${video ? "错误 1501（摄像头）或" : ""}错误 1003（音频设备）。设备在其他软件中可用、在你的应用中不可用时，优先检查这里。`,
    join: (video) => ({
      lang: "cpp",
      code: `
#include <iostream>
#include "IAttainRtcEngine.h"

using namespace attain::rtc;

class CallEventHandler : public IRtcEngineEventHandler {
public:
    void onJoinChannelSuccess(const char* channel, uid_t uid, int elapsed) override {
        std::cout << "Joined " << channel << " as " << uid << " after " << elapsed << " ms" << std::endl;
    }
    void onUserJoined(uid_t uid, int elapsed) override {
        // Callbacks run on an SDK thread: hand the uid to the UI thread before touching windows.
        PostMessage(mainWindow, WM_APP_REMOTE_JOINED, static_cast<WPARAM>(uid), 0);
    }
    void onError(int err, const char* msg) override {
        std::cerr << "Attain error " << err << ": " << msg << std::endl;
    }
    HWND mainWindow = nullptr;
};

static IRtcEngine* g_engine = nullptr;
static CallEventHandler g_handler;

bool StartCall(HWND mainWindow${video ? ", HWND localView" : ""}) {
    g_handler.mainWindow = mainWindow;
    g_engine = createAttainRtcEngine();
    RtcEngineContext ctx;
    ctx.appId = "YOUR_APP_ID";
    ctx.eventHandler = &g_handler;
    ctx.channelProfile = CHANNEL_PROFILE_COMMUNICATION;
    if (g_engine->initialize(ctx) != 0) return false;
${
        video
          ? `
    g_engine->enableVideo();
    VideoCanvas canvas;
    canvas.uid = 0;
    canvas.view = localView;
    canvas.renderMode = media::base::RENDER_MODE_HIDDEN;
    g_engine->setupLocalVideo(canvas);
    g_engine->startPreview();
`
          : ""
      }
    ChannelMediaOptions options;
    options.clientRoleType = CLIENT_ROLE_BROADCASTER;
    options.publishMicrophoneTrack = true;${video ? "\n    options.publishCameraTrack = true;" : ""}
    return g_engine->joinChannel("YOUR_TOKEN", "demo", 0, options) == 0;
}

void EndCall() {
    g_engine->leaveChannel();
    g_engine->release(true);  // blocks until the engine has shut down
    g_engine = nullptr;
}`,
    }),
    runEn: "Build the Release configuration, run the app, and join the same channel from a second machine or the Web demo.",
    runZh: "以 Release 配置编译运行，再从另一台电脑或 Web Demo 加入同一频道。",
    voiceZh: true,
    weight: 1.3,
  },
  {
    key: "macos",
    name: "macOS",
    tags: ["macos", "swift", "desktop"],
    reqEn: ["Xcode 15 or later", "macOS 10.13 or later on Intel or Apple silicon"],
    reqZh: ["Xcode 15 及以上版本", "macOS 10.13 及以上，支持 Intel 与 Apple 芯片"],
    installEn: "The macOS SDK ships in the same Swift package as iOS. Add the package and link the product to your app target:",
    installZh: "macOS SDK 与 iOS 使用同一个 Swift Package，添加后将对应产物链接到应用 target：",
    install: (video) => ({
      lang: "swift",
      code: `
.package(url: "https://github.com/attain-rtc/attain-rtc-ios.git", from: "4.4.2")
// target dependency:
.product(name: "${video ? "AttainRtcKit" : "AttainRtcVoiceKit"}", package: "attain-rtc-ios")`,
    }),
    permEn: (video) =>
      `Add \`NSMicrophoneUsageDescription\`${video ? " and `NSCameraUsageDescription`" : ""} to \`Info.plist\`. If the app is sandboxed, enable **Outgoing Connections (Client)**, **Audio Input**${video ? " and **Camera**" : ""} under Signing & Capabilities; with the hardened runtime also add the \`com.apple.security.device.audio-input\`${video ? " and `com.apple.security.device.camera`" : ""} entitlements. A sandboxed app without outgoing connections never receives \`didJoinChannel\` and eventually times out.`,
    permZh: (video) =>
      `在 \`Info.plist\` 中添加 \`NSMicrophoneUsageDescription\`${video ? " 和 `NSCameraUsageDescription`" : ""}。如果应用开启了沙盒，需要在 Signing & Capabilities 中勾选 **Outgoing Connections (Client)**、**Audio Input**${video ? " 和 **Camera**" : ""}；启用 Hardened Runtime 时还要添加 \`com.apple.security.device.audio-input\`${video ? " 与 `com.apple.security.device.camera`" : ""} 权限。沙盒应用未开启出站连接时永远收不到 \`didJoinChannel\`，最终加入超时。`,
    join: (video) => ({
      lang: "swift",
      code: `
import Cocoa
import ${video ? "AttainRtcKit" : "AttainRtcVoiceKit"}

final class CallViewController: NSViewController, AttainRtcEngineDelegate {
${video ? "    @IBOutlet private weak var localView: NSView!\n    @IBOutlet private weak var remoteView: NSView!\n" : ""}    private var engine: AttainRtcEngineKit!

    override func viewDidLoad() {
        super.viewDidLoad()
        let config = AttainRtcEngineConfig()
        config.appId = "YOUR_APP_ID"
        engine = AttainRtcEngineKit.sharedEngine(with: config, delegate: self)
${
        video
          ? `        engine.enableVideo()
        let canvas = AttainRtcVideoCanvas()
        canvas.uid = 0
        canvas.view = localView
        engine.setupLocalVideo(canvas)
        engine.startPreview()
`
          : ""
      }
        let options = AttainRtcChannelMediaOptions()
        options.clientRoleType = .broadcaster
        options.publishMicrophoneTrack = true${video ? "\n        options.publishCameraTrack = true" : ""}
        engine.joinChannel(byToken: "YOUR_TOKEN", channelId: "demo", uid: 0, mediaOptions: options)
    }

    override func viewWillDisappear() {
        super.viewWillDisappear()
        engine.leaveChannel(nil)
        AttainRtcEngineKit.destroy()
    }

    func rtcEngine(_ engine: AttainRtcEngineKit, didJoinedOfUid uid: UInt, elapsed: Int) {
${
        video
          ? `        let canvas = AttainRtcVideoCanvas()
        canvas.uid = uid
        canvas.view = remoteView
        engine.setupRemoteVideo(canvas)`
          : `        print("Remote user joined:", uid)`
      }
    }
}`,
    }),
    runEn: "Run the app, approve the permission prompts, and join from a second device. Use an external headset if both Macs are in the same room.",
    runZh: "运行应用并允许权限弹窗，再从另一台设备加入。如果两台 Mac 在同一个房间，请使用耳机测试。",
    voiceZh: false,
    weight: 0.9,
  },
  {
    key: "flutter",
    name: "Flutter",
    tags: ["flutter", "dart", "cross-platform"],
    reqEn: ["Flutter 3.10 or later (Dart 3)", "An Android device (API 21+) or an iOS device (iOS 13+); the plugin does not support Flutter Web yet"],
    reqZh: ["Flutter 3.10 及以上（Dart 3）", "Android（API 21+）或 iOS（iOS 13+）真机；插件暂不支持 Flutter Web"],
    installEn: "Add the plugin and `permission_handler`:",
    installZh: "添加插件和 `permission_handler`：",
    install: () => ({ lang: "bash", code: "flutter pub add attain_rtc_engine:^4.4.2 permission_handler" }),
    permEn: (video) =>
      `Add the same manifest and \`Info.plist\` entries as the native Android and iOS quick starts (${video ? "camera and microphone" : "microphone"}), then request permissions from Dart before initializing the engine (shown in the next step).`,
    permZh: (video) =>
      `Android 与 iOS 工程需要与原生快速开始相同的 Manifest 和 \`Info.plist\` 配置（${video ? "摄像头和麦克风" : "麦克风"}），并在初始化引擎前在 Dart 中申请权限（见下一步代码）。`,
    join: (video) => ({
      lang: "dart",
      code: `
import 'package:attain_rtc_engine/attain_rtc_engine.dart';
import 'package:flutter/material.dart';
import 'package:permission_handler/permission_handler.dart';

const appId = 'YOUR_APP_ID';
const token = 'YOUR_TOKEN';
const channel = 'demo';

class CallPage extends StatefulWidget {
  const CallPage({super.key});
  @override
  State<CallPage> createState() => _CallPageState();
}

class _CallPageState extends State<CallPage> {
  late final RtcEngine _engine;
  int? _remoteUid;

  @override
  void initState() {
    super.initState();
    _start();
  }

  Future<void> _start() async {
    await [Permission.microphone${video ? ", Permission.camera" : ""}].request();
    _engine = createAttainRtcEngine();
    await _engine.initialize(const RtcEngineContext(appId: appId));
    _engine.registerEventHandler(RtcEngineEventHandler(
      onUserJoined: (connection, uid, elapsed) => setState(() => _remoteUid = uid),
      onUserOffline: (connection, uid, reason) => setState(() => _remoteUid = null),
      onError: (err, msg) => debugPrint('Attain error $err: $msg'),
    ));${video ? "\n    await _engine.enableVideo();\n    await _engine.startPreview();" : ""}
    await _engine.joinChannel(
      token: token,
      channelId: channel,
      uid: 0,
      options: const ChannelMediaOptions(
        clientRoleType: ClientRoleType.clientRoleBroadcaster,
        channelProfile: ChannelProfileType.channelProfileCommunication,
      ),
    );
  }

  @override
  void dispose() {
    _engine.leaveChannel();
    _engine.release();
    super.dispose();
  }

  @override
  Widget build(BuildContext context) {
    final remote = _remoteUid;
${
        video
          ? `    if (remote == null) return const Center(child: Text('Waiting for the other user...'));
    return AttainVideoView(
      controller: VideoViewController.remote(
        rtcEngine: _engine,
        canvas: VideoCanvas(uid: remote),
        connection: const RtcConnection(channelId: channel),
      ),
    );`
          : `    return Center(child: Text(remote == null ? 'Waiting for the other user...' : 'In call with $remote'));`
      }
  }
}`,
    }),
    runEn: "Run `flutter run` on two devices. Hot reload does not re-create the native engine; use a full restart after changing engine configuration.",
    runZh: "在两台设备上执行 `flutter run`。热重载不会重建原生引擎，修改引擎配置后请完整重启应用。",
    voiceZh: true,
    weight: 1.6,
  },
  {
    key: "react-native",
    name: "React Native",
    tags: ["react-native", "typescript", "cross-platform"],
    reqEn: ["React Native 0.70 or later (the New Architecture is supported from SDK 4.3.0)", "Xcode 15 and Android Studio for the native builds; Expo Go is not supported, use a development build"],
    reqZh: ["React Native 0.70 及以上（SDK 4.3.0 起支持新架构）", "原生构建需要 Xcode 15 与 Android Studio；不支持 Expo Go，请使用 development build"],
    installEn: "Install the package and the iOS pods:",
    installZh: "安装依赖并执行 iOS pod 安装：",
    install: () => ({ lang: "bash", code: "npm install react-native-attain-rtc@4.4.2\ncd ios && pod install && cd .." }),
    permEn: (video) =>
      `iOS needs the \`Info.plist\` usage descriptions; Android needs the manifest entries and a runtime request through \`PermissionsAndroid\` for \`RECORD_AUDIO\`${video ? " and `CAMERA`" : ""}, included in the component below.`,
    permZh: (video) =>
      `iOS 需要在 \`Info.plist\` 中添加权限说明；Android 需要在 Manifest 中声明权限，并通过 \`PermissionsAndroid\` 在运行时申请 \`RECORD_AUDIO\`${video ? " 和 `CAMERA`" : ""}，下方组件中已包含这部分代码。`,
    join: (video) => ({
      lang: "typescript",
      code: `
import React, { useEffect, useState } from "react";
import { PermissionsAndroid, Platform, Text, View } from "react-native";
import { ChannelProfileType, ClientRoleType, createAttainRtcEngine${video ? ", RtcSurfaceView" : ""} } from "react-native-attain-rtc";

export function CallScreen() {
  const [remoteUid, setRemoteUid] = useState<number | null>(null);

  useEffect(() => {
    const rtc = createAttainRtcEngine();
    (async () => {
      if (Platform.OS === "android") {
        await PermissionsAndroid.requestMultiple([
          PermissionsAndroid.PERMISSIONS.RECORD_AUDIO,${video ? "\n          PermissionsAndroid.PERMISSIONS.CAMERA," : ""}
        ]);
      }
      rtc.initialize({ appId: "YOUR_APP_ID", channelProfile: ChannelProfileType.ChannelProfileCommunication });
      rtc.registerEventHandler({
        onUserJoined: (_connection, uid) => setRemoteUid(uid),
        onUserOffline: () => setRemoteUid(null),
        onError: (err, msg) => console.warn("Attain error", err, msg),
      });${video ? "\n      rtc.enableVideo();\n      rtc.startPreview();" : ""}
      rtc.joinChannel("YOUR_TOKEN", "demo", 0, { clientRoleType: ClientRoleType.ClientRoleBroadcaster });
    })();
    return () => {
      rtc.leaveChannel();
      rtc.release();
    };
  }, []);

  return (
    <View style={{ flex: 1 }}>
${
        video
          ? `      <RtcSurfaceView style={{ flex: 1 }} canvas={{ uid: 0 }} />
      {remoteUid === null ? <Text>Waiting for the other user...</Text> : <RtcSurfaceView style={{ flex: 1 }} canvas={{ uid: remoteUid }} />}`
          : `      <Text>{remoteUid === null ? "Waiting for the other user..." : "In call with " + remoteUid}</Text>`
      }
    </View>
  );
}`,
    }),
    runEn: "Run `npx react-native run-android` or `run-ios` on two devices and open the call screen on both.",
    runZh: "在两台设备上分别执行 `npx react-native run-android` 或 `run-ios`，并打开通话页面。",
    voiceZh: false,
    weight: 1.4,
  },
  {
    key: "unity",
    name: "Unity",
    tags: ["unity", "csharp", "gaming"],
    reqEn: ["Unity 2021.3 LTS or later", "Target platforms: Android, iOS, Windows, macOS (WebGL is not supported)"],
    reqZh: ["Unity 2021.3 LTS 及以上", "目标平台：Android、iOS、Windows、macOS（不支持 WebGL）"],
    installEn: "In Package Manager choose **Add package from git URL** and enter the package URL:",
    installZh: "在 Package Manager 中选择 **Add package from git URL**，填入以下地址：",
    install: () => ({ lang: "bash", code: "https://github.com/attain-rtc/attain-rtc-unity.git#4.4.2" }),
    permEn: (video) =>
      `On iOS fill in **Player Settings > Microphone Usage Description**${video ? " and **Camera Usage Description**" : ""}. On Android request permissions at runtime with \`UnityEngine.Android.Permission\`, as in the script below.`,
    permZh: (video) =>
      `iOS 需要在 **Player Settings** 中填写 **Microphone Usage Description**${video ? " 和 **Camera Usage Description**" : ""}；Android 需要通过 \`UnityEngine.Android.Permission\` 在运行时申请权限，见下方脚本。`,
    join: (video) => ({
      lang: "csharp",
      code: `
using Attain.Rtc;
using UnityEngine;
#if UNITY_ANDROID
using UnityEngine.Android;
#endif

public class ${video ? "VideoCall" : "VoiceCall"} : MonoBehaviour
{
    [SerializeField] private string appId = "YOUR_APP_ID";
    [SerializeField] private string token = "YOUR_TOKEN";
    [SerializeField] private string channelName = "demo";${video ? "\n    [SerializeField] private VideoSurface localSurface;\n    [SerializeField] private VideoSurface remoteSurface;" : ""}
    private IRtcEngine engine;

    private void Start()
    {
#if UNITY_ANDROID
        Permission.RequestUserPermission(Permission.Microphone);${video ? "\n        Permission.RequestUserPermission(Permission.Camera);" : ""}
#endif
        engine = RtcEngine.CreateAttainRtcEngine();
        engine.Initialize(new RtcEngineContext { appId = appId, channelProfile = CHANNEL_PROFILE_TYPE.CHANNEL_PROFILE_COMMUNICATION });
        engine.InitEventHandler(new CallEvents(this));${video ? "\n        engine.EnableVideo();\n        localSurface.SetForUser(0);" : ""}
        engine.JoinChannel(token, channelName, 0, new ChannelMediaOptions { clientRoleType = CLIENT_ROLE_TYPE.CLIENT_ROLE_BROADCASTER });
    }

    public void OnRemoteJoined(uint uid)
    {
        ${video ? "remoteSurface.SetForUser(uid, channelName, VIDEO_SOURCE_TYPE.VIDEO_SOURCE_REMOTE);" : 'Debug.Log("Remote user joined: " + uid);'}
    }

    private void OnApplicationQuit()
    {
        engine?.LeaveChannel();
        engine?.Dispose();
        engine = null;
    }
}

internal class CallEvents : IRtcEngineEventHandler
{
    private readonly ${video ? "VideoCall" : "VoiceCall"} call;
    public CallEvents(${video ? "VideoCall" : "VoiceCall"} call) => this.call = call;
    public override void OnUserJoined(RtcConnection connection, uint uid, int elapsed) => call.OnRemoteJoined(uid);
    public override void OnError(int err, string msg) => Debug.LogError("Attain error " + err + ": " + msg);
}`,
    }),
    runEn: "Attach the script to a GameObject, assign the fields in the Inspector, and build to a device. Since 4.3.0 callbacks arrive on the Unity main thread, so you can touch GameObjects directly.",
    runZh: "将脚本挂到 GameObject 上，在 Inspector 中填写字段后构建到真机。从 4.3.0 起回调在 Unity 主线程触发，可以直接操作 GameObject。",
    voiceZh: false,
    weight: 0.8,
    stale: true,
  },
  {
    key: "electron",
    name: "Electron",
    tags: ["electron", "typescript", "desktop"],
    reqEn: ["Electron 22 or later on Windows 10+ or macOS 10.13+", "Node.js 18+; the SDK is a native addon, so it must be rebuilt for your exact Electron version"],
    reqZh: ["Electron 22 及以上，运行于 Windows 10+ 或 macOS 10.13+", "Node.js 18 及以上；SDK 是原生插件，需要针对所用的 Electron 版本重新编译"],
    installEn: "Install the addon and rebuild it against your Electron ABI:",
    installZh: "安装插件，并针对当前 Electron ABI 重新编译：",
    install: () => ({ lang: "bash", code: "npm install attain-electron-sdk@4.4.2\nnpx attain-electron-sdk rebuild --electron-version 28.2.0" }),
    permEn: (video) =>
      `On macOS call \`systemPreferences.askForMediaAccess("microphone")\`${video ? ' and `askForMediaAccess("camera")`' : ""} in the main process before opening the call window, and add the usage descriptions through \`extendInfo\` in electron-builder. Windows has no prompt; see the Windows quick start for the privacy switches.`,
    permZh: (video) =>
      `macOS 上需要在主进程打开通话窗口前调用 \`systemPreferences.askForMediaAccess("microphone")\`${video ? ' 和 `askForMediaAccess("camera")`' : ""}，并通过 electron-builder 的 \`extendInfo\` 添加权限说明。Windows 没有授权弹窗，隐私开关请参考 Windows 快速开始。`,
    join: (video) => ({
      lang: "typescript",
      code: `
// renderer.ts (contextIsolation disabled for this demo; use a preload bridge in production)
import { ChannelProfileType, ClientRoleType, createAttainRtcEngine${video ? ", VideoSourceType" : ""} } from "attain-electron-sdk";

const engine = createAttainRtcEngine();
engine.initialize({ appId: "YOUR_APP_ID", channelProfile: ChannelProfileType.ChannelProfileCommunication });

engine.registerEventHandler({
  onJoinChannelSuccess: (connection, elapsed) => console.log("joined", connection.channelId, elapsed),
  onUserJoined: (connection, remoteUid) => {
${
        video
          ? `    const view = document.getElementById("remote");
    if (view) engine.setupRemoteVideo({ uid: remoteUid, view, sourceType: VideoSourceType.VideoSourceRemote });`
          : `    console.log("remote user joined", remoteUid);`
      }
  },
  onError: (err, msg) => console.error("Attain error", err, msg),
});
${
        video
          ? `
engine.enableVideo();
const localView = document.getElementById("local");
if (localView) engine.setupLocalVideo({ uid: 0, view: localView, sourceType: VideoSourceType.VideoSourceCamera });
engine.startPreview();
`
          : ""
      }
engine.joinChannel("YOUR_TOKEN", "demo", 0, { clientRoleType: ClientRoleType.ClientRoleBroadcaster });

window.addEventListener("beforeunload", () => {
  engine.leaveChannel();
  engine.release();
});`,
    }),
    runEn: "Run `npm start`, then join from a second machine. If the app crashes on load with `NODE_MODULE_VERSION` in the log, the addon was built for another Electron version: run the rebuild command again.",
    runZh: "执行 `npm start` 后从另一台电脑加入。如果启动即崩溃且日志中出现 `NODE_MODULE_VERSION`，说明插件是针对其他 Electron 版本编译的，请重新执行 rebuild 命令。",
    voiceZh: false,
    weight: 0.7,
    stale: true,
  },
];

function quickStartGroup(p: Platform, video: boolean): GroupSpec {
  const modeEn = video ? "video calling" : "voice calling";
  const modeZh = video ? "视频通话" : "语音通话";
  const perm = p.permCode ? "\n\n" + fence(p.permCode(video)) : "";
  const slug = "quick-start-" + (video ? "video" : "voice") + "-" + p.key;
  const en: LocalizedText = {
    title: `Quick start: ${modeEn} on ${p.name}`,
    summary: `Build a minimal one-to-one ${modeEn} app on ${p.name} with the Attain RTC SDK in about 15 minutes.`,
    body: `
This guide builds a minimal one-to-one ${modeEn} app on ${p.name}: it adds the Attain RTC SDK, requests permissions, initializes the engine and joins a channel with a temporary token${video ? ", then renders the local and remote video" : ""}.

## Prerequisites

${bullets([
      ...p.reqEn,
      "An Attain Console project: copy its **App ID** and generate a **temporary token** for the channel `demo` (Console tokens expire after 24 hours)",
      "Two devices, or one device plus the Web demo, to test the call",
    ])}

## Add the SDK

${p.installEn}

${fence(p.install(video))}

## Request permissions

${p.permEn(video)}${perm}

## Initialize the engine and join a channel

Replace \`YOUR_APP_ID\` and \`YOUR_TOKEN\` with the values from the Console. Create one engine per process and reuse it across calls: re-creating it for every call adds 300-800 ms to the join time.

${fence(p.join(video))}

## Run and verify

${p.runEn}

${bullets([
      "If joining fails with error 110 (or `ERR_TOKEN_EXPIRED` on Web), the token expired or was generated for another channel name.",
      "If you hear echo while both test devices are in the same room, that is acoustic coupling rather than a bug: use headphones or move the devices apart.",
    ])}

## Next steps

${bullets([
      "Generate tokens on your own server: see the token server samples for Node.js, Go and Java.",
      video
        ? "Choose resolution, frame rate and bitrate with `setVideoEncoderConfiguration`."
        : "Show who is speaking with `enableAudioVolumeIndication`.",
      "Read the weak-network best practices before going to production.",
    ])}
`,
  };
  const zh: LocalizedText = {
    title: `${p.name} ${modeZh}快速开始`,
    summary: `使用 Attain RTC SDK 在 ${p.name} 上约 15 分钟搭建一个一对一${modeZh}应用。`,
    body: `
本文带你在 ${p.name} 上搭建一个最简单的一对一${modeZh}应用：集成 Attain RTC SDK、申请权限、初始化引擎，并使用临时 Token 加入频道${video ? "，最后渲染本地和远端视频" : ""}。

## 前提条件

${bullets([...p.reqZh, "一个 Attain 控制台项目：复制 **App ID**，并为频道 `demo` 生成**临时 Token**（控制台生成的 Token 24 小时后过期）", "两台测试设备，或一台设备加 Web Demo"])}

## 集成 SDK

${p.installZh}

${fence(p.install(video))}

## 申请权限

${p.permZh(video)}${perm}

## 初始化引擎并加入频道

将 \`YOUR_APP_ID\` 和 \`YOUR_TOKEN\` 替换为控制台中的值。每个进程只创建一个引擎实例并在多次通话间复用：每次通话都重新创建引擎会让加入频道的耗时增加 300-800 毫秒。

${fence(p.join(video))}

## 运行与验证

${p.runZh}

${bullets([
      "如果加入频道失败并报错误码 110（Web 端为 `ERR_TOKEN_EXPIRED`），说明 Token 已过期或生成时使用的频道名不一致。",
      "两台测试设备放在同一个房间时听到回声属于声学耦合，并非 SDK 问题：请佩戴耳机或拉开设备距离。",
    ])}

## 后续步骤

${bullets([
      "在自己的服务端生成 Token：参考 Node.js、Go、Java 的 Token 服务端示例。",
      video ? "通过 `setVideoEncoderConfiguration` 设置分辨率、帧率和码率。" : "通过 `enableAudioVolumeIndication` 显示正在说话的用户。",
      "上线前请阅读弱网对抗最佳实践。",
    ])}
`,
  };
  return {
    slug,
    productArea: video ? "video_calling" : "voice_calling",
    type: "quick_start",
    tags: ["quick-start", ...p.tags, video ? "video" : "voice"],
    sdkVersions: ["4.4.x", CURRENT],
    stale: p.stale,
    weight: p.weight * (video ? 1 : 0.6),
    en,
    zh: video || p.voiceZh ? zh : undefined,
  };
}

const QUICK_STARTS: GroupSpec[] = PLATFORMS.flatMap((p) => [quickStartGroup(p, true), quickStartGroup(p, false)]);

// ---------------------------------------------------------------------------------------------
// Error code FAQs
// ---------------------------------------------------------------------------------------------

type ErrorText = { title: string; summary: string; meaning: string; causes: string[]; fixes: string[]; note?: string };

type ErrorFaqSpec = {
  code: string;
  slug: string;
  area: Area;
  tags: string[];
  sdkVersions: string[];
  weight?: number;
  stale?: boolean | Locale;
  draft?: boolean | Locale;
  snippet?: Snippet;
  en: ErrorText;
  zh?: ErrorText;
};

const ERROR_FAQS: ErrorFaqSpec[] = [
  {
    code: "2",
    slug: "error-2-invalid-argument",
    area: "other",
    tags: ["error-code", "api", "troubleshooting"],
    sdkVersions: ["4.x"],
    snippet: {
      lang: "kotlin",
      code: `
private val CHANNEL_NAME = Regex("^[A-Za-z0-9 !#%&()+,.:;<=>?@^_|~-]{1,64}$")

fun safeJoin(engine: AttainRtcEngine, token: String, channel: String, uid: Int): Int {
    require(CHANNEL_NAME.matches(channel)) { "Invalid channel name: $channel" }
    val ret = engine.joinChannel(token, channel, uid, ChannelMediaOptions())
    if (ret < 0) Log.e(TAG, "joinChannel($channel, $uid) returned $ret")
    return ret
}`,
    },
    en: {
      title: "Error 2: invalid argument",
      summary: "A method returned -2 or onError reported 2 because one of its arguments is out of range, empty or of the wrong type.",
      meaning:
        "Error 2 (`ERR_INVALID_ARGUMENT`) is returned synchronously as `-2` by the method you called, or reported through `onError(2)` when the check happens on the SDK thread. The SDK rejects the call without changing any state, so the fix is always on the caller's side.",
      causes: [
        "An empty channel name, a channel name longer than 64 bytes, or one containing characters outside the allowed set.",
        "A video dimension, frame rate or bitrate outside the supported range, for example width 0 or frame rate 0 in `setVideoEncoderConfiguration`.",
        "A UID above 2^31-1 passed as a signed integer in Kotlin/Java, which becomes negative. Keep UIDs below 2^31 or convert with `toInt()` consistently on every client.",
        "Calling `setupRemoteVideo` with a view that has already been released by the UI framework.",
      ],
      fixes: [
        "Log the exact arguments immediately before the failing call; most cases are obvious once printed.",
        "Validate channel names before joining. The allowed set is ASCII letters, digits, space and `!#%&()+,.:;<=>?@^_|~-`.",
        "Compare your encoder values with the ranges in the `setVideoEncoderConfiguration` API reference.",
      ],
    },
    zh: {
      title: "错误码 2：参数无效",
      summary: "方法返回 -2 或 onError 回调 2，说明传入的某个参数超出范围、为空或类型不正确。",
      meaning:
        "错误码 2（`ERR_INVALID_ARGUMENT`）会由被调用的方法同步返回 `-2`，如果校验发生在 SDK 线程上，则通过 `onError(2)` 上报。SDK 会直接拒绝本次调用且不改变任何状态，因此问题一定出在调用方。",
      causes: [
        "频道名为空、超过 64 字节，或包含不在允许范围内的字符（例如中文、emoji）。",
        "`setVideoEncoderConfiguration` 中的分辨率、帧率或码率超出支持范围，例如宽度为 0、帧率为 0。",
        "在 Kotlin/Java 中以有符号整数传入大于 2^31-1 的 UID，结果变成负数。",
        "调用 `setupRemoteVideo` 时传入的视图已被 UI 框架释放。",
      ],
      fixes: [
        "在出错的调用前打印完整参数，大部分问题打印出来就一目了然。",
        "加入频道前校验频道名：只允许 ASCII 字母、数字、空格和 `!#%&()+,.:;<=>?@^_|~-`。",
        "对照 `setVideoEncoderConfiguration` API 参考检查编码参数的取值范围。",
      ],
    },
  },
  {
    code: "3",
    slug: "error-3-sdk-not-ready",
    area: "other",
    tags: ["error-code", "initialization", "android"],
    sdkVersions: ["4.x"],
    snippet: {
      lang: "kotlin",
      code: `
// app/build.gradle.kts: ship the native libraries for every ABI you support
android {
    defaultConfig {
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }
    packaging {
        jniLibs { useLegacyPackaging = false }
    }
}`,
    },
    en: {
      title: "Error 3: SDK not ready",
      summary: "Error 3 means a method was called before the engine finished initializing, after it was destroyed, or when initialization failed.",
      meaning:
        "Error 3 (`ERR_NOT_READY`) tells you the engine object exists but cannot serve the call. It is almost always a lifecycle problem in the app rather than a network or server problem.",
      causes: [
        "`AttainRtcEngine.create()` threw or returned null (for example because the native library for the device ABI is missing) and the app kept using a stale reference.",
        "A method was called after `AttainRtcEngine.destroy()`, typically from a callback or coroutine that outlived the call screen.",
        "Two parts of the app each created their own engine; only one instance per process is supported.",
      ],
      fixes: [
        "Check the result of engine creation and surface the exception; look for `UnsatisfiedLinkError` in Logcat.",
        "Hold the engine in a single owner (an application-scoped singleton or a dependency-injection scope) and null the reference after `destroy()`.",
        "Make sure every ABI you ship is included in `abiFilters`, especially after enabling App Bundle splits.",
      ],
    },
  },
  {
    code: "17",
    slug: "error-17-join-channel-rejected",
    area: "video_calling",
    tags: ["error-code", "join-channel", "lifecycle"],
    sdkVersions: ["4.x"],
    weight: 1.6,
    snippet: {
      lang: "kotlin",
      code: `
private var connectionState = Constants.CONNECTION_STATE_DISCONNECTED

override fun onConnectionStateChanged(state: Int, reason: Int) {
    connectionState = state
}

fun joinIfIdle(token: String, channel: String) {
    if (connectionState != Constants.CONNECTION_STATE_DISCONNECTED) {
        Log.w(TAG, "Already connecting or connected (state $connectionState), skipping join")
        return
    }
    engine.joinChannel(token, channel, 0, ChannelMediaOptions())
}`,
    },
    en: {
      title: "Error 17: join channel rejected",
      summary: "Error 17 is reported when joinChannel is called while the client is already in, or still joining, a channel.",
      meaning:
        "Error 17 (`ERR_JOIN_CHANNEL_REJECTED`) is returned as `-17` from `joinChannel`. The first join is unaffected: the user usually stays in the original channel, but your UI may think the second join failed.",
      causes: [
        "`joinChannel` is called twice, for example from both `onResume` and a button handler, or because a user double-taps **Join**.",
        "`leaveChannel` was called but the app joined again before `onLeaveChannel` fired.",
        "An echo test (`startEchoTest`) is still running; it occupies the connection until `stopEchoTest`.",
      ],
      fixes: [
        "Track the connection state through `onConnectionStateChanged` and only join from the disconnected state.",
        "To switch channels, call `leaveChannel`, wait for `onLeaveChannel`, then join; or use `switchChannel` in live streaming audience mode.",
        "Disable the **Join** button until the join completes or fails.",
      ],
    },
    zh: {
      title: "错误码 17：加入频道被拒绝",
      summary: "在已经加入或正在加入频道时再次调用 joinChannel，会收到错误码 17。",
      meaning:
        "错误码 17（`ERR_JOIN_CHANNEL_REJECTED`）由 `joinChannel` 返回 `-17`。第一次加入不受影响，用户通常仍在原频道中，但应用界面可能误以为加入失败。",
      causes: [
        "`joinChannel` 被调用了两次，例如在 `onResume` 和按钮回调中各调用一次，或用户连续点击了 **加入**。",
        "调用了 `leaveChannel`，但在 `onLeaveChannel` 回调之前又发起了加入。",
        "通话前测试（`startEchoTest`）仍在进行，需要先调用 `stopEchoTest`。",
      ],
      fixes: [
        "通过 `onConnectionStateChanged` 维护连接状态，只在断开状态下发起加入。",
        "切换频道时先 `leaveChannel`，等待 `onLeaveChannel` 后再加入；直播观众可直接使用 `switchChannel`。",
        "加入完成或失败之前禁用 **加入** 按钮，避免重复点击。",
      ],
    },
  },
  {
    code: "18",
    slug: "error-18-leave-channel-rejected",
    area: "video_calling",
    tags: ["error-code", "leave-channel", "lifecycle"],
    sdkVersions: ["4.x"],
    stale: true,
    en: {
      title: "Error 18: leave channel rejected",
      summary: "Error 18 means leaveChannel was called while the client was not in a channel; it is harmless but often hides a lifecycle bug.",
      meaning:
        "`leaveChannel` returns `-18` (`ERR_LEAVE_CHANNEL_REJECTED`) when there is nothing to leave. The SDK state is unchanged. The error itself does not hurt users, but it frequently appears together with error 17 in apps whose call state is tracked in more than one place.",
      causes: [
        "`leaveChannel` is called from both the hang-up button and `onDestroy`/`viewDidDisappear`.",
        "The join failed (for example with error 110) and the cleanup code still calls `leaveChannel`.",
        "The engine was already destroyed by another screen.",
      ],
      fixes: [
        "Keep one source of truth for the call state and make your hang-up function idempotent.",
        "Treat `-18` from `leaveChannel` as success in cleanup paths, but log it at debug level so double-leave bugs stay visible.",
        "If users report being stuck in a call after hanging up, collect the SDK log: a rejected leave combined with continued `onAudioVolumeIndication` callbacks points to a second engine instance.",
      ],
    },
  },
  {
    code: "101",
    slug: "error-101-invalid-app-id",
    area: "other",
    tags: ["error-code", "app-id", "console", "authentication"],
    sdkVersions: ["4.x"],
    weight: 1.8,
    snippet: {
      lang: "kotlin",
      code: `
// app/build.gradle.kts: inject the App ID per build type instead of hard-coding it
android {
    buildTypes {
        getByName("debug") { resValue("string", "attain_app_id", providers.gradleProperty("attainAppIdStaging").get()) }
        getByName("release") { resValue("string", "attain_app_id", providers.gradleProperty("attainAppIdProd").get()) }
    }
}

// at runtime
config.appId = getString(R.string.attain_app_id).trim()`,
    },
    en: {
      title: "Error 101: invalid App ID",
      summary: "Error 101 means the App ID passed to the engine does not exist, is disabled, or is malformed.",
      meaning:
        "Error 101 (`ERR_INVALID_APP_ID`) is reported through `onError` shortly after initialization or on the first `joinChannel`. The SDK cannot reach any channel with this App ID, so nothing else will work until it is fixed.",
      causes: [
        "A typo, a trailing space or newline copied from the Console, or the App Certificate pasted instead of the App ID.",
        "The App ID belongs to another project or environment (staging vs. production) than the tokens you generate.",
        "The project was disabled in the Console, for example after a billing suspension or by a team admin.",
      ],
      fixes: [
        "Copy the App ID again from **Console > Projects** and trim it in code; it is a 32-character hexadecimal string.",
        "Check that the project status is **Active**. Disabled projects show a banner in the Console.",
        "Keep the App ID in build configuration per environment rather than in source code.",
      ],
      note: "Never ship the App Certificate in a client app. If you pasted it into client code by mistake, rotate it in the Console.",
    },
    zh: {
      title: "错误码 101：App ID 无效",
      summary: "错误码 101 表示传给引擎的 App ID 不存在、已被停用或格式不正确。",
      meaning:
        "错误码 101（`ERR_INVALID_APP_ID`）会在初始化后或第一次 `joinChannel` 时通过 `onError` 上报。使用该 App ID 无法加入任何频道，修复之前其他功能都无法使用。",
      causes: [
        "复制时带入了空格或换行，或者误把 App Certificate 当作 App ID 填入。",
        "App ID 与生成 Token 所用的项目不是同一个（例如测试环境与生产环境混用）。",
        "项目在控制台被停用，例如因欠费暂停或被团队管理员关闭。",
      ],
      fixes: [
        "从 **控制台 > 项目管理** 重新复制 App ID，并在代码中做 trim 处理；App ID 是 32 位十六进制字符串。",
        "确认项目状态为 **已启用**，被停用的项目会在控制台顶部显示提示。",
        "按环境在构建配置中管理 App ID，不要硬编码在源码里。",
      ],
      note: "App Certificate 绝不能放在客户端。如果误写入了客户端代码，请立即在控制台中更换。",
    },
  },
  {
    code: "102",
    slug: "error-102-invalid-channel-name",
    area: "other",
    tags: ["error-code", "channel-name", "join-channel"],
    sdkVersions: ["4.x"],
    snippet: {
      lang: "typescript",
      code: `
import { createHash } from "node:crypto";

/** Map any user-facing room title (Chinese, emoji, long names) to a valid channel name. */
export function toChannelName(roomTitle: string): string {
  return "room_" + createHash("sha1").update(roomTitle, "utf8").digest("hex").slice(0, 32);
}`,
    },
    en: {
      title: "Error 102: invalid channel name",
      summary: "Error 102 means the channel name is too long or contains characters that are not allowed.",
      meaning:
        "Error 102 (`ERR_INVALID_CHANNEL_NAME`) is returned by `joinChannel` when the channel name fails validation. Channel names are at most 64 bytes of ASCII letters, digits, space and a small set of punctuation.",
      causes: [
        "Using a user-visible room title that contains Chinese characters, emoji or accented letters as the channel name.",
        "Building names by concatenating several IDs, which pushes them over 64 bytes.",
        "Passing an empty string when the room ID has not loaded yet.",
      ],
      fixes: [
        "Derive channel names from stable internal IDs, or hash the user-facing title on your server (sample below).",
        "Generate the token from exactly the same channel string, otherwise you will get error 110 next.",
        "Wait for the room ID before enabling the **Join** button.",
      ],
    },
    zh: {
      title: "错误码 102：频道名无效",
      summary: "错误码 102 表示频道名过长或包含不允许的字符。",
      meaning:
        "频道名校验失败时 `joinChannel` 会返回错误码 102（`ERR_INVALID_CHANNEL_NAME`）。频道名最长 64 字节，只能包含 ASCII 字母、数字、空格和少量标点符号。",
      causes: [
        "直接把界面上展示的房间名（含中文、emoji）当作频道名。",
        "把多个 ID 拼接成频道名，导致超过 64 字节。",
        "房间 ID 尚未加载完成时传入了空字符串。",
      ],
      fixes: [
        "使用稳定的内部 ID 作为频道名，或在服务端对房间名做哈希（见下方示例）。",
        "生成 Token 时使用完全相同的频道名字符串，否则接下来会遇到错误码 110。",
        "房间 ID 加载完成前禁用 **加入** 按钮。",
      ],
    },
  },
  {
    code: "110",
    slug: "error-110-token-invalid-or-expired",
    area: "other",
    tags: ["error-code", "token", "authentication", "security"],
    sdkVersions: ["4.x"],
    weight: 3,
    snippet: {
      lang: "kotlin",
      code: `
override fun onTokenPrivilegeWillExpire(token: String) {
    // Fired 30 seconds before the token expires: fetch a fresh one and renew in place.
    scope.launch {
        val fresh = tokenApi.fetchRtcToken(channel = channelName, uid = localUid)
        engine.renewToken(fresh)
    }
}

override fun onRequestToken() {
    // The token has already expired and the SDK has disconnected.
    scope.launch {
        val fresh = tokenApi.fetchRtcToken(channel = channelName, uid = localUid)
        engine.joinChannel(fresh, channelName, localUid, currentOptions)
    }
}`,
    },
    en: {
      title: "Error 110: token invalid or expired",
      summary: "Error 110 means the token presented when joining or renewing is expired, malformed, or was generated for a different App ID, channel or UID.",
      meaning:
        "Error 110 (`ERR_INVALID_TOKEN`) is reported through `onError` or `onConnectionStateChanged` with reason `TOKEN_INVALID`/`TOKEN_EXPIRED`. It is the most common error in support tickets. On the Web SDK the equivalent errors are `ERR_TOKEN_EXPIRED` and `ERR_INVALID_TOKEN`.",
      causes: [
        "The token expired: Console tokens last 24 hours, and server-generated tokens last as long as the expiry you set (often one hour).",
        "The token was generated for another channel name or UID. A token for UID `1234` does not work with UID `0`, and a string UID does not match the same digits as an integer UID.",
        "The App Certificate was rotated, or the token server uses the certificate of another project.",
        "The token server clock is wrong, so tokens are born already expired.",
      ],
      fixes: [
        "Renew tokens before they expire: handle `onTokenPrivilegeWillExpire` and call `renewToken` (sample below).",
        "Log the channel name and UID on both the client and the token server and compare them byte by byte.",
        "Paste the token into **Console > Toolkit > Token inspector**; it shows the App ID, channel, UID and expiry encoded in the token.",
        "Keep the token server synchronized with NTP.",
      ],
    },
    zh: {
      title: "错误码 110：Token 无效或已过期",
      summary: "错误码 110 表示加入频道或续期时使用的 Token 已过期、格式错误，或生成时使用的 App ID、频道名、UID 与实际不一致。",
      meaning:
        "错误码 110（`ERR_INVALID_TOKEN`）通过 `onError` 或 `onConnectionStateChanged`（原因为 `TOKEN_INVALID`/`TOKEN_EXPIRED`）上报，是工单中最常见的错误。Web SDK 中对应的错误为 `ERR_TOKEN_EXPIRED` 和 `ERR_INVALID_TOKEN`。",
      causes: [
        "Token 已过期：控制台生成的 Token 有效期 24 小时，服务端生成的 Token 有效期取决于你设置的过期时间（通常为 1 小时）。",
        "生成 Token 时的频道名或 UID 与加入时不同。为 UID `1234` 生成的 Token 不能用于 UID `0`，字符串 UID 与相同数字的整型 UID 也不通用。",
        "App Certificate 已更换，或 Token 服务端使用了其他项目的证书。",
        "Token 服务器时钟不准，生成的 Token 一出生就已过期。",
      ],
      fixes: [
        "在过期前续期：监听 `onTokenPrivilegeWillExpire` 并调用 `renewToken`（见下方示例）。",
        "在客户端和 Token 服务端分别打印频道名和 UID，逐字节比对。",
        "将 Token 粘贴到 **控制台 > 工具箱 > Token 解析**，可以看到其中编码的 App ID、频道、UID 和过期时间。",
        "Token 服务器开启 NTP 时间同步。",
      ],
    },
  },
  {
    code: "123",
    slug: "error-123-banned-by-server",
    area: "other",
    tags: ["error-code", "moderation", "rest-api"],
    sdkVersions: ["4.x"],
    snippet: {
      lang: "bash",
      code: `
# List the active ban rules of a project
curl -s -u "$CUSTOMER_KEY:$CUSTOMER_SECRET" \\
  "https://api.attain.example/dev/v1/kicking-rule?appid=$APP_ID"

# Delete one rule by id
curl -s -X DELETE -u "$CUSTOMER_KEY:$CUSTOMER_SECRET" \\
  -H "Content-Type: application/json" \\
  -d '{"appid": "'"$APP_ID"'", "id": 1953}' \\
  "https://api.attain.example/dev/v1/kicking-rule"`,
    },
    en: {
      title: "Error 123: user banned by the server",
      summary: "Error 123 means a ban rule created through the channel management REST API is blocking this user, IP or channel.",
      meaning:
        "When a ban rule matches, the SDK disconnects with connection state reason `BANNED_BY_SERVER` and reports error 123. Rejoining immediately fails again until the rule expires or is deleted.",
      causes: [
        "Your moderation back end kicked the user with a rule keyed on UID, IP address or channel.",
        "A rule meant for one channel was created without the `cname` field and therefore applies to the whole project.",
        "The rule's `time` (minutes) is longer than intended; `0` means the rule never expires.",
      ],
      fixes: [
        "List active rules with the REST API and delete the one that matches the user.",
        "Always set both `cname` and `uid` when banning a single user from a single channel.",
        "Show a clear message to banned users instead of retrying the join in a loop.",
      ],
    },
  },
  {
    code: "1003",
    slug: "error-1003-audio-device-start-failed",
    area: "voice_calling",
    tags: ["error-code", "audio-device", "microphone", "windows", "android"],
    sdkVersions: ["4.x"],
    weight: 1.4,
    snippet: {
      lang: "cpp",
      code: `
AAudioDeviceManager adm(engine);
IAudioDeviceCollection* mics = adm->enumerateRecordingDevices();
for (int i = 0; i < mics->getCount(); ++i) {
    char name[MAX_DEVICE_ID_LENGTH] = {0};
    char id[MAX_DEVICE_ID_LENGTH] = {0};
    mics->getDevice(i, name, id);
    std::cout << i << ": " << name << " (" << id << ")" << std::endl;
}
adm->setRecordingDevice(preferredDeviceId);  // pick a device that is not held exclusively
mics->release();`,
    },
    en: {
      title: "Error 1003: audio device start failed",
      summary: "Error 1003 means the SDK could not start the recording device, usually because another app holds the microphone or the OS blocked access.",
      meaning:
        "Error 1003 (`ERR_ADM_START_RECORDING`) is reported through `onError` and `onLocalAudioStateChanged` with state `FAILED`. The user stays in the channel, but nobody hears them.",
      causes: [
        "Another application is using the microphone exclusively: a phone call, another VoIP app, or system dictation on Android.",
        "Windows: the device is in exclusive mode, or the desktop-app microphone privacy switch is off.",
        "Android: a Bluetooth headset is connected but SCO could not be established.",
        "The selected device was unplugged between enumeration and start.",
      ],
      fixes: [
        "Listen for `onLocalAudioStateChanged` and show an in-call banner telling the user to close other calling apps.",
        "On Windows enumerate devices and let the user pick another microphone (sample below); check **Settings > Privacy & security > Microphone**.",
        "On Android retry once after the competing call ends: `onAudioFocusChange` with `AUDIOFOCUS_GAIN` is a good trigger.",
        "Collect the SDK log; it contains the OS error code returned by the audio driver.",
      ],
    },
    zh: {
      title: "错误码 1003：音频采集设备启动失败",
      summary: "错误码 1003 表示 SDK 无法启动录音设备，通常是麦克风被其他应用占用或被系统禁止访问。",
      meaning:
        "错误码 1003（`ERR_ADM_START_RECORDING`）通过 `onError` 以及状态为 `FAILED` 的 `onLocalAudioStateChanged` 上报。用户仍在频道中，但其他人听不到他的声音。",
      causes: [
        "麦克风被其他应用独占：正在进行的电话、其他语音应用，或 Android 的语音输入。",
        "Windows：设备处于独占模式，或关闭了“允许桌面应用访问麦克风”的隐私开关。",
        "Android：已连接蓝牙耳机但 SCO 链路建立失败。",
        "设备在枚举与启动之间被拔出。",
      ],
      fixes: [
        "监听 `onLocalAudioStateChanged`，在通话界面提示用户关闭其他通话类应用。",
        "Windows 上枚举设备并允许用户切换麦克风（见下方示例），同时检查 **设置 > 隐私和安全性 > 麦克风**。",
        "Android 上在占用结束后重试一次，可以用 `onAudioFocusChange` 收到 `AUDIOFOCUS_GAIN` 作为触发时机。",
        "收集 SDK 日志，其中包含音频驱动返回的系统错误码。",
      ],
    },
  },
  {
    code: "1008",
    slug: "error-1008-audio-playback-failed",
    area: "voice_calling",
    tags: ["error-code", "audio-device", "playback", "android"],
    sdkVersions: ["4.x"],
    snippet: {
      lang: "kotlin",
      code: `
override fun onAudioRouteChanged(routing: Int) {
    Log.i(TAG, "Audio route changed to $routing")
}

override fun onLocalAudioStateChanged(state: Int, reason: Int) {
    if (state == Constants.LOCAL_AUDIO_STREAM_STATE_FAILED) {
        // Re-apply the route once; the SDK restarts playback on the new device.
        engine.setEnableSpeakerphone(audioManager.isWiredHeadsetOn.not())
    }
}`,
    },
    en: {
      title: "Error 1008: audio playback device start failed",
      summary: "Error 1008 means the SDK could not start audio playback, so the user cannot hear the remote side.",
      meaning:
        "Error 1008 (`ERR_ADM_START_PLAYOUT`) is reported when the playout device cannot be opened or stops unexpectedly. The local user can still be heard, which makes the issue look one-sided in user reports.",
      causes: [
        "The output device disappeared mid-call: headphones unplugged, Bluetooth headset out of range, USB DAC disconnected.",
        "Android: another media player (for example ExoPlayer playing a ringtone) holds the audio output with an incompatible mode.",
        "Windows: the default output device uses a sample rate or channel layout that the driver cannot open in shared mode.",
      ],
      fixes: [
        "Handle `onAudioRouteChanged` and re-apply the desired route after device changes.",
        "Stop ringtones and other players before joining; let the SDK own the audio mode during the call.",
        "On Windows, ask the user to select another output device or reset the device format to 48 kHz in the sound control panel.",
      ],
    },
    zh: {
      title: "错误码 1008：音频播放设备启动失败",
      summary: "错误码 1008 表示 SDK 无法启动音频播放，用户听不到对方声音。",
      meaning:
        "播放设备无法打开或意外停止时会上报错误码 1008（`ERR_ADM_START_PLAYOUT`）。本端声音仍可被对方听到，所以用户反馈通常是“我能说话但听不到对方”。",
      causes: [
        "通话中输出设备消失：拔出耳机、蓝牙耳机超出范围、USB 声卡断开。",
        "Android：其他播放器（例如播放铃声的 ExoPlayer）以不兼容的模式占用了音频输出。",
        "Windows：默认输出设备的采样率或声道配置在共享模式下无法打开。",
      ],
      fixes: [
        "处理 `onAudioRouteChanged`，在设备变化后重新设置期望的音频路由。",
        "加入频道前停止铃声和其他播放器，通话期间由 SDK 统一管理音频模式。",
        "Windows 上让用户切换输出设备，或在声音控制面板中将设备格式重置为 48 kHz。",
      ],
    },
  },
  {
    code: "1501",
    slug: "error-1501-camera-permission-denied",
    area: "video_calling",
    tags: ["error-code", "camera", "permissions", "ios", "android"],
    sdkVersions: ["4.x"],
    weight: 1.5,
    snippet: {
      lang: "swift",
      code: `
func enableCameraIfAllowed() {
    switch AVCaptureDevice.authorizationStatus(for: .video) {
    case .authorized:
        engine.enableVideo()
    case .notDetermined:
        AVCaptureDevice.requestAccess(for: .video) { granted in
            DispatchQueue.main.async {
                if granted { self.engine.enableVideo() } else { self.showCameraDeniedBanner() }
            }
        }
    default:
        showCameraDeniedBanner()  // offers a button that opens UIApplication.openSettingsURLString
    }
}`,
    },
    en: {
      title: "Error 1501: camera permission denied",
      summary: "Error 1501 means the operating system refused camera access, so local video cannot start.",
      meaning:
        "Error 1501 (`ERR_VDM_CAMERA_NOT_AUTHORIZED`) is reported through `onLocalVideoStateChanged` with state `FAILED`. Audio keeps working, so users typically report \"they can hear me but see a black tile\".",
      causes: [
        "The user denied the permission prompt, or revoked the permission later in system settings.",
        "iOS/macOS: `NSCameraUsageDescription` is missing, so the prompt is never shown.",
        "Android 11+: one-time permission expired while the app was in the background.",
        "A device management (MDM) profile disables the camera on company-managed devices.",
      ],
      fixes: [
        "Check the authorization status before enabling video and explain why the camera is needed (sample below).",
        "When the permission is denied, offer a button that deep-links to the app's settings page.",
        "Handle `onLocalVideoStateChanged` and switch the local tile to an avatar instead of a black view.",
      ],
    },
    zh: {
      title: "错误码 1501：摄像头权限被拒绝",
      summary: "错误码 1501 表示操作系统拒绝了摄像头访问，本地视频无法开启。",
      meaning:
        "错误码 1501（`ERR_VDM_CAMERA_NOT_AUTHORIZED`）通过状态为 `FAILED` 的 `onLocalVideoStateChanged` 上报。音频不受影响，所以用户反馈通常是“对方能听到我，但看到的是黑屏”。",
      causes: [
        "用户拒绝了权限弹窗，或之后在系统设置中关闭了权限。",
        "iOS/macOS：缺少 `NSCameraUsageDescription`，系统不会弹出授权框。",
        "Android 11 及以上：应用在后台期间，单次授权已失效。",
        "企业设备上的 MDM 配置禁用了摄像头。",
      ],
      fixes: [
        "开启视频前检查授权状态，并向用户说明需要摄像头的原因（见下方示例）。",
        "权限被拒绝时提供按钮，直接跳转到应用的系统设置页。",
        "处理 `onLocalVideoStateChanged`，将本地画面切换为头像而不是黑屏。",
      ],
    },
  },
  {
    code: "1502",
    slug: "error-1502-microphone-permission-denied",
    area: "voice_calling",
    tags: ["error-code", "microphone", "permissions", "android"],
    sdkVersions: ["4.x"],
    snippet: {
      lang: "kotlin",
      code: `
private val micPermission = registerForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
    if (granted) {
        engine.enableLocalAudio(true)
    } else if (!shouldShowRequestPermissionRationale(Manifest.permission.RECORD_AUDIO)) {
        // "Don't ask again": only the settings page can grant it now.
        startActivity(Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", packageName, null)))
    }
}

fun ensureMicrophone() = micPermission.launch(Manifest.permission.RECORD_AUDIO)`,
    },
    en: {
      title: "Error 1502: microphone permission denied",
      summary: "Error 1502 means the app has no permission to record audio, so the remote side hears silence.",
      meaning:
        "Error 1502 (`ERR_ADM_RECORD_NOT_AUTHORIZED`) is reported through `onLocalAudioStateChanged`. Unlike error 1003, retrying does not help: the operating system will keep refusing until the user grants the permission.",
      causes: [
        "`RECORD_AUDIO` was denied or the user selected **Don't ask again** on Android.",
        "iOS: `NSMicrophoneUsageDescription` is missing or the user switched the permission off in Settings.",
        "The app requested the permission only after joining, and the user dismissed the dialog mid-call.",
      ],
      fixes: [
        "Request the permission before joining, from a screen that explains why it is needed.",
        "Detect the permanent-denial case and deep-link to the settings page (sample below).",
        "Show a muted-microphone indicator with a tap target that re-opens the permission flow.",
      ],
    },
    zh: {
      title: "错误码 1502：麦克风权限被拒绝",
      summary: "错误码 1502 表示应用没有录音权限，对方只能听到静音。",
      meaning:
        "错误码 1502（`ERR_ADM_RECORD_NOT_AUTHORIZED`）通过 `onLocalAudioStateChanged` 上报。与错误码 1003 不同，重试没有意义：在用户授权之前系统会一直拒绝。",
      causes: [
        "Android 上 `RECORD_AUDIO` 被拒绝，或用户勾选了 **不再询问**。",
        "iOS 缺少 `NSMicrophoneUsageDescription`，或用户在设置中关闭了麦克风权限。",
        "应用在加入频道后才申请权限，用户在通话中关闭了弹窗。",
      ],
      fixes: [
        "在加入频道前、在说明用途的页面中申请权限。",
        "识别“永久拒绝”的情况并跳转到系统设置页（见下方示例）。",
        "在界面上显示麦克风不可用的提示，点击后重新进入授权流程。",
      ],
    },
  },
  {
    code: "1503",
    slug: "error-1503-camera-in-use",
    area: "video_calling",
    tags: ["error-code", "camera", "windows", "desktop"],
    sdkVersions: ["4.x"],
    stale: true,
    en: {
      title: "Error 1503: camera in use by another application",
      summary: "Error 1503 means the camera is already opened by another process or by an engine instance that was never released.",
      meaning:
        "Error 1503 (`ERR_VDM_CAMERA_OCCUPIED`) is reported through `onLocalVideoStateChanged`. It is most frequent on Windows, where only one process can open a camera at a time.",
      causes: [
        "Another meeting app (or a browser tab) has the camera open.",
        "A previous engine instance in the same app was not released, for example after a crash-recovery path.",
        "Android multi-window: another app in split screen is using the camera.",
      ],
      fixes: [
        "Tell the user which device is busy and offer to switch to another camera with `setDevice` / `switchCamera`.",
        "Retry capture with back-off (1 s, 2 s, 4 s) when `onLocalVideoStateChanged` reports the device is busy; the other app may release it.",
        "Make sure `release()` or `destroy()` runs on every exit path of your call screen.",
      ],
    },
  },
  {
    code: "ERR_TOKEN_EXPIRED",
    slug: "err-token-expired-web",
    area: "other",
    tags: ["error-code", "web", "token", "authentication"],
    sdkVersions: ["4.x"],
    weight: 1.9,
    snippet: {
      lang: "typescript",
      code: `
async function fetchToken(channel: string, uid: number): Promise<string> {
  const res = await fetch("/api/rtc-token?channel=" + encodeURIComponent(channel) + "&uid=" + uid);
  if (!res.ok) throw new Error("token server returned " + res.status);
  return ((await res.json()) as { token: string }).token;
}

client.on("token-privilege-will-expire", async () => {
  client.renewToken(await fetchToken(CHANNEL, uid));
});

client.on("token-privilege-did-expire", async () => {
  await client.leave();
  await client.join(APP_ID, CHANNEL, await fetchToken(CHANNEL, uid), uid);
});`,
    },
    en: {
      title: "ERR_TOKEN_EXPIRED: token expired on the Web SDK",
      summary: "The Web SDK raises ERR_TOKEN_EXPIRED when the token used to join has expired and was not renewed in time.",
      meaning:
        "`ERR_TOKEN_EXPIRED` is the Web counterpart of native error 110 for the expiry case. It can be thrown by `client.join()` if the token is already expired, or surface later as a `connection-state-change` to `DISCONNECTED` with reason `TOKEN_EXPIRED`.",
      causes: [
        "The page never listens for `token-privilege-will-expire`, so the token is not renewed.",
        "The browser throttled the background tab and the renewal request ran after expiry.",
        "The token server issues tokens with a very short expiry (for example 60 seconds) for testing and the setting reached production.",
      ],
      fixes: [
        "Renew on `token-privilege-will-expire` (30 seconds before expiry) and rejoin on `token-privilege-did-expire` (sample below).",
        "Issue tokens that last at least as long as your longest expected session plus a margin, and still implement renewal.",
        "If join itself throws `ERR_TOKEN_EXPIRED`, check that tokens are fetched right before joining rather than cached from page load.",
      ],
    },
    zh: {
      title: "ERR_TOKEN_EXPIRED：Web SDK 中 Token 过期",
      summary: "加入频道使用的 Token 已过期且未及时续期时，Web SDK 会抛出 ERR_TOKEN_EXPIRED。",
      meaning:
        "`ERR_TOKEN_EXPIRED` 相当于原生 SDK 错误码 110 中的过期场景。Token 已过期时 `client.join()` 会直接抛出该错误；通话中过期则表现为 `connection-state-change` 变为 `DISCONNECTED`，原因为 `TOKEN_EXPIRED`。",
      causes: [
        "页面没有监听 `token-privilege-will-expire`，Token 从未续期。",
        "浏览器对后台标签页做了节流，续期请求在过期之后才执行。",
        "测试时把 Token 有效期设得很短（例如 60 秒），该配置被带到了生产环境。",
      ],
      fixes: [
        "在 `token-privilege-will-expire`（过期前 30 秒）时续期，在 `token-privilege-did-expire` 时重新加入（见下方示例）。",
        "Token 有效期至少覆盖最长会话时长并留出余量，同时仍然实现续期逻辑。",
        "如果 `join` 本身抛出 `ERR_TOKEN_EXPIRED`，检查是否在页面加载时就缓存了 Token，应在加入前实时获取。",
      ],
    },
  },
  {
    code: "ERR_JOIN_CHANNEL_TIMEOUT",
    slug: "err-join-channel-timeout-web",
    area: "other",
    tags: ["error-code", "web", "network", "firewall", "proxy"],
    sdkVersions: ["4.x"],
    weight: 1.7,
    snippet: {
      lang: "typescript",
      code: `
async function joinWithFallback(): Promise<void> {
  try {
    await client.join(APP_ID, CHANNEL, token, uid);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "ERR_JOIN_CHANNEL_TIMEOUT") throw err;
    // Retry through the cloud proxy: TLS over TCP 443 only.
    client.startProxyServer("tls443");
    await client.join(APP_ID, CHANNEL, token, uid);
  }
}`,
    },
    en: {
      title: "ERR_JOIN_CHANNEL_TIMEOUT: join timed out on the Web SDK",
      summary: "ERR_JOIN_CHANNEL_TIMEOUT means the browser could not reach an Attain edge server within 10 seconds, usually because of a firewall or proxy.",
      meaning:
        "`client.join()` rejects with `ERR_JOIN_CHANNEL_TIMEOUT` when neither the WebSocket signaling connection nor the media gateway could be reached in time. The same page usually works from a home network and fails inside corporate networks.",
      causes: [
        "A corporate firewall blocks UDP and only allows TCP 443 through an HTTP proxy.",
        "DNS for `*.edge.attain.example` is blocked or hijacked.",
        "The project has a geographic restriction (area code) that excludes the user's region.",
        "Browser extensions (VPNs, privacy blockers) interfere with WebRTC.",
      ],
      fixes: [
        "Retry with the cloud proxy, which tunnels all traffic over TLS on TCP 443 (sample below).",
        "Ask the customer's IT team to allow `*.attain.example` on TCP 443 and UDP 3478, 4700-5000.",
        "Run the network test page (**Console > Toolkit > Network check**) from the affected network and attach the result to the ticket.",
      ],
    },
    zh: {
      title: "ERR_JOIN_CHANNEL_TIMEOUT：Web SDK 加入频道超时",
      summary: "ERR_JOIN_CHANNEL_TIMEOUT 表示浏览器 10 秒内无法连接到 Attain 边缘服务器，通常由防火墙或代理导致。",
      meaning:
        "当信令 WebSocket 和媒体网关都无法在规定时间内连通时，`client.join()` 会以 `ERR_JOIN_CHANNEL_TIMEOUT` 失败。典型表现是同一页面在家庭网络下正常，在公司内网下失败。",
      causes: [
        "企业防火墙屏蔽了 UDP，只允许通过 HTTP 代理访问 TCP 443。",
        "`*.edge.attain.example` 的 DNS 解析被屏蔽或劫持。",
        "项目配置了区域限制，用户所在区域不在允许范围内。",
        "浏览器插件（VPN、隐私拦截）干扰了 WebRTC。",
      ],
      fixes: [
        "使用云代理重试，所有流量通过 TCP 443 上的 TLS 传输（见下方示例）。",
        "请客户 IT 放通 `*.attain.example` 的 TCP 443 以及 UDP 3478、4700-5000 端口。",
        "在出问题的网络中打开 **控制台 > 工具箱 > 网络检测**，并把检测结果附在工单中。",
      ],
    },
  },
  {
    code: "ERR_NOT_SUPPORTED",
    slug: "err-not-supported-browser",
    area: "other",
    tags: ["error-code", "web", "browser", "compatibility"],
    sdkVersions: ["4.x"],
    stale: true,
    snippet: {
      lang: "typescript",
      code: `
if (!AttainRTC.checkSystemRequirements()) {
  showUnsupportedBrowserPage({
    reason: window.isSecureContext ? "browser" : "insecure-origin",
    suggestion: "Open this link in Chrome, Edge, Firefox or Safari 15+.",
  });
} else {
  await startCall();
}`,
    },
    en: {
      title: "ERR_NOT_SUPPORTED: browser or environment not supported",
      summary: "ERR_NOT_SUPPORTED means the browser lacks the WebRTC or media APIs the Web SDK needs, or the page is not on a secure origin.",
      meaning:
        "The Web SDK throws `ERR_NOT_SUPPORTED` when creating a client or a local track in an environment without the required APIs. It is common in in-app browsers of social and chat apps.",
      causes: [
        "The page is served over plain HTTP, so `navigator.mediaDevices` is undefined.",
        "An in-app WebView (social apps, some enterprise chat apps) without WebRTC support.",
        "Safari older than 15 or a legacy Edge/IE build.",
        "Codec not available: H.264 hardware encoding is missing on some Linux Chromium builds; use VP8.",
      ],
      fixes: [
        "Call `AttainRTC.checkSystemRequirements()` before showing the call UI (sample below).",
        "Serve the page over HTTPS everywhere, including staging environments.",
        "Detect in-app browsers and offer an **Open in browser** link.",
      ],
    },
    zh: {
      title: "ERR_NOT_SUPPORTED：浏览器或运行环境不支持",
      summary: "ERR_NOT_SUPPORTED 表示浏览器缺少 Web SDK 所需的 WebRTC 或媒体接口，或页面不在安全上下文中。",
      meaning:
        "在缺少必需接口的环境中创建 client 或本地轨道时，Web SDK 会抛出 `ERR_NOT_SUPPORTED`。该问题在社交类、聊天类应用的内置浏览器中很常见。",
      causes: [
        "页面通过 HTTP 访问，`navigator.mediaDevices` 为 undefined。",
        "应用内置 WebView（部分社交应用、企业 IM）不支持 WebRTC。",
        "Safari 版本低于 15，或使用旧版 Edge/IE。",
        "编码器不可用：部分 Linux Chromium 缺少 H.264 硬件编码，请改用 VP8。",
      ],
      fixes: [
        "在展示通话界面前调用 `AttainRTC.checkSystemRequirements()`（见下方示例）。",
        "所有环境（包括测试环境）都使用 HTTPS。",
        "识别应用内置浏览器，并提示用户“在浏览器中打开”。",
      ],
    },
  },
  {
    code: "ERR_PERMISSION_DENIED",
    slug: "err-permission-denied-web",
    area: "video_calling",
    tags: ["error-code", "web", "permissions", "camera", "microphone"],
    sdkVersions: ["4.x"],
    snippet: {
      lang: "typescript",
      code: `
try {
  const [mic, cam] = await AttainRTC.createMicrophoneAndCameraTracks();
  await client.publish([mic, cam]);
} catch (err) {
  const e = err as { code?: string; message?: string };
  if (e.code === "ERR_PERMISSION_DENIED") {
    // e.message tells you whether the browser or the OS refused.
    showPermissionHelp(navigator.userAgent.includes("Mac") ? "macos" : "default");
  } else {
    throw err;
  }
}`,
    },
    en: {
      title: "ERR_PERMISSION_DENIED: camera or microphone blocked in the browser",
      summary: "ERR_PERMISSION_DENIED means getUserMedia was refused by the user, the browser settings, an iframe policy, or the operating system.",
      meaning:
        "Creating a local track rejects with `ERR_PERMISSION_DENIED` (wrapping the browser's `NotAllowedError`). The message field tells you whether the browser or the operating system refused.",
      causes: [
        "The user clicked **Block**, and the site is now blocked until they reset it from the address bar.",
        "The call page runs inside an iframe without `allow=\"camera; microphone\"`.",
        "macOS: the browser itself has no camera or microphone access in **System Settings > Privacy & Security**.",
        "Windows: the camera or microphone privacy switch is off for desktop apps (browsers count as desktop apps).",
      ],
      fixes: [
        "Catch the error and show platform-specific instructions (sample below).",
        "Add the `allow` attribute to every iframe that embeds the call UI.",
        "Offer an audio-only fallback when only the camera was refused.",
      ],
    },
    zh: {
      title: "ERR_PERMISSION_DENIED：浏览器中摄像头或麦克风被禁止",
      summary: "ERR_PERMISSION_DENIED 表示 getUserMedia 被用户、浏览器设置、iframe 策略或操作系统拒绝。",
      meaning:
        "创建本地轨道时会以 `ERR_PERMISSION_DENIED` 失败（底层为浏览器的 `NotAllowedError`）。message 字段可以区分是浏览器拒绝还是操作系统拒绝。",
      causes: [
        "用户点击了 **阻止**，在地址栏中重置之前该站点会一直被禁止。",
        "通话页面嵌在 iframe 中，且缺少 `allow=\"camera; microphone\"` 属性。",
        "macOS：浏览器本身在 **系统设置 > 隐私与安全性** 中没有摄像头或麦克风权限。",
        "Windows：关闭了桌面应用的摄像头或麦克风隐私开关（浏览器属于桌面应用）。",
      ],
      fixes: [
        "捕获该错误并按平台展示操作指引（见下方示例）。",
        "为所有嵌入通话页面的 iframe 添加 `allow` 属性。",
        "只有摄像头被拒绝时，提供纯音频降级方案。",
      ],
    },
  },
  {
    code: "ERR_UID_CONFLICT",
    slug: "err-uid-conflict-web",
    area: "video_calling",
    tags: ["error-code", "web", "uid", "multi-device"],
    sdkVersions: ["4.x"],
    en: {
      title: "ERR_UID_CONFLICT: the same UID joined twice",
      summary: "ERR_UID_CONFLICT means another client joined the same channel with the same UID, so one of them was kicked out.",
      meaning:
        "A UID must be unique within a channel. When a second client joins with a UID that is already present, the first one is disconnected with reason `UID_BANNED` and the Web SDK reports `ERR_UID_CONFLICT`.",
      causes: [
        "The same user opened the call in two browser tabs or on two devices, and your app derives the UID from the user ID.",
        "A page reload rejoined before the previous session timed out (up to 20 seconds).",
        "UIDs are generated with a small random range and collide in large channels.",
      ],
      fixes: [
        "Derive the UID from user plus device (or session), or let the server allocate UIDs.",
        "Call `client.leave()` in a `pagehide` handler so reloads release the UID immediately.",
        "If you intentionally allow only one device per user, catch the error and show \"You joined from another device\".",
      ],
    },
  },
  {
    code: "ERR_WS_ABORT",
    slug: "err-ws-abort-web",
    area: "other",
    tags: ["error-code", "web", "network", "reconnect"],
    sdkVersions: ["4.5.0"],
    draft: true,
    en: {
      title: "ERR_WS_ABORT: signaling connection aborted",
      summary: "ERR_WS_ABORT means the signaling WebSocket closed during a request, usually because of a network switch or page unload.",
      meaning:
        "Any pending client operation (join, publish, subscribe) rejects with `ERR_WS_ABORT` when the signaling connection drops in the middle. The SDK reconnects automatically; the error only tells you that this particular request did not complete.",
      causes: [
        "The device switched between Wi-Fi and cellular, or a VPN reconnected.",
        "The page was being unloaded or navigated away while `publish` was pending.",
        "An aggressive proxy closes idle WebSockets after 30-60 seconds.",
      ],
      fixes: [
        "Retry the failed operation after `connection-state-change` reports `CONNECTED` again.",
        "Do not start new operations from `beforeunload`; call `leave()` and let the page go.",
        "If it happens every minute on one network, test with the cloud proxy and share the network check result in the ticket.",
      ],
    },
  },
  {
    code: "4001",
    slug: "error-4001-cloud-recording-resource-expired",
    area: "live_streaming",
    tags: ["error-code", "cloud-recording", "rest-api"],
    sdkVersions: ["cloud-recording-v1"],
    snippet: {
      lang: "bash",
      code: `
# acquire and start back to back: the resourceId is only valid for 5 minutes
RESOURCE_ID=$(curl -s -u "$KEY:$SECRET" -H "Content-Type: application/json" \\
  -d '{"cname": "class_2041", "uid": "527841", "clientRequest": {}}' \\
  "https://api.attain.example/v1/apps/$APP_ID/cloud_recording/acquire" | jq -r .resourceId)

curl -s -u "$KEY:$SECRET" -H "Content-Type: application/json" \\
  -d @start-mix.json \\
  "https://api.attain.example/v1/apps/$APP_ID/cloud_recording/resourceid/$RESOURCE_ID/mode/mix/start"`,
    },
    en: {
      title: "Error 4001: cloud recording resource expired",
      summary: "Error 4001 means the recording resourceId from acquire was used after its five-minute validity window.",
      meaning:
        "Cloud recording is a two-step flow: `acquire` reserves a recorder and returns a `resourceId`, then `start` launches it. The `resourceId` expires five minutes after `acquire`; calling `start` later returns HTTP 400 with code 4001.",
      causes: [
        "The back end acquires a resource when a class or room is scheduled and starts recording when it actually begins.",
        "Retries of a failed `start` reuse the old `resourceId` long after it expired.",
        "The recording UID in `start` differs from the one used in `acquire`.",
      ],
      fixes: [
        "Call `acquire` immediately before `start`, as in the sample below.",
        "On any `start` failure, acquire a new resource before retrying.",
        "Use the same `cname` and recording `uid` in both requests, and make sure that UID is not used by a real user in the channel.",
      ],
    },
    zh: {
      title: "错误码 4001：云端录制资源已过期",
      summary: "错误码 4001 表示 acquire 获得的 resourceId 超过 5 分钟有效期后才被使用。",
      meaning:
        "云端录制分两步：先 `acquire` 预留录制资源并返回 `resourceId`，再 `start` 启动录制。`resourceId` 在 `acquire` 后 5 分钟失效，之后调用 `start` 会返回 HTTP 400 和错误码 4001。",
      causes: [
        "后端在课程排期时就调用了 `acquire`，直到上课时才 `start`。",
        "`start` 失败后的重试一直复用早已过期的 `resourceId`。",
        "`start` 中的录制 UID 与 `acquire` 时不同。",
      ],
      fixes: [
        "在 `start` 之前立即调用 `acquire`（见下方示例）。",
        "`start` 失败时重新 `acquire` 一个资源再重试。",
        "两次请求使用相同的 `cname` 和录制 `uid`，且该 UID 不能被频道中的真实用户占用。",
      ],
    },
  },
  {
    code: "5003",
    slug: "error-5003-cdn-push-failed",
    area: "live_streaming",
    tags: ["error-code", "cdn", "rtmp", "live-streaming"],
    sdkVersions: ["4.x"],
    weight: 1.2,
    snippet: {
      lang: "bash",
      code: `
# Verify the push URL independently of the SDK: if this fails, the CDN rejects the URL itself.
ffmpeg -re -f lavfi -i testsrc=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 \\
  -c:v libx264 -preset veryfast -b:v 2000k -g 60 -c:a aac -b:a 128k \\
  -f flv "rtmp://push.cdn.example.com/live/stream_2041?auth_key=..."`,
    },
    en: {
      title: "Error 5003: CDN push failed (RTMP connection refused)",
      summary: "Error 5003 means the RTMP connection to the CDN was refused or dropped when pushing a channel to a CDN.",
      meaning:
        "`onRtmpStreamingStateChanged` reports state `FAILURE` with error 5003 when the CDN's RTMP server rejects the connection or closes it during the handshake. The channel itself keeps working; only viewers on the CDN are affected.",
      causes: [
        "A wrong push domain, application name or stream key.",
        "The CDN push URL is signed with an expiry (`auth_key`, `txTime`) that has passed.",
        "The CDN only accepts H.264/AAC but the transcoding configuration requests H.265.",
        "The same stream key is already being pushed by another encoder.",
      ],
      fixes: [
        "Test the exact URL with ffmpeg (sample below). If ffmpeg fails too, contact the CDN provider.",
        "Generate signed push URLs right before calling `startRtmpStreamWithTranscoding`.",
        "Use H.264 in `LiveTranscoding` unless the CDN documents H.265 ingest support.",
      ],
    },
    zh: {
      title: "错误码 5003：CDN 推流失败（RTMP 连接被拒绝）",
      summary: "错误码 5003 表示频道转推到 CDN 时，RTMP 连接被 CDN 拒绝或中断。",
      meaning:
        "当 CDN 的 RTMP 服务拒绝连接或在握手阶段断开时，`onRtmpStreamingStateChanged` 会上报 `FAILURE` 状态和错误码 5003。频道内的通话不受影响，只有 CDN 观众看不到直播。",
      causes: [
        "推流域名、应用名或流名填写错误。",
        "推流地址带有过期签名（如 `auth_key`、`txTime`），签名已失效。",
        "CDN 只支持 H.264/AAC，但转码配置使用了 H.265。",
        "同一个流名正被其他编码器推流。",
      ],
      fixes: [
        "用 ffmpeg 测试相同的推流地址（见下方示例），如果 ffmpeg 也失败，请联系 CDN 厂商。",
        "在调用 `startRtmpStreamWithTranscoding` 前再生成带签名的推流地址。",
        "除非 CDN 明确支持 H.265 推流，`LiveTranscoding` 中请使用 H.264。",
      ],
    },
  },
  {
    code: "8102",
    slug: "error-8102-rtm-login-timeout",
    area: "realtime_messaging",
    tags: ["error-code", "rtm", "login", "token"],
    sdkVersions: ["rtm-2.1.x"],
    stale: true,
    snippet: {
      lang: "typescript",
      code: `
const rtm = new AttainRTM.RTM(APP_ID, userId, { logLevel: "warn" });

async function login(): Promise<void> {
  const token = await fetchRtmToken(userId);   // an RTM token, not an RTC token
  try {
    await rtm.login({ token });
  } catch (err) {
    if ((err as { code?: number }).code === 8102) {
      await new Promise((r) => setTimeout(r, 2000));
      await rtm.login({ token: await fetchRtmToken(userId) });
    } else {
      throw err;
    }
  }
}`,
    },
    en: {
      title: "Error 8102: RTM login timeout",
      summary: "Error 8102 means the real-time messaging client could not complete login within 10 seconds.",
      meaning:
        "`login()` rejects with 8102 (`RTM_ERROR_LOGIN_TIMEOUT`) when the gateway did not confirm the session in time. The client is left in the disconnected state and must log in again.",
      causes: [
        "The network blocks TCP 443 to `*.rtm.attain.example`, or a proxy interferes with the WebSocket upgrade.",
        "The app passes an RTC token to RTM login; the gateway drops the request instead of answering quickly.",
        "`login()` is called again while a previous login is still pending, cancelling it.",
      ],
      fixes: [
        "Generate a dedicated RTM token for the user ID (sample below uses `fetchRtmToken`).",
        "Serialize login calls and retry once after a short delay.",
        "Test from the affected network with the Console network check and include the result in your ticket.",
      ],
    },
    zh: {
      title: "错误码 8102：RTM 登录超时",
      summary: "错误码 8102 表示实时消息客户端在 10 秒内未能完成登录。",
      meaning:
        "网关未能及时确认会话时，`login()` 会以 8102（`RTM_ERROR_LOGIN_TIMEOUT`）失败，客户端处于断开状态，需要重新登录。",
      causes: [
        "网络屏蔽了到 `*.rtm.attain.example` 的 TCP 443，或代理干扰了 WebSocket 升级。",
        "RTM 登录时传入的是 RTC Token，网关会丢弃请求而不是快速返回错误。",
        "上一次登录尚未完成时又调用了 `login()`，导致前一次被取消。",
      ],
      fixes: [
        "为用户 ID 生成专用的 RTM Token（示例中的 `fetchRtmToken`）。",
        "串行化登录调用，失败后短暂等待再重试一次。",
        "在出问题的网络中运行控制台网络检测，并将结果附在工单中。",
      ],
    },
  },
  {
    code: "8201",
    slug: "error-8201-rtm-message-too-large",
    area: "realtime_messaging",
    tags: ["error-code", "rtm", "messages", "limits"],
    sdkVersions: ["rtm-2.x"],
    snippet: {
      lang: "typescript",
      code: `
const MAX_PAYLOAD = 32 * 1024;

async function publishJson(channel: string, payload: unknown): Promise<void> {
  const text = JSON.stringify(payload);
  if (new TextEncoder().encode(text).length > MAX_PAYLOAD) {
    // Upload the large part and send only a reference.
    const url = await uploadToObjectStorage(text);
    await rtm.publish(channel, JSON.stringify({ kind: "ref", url }));
    return;
  }
  await rtm.publish(channel, text);
}`,
    },
    en: {
      title: "Error 8201: message exceeds the 32 KB limit",
      summary: "Error 8201 means a channel or peer message payload is larger than 32 KB after encoding.",
      meaning:
        "`publish()` rejects with 8201 (`RTM_ERROR_MESSAGE_TOO_LONG`). The limit applies to the UTF-8 encoded payload plus custom headers; Chinese text takes three bytes per character, so a 12,000-character message is already too large.",
      causes: [
        "Sending full documents, whiteboard snapshots or base64 images through RTM.",
        "Measuring message size in characters instead of bytes.",
        "Batching many small events into one message during a burst.",
      ],
      fixes: [
        "Upload large content to object storage and send a reference (sample below).",
        "Measure size with `TextEncoder` before sending.",
        "Split bursts into several messages, respecting the rate limit of 60 messages per second per client.",
      ],
    },
  },
  {
    code: "9001",
    slug: "error-9001-agent-llm-request-failed",
    area: "conversational_ai",
    tags: ["error-code", "conversational-ai", "llm", "voice-agent"],
    sdkVersions: ["convo-ai-1.2"],
    weight: 1.3,
    snippet: {
      lang: "bash",
      code: `
# Reproduce the agent's LLM call outside Attain. It must stream and answer within a few seconds.
curl -sN https://llm.example.com/v1/chat/completions \\
  -H "Authorization: Bearer $LLM_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "my-model", "stream": true, "messages": [{"role": "user", "content": "Say hello"}]}'`,
    },
    en: {
      title: "Error 9001: voice agent failed to reach the LLM",
      summary: "Error 9001 means the conversational AI agent could not get a response from the configured LLM endpoint.",
      meaning:
        "When the agent cannot complete an LLM request, it reports 9001 (`AGENT_LLM_REQUEST_FAILED`) in the agent status webhook and, by default, speaks the configured fallback sentence. Repeated failures stop the agent after three consecutive errors.",
      causes: [
        "An invalid or revoked API key in `llm.api_key`.",
        "The `llm.url` is not OpenAI-compatible, or does not support `stream: true`.",
        "The LLM took longer than `llm.timeout_ms` (default 10,000 ms) to send the first token.",
        "The LLM provider rate-limited the key (HTTP 429).",
      ],
      fixes: [
        "Reproduce the call with curl from any server (sample below) and check that tokens stream back.",
        "Inspect `llm_status_code` in the webhook payload: 401 means the key, 404 the URL or model, 429 rate limiting.",
        "Raise `llm.timeout_ms` only as a last resort; a slow first token makes the agent feel unresponsive anyway.",
      ],
    },
    zh: {
      title: "错误码 9001：语音智能体请求大模型失败",
      summary: "错误码 9001 表示对话式 AI 智能体无法从配置的大模型接口获得响应。",
      meaning:
        "智能体无法完成一次大模型请求时，会在状态回调（Webhook）中上报 9001（`AGENT_LLM_REQUEST_FAILED`），默认播报预设的兜底话术。连续失败三次后智能体会自动停止。",
      causes: [
        "`llm.api_key` 无效或已被吊销。",
        "`llm.url` 不兼容 OpenAI 接口格式，或不支持 `stream: true`。",
        "大模型返回首个 token 的时间超过 `llm.timeout_ms`（默认 10000 毫秒）。",
        "大模型服务商对该密钥限流（HTTP 429）。",
      ],
      fixes: [
        "在任意服务器上用 curl 复现请求（见下方示例），确认可以流式返回。",
        "查看 Webhook 中的 `llm_status_code`：401 是密钥问题，404 是地址或模型名问题，429 是限流。",
        "不建议单纯调大 `llm.timeout_ms`：首个 token 太慢时，用户体验已经很差。",
      ],
    },
  },
];

function errorFaqGroup(s: ErrorFaqSpec): GroupSpec {
  const snippet = s.snippet ? "\n\n" + fence(s.snippet) : "";
  const en = s.en;
  const zh = s.zh;
  return {
    slug: s.slug,
    productArea: s.area,
    type: "faq",
    tags: ["faq", ...s.tags],
    errorCodes: [s.code],
    sdkVersions: s.sdkVersions,
    weight: s.weight,
    stale: s.stale,
    draft: s.draft,
    en: {
      title: en.title,
      summary: en.summary,
      body: `
## What the error means

${en.meaning}

## Common causes

${numbered(en.causes)}

## How to fix it

${numbered(en.fixes)}${snippet}
${en.note ? "\n> " + en.note + "\n" : ""}
## Still stuck?

Open a ticket from the Attain portal and include the App ID, channel name, UID, the approximate time of the failure in UTC, the platform and SDK version, and the SDK log file. Tickets that arrive with logs usually get a concrete diagnosis in the first response instead of a request for more information.
`,
    },
    zh: zh
      ? {
          title: zh.title,
          summary: zh.summary,
          body: `
## 错误含义

${zh.meaning}

## 常见原因

${numbered(zh.causes)}

## 解决方法

${numbered(zh.fixes)}${snippet}
${zh.note ? "\n> " + zh.note + "\n" : ""}
## 仍未解决？

请在 Attain 门户提交工单，并附上 App ID、频道名、UID、问题发生的大致时间（UTC）、平台与 SDK 版本，以及 SDK 日志文件。附带日志的工单通常在首次响应时就能得到明确的诊断结论，而不是被要求补充信息。
`,
        }
      : undefined,
  };
}

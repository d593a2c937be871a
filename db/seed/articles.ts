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
  productArea:
    "voice_calling" | "video_calling" | "live_streaming" | "realtime_messaging" | "conversational_ai" | "other";
  type:
    | "quick_start"
    | "api_reference"
    | "best_practice"
    | "faq"
    | "video_tutorial"
    | "release_note"
    | "migration_guide"
    | "breaking_changes";
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
    reqZh: [
      "Android Studio Hedgehog (2023.1) 及以上版本，JDK 17",
      "Android 5.0（API 21）及以上的真机；模拟器没有可用的摄像头，音频表现也不稳定",
    ],
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
    runEn:
      "Run the app on two devices with the same App ID, token and channel name. `onJoinChannelSuccess` should fire within about a second on Wi-Fi.",
    runZh:
      "在两台设备上使用相同的 App ID、Token 和频道名运行应用。Wi-Fi 环境下 `onJoinChannelSuccess` 通常在 1 秒内触发。",
    voiceZh: true,
    weight: 3.2,
  },
  {
    key: "ios",
    name: "iOS",
    tags: ["ios", "swift"],
    reqEn: [
      "Xcode 15 or later",
      "A physical iPhone or iPad running iOS 13 or later; the simulator cannot capture camera video",
    ],
    reqZh: ["Xcode 15 及以上版本", "iOS 13 及以上的 iPhone 或 iPad 真机；模拟器无法采集摄像头画面"],
    installEn:
      "Add the SDK with Swift Package Manager (File > Add Package Dependencies in Xcode), or declare it in `Package.swift`:",
    installZh:
      "通过 Swift Package Manager 集成（Xcode 中选择 File > Add Package Dependencies），或在 `Package.swift` 中声明：",
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
    runEn:
      "Select your signing team, run on a device, and join from a second device or the Web demo with the same channel name.",
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
    reqZh: [
      "Node.js 18 及以上版本，以及 Vite、webpack 等打包工具",
      "较新的 Chrome、Edge、Firefox 或 Safari 15 及以上；页面必须通过 HTTPS 或 localhost 访问",
    ],
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
    runEn:
      "Start your dev server, open the page in two browser windows (or one window and a phone), and click **Join** in both.",
    runZh: "启动本地开发服务器，在两个浏览器窗口（或一个窗口加一部手机）中打开页面，分别点击 **加入**。",
    voiceZh: true,
    weight: 2.8,
  },
  {
    key: "windows",
    name: "Windows",
    tags: ["windows", "cpp", "desktop"],
    reqEn: [
      "Visual Studio 2019 or later with the Desktop development with C++ workload",
      "Windows 7 SP1 or later (Windows 10/11 recommended), x86 or x64",
    ],
    reqZh: [
      "Visual Studio 2019 及以上，并安装“使用 C++ 的桌面开发”工作负载",
      "Windows 7 SP1 及以上（推荐 Windows 10/11），x86 或 x64",
    ],
    installEn:
      "Download the Windows package from the Attain Console, unpack it into your source tree, add `sdk/include` to the include path and link `attain_rtc_sdk.dll.lib`. The DLLs must sit next to your executable:",
    installZh:
      "从 Attain 控制台下载 Windows SDK 包，解压到工程目录，将 `sdk/include` 加入头文件搜索路径并链接 `attain_rtc_sdk.dll.lib`。运行时 DLL 需要与可执行文件放在同一目录：",
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
    runEn:
      "Build the Release configuration, run the app, and join the same channel from a second machine or the Web demo.",
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
    installEn:
      "The macOS SDK ships in the same Swift package as iOS. Add the package and link the product to your app target:",
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
    runEn:
      "Run the app, approve the permission prompts, and join from a second device. Use an external headset if both Macs are in the same room.",
    runZh: "运行应用并允许权限弹窗，再从另一台设备加入。如果两台 Mac 在同一个房间，请使用耳机测试。",
    voiceZh: false,
    weight: 0.9,
  },
  {
    key: "flutter",
    name: "Flutter",
    tags: ["flutter", "dart", "cross-platform"],
    reqEn: [
      "Flutter 3.10 or later (Dart 3)",
      "An Android device (API 21+) or an iOS device (iOS 13+); the plugin does not support Flutter Web yet",
    ],
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
    runEn:
      "Run `flutter run` on two devices. Hot reload does not re-create the native engine; use a full restart after changing engine configuration.",
    runZh: "在两台设备上执行 `flutter run`。热重载不会重建原生引擎，修改引擎配置后请完整重启应用。",
    voiceZh: true,
    weight: 1.6,
  },
  {
    key: "react-native",
    name: "React Native",
    tags: ["react-native", "typescript", "cross-platform"],
    reqEn: [
      "React Native 0.70 or later (the New Architecture is supported from SDK 4.3.0)",
      "Xcode 15 and Android Studio for the native builds; Expo Go is not supported, use a development build",
    ],
    reqZh: [
      "React Native 0.70 及以上（SDK 4.3.0 起支持新架构）",
      "原生构建需要 Xcode 15 与 Android Studio；不支持 Expo Go，请使用 development build",
    ],
    installEn: "Install the package and the iOS pods:",
    installZh: "安装依赖并执行 iOS pod 安装：",
    install: () => ({
      lang: "bash",
      code: "npm install react-native-attain-rtc@4.4.2\ncd ios && pod install && cd ..",
    }),
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
    runEn:
      "Attach the script to a GameObject, assign the fields in the Inspector, and build to a device. Since 4.3.0 callbacks arrive on the Unity main thread, so you can touch GameObjects directly.",
    runZh:
      "将脚本挂到 GameObject 上，在 Inspector 中填写字段后构建到真机。从 4.3.0 起回调在 Unity 主线程触发，可以直接操作 GameObject。",
    voiceZh: false,
    weight: 0.8,
    stale: true,
  },
  {
    key: "electron",
    name: "Electron",
    tags: ["electron", "typescript", "desktop"],
    reqEn: [
      "Electron 22 or later on Windows 10+ or macOS 10.13+",
      "Node.js 18+; the SDK is a native addon, so it must be rebuilt for your exact Electron version",
    ],
    reqZh: [
      "Electron 22 及以上，运行于 Windows 10+ 或 macOS 10.13+",
      "Node.js 18 及以上；SDK 是原生插件，需要针对所用的 Electron 版本重新编译",
    ],
    installEn: "Install the addon and rebuild it against your Electron ABI:",
    installZh: "安装插件，并针对当前 Electron ABI 重新编译：",
    install: () => ({
      lang: "bash",
      code: "npm install attain-electron-sdk@4.4.2\nnpx attain-electron-sdk rebuild --electron-version 28.2.0",
    }),
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
    runEn:
      "Run `npm start`, then join from a second machine. If the app crashes on load with `NODE_MODULE_VERSION` in the log, the addon was built for another Electron version: run the rebuild command again.",
    runZh:
      "执行 `npm start` 后从另一台电脑加入。如果启动即崩溃且日志中出现 `NODE_MODULE_VERSION`，说明插件是针对其他 Electron 版本编译的，请重新执行 rebuild 命令。",
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
  video
    ? "通过 `setVideoEncoderConfiguration` 设置分辨率、帧率和码率。"
    : "通过 `enableAudioVolumeIndication` 显示正在说话的用户。",
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
      summary:
        "A method returned -2 or onError reported 2 because one of its arguments is out of range, empty or of the wrong type.",
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
      summary:
        "Error 3 means a method was called before the engine finished initializing, after it was destroyed, or when initialization failed.",
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
      summary:
        "Error 17 is reported when joinChannel is called while the client is already in, or still joining, a channel.",
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
      summary:
        "Error 18 means leaveChannel was called while the client was not in a channel; it is harmless but often hides a lifecycle bug.",
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
      summary:
        "Error 110 means the token presented when joining or renewing is expired, malformed, or was generated for a different App ID, channel or UID.",
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
      summary:
        "错误码 110 表示加入频道或续期时使用的 Token 已过期、格式错误，或生成时使用的 App ID、频道名、UID 与实际不一致。",
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
      summary:
        "Error 123 means a ban rule created through the channel management REST API is blocking this user, IP or channel.",
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
      summary:
        "Error 1003 means the SDK could not start the recording device, usually because another app holds the microphone or the OS blocked access.",
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
        'Error 1501 (`ERR_VDM_CAMERA_NOT_AUTHORIZED`) is reported through `onLocalVideoStateChanged` with state `FAILED`. Audio keeps working, so users typically report "they can hear me but see a black tile".',
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
      summary:
        "Error 1503 means the camera is already opened by another process or by an engine instance that was never released.",
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
      summary:
        "The Web SDK raises ERR_TOKEN_EXPIRED when the token used to join has expired and was not renewed in time.",
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
      summary:
        "ERR_JOIN_CHANNEL_TIMEOUT means the browser could not reach an Attain edge server within 10 seconds, usually because of a firewall or proxy.",
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
      summary:
        "ERR_NOT_SUPPORTED means the browser lacks the WebRTC or media APIs the Web SDK needs, or the page is not on a secure origin.",
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
      summary:
        "ERR_PERMISSION_DENIED means getUserMedia was refused by the user, the browser settings, an iframe policy, or the operating system.",
      meaning:
        "Creating a local track rejects with `ERR_PERMISSION_DENIED` (wrapping the browser's `NotAllowedError`). The message field tells you whether the browser or the operating system refused.",
      causes: [
        "The user clicked **Block**, and the site is now blocked until they reset it from the address bar.",
        'The call page runs inside an iframe without `allow="camera; microphone"`.',
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
        '通话页面嵌在 iframe 中，且缺少 `allow="camera; microphone"` 属性。',
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
      summary:
        "ERR_UID_CONFLICT means another client joined the same channel with the same UID, so one of them was kicked out.",
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
        'If you intentionally allow only one device per user, catch the error and show "You joined from another device".',
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
      summary:
        "ERR_WS_ABORT means the signaling WebSocket closed during a request, usually because of a network switch or page unload.",
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
      summary:
        "Error 5003 means the RTMP connection to the CDN was refused or dropped when pushing a channel to a CDN.",
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
      summary:
        "Error 9001 means the conversational AI agent could not get a response from the configured LLM endpoint.",
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

// ---------------------------------------------------------------------------------------------
// Audio and video quality: troubleshooting guides and best practices
// ---------------------------------------------------------------------------------------------

const QUALITY: GroupSpec[] = [
  {
    slug: "fixing-echo-during-calls",
    productArea: "voice_calling",
    type: "faq",
    tags: ["faq", "echo", "aec", "audio-quality", "troubleshooting"],
    sdkVersions: ["4.x"],
    weight: 2.2,
    en: {
      title: "Fixing echo during calls",
      summary: "Why users hear their own voice back during a call, and how to find and fix the device that causes it.",
      body: `
Echo means a user hears their own voice coming back, typically 200-500 ms later. The person who **hears** the echo is almost never the one causing it: the echo is produced on the **other** side, where the speaker output leaks back into the microphone and the acoustic echo canceller (AEC) fails to remove it.

## Find the device that causes echo

1. Ask who hears the echo. If user A hears herself, the problem is on user B's device.
2. Ask B to put on headphones. If A's echo disappears, B's loudspeaker-to-microphone path is the cause.
3. Check whether two devices are in the same room and in the same channel. That always produces echo and howling, and no AEC can fix it.

## Common causes

- **Custom audio capture or playback.** If you feed audio with \`pushExternalAudioFrame\` or play it with your own player, the SDK has no reference signal and cannot cancel the echo. Enable \`setExternalAudioSink\` or route playback through the SDK.
- **Audio played outside the SDK.** Background music or video played with a separate player is not part of the AEC reference. Use \`startAudioMixing\` instead.
- **AEC disabled on Web.** Creating the microphone track with \`{ AEC: false }\` (sometimes done to improve music quality) removes echo cancellation.
- **Loud external speakers and conference-room devices** with high output volume and long reverberation.
- **Android devices with weak hardware AEC.** From 4.4.0 the SDK uses its software AEC on the devices listed in our compatibility table.

## Fixes

~~~typescript
// Web: keep the browser's echo cancellation on, and let the SDK play remote audio.
const mic = await AttainRTC.createMicrophoneAudioTrack({ AEC: true, ANS: true, AGC: true });
~~~

~~~kotlin
// Android: music played through the SDK is included in the AEC reference signal.
engine.startAudioMixing("/sdcard/bgm.mp3", false, -1, 0)
engine.setAudioScenario(Constants.AUDIO_SCENARIO_CHATROOM)
~~~

## When to open a ticket

If echo persists with headphones on the other side, open a ticket and include the SDK logs from **both** devices and the channel name. Enable audio dumps (\`setParameters("{\\"che.audio.dump\\": true}")\`) only when support asks for them.
`,
    },
    zh: {
      title: "通话中出现回声怎么办",
      summary: "用户在通话中听到自己的回声时，如何定位产生回声的设备并解决问题。",
      body: `
回声是指用户听到自己的声音被“传回来”，通常延迟 200-500 毫秒。**听到回声的人一般不是产生回声的人**：回声产生在**对端**，对端扬声器播放的声音被麦克风重新采集，而回声消除（AEC）没有把它消除干净。

## 定位产生回声的设备

1. 先确认谁听到了回声。如果 A 听到了自己的声音，问题出在 B 的设备上。
2. 请 B 戴上耳机。如果 A 的回声消失，说明 B 的外放被麦克风采集是根因。
3. 检查是否有两台设备在同一个房间并加入了同一个频道。这种情况一定会产生回声甚至啸叫，任何回声消除算法都无法解决。

## 常见原因

- **自定义音频采集或播放。** 如果使用 \`pushExternalAudioFrame\` 输入音频，或用自己的播放器播放远端声音，SDK 拿不到参考信号，无法消除回声。
- **在 SDK 之外播放声音。** 用独立播放器播放的背景音乐或视频不在 AEC 参考信号中，请改用 \`startAudioMixing\`。
- **Web 端关闭了 AEC。** 为了提升音乐音质而使用 \`{ AEC: false }\` 创建麦克风轨道，会同时关闭回声消除。
- **外接大音箱、会议室设备** 输出音量大、混响长。
- **部分 Android 机型硬件 AEC 效果差。** 4.4.0 起，兼容性列表中的机型会自动切换为软件 AEC。

## 解决方法

~~~typescript
// Web：保持浏览器回声消除开启，并由 SDK 播放远端音频
const mic = await AttainRTC.createMicrophoneAudioTrack({ AEC: true, ANS: true, AGC: true });
~~~

~~~kotlin
// Android：通过 SDK 播放的音乐会进入 AEC 参考信号
engine.startAudioMixing("/sdcard/bgm.mp3", false, -1, 0)
engine.setAudioScenario(Constants.AUDIO_SCENARIO_CHATROOM)
~~~

## 何时提交工单

如果对端戴上耳机后回声仍然存在，请提交工单，并附上**双方**设备的 SDK 日志和频道名。只有在技术支持要求时才需要开启音频 dump。
`,
    },
  },
  {
    slug: "reducing-background-noise",
    productArea: "voice_calling",
    type: "best_practice",
    tags: ["noise", "ans", "audio-quality", "ai-noise-suppression"],
    sdkVersions: ["4.3.0", "4.4.x", CURRENT],
    en: {
      title: "Reducing background noise with AI noise suppression",
      summary:
        "Choose between standard and AI noise suppression and tune them for offices, streets and music scenarios.",
      body: `
Attain RTC SDK ships two noise suppression paths. **Standard ANS** is always on for voice calls and removes stationary noise such as fans and air conditioning. **AI noise suppression** (AINS, available from 4.3.0) also removes non-stationary noise: keyboard typing, dogs barking, traffic and crowd noise.

## Choose a mode

| Mode | Removes | CPU cost | Good for |
| --- | --- | --- | --- |
| Standard ANS | fans, hum, hiss | very low | all calls (default) |
| AINS balanced | + typing, traffic | low | meetings, customer service |
| AINS aggressive | + voices far from the mic | medium | call centers, open offices |

Keep music scenarios (karaoke, music teaching) on standard ANS: AINS treats instruments as noise.

## Enable AI noise suppression

~~~kotlin
// Android
engine.setAINSMode(true, Constants.AINS_MODE_BALANCED)
~~~

~~~swift
// iOS / macOS
engine.setAINSMode(true, mode: .balanced)
~~~

~~~typescript
// Web: the AINS extension runs in a WebAssembly worker
import { AINSExtension } from "attain-rtc-extension-ains";
const ains = new AINSExtension({ assetsPath: "/ains" });
AttainRTC.registerExtensions([ains]);
const processor = ains.createProcessor();
micTrack.pipe(processor).pipe(micTrack.processorDestination);
await processor.enable();
~~~

## Tips

- Enable AINS before joining so the first seconds of the call are already clean.
- On low-end Android devices (4 cores or fewer), prefer the balanced mode; aggressive mode can raise CPU usage by around 6%.
- If users sound "underwater", the suppression is too strong for their environment; switch to balanced.
- Noise is different from echo: if users hear **their own** voice, read the echo article instead.
`,
    },
    zh: {
      title: "使用 AI 降噪减少通话背景噪音",
      summary: "在标准降噪与 AI 降噪之间做选择，并针对办公室、街道、音乐等场景进行调优。",
      body: `
Attain RTC SDK 提供两种降噪方案。**标准降噪（ANS）** 在语音通话中默认开启，可以去除风扇、空调等稳态噪声。**AI 降噪（AINS，4.3.0 起提供）** 还能去除键盘声、狗叫、交通和人群嘈杂声等非稳态噪声。

## 选择模式

- **标准降噪**：去除嗡嗡声、底噪，CPU 开销极低，适用于所有通话（默认）。
- **AI 降噪-均衡**：额外去除键盘声、车流声，CPU 开销低，适合会议和客服场景。
- **AI 降噪-激进**：还会抑制离麦克风较远的人声，CPU 开销中等，适合呼叫中心和开放式办公区。

K 歌、音乐教学等音乐场景请保持标准降噪：AI 降噪会把乐器声当作噪声处理。

## 开启 AI 降噪

~~~kotlin
// Android
engine.setAINSMode(true, Constants.AINS_MODE_BALANCED)
~~~

~~~swift
// iOS / macOS
engine.setAINSMode(true, mode: .balanced)
~~~

## 使用建议

- 在加入频道前开启 AI 降噪，保证通话开头几秒就是干净的。
- 低端 Android 机型（4 核及以下）建议使用均衡模式，激进模式会使 CPU 占用增加约 6%。
- 如果用户声音听起来“闷”或“像在水下”，说明降噪强度过高，请切换为均衡模式。
- 噪音与回声不同：如果用户听到的是**自己的**声音，请参考回声相关文章。
`,
    },
  },
  {
    slug: "reducing-call-latency",
    productArea: "video_calling",
    type: "best_practice",
    tags: ["latency", "performance", "network", "audio-quality"],
    sdkVersions: ["4.4.x", CURRENT],
    weight: 1.5,
    en: {
      title: "Reducing end-to-end latency in calls",
      summary:
        "Where call latency comes from, how to measure it, and which settings reduce it without hurting quality.",
      body: `
End-to-end latency is the time between a user speaking (or moving) and the other side hearing (or seeing) it. On the Attain network a typical cross-region call has 200-400 ms of mouth-to-ear latency; above 400 ms conversations start to feel awkward.

## Where latency comes from

1. **Capture and processing** (20-60 ms): device buffers, AEC and noise suppression.
2. **Encoding** (10-40 ms for video): longer for high resolutions on weak CPUs.
3. **Network** (the variable part): last-mile RTT and jitter, plus the backbone between regions.
4. **Jitter buffer** (40-200 ms): the receiver waits for late packets to smooth playback. Bad networks make this buffer grow.
5. **Decoding and rendering** (10-30 ms).

## Measure it

~~~kotlin
override fun onRtcStats(stats: RtcStats) {
    Log.i(TAG, "rtt=" + stats.lastmileDelay + "ms gatewayRtt=" + stats.gatewayRtt + "ms")
}

override fun onRemoteAudioStats(stats: RemoteAudioStats) {
    Log.i(TAG, "e2e audio delay=" + stats.e2eDelay + "ms jitterBuffer=" + stats.jitterBufferDelay + "ms")
}
~~~

## Reduce it

- Use the \`COMMUNICATION\` channel profile for calls. The \`LIVE_BROADCASTING\` profile allows larger buffers for audiences.
- Keep users in the geographically closest region: do not restrict the area code to a distant region.
- On mobile, prefer 5 GHz Wi-Fi; 2.4 GHz networks in apartments often add 30-80 ms of jitter.
- Avoid heavy video settings on low-end devices: an overloaded encoder adds latency and frame drops.
- Do not add your own audio buffering when using external audio sources; push frames every 10 ms.

## What is normal

Latency under 150 ms within one region and under 400 ms across continents is expected. If \`e2eDelay\` stays above 600 ms, open a ticket with the channel name and time range so support can check the call in Call Inspector.
`,
    },
    zh: {
      title: "如何降低音视频通话延迟",
      summary: "通话延迟的来源、测量方法，以及在不牺牲质量的前提下降低延迟的配置。",
      body: `
端到端延迟是指一端说话（或动作）到另一端听到（或看到）的时间。在 Attain 网络中，跨区域通话的“嘴到耳”延迟通常为 200-400 毫秒；超过 400 毫秒后，对话会明显出现抢话、停顿等不自然的情况。

## 延迟从哪里来

1. **采集与前处理**（20-60 毫秒）：设备缓冲、回声消除、降噪。
2. **编码**（视频 10-40 毫秒）：在性能较弱的 CPU 上编码高分辨率会更久。
3. **网络传输**（变化最大的部分）：最后一公里的 RTT 与抖动，加上跨区域骨干网传输。
4. **抗抖动缓冲**（40-200 毫秒）：接收端等待迟到的包以保证播放流畅，网络越差缓冲越大。
5. **解码与渲染**（10-30 毫秒）。

## 如何测量延迟

通过 \`onRtcStats\` 中的 \`lastmileDelay\`、\`gatewayRtt\`，以及 \`onRemoteAudioStats\` 中的 \`e2eDelay\`、\`jitterBufferDelay\` 观察延迟构成：

~~~kotlin
override fun onRemoteAudioStats(stats: RemoteAudioStats) {
    Log.i(TAG, "e2e=" + stats.e2eDelay + "ms jitterBuffer=" + stats.jitterBufferDelay + "ms")
}
~~~

## 降低延迟的方法

- 通话场景使用 \`COMMUNICATION\` 频道场景；\`LIVE_BROADCASTING\` 会为观众使用更大的缓冲。
- 让用户接入地理上最近的区域，不要把区域限制设置到较远的区域。
- 移动端优先使用 5 GHz Wi-Fi；住宅小区的 2.4 GHz 网络经常带来 30-80 毫秒的抖动。
- 低端设备不要使用过高的视频参数：编码器过载会同时带来延迟和丢帧。
- 使用自定义音频源时不要额外做缓冲，每 10 毫秒推送一帧。

## 什么算正常

同一区域内延迟低于 150 毫秒、跨洲低于 400 毫秒属于正常范围。如果 \`e2eDelay\` 持续高于 600 毫秒，请提交工单并附上频道名和时间段，技术支持会在 Call Inspector 中分析该通话。
`,
    },
  },
  {
    slug: "video-stutter-troubleshooting",
    productArea: "video_calling",
    type: "faq",
    tags: ["faq", "stutter", "freeze", "video-quality", "troubleshooting"],
    sdkVersions: ["4.x"],
    weight: 1.7,
    en: {
      title: "Video freezes and stutters: troubleshooting checklist",
      summary: "A step-by-step checklist to tell network, device and configuration causes of video freezing apart.",
      body: `
Users describe the same symptom in many ways: frozen video, choppy video, low frame rate, stutter. The SDK measures it precisely: a **freeze** is any gap of more than 600 ms between rendered frames, reported as \`frozenRate\` in \`onRemoteVideoStats\`.

## Step 1: sender or receiver?

Check the stats on both sides for the same time window.

- If **all** receivers see freezes from one sender, look at the sender: upstream packet loss, CPU, or camera.
- If only **one** receiver sees freezes from everyone, look at that receiver's downlink and device.

## Step 2: network

~~~kotlin
override fun onNetworkQuality(uid: Int, txQuality: Int, rxQuality: Int) {
    // 1 = excellent ... 6 = down. 4 or worse during a freeze points to the network.
    if (uid == 0) Log.i(TAG, "tx=" + txQuality + " rx=" + rxQuality)
}
~~~

Upstream quality of 4 or worse means the sender's network cannot carry the configured bitrate. Read the weak-network best practices and enable dual-stream mode.

## Step 3: device

- Sender CPU above 85%: lower the resolution or frame rate, or enable hardware encoding.
- Android thermal throttling after 15-20 minutes: the frame rate drops gradually rather than freezing suddenly.
- Receivers rendering many large views: use the low-quality stream for thumbnails.

## Step 4: configuration

- Resolution and bitrate far above what the network allows, for example 1080p at 4 Mbps for mobile users.
- \`degradationPreference\` set to \`MAINTAIN_QUALITY\`, which keeps resolution and drops frames instead.
- Custom video sources pushing frames with irregular timestamps.

## Send us the data

If you cannot find the cause, open a ticket with the channel name, both UIDs and the time window in UTC. Support can see per-second freeze, loss and bitrate charts for both users in Call Inspector.
`,
    },
    zh: {
      title: "视频卡顿排查指南",
      summary: "按步骤区分网络、设备和配置导致的视频卡顿。",
      body: `
用户对同一个现象有很多种描述：画面卡住、一卡一卡、帧率低、视频卡顿。SDK 对卡顿有精确的定义：相邻两帧渲染间隔超过 600 毫秒即计为一次卡顿，通过 \`onRemoteVideoStats\` 中的 \`frozenRate\` 上报。

## 第一步：区分发送端还是接收端

对比双方在同一时间段的统计数据：

- 如果**所有**接收端看某个发送端都卡顿，问题在发送端：上行丢包、CPU 或摄像头。
- 如果只有**某一个**接收端看所有人都卡顿，问题在该接收端的下行网络或设备。

## 第二步：检查网络

~~~kotlin
override fun onNetworkQuality(uid: Int, txQuality: Int, rxQuality: Int) {
    // 1 = 极好 ... 6 = 断开。卡顿期间质量为 4 或更差，说明是网络原因
    if (uid == 0) Log.i(TAG, "tx=" + txQuality + " rx=" + rxQuality)
}
~~~

上行质量为 4 或更差，说明发送端网络承载不了当前码率，属于典型的弱网场景，请参考弱网对抗最佳实践并开启双流模式。

## 第三步：检查设备

- 发送端 CPU 超过 85%：降低分辨率或帧率，或开启硬件编码。
- Android 设备通话 15-20 分钟后发热降频：帧率会逐渐下降，而不是突然卡住。
- 接收端同时渲染多个大画面：小窗口请订阅小流。

## 第四步：检查配置

- 分辨率和码率远超网络承载能力，例如为移动端用户配置 1080p、4 Mbps。
- \`degradationPreference\` 设置为 \`MAINTAIN_QUALITY\`，此时会保持分辨率而丢帧。
- 自定义视频源推帧的时间戳不均匀。

## 提交数据

如果仍无法定位，请提交工单并附上频道名、双方 UID 和 UTC 时间段。技术支持可以在 Call Inspector 中查看双方每秒的卡顿、丢包和码率曲线。
`,
    },
  },
  {
    slug: "weak-network-best-practices",
    productArea: "video_calling",
    type: "best_practice",
    tags: ["weak-network", "packet-loss", "network", "video-quality", "fec"],
    sdkVersions: ["4.4.x", CURRENT],
    weight: 2,
    en: {
      title: "Best practices for calls on weak networks",
      summary: "Configure the SDK so calls stay intelligible and smooth with packet loss, jitter and low bandwidth.",
      body: `
Attain RTC SDK keeps audio intelligible at up to 70% packet loss and video smooth at up to 40%, but only if the app lets the SDK adapt. These settings matter most for mobile users, rural broadband and cross-border calls.

## Prioritize audio

Audio matters more than video in almost every scenario. When bandwidth drops, the SDK first lowers video bitrate; let it fall back to audio-only for receivers in the worst conditions:

~~~kotlin
engine.setRemoteSubscribeFallbackOption(Constants.STREAM_FALLBACK_OPTION_AUDIO_ONLY)
engine.setLocalPublishFallbackOption(Constants.STREAM_FALLBACK_OPTION_AUDIO_ONLY)
~~~

## Let video degrade gracefully

~~~kotlin
val config = VideoEncoderConfiguration(
    VideoEncoderConfiguration.VD_640x360,
    VideoEncoderConfiguration.FRAME_RATE.FRAME_RATE_FPS_15,
    VideoEncoderConfiguration.STANDARD_BITRATE,
    VideoEncoderConfiguration.ORIENTATION_MODE.ORIENTATION_MODE_ADAPTIVE,
).apply { degradationPrefer = VideoEncoderConfiguration.DEGRADATION_PREFERENCE.MAINTAIN_BALANCED }
engine.setVideoEncoderConfiguration(config)
~~~

\`MAINTAIN_BALANCED\` lowers frame rate and resolution together; it gives the best perceived quality on unstable networks.

## Use dual-stream mode in group calls

Enable dual-stream (simulcast) so that receivers on weak networks subscribe to the low-quality stream instead of forcing the sender to lower quality for everyone.

## Test before the call

Run a last-mile probe test on the pre-call screen and warn users with a poor uplink:

~~~kotlin
engine.startLastmileProbeTest(LastmileProbeConfig().apply {
    probeUplink = true
    probeDownlink = true
    expectedUplinkBitrate = 800_000
    expectedDownlinkBitrate = 1_200_000
})
~~~

## Show network quality in the UI

Map \`onNetworkQuality\` (1-6) to a signal icon. Users accept degraded quality far better when they can see their own connection is the cause.

## Test with network emulation

Use the network link conditioner on iOS/macOS or \`tc netem\` on Linux to rehearse 20% loss, 300 ms RTT and 500 kbps caps before launch.
`,
    },
    zh: {
      title: "弱网环境下的通话质量优化",
      summary: "通过合理配置 SDK，让通话在丢包、抖动和低带宽的弱网环境下依然清晰流畅。",
      body: `
Attain RTC SDK 在 70% 丢包下仍能保证语音可懂，在 40% 丢包下仍能保证视频流畅，但前提是应用允许 SDK 自适应调整。以下配置对移动网络用户、农村宽带和跨境通话尤其重要。

## 音频优先

几乎所有场景中音频都比视频重要。带宽下降时 SDK 会先降低视频码率；对于网络极差的接收端，允许回退为纯音频：

~~~kotlin
engine.setRemoteSubscribeFallbackOption(Constants.STREAM_FALLBACK_OPTION_AUDIO_ONLY)
engine.setLocalPublishFallbackOption(Constants.STREAM_FALLBACK_OPTION_AUDIO_ONLY)
~~~

## 让视频平滑降级

将 \`degradationPrefer\` 设置为 \`MAINTAIN_BALANCED\`，SDK 会同时降低帧率和分辨率，在不稳定网络下主观体验最好。弱网下不要使用 \`MAINTAIN_QUALITY\`，否则分辨率不变、画面频繁卡顿。

## 多人通话开启双流

开启双流（大小流）后，弱网接收端订阅小流即可，不会迫使发送端为所有人降低画质。

## 通话前检测网络

在通话前的设备检测页运行最后一公里网络探测，对上行较差的用户给出提示：

~~~kotlin
engine.startLastmileProbeTest(LastmileProbeConfig().apply {
    probeUplink = true
    probeDownlink = true
    expectedUplinkBitrate = 800_000
    expectedDownlinkBitrate = 1_200_000
})
~~~

## 在界面上展示网络质量

将 \`onNetworkQuality\`（1-6）映射为信号图标。用户知道是自己网络的问题时，对画质下降的接受度会高很多。

## 上线前做弱网测试

使用 iOS/macOS 的 Network Link Conditioner 或 Linux 的 \`tc netem\` 模拟 20% 丢包、300 毫秒 RTT、500 kbps 带宽上限，提前验证弱网下的卡顿和延迟表现。
`,
    },
  },
  {
    slug: "bandwidth-estimation",
    productArea: "video_calling",
    type: "best_practice",
    tags: ["bandwidth", "bwe", "network", "congestion-control"],
    sdkVersions: ["4.3.0", "4.4.x", CURRENT],
    en: {
      title: "How bandwidth estimation works and how to work with it",
      summary: "Understand the SDK's bandwidth estimator and avoid configurations that fight it.",
      body: `
The SDK continuously estimates the available uplink bandwidth for every publisher and the downlink for every subscriber. The estimate drives the video encoder target bitrate, the choice between high and low streams, and the audio-only fallback.

## How the estimate is built

- **Delay-based**: rising one-way delay means a queue is building somewhere on the path, so the estimate drops before packets are lost.
- **Loss-based**: sustained loss above about 10% lowers the estimate; random loss below that is handled by FEC and retransmission instead.
- **Probing**: after a drop, the estimator ramps up in steps of about 8% per second and sends short probe bursts to find the new ceiling.

## Read the estimate

~~~kotlin
override fun onLocalVideoStats(source: Constants.VideoSourceType, stats: LocalVideoStats) {
    Log.i(TAG, "target=" + stats.targetBitrate + "kbps sent=" + stats.sentBitrate + "kbps encoder=" + stats.encodedFrameWidth + "x" + stats.encodedFrameHeight)
}
~~~

If \`sentBitrate\` stays well below \`targetBitrate\`, the encoder or CPU is the bottleneck, not the network.

## Do

- Set a realistic maximum bitrate with \`setVideoEncoderConfiguration\` and let the SDK go below it.
- Start at a moderate resolution; the estimator ramps up within 2-4 seconds on good networks.
- Share one connection per device. Running two engines on one phone makes them compete for the same uplink.

## Don't

- Don't set \`minBitrate\` high "to protect quality": it stops the SDK from backing off and causes loss and freezes for everyone.
- Don't saturate the uplink with file uploads during calls; pause them or limit them to 20% of the estimate.
- Don't react to single \`onNetworkQuality\` changes in your UI; smooth over 3-5 seconds.
`,
    },
    zh: {
      title: "带宽估计的原理与使用建议",
      summary: "了解 SDK 的带宽估计机制，避免与之冲突的错误配置。",
      body: `
SDK 会持续估计每个发布者的上行可用带宽，以及每个订阅者的下行可用带宽。估计结果决定视频编码目标码率、大小流的选择，以及是否回退为纯音频。

## 估计方式

- **基于时延**：单向时延上升意味着链路中出现排队，估计值会在丢包发生之前就下降。
- **基于丢包**：持续超过约 10% 的丢包会降低估计值；低于该值的随机丢包由 FEC 和重传处理。
- **带宽探测**：下降之后按每秒约 8% 的幅度逐步回升，并发送短时探测包寻找新的上限。

## 读取估计结果

~~~kotlin
override fun onLocalVideoStats(source: Constants.VideoSourceType, stats: LocalVideoStats) {
    Log.i(TAG, "target=" + stats.targetBitrate + "kbps sent=" + stats.sentBitrate + "kbps")
}
~~~

如果 \`sentBitrate\` 长期明显低于 \`targetBitrate\`，瓶颈在编码器或 CPU，而不是网络。

## 建议

- 通过 \`setVideoEncoderConfiguration\` 设置合理的最大码率，允许 SDK 向下调整。
- 以中等分辨率开始，网络良好时估计值会在 2-4 秒内爬升到位。
- 一台设备只使用一个引擎实例，多个引擎会争抢同一条上行链路。

## 避免

- 不要为了“保画质”把 \`minBitrate\` 设得很高：SDK 无法降码率，反而会导致丢包和卡顿。
- 通话期间不要让文件上传占满上行带宽，应暂停上传或限制在估计值的 20% 以内。
- 界面不要对单次 \`onNetworkQuality\` 变化做出反应，建议做 3-5 秒平滑。
`,
    },
  },
  {
    slug: "simulcast-dual-stream-mode",
    productArea: "video_calling",
    type: "best_practice",
    tags: ["simulcast", "dual-stream", "group-call", "video-quality"],
    sdkVersions: ["4.4.x", CURRENT],
    en: {
      title: "Simulcast and dual-stream mode for group calls",
      summary:
        "Publish a high- and a low-quality stream so every receiver gets the best stream its network and layout allow.",
      body: `
In a group call, receivers differ: one is on fiber watching a speaker full-screen, another is on 4G watching nine thumbnails. With dual-stream mode every publisher sends a **high-quality stream** and a **low-quality stream**, and each subscriber chooses.

## Enable dual-stream on the publisher

~~~kotlin
val low = SimulcastStreamConfig().apply {
    dimensions = VideoEncoderConfiguration.VideoDimensions(320, 180)
    framerate = 15
    kBitrate = 140
}
engine.setDualStreamMode(Constants.SimulcastStreamMode.AUTO_SIMULCAST_STREAM, low)
~~~

\`AUTO_SIMULCAST_STREAM\` (default since 4.4.0) only encodes the low stream while at least one subscriber requests it, saving CPU in one-to-one calls.

## Choose the stream on the subscriber

~~~typescript
// Web: thumbnails get the low stream, the active speaker the high stream
await client.setRemoteVideoStreamType(thumbnailUid, 1);
await client.setRemoteVideoStreamType(activeSpeakerUid, 0);
client.setStreamFallbackOption(thumbnailUid, 2); // fall back to audio-only on very bad networks
~~~

## Layout rules that work

- Tiles smaller than 480x270 on screen: low stream.
- Active speaker or pinned user: high stream.
- Users off screen (scrolled away): unsubscribe video entirely.

## Costs

The publisher uses roughly 15-20% more uplink and CPU. On devices with fewer than 4 cores, or when the uplink estimate is below 600 kbps, the SDK stops the low stream temporarily and logs a warning.

Dual-stream mode is different from multi-layer simulcast to a CDN: for live streaming with transcoding, see the CDN push guide.
`,
    },
    zh: {
      title: "多人通话中的双流（大小流）模式",
      summary: "同时发布大流和小流，让每个接收端根据自身网络和界面布局获取最合适的视频流。",
      body: `
多人通话中接收端各不相同：有人用光纤全屏观看主讲人，有人用 4G 看九宫格小窗。开启双流模式后，每个发布者同时发送**大流**和**小流**，由订阅者自行选择。

## 发布端开启双流

~~~kotlin
val low = SimulcastStreamConfig().apply {
    dimensions = VideoEncoderConfiguration.VideoDimensions(320, 180)
    framerate = 15
    kBitrate = 140
}
engine.setDualStreamMode(Constants.SimulcastStreamMode.AUTO_SIMULCAST_STREAM, low)
~~~

\`AUTO_SIMULCAST_STREAM\`（4.4.0 起为默认值）只在有订阅者请求小流时才编码小流，一对一通话中可以节省 CPU。

## 订阅端选择视频流

~~~typescript
// Web：小窗订阅小流，主讲人订阅大流
await client.setRemoteVideoStreamType(thumbnailUid, 1);
await client.setRemoteVideoStreamType(activeSpeakerUid, 0);
~~~

## 推荐的布局规则

- 屏幕上小于 480x270 的窗口：订阅小流。
- 正在说话或被置顶的用户：订阅大流。
- 滚动到屏幕外的用户：取消订阅视频。

## 代价

发布端的上行带宽和 CPU 占用会增加约 15-20%。在 4 核以下的设备上，或上行估计低于 600 kbps 的弱网环境中，SDK 会临时停止发送小流并打印警告日志。
`,
    },
  },
  {
    slug: "choosing-video-profiles",
    productArea: "video_calling",
    type: "best_practice",
    tags: ["video-profile", "resolution", "bitrate", "frame-rate", "video-quality"],
    sdkVersions: ["4.x"],
    weight: 1.3,
    en: {
      title: "Choosing resolution, frame rate and bitrate (video profiles)",
      summary: "Recommended video encoder settings for one-to-one calls, group calls, education and live streaming.",
      body: `
Video quality is a trade-off between resolution, frame rate, bitrate, device load and the network. The settings below are good starting points; the SDK adapts downward from them when the network or CPU cannot keep up.

## Recommended profiles

| Scenario | Resolution | FPS | Bitrate (kbps) |
| --- | --- | --- | --- |
| 1:1 call, mobile | 640x360 | 15 | 600 |
| 1:1 call, desktop | 1280x720 | 24 | 1,400 |
| Group call (≤ 9), per user | 640x360 | 15 | 500 |
| Online class, teacher | 1280x720 | 15 | 1,100 |
| Live host, mobile | 720x1280 | 24 | 1,800 |
| Screen sharing (documents) | 1920x1080 | 5 | 1,200 |

## Apply a profile

~~~swift
let config = AttainVideoEncoderConfiguration(
    size: CGSize(width: 640, height: 360),
    frameRate: .fps15,
    bitrate: AttainVideoBitrateStandard,
    orientationMode: .adaptative,
    mirrorMode: .auto
)
config.degradationPreference = .maintainBalanced
engine.setVideoEncoderConfiguration(config)
~~~

\`AttainVideoBitrateStandard\` lets the SDK pick the recommended bitrate for the resolution and frame rate.

## Rules of thumb

- The resolution you set is a **maximum**. The encoder may send less under poor conditions; check \`encodedFrameWidth\` in local video stats.
- Frame rate above 24 rarely helps in calls and doubles CPU cost compared with 15.
- Portrait apps should use \`ORIENTATION_MODE_ADAPTIVE\` so receivers see the video in the sender's orientation.
- Change the configuration at any time during the call; it takes effect on the next key frame.
- Higher is not better on phones: 1080p encoding on mid-range Android devices causes thermal throttling within 15 minutes.
`,
    },
    zh: {
      title: "如何选择视频分辨率、帧率与码率",
      summary: "一对一通话、多人通话、在线教育和直播场景下推荐的视频编码参数。",
      body: `
视频质量是分辨率、帧率、码率、设备负载和网络条件之间的权衡。以下配置是推荐的起点，当网络或 CPU 跟不上时，SDK 会在此基础上自动下调。

## 推荐配置

- **一对一通话（移动端）**：640x360，15 fps，600 kbps
- **一对一通话（桌面端）**：1280x720，24 fps，1400 kbps
- **多人通话（9 人以内，每路）**：640x360，15 fps，500 kbps
- **在线课堂（老师）**：1280x720，15 fps，1100 kbps
- **移动端主播**：720x1280，24 fps，1800 kbps
- **屏幕共享（文档）**：1920x1080，5 fps，1200 kbps

## 设置编码参数

~~~swift
let config = AttainVideoEncoderConfiguration(
    size: CGSize(width: 640, height: 360),
    frameRate: .fps15,
    bitrate: AttainVideoBitrateStandard,
    orientationMode: .adaptative,
    mirrorMode: .auto
)
config.degradationPreference = .maintainBalanced
engine.setVideoEncoderConfiguration(config)
~~~

## 经验法则

- 设置的分辨率是**上限**，网络较差时编码器可能输出更低的分辨率，可通过本地视频统计中的 \`encodedFrameWidth\` 确认。
- 通话场景下帧率超过 24 意义不大，而 CPU 开销是 15 fps 的两倍左右。
- 竖屏应用请使用 \`ORIENTATION_MODE_ADAPTIVE\`，让接收端按发送端方向显示。
- 通话中可以随时修改配置，在下一个关键帧生效。
- 手机上并非越高越好：中端 Android 机型编码 1080p，15 分钟内就会发热降频，导致卡顿。
`,
    },
  },
  {
    slug: "screen-sharing-guide",
    productArea: "video_calling",
    type: "best_practice",
    tags: ["screen-sharing", "desktop", "web", "android", "ios"],
    sdkVersions: ["4.4.x", CURRENT],
    draft: "zh",
    weight: 1.4,
    en: {
      title: "Screen sharing on desktop, Web and mobile",
      summary:
        "Share a screen or window alongside the camera, with the right content hint and platform-specific setup.",
      body: `
Screen sharing publishes a second video track alongside the camera. Since 4.2.0 one engine can publish both from a single connection, so you no longer need a second UID for the screen.

## Web

~~~typescript
const screenTrack = await AttainRTC.createScreenVideoTrack(
  { encoderConfig: "1080p_2", optimizationMode: "detail" },
  "disable",
);
await client.publish(screenTrack);
screenTrack.on("track-ended", async () => {
  // the user clicked "Stop sharing" in the browser bar
  await client.unpublish(screenTrack);
  screenTrack.close();
});
~~~

Use \`optimizationMode: "detail"\` for documents and code, \`"motion"\` for videos and games.

## Windows and macOS

~~~cpp
ScreenCaptureParameters params;
params.dimensions = VideoDimensions(1920, 1080);
params.frameRate = 5;
params.bitrate = 1200;
params.excludeWindowList = &ownWindow;   // hide your own app window from the capture
params.excludeWindowCount = 1;
engine->startScreenCaptureByDisplayId(displayId, Rectangle(), params);
engine->setScreenCaptureContentHint(CONTENT_HINT_DETAILS);
~~~

On macOS 10.15+ the user must grant **Screen Recording** permission; the app must be restarted after it is granted.

## Android and iOS

- **Android**: \`startScreenCapture\` starts a foreground service with type \`mediaProjection\`; declare it in the manifest or Android 14 will throw a \`SecurityException\`.
- **iOS**: screen sharing runs in a Broadcast Upload Extension with a 50 MB memory limit. Keep the extension at 720p and 10 fps or lower.

## Tips

- Lower the frame rate for static content: 5 fps at 1080p looks sharper than 15 fps at the same bitrate.
- Mute system audio sharing by default; sharing system audio while in a call can cause echo for remote users.
- Ask receivers to subscribe to the screen track at the high stream: small text is unreadable on the low stream.
`,
    },
    zh: {
      title: "桌面端、Web 与移动端屏幕共享",
      summary: "在摄像头之外同时共享屏幕或窗口，并针对不同平台进行正确配置。",
      body: `
屏幕共享会在摄像头之外再发布一路视频轨道。从 4.2.0 起，一个引擎可以通过同一连接同时发布两路视频，不再需要为屏幕共享单独使用一个 UID。

## Web

~~~typescript
const screenTrack = await AttainRTC.createScreenVideoTrack(
  { encoderConfig: "1080p_2", optimizationMode: "detail" },
  "disable",
);
await client.publish(screenTrack);
~~~

文档、代码类内容使用 \`optimizationMode: "detail"\`，视频、游戏类内容使用 \`"motion"\`。

## Windows 与 macOS

调用 \`startScreenCaptureByDisplayId\` 开始共享，并通过 \`excludeWindowList\` 排除自身应用窗口。macOS 10.15 及以上需要用户授予 **屏幕录制** 权限，授权后需要重启应用才能生效。

## Android 与 iOS

- **Android**：\`startScreenCapture\` 会启动类型为 \`mediaProjection\` 的前台服务，需要在 Manifest 中声明，否则 Android 14 会抛出 \`SecurityException\`。
- **iOS**：屏幕共享运行在 Broadcast Upload Extension 中，内存上限 50 MB，建议分辨率不超过 720p、帧率不超过 10 fps。

## 使用建议

- 静态内容降低帧率：同样码率下，1080p 5 fps 比 15 fps 更清晰。
- 默认不共享系统声音；通话中共享系统声音可能导致对端听到回声。
- 接收端订阅屏幕共享的大流，小流中的文字无法看清。
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Live streaming
// ---------------------------------------------------------------------------------------------

const LIVE: GroupSpec[] = [
  {
    slug: "cloud-recording-guide",
    productArea: "live_streaming",
    type: "best_practice",
    tags: ["cloud-recording", "rest-api", "recording", "compliance"],
    sdkVersions: ["cloud-recording-v1"],
    weight: 1.2,
    en: {
      title: "Recording channels with cloud recording",
      summary:
        "Record a channel in mixed or individual mode through the REST API and store files in your own object storage.",
      body: `
Cloud recording joins a channel as a hidden user, records the streams, and uploads the files to your object storage (S3-compatible, Azure Blob, or Alibaba Cloud OSS). Nothing changes on the clients.

## Choose a mode

- **Mix mode**: one file with all users composited in a layout. Best for playback and compliance archives.
- **Individual mode**: one file per user and media type. Best for AI analysis, transcription and post-production.
- **Web page mode**: renders a URL (for example your whiteboard page) and records it as a video.

## Flow

1. \`acquire\`: reserve a recorder and get a \`resourceId\` (valid 5 minutes).
2. \`start\`: start recording with the storage configuration; returns an \`sid\`.
3. \`query\`: optional, returns the file list while recording.
4. \`stop\`: stop and flush the last segments.

~~~json
{
  "cname": "class_2041",
  "uid": "527841",
  "clientRequest": {
    "token": "<token for uid 527841>",
    "recordingConfig": {
      "channelType": 1,
      "streamTypes": 2,
      "maxIdleTime": 120,
      "transcodingConfig": { "width": 1280, "height": 720, "fps": 15, "bitrate": 1500, "mixedVideoLayout": 1 }
    },
    "storageConfig": {
      "vendor": 1,
      "region": 3,
      "bucket": "acme-recordings",
      "accessKey": "<key>",
      "secretKey": "<secret>",
      "fileNamePrefix": ["class", "2041"]
    }
  }
}
~~~

## Best practices

- Call \`acquire\` immediately before \`start\`; otherwise you get error 4001.
- Use a dedicated recording UID that no real user can take, and generate a token for it.
- Set \`maxIdleTime\` so the recorder leaves empty channels instead of billing for silence.
- Subscribe to the recording webhooks (\`recorder_started\`, \`uploaded\`, \`recorder_leave\`) instead of polling \`query\`.
- Give the storage credentials write-only permission to the bucket.
`,
    },
    zh: {
      title: "使用云端录制录制频道内容",
      summary: "通过 REST API 以合流或单流模式录制频道，并将文件存储到自有对象存储。",
      body: `
云端录制会以一个隐藏用户的身份加入频道，录制音视频流并上传到你的对象存储（兼容 S3、Azure Blob 或阿里云 OSS），客户端无需任何改动。

## 选择录制模式

- **合流模式**：所有用户按布局合成为一个文件，适合回放和合规存档。
- **单流模式**：每个用户、每种媒体类型各一个文件，适合 AI 分析、转写和后期制作。
- **页面录制模式**：渲染指定网页（例如白板页面）并录制成视频。

## 调用流程

1. \`acquire\`：预留录制资源，获得 \`resourceId\`（5 分钟内有效）。
2. \`start\`：携带存储配置开始录制，返回 \`sid\`。
3. \`query\`：可选，录制过程中查询文件列表。
4. \`stop\`：停止录制并上传最后的切片。

~~~json
{
  "cname": "class_2041",
  "uid": "527841",
  "clientRequest": {
    "recordingConfig": { "channelType": 1, "streamTypes": 2, "maxIdleTime": 120 },
    "storageConfig": { "vendor": 1, "region": 3, "bucket": "acme-recordings", "fileNamePrefix": ["class", "2041"] }
  }
}
~~~

## 最佳实践

- 在 \`start\` 前立即调用 \`acquire\`，否则会收到错误码 4001。
- 使用真实用户无法占用的专用录制 UID，并为其生成 Token。
- 设置 \`maxIdleTime\`，频道无人时录制自动退出，避免为空频道计费。
- 通过录制回调（\`recorder_started\`、\`uploaded\`、\`recorder_leave\`）获取状态，而不是轮询 \`query\`。
- 存储凭证只授予写入该存储桶的权限。
`,
    },
  },
  {
    slug: "cdn-push-rtmp",
    productArea: "live_streaming",
    type: "best_practice",
    tags: ["cdn", "rtmp", "transcoding", "live-streaming"],
    sdkVersions: ["4.2.x", "4.3.x"],
    stale: true,
    en: {
      title: "Pushing a live channel to a CDN over RTMP",
      summary: "Transcode the hosts of a channel into one stream and push it to any RTMP CDN for large audiences.",
      body: `
Interactive audiences of up to 10,000 users can join the channel directly. For larger audiences, or to reach social platforms, push the channel to a CDN: Attain transcodes the hosts into one stream and pushes it over RTMP.

## Configure the layout

~~~kotlin
val transcoding = LiveTranscoding().apply {
    width = 720
    height = 1280
    videoFramerate = 24
    videoBitrate = 1800
    videoCodecProfile = LiveTranscoding.VideoCodecProfileType.HIGH
    audioSampleRate = LiveTranscoding.AudioSampleRateType.TYPE_48000
    addUser(LiveTranscoding.TranscodingUser().apply {
        uid = hostUid; x = 0; y = 0; width = 720; height = 1280; zOrder = 1
    })
    addUser(LiveTranscoding.TranscodingUser().apply {
        uid = guestUid; x = 460; y = 900; width = 240; height = 320; zOrder = 2
    })
}
engine.startRtmpStreamWithTranscoding(pushUrl, transcoding)
~~~

Update the layout when co-hosts join or leave with \`updateRtmpTranscoding\`; do not stop and restart the push.

## Monitor the push

\`onRtmpStreamingStateChanged\` reports \`CONNECTING\`, \`RUNNING\`, \`RECOVERING\` and \`FAILURE\`. On \`FAILURE\`, check the error code: 5003 means the CDN refused the RTMP connection.

## Best practices

- Start the push from one host only; two hosts pushing to the same URL will kick each other off.
- Generate signed push URLs right before starting.
- Use H.264 High profile, GOP of 2 seconds; most CDNs require a keyframe interval of 2-4 seconds.
- Viewer latency on CDN playback (FLV/HLS) is 3-10 seconds. If viewers need under one second, use low-latency live streaming instead of a CDN.
`,
    },
    zh: {
      title: "通过 RTMP 将直播频道转推到 CDN",
      summary: "将频道内主播合流转码为一路流，并推送到任意 RTMP CDN，覆盖大规模观众。",
      body: `
1 万人以内的互动观众可以直接加入频道。观众规模更大，或需要分发到第三方直播平台时，可以将频道转推到 CDN：Attain 把主播合成为一路流，并通过 RTMP 推送出去。

## 配置合流布局

~~~kotlin
val transcoding = LiveTranscoding().apply {
    width = 720
    height = 1280
    videoFramerate = 24
    videoBitrate = 1800
    addUser(LiveTranscoding.TranscodingUser().apply {
        uid = hostUid; x = 0; y = 0; width = 720; height = 1280; zOrder = 1
    })
}
engine.startRtmpStreamWithTranscoding(pushUrl, transcoding)
~~~

连麦嘉宾加入或离开时，调用 \`updateRtmpTranscoding\` 更新布局，不要停止后重新推流。

## 监控推流状态

\`onRtmpStreamingStateChanged\` 会上报 \`CONNECTING\`、\`RUNNING\`、\`RECOVERING\` 和 \`FAILURE\`。出现 \`FAILURE\` 时检查错误码：5003 表示 CDN 拒绝了 RTMP 连接。

## 最佳实践

- 只由一个主播发起转推，两个主播推同一地址会互相踢掉。
- 在开始推流前再生成带签名的推流地址。
- 使用 H.264 High Profile，GOP 2 秒；大多数 CDN 要求关键帧间隔为 2-4 秒。
- CDN 播放（FLV/HLS）的观众延迟为 3-10 秒。如果观众需要 1 秒以内的延迟，请使用极速直播而不是 CDN。
`,
    },
  },
  {
    slug: "low-latency-live-streaming",
    productArea: "live_streaming",
    type: "best_practice",
    tags: ["low-latency", "live-streaming", "audience", "latency"],
    sdkVersions: ["4.4.x", CURRENT],
    weight: 1.3,
    en: {
      title: "Low-latency live streaming for large audiences",
      summary:
        "Deliver live streams with 1-2 seconds of latency to audiences that do not need to speak, at a lower price than interactive mode.",
      body: `
Attain offers two audience latency levels in the \`LIVE_BROADCASTING\` profile:

| Level | Host-to-audience latency | Typical use |
| --- | --- | --- |
| Ultra-low latency (interactive) | 400-800 ms | co-hosting, auctions, live quizzes |
| Low latency | 1,500-2,000 ms | concerts, sports, webinars |

Low-latency audiences are billed at a lower rate and scale to one million concurrent viewers per channel.

## Join as a low-latency audience

~~~typescript
const client = AttainRTC.createClient({ mode: "live", codec: "vp8" });
await client.setClientRole("audience", { level: 1 }); // 1 = low latency, 2 = ultra-low latency
await client.join(APP_ID, "concert_88", token, null);
~~~

~~~kotlin
val options = ChannelMediaOptions().apply {
    channelProfile = Constants.CHANNEL_PROFILE_LIVE_BROADCASTING
    clientRoleType = Constants.CLIENT_ROLE_AUDIENCE
    audienceLatencyLevel = Constants.AUDIENCE_LATENCY_LEVEL_LOW_LATENCY
}
engine.joinChannel(token, "concert_88", 0, options)
~~~

## Promote an audience member to co-host

Switch the role with \`setClientRole("host")\`. The SDK upgrades the connection to ultra-low latency automatically; the switch takes about 300 ms and no rejoin is needed.

## Tips

- Combine with dual-stream on hosts so viewers on weak networks get the low stream without rebuffering.
- Do not use low latency for anyone who talks: a 1.5-second delay makes conversation impossible.
- Compared with CDN push (3-10 s), low-latency live keeps comments, gifts and video in sync.
`,
    },
    zh: {
      title: "极速直播：面向大规模观众的低延迟直播",
      summary: "以 1-2 秒的延迟向无需发言的观众分发直播，价格低于互动直播。",
      body: `
在 \`LIVE_BROADCASTING\` 频道场景下，Attain 为观众提供两种延迟等级：

- **超低延迟（互动直播）**：主播到观众延迟 400-800 毫秒，适合连麦、拍卖、直播答题。
- **低延迟（极速直播）**：延迟 1500-2000 毫秒，适合演唱会、体育赛事、线上发布会。

极速直播观众的计费单价更低，单频道可支持百万级并发观看。

## 以极速直播观众身份加入

~~~kotlin
val options = ChannelMediaOptions().apply {
    channelProfile = Constants.CHANNEL_PROFILE_LIVE_BROADCASTING
    clientRoleType = Constants.CLIENT_ROLE_AUDIENCE
    audienceLatencyLevel = Constants.AUDIENCE_LATENCY_LEVEL_LOW_LATENCY
}
engine.joinChannel(token, "concert_88", 0, options)
~~~

## 观众上麦

调用 \`setClientRole\` 切换为主播即可，SDK 会自动升级为超低延迟连接，切换耗时约 300 毫秒，无需重新加入频道。

## 使用建议

- 主播端开启双流，弱网观众可以自动切换到小流，避免卡顿和缓冲。
- 需要发言的用户不要使用极速直播：1.5 秒的延迟无法正常对话。
- 与 CDN 转推（3-10 秒延迟）相比，极速直播能让评论、礼物与画面保持同步。
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Real-time messaging
// ---------------------------------------------------------------------------------------------

const MESSAGING: GroupSpec[] = [
  {
    slug: "rtm-channels-quick-start",
    productArea: "realtime_messaging",
    type: "quick_start",
    tags: ["rtm", "channels", "pub-sub", "web", "typescript"],
    sdkVersions: ["rtm-2.2.x"],
    weight: 1.1,
    en: {
      title: "Quick start: channel messaging with Attain RTM",
      summary: "Log in to Attain RTM, subscribe to a message channel and publish messages to every subscriber.",
      body: `
Attain Real-Time Messaging (RTM) delivers signaling and chat messages with a median latency under 100 ms worldwide. Message channels are publish/subscribe: anyone subscribed to \`room_2041\` receives every message published to it. RTM channels are independent of RTC channels, but using the same name for both keeps your app simple.

## Install

~~~bash
npm install attain-rtm-sdk@2.2.1
~~~

## Log in and subscribe

~~~typescript
import AttainRTM from "attain-rtm-sdk";

const rtm = new AttainRTM.RTM("YOUR_APP_ID", "user_1842");

rtm.addEventListener("message", (event) => {
  console.log(event.channelName, event.publisher, event.message);
});

rtm.addEventListener("presence", (event) => {
  // REMOTE_JOIN, REMOTE_LEAVE, SNAPSHOT, ...
  console.log(event.eventType, event.publisher);
});

await rtm.login({ token: await fetchRtmToken("user_1842") });
await rtm.subscribe("room_2041", { withMessage: true, withPresence: true });
~~~

## Publish

~~~typescript
await rtm.publish("room_2041", JSON.stringify({ type: "chat", text: "Hello everyone" }));
~~~

Messages are strings or \`Uint8Array\`, up to 32 KB (error 8201 above that).

## Design tips

- Use a \`type\` field in every payload so you can add message kinds without breaking old clients.
- Keep high-frequency signals (cursor positions, reactions) in a separate channel from chat so slow consumers do not delay chat.
- Rate limit: 60 messages per second per client across all channels.
- Call \`logout()\` when the user signs out; otherwise presence shows them online for up to 30 seconds.
`,
    },
    zh: {
      title: "Attain RTM 频道消息快速开始",
      summary: "登录 Attain RTM，订阅消息频道，并向所有订阅者发布消息。",
      body: `
Attain 实时消息（RTM）提供全球中位数低于 100 毫秒的信令和聊天消息服务。消息频道采用发布/订阅模式：所有订阅了 \`room_2041\` 的用户都会收到发布到该频道的消息。RTM 频道与 RTC 频道相互独立，但两者使用相同名称可以让应用逻辑更简单。

## 安装

~~~bash
npm install attain-rtm-sdk@2.2.1
~~~

## 登录并订阅

~~~typescript
import AttainRTM from "attain-rtm-sdk";

const rtm = new AttainRTM.RTM("YOUR_APP_ID", "user_1842");
rtm.addEventListener("message", (event) => {
  console.log(event.channelName, event.publisher, event.message);
});

await rtm.login({ token: await fetchRtmToken("user_1842") });
await rtm.subscribe("room_2041", { withMessage: true, withPresence: true });
~~~

## 发布消息

~~~typescript
await rtm.publish("room_2041", JSON.stringify({ type: "chat", text: "大家好" }));
~~~

消息可以是字符串或 \`Uint8Array\`，最大 32 KB，超过时返回错误码 8201。

## 设计建议

- 每条消息都带上 \`type\` 字段，方便新增消息类型而不影响旧版本客户端。
- 高频信号（光标位置、点赞）与聊天消息使用不同频道，避免慢消费者拖慢聊天。
- 频率限制：每个客户端在所有频道合计每秒最多 60 条消息。
- 用户退出登录时调用 \`logout()\`，否则在线状态最多会保留 30 秒。
`,
    },
  },
  {
    slug: "rtm-peer-messages",
    productArea: "realtime_messaging",
    type: "best_practice",
    tags: ["rtm", "peer-to-peer", "signaling", "call-invitation"],
    sdkVersions: ["rtm-2.2.x"],
    en: {
      title: "Peer-to-peer messages and call invitations",
      summary: "Send one-to-one messages with RTM and build a reliable call invitation flow on top of them.",
      body: `
Peer messages go to one user ID rather than to a channel. They are the usual building block for call invitations ("Alice is calling you"), typing indicators and private notifications.

## Send a peer message

~~~typescript
await rtm.publish("user_2977", JSON.stringify({
  type: "call_invite",
  callId: "c_91f2",
  channel: "call_c_91f2",
  from: "user_1842",
}), { channelType: "USER" });
~~~

The promise resolves when the server accepts the message. Delivery to an offline user is not guaranteed: peer messages are only kept for offline users when offline storage is enabled for the project, which is off by default.

## A reliable invitation flow

1. Caller sends \`call_invite\` and starts a 30-second timer.
2. Callee replies \`call_accept\` or \`call_reject\`; both sides then join or abort.
3. Caller sends \`call_cancel\` if the timer fires or the user hangs up first.
4. Every message carries the \`callId\`, so late or duplicated messages for old calls are ignored.

## Reach users whose app is closed

RTM only delivers to logged-in clients. For users whose app is in the background or closed, send a push notification (APNs VoIP push / FCM high priority) from your server at the same time, and let the app log in to RTM when it wakes up.

## Pitfalls

- Do not use peer messages for chat history: use a message channel with history enabled.
- User IDs are case-sensitive; \`User_1842\` and \`user_1842\` are different users.
- Sending to a user who is not online returns success but \`online: false\` in the response; use it to decide whether to fall back to push.
`,
    },
  },
  {
    slug: "rtm-message-history",
    productArea: "realtime_messaging",
    type: "best_practice",
    tags: ["rtm", "history", "storage", "chat"],
    sdkVersions: ["rtm-2.2.x"],
    draft: "zh",
    en: {
      title: "Storing and loading message history",
      summary: "Enable message storage on a channel and page through history when users join late or reconnect.",
      body: `
By default RTM is fire-and-forget: users who were not subscribed when a message was published never see it. Message history stores channel messages for 7 days (30 days on the Enterprise plan) so late joiners and reconnecting clients can catch up.

## Enable storage

Enable **Message history** for the project under **Console > RTM > Features**, then ask for storage when publishing:

~~~typescript
await rtm.publish("room_2041", JSON.stringify({ type: "chat", text: "Slides are uploaded" }), {
  storeInHistory: true,
  customType: "chat",
});
~~~

Only store what users need to see later. Cursor positions and typing indicators should never be stored.

## Load history

~~~typescript
async function loadRecent(channel: string, pages = 3) {
  const messages = [];
  let start = 0;
  for (let i = 0; i < pages; i++) {
    const res = await rtm.history.getMessages(channel, "MESSAGE", { messageCount: 50, start });
    messages.push(...res.messageList);
    if (!res.newStart) break;
    start = res.newStart;
  }
  return messages.reverse(); // oldest first for rendering
}
~~~

## Reconnection

When the connection state returns to \`CONNECTED\` after a disconnect longer than 30 seconds, fetch history from the timestamp of the last message you rendered to fill the gap. Deduplicate by \`messageId\`: a message can arrive both live and through history.

## Limits

- 50 messages per page, 10 history requests per second per client.
- History is per channel; peer messages are not stored.
- Deleting a message from history is only possible through the REST API.
`,
    },
    zh: {
      title: "消息历史的存储与拉取",
      summary: "为频道开启消息存储，在用户中途加入或断线重连时分页拉取历史消息。",
      body: `
RTM 默认“发完即弃”：消息发布时未订阅的用户永远收不到该消息。开启消息历史后，频道消息会保存 7 天（企业版 30 天），中途加入和断线重连的客户端都可以补齐消息。

## 开启存储

在 **控制台 > RTM > 功能配置** 中开启 **消息历史**，发布时声明需要存储：

~~~typescript
await rtm.publish("room_2041", JSON.stringify({ type: "chat", text: "课件已上传" }), {
  storeInHistory: true,
  customType: "chat",
});
~~~

只存储用户之后需要看到的消息，光标位置、正在输入等状态类消息不要存储。

## 拉取历史

调用 \`rtm.history.getMessages\` 每页最多拉取 50 条，根据返回的 \`newStart\` 继续翻页，渲染前按时间正序排列。

## 断线重连

断线超过 30 秒后连接状态恢复为 \`CONNECTED\` 时，从最后一条已渲染消息的时间戳开始拉取历史补齐空缺。请按 \`messageId\` 去重：同一条消息可能既通过实时通道到达，又出现在历史中。

## 限制

- 每页 50 条，每个客户端每秒最多 10 次历史请求。
- 历史按频道存储，点对点消息不存储。
- 只能通过 REST API 删除历史消息。
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Conversational AI
// ---------------------------------------------------------------------------------------------

const CONVERSATIONAL_AI: GroupSpec[] = [
  {
    slug: "voice-agent-with-llm",
    productArea: "conversational_ai",
    type: "quick_start",
    tags: ["conversational-ai", "voice-agent", "llm", "tts", "asr", "rest-api"],
    sdkVersions: ["convo-ai-1.2", "4.4.x", CURRENT],
    weight: 1.6,
    en: {
      title: "Quick start: build a voice agent with your own LLM",
      summary:
        "Start an AI voice agent in an RTC channel with one REST call, using any OpenAI-compatible LLM and your choice of TTS.",
      body: `
The Attain Conversational AI engine runs a voice agent as a participant in an RTC channel. It listens to the user (ASR), sends the transcript to your LLM, and speaks the answer (TTS), with interruption handling and echo cancellation on the device side handled by the RTC SDK.

## Prerequisites

- An RTC app where the user joins channel \`support_7731\` (any quick start works)
- An OpenAI-compatible chat completions endpoint with streaming
- A TTS provider key (Attain TTS, or a supported third-party vendor)

## Start the agent

~~~bash
curl -s -X POST "https://api.attain.example/convo-ai/v1/projects/$APP_ID/agents/join" \\
  -u "$CUSTOMER_KEY:$CUSTOMER_SECRET" -H "Content-Type: application/json" \\
  -d @agent.json
~~~

~~~json
{
  "name": "support_7731_agent",
  "properties": {
    "channel": "support_7731",
    "token": "<RTC token for uid 9000>",
    "agent_rtc_uid": "9000",
    "remote_rtc_uids": ["*"],
    "idle_timeout": 120,
    "llm": {
      "url": "https://llm.example.com/v1/chat/completions",
      "api_key": "<key>",
      "system_messages": [{ "role": "system", "content": "You are a concise support assistant for Acme Router." }],
      "greeting_message": "Hi, this is the Acme assistant. How can I help?",
      "max_history": 16,
      "params": { "model": "my-model", "temperature": 0.3 }
    },
    "tts": { "vendor": "attain", "params": { "voice": "en-US-female-2", "speed": 1.05 } },
    "asr": { "language": "en-US" }
  }
}
~~~

The response contains an \`agent_id\`; call \`/agents/{agent_id}/leave\` to stop it, or let \`idle_timeout\` stop it after the user leaves.

## On the client

Nothing special is needed: the agent is a remote user with UID 9000 that publishes audio. Enable AI noise suppression and keep AEC on so the agent does not hear itself through the user's speaker.

## Next steps

- Tune barge-in behavior: see *Handling interruptions in voice agents*.
- Reduce response time: see *Tuning voice agent latency*.
- Error 9001 in the webhook means the LLM endpoint failed.
`,
    },
    zh: {
      title: "快速开始：接入自有大模型构建语音智能体",
      summary: "通过一次 REST 调用，在 RTC 频道中启动接入任意 OpenAI 兼容大模型的语音智能体。",
      body: `
Attain 对话式 AI 引擎让语音智能体以参与者身份加入 RTC 频道：它听取用户语音（ASR），把识别文本发送给你的大模型，再把回答合成语音播放出来（TTS）。打断处理由云端完成，设备端的回声消除由 RTC SDK 负责。

## 前提条件

- 一个用户会加入频道 \`support_7731\` 的 RTC 应用（任意快速开始均可）
- 一个支持流式输出的 OpenAI 兼容对话接口
- TTS 服务密钥（Attain TTS 或已支持的第三方厂商）

## 启动智能体

~~~bash
curl -s -X POST "https://api.attain.example/convo-ai/v1/projects/$APP_ID/agents/join" \\
  -u "$CUSTOMER_KEY:$CUSTOMER_SECRET" -H "Content-Type: application/json" \\
  -d @agent.json
~~~

~~~json
{
  "name": "support_7731_agent",
  "properties": {
    "channel": "support_7731",
    "agent_rtc_uid": "9000",
    "remote_rtc_uids": ["*"],
    "idle_timeout": 120,
    "llm": {
      "url": "https://llm.example.com/v1/chat/completions",
      "system_messages": [{ "role": "system", "content": "你是 Acme 路由器的客服助手，回答简洁。" }],
      "greeting_message": "你好，我是 Acme 智能助手，请问有什么可以帮你？",
      "max_history": 16
    },
    "tts": { "vendor": "attain", "params": { "voice": "zh-CN-female-1" } },
    "asr": { "language": "zh-CN" }
  }
}
~~~

返回结果中包含 \`agent_id\`，调用 \`/agents/{agent_id}/leave\` 停止智能体，或在用户离开后由 \`idle_timeout\` 自动停止。

## 客户端

客户端无需特殊处理：智能体就是一个 UID 为 9000、发布音频的远端用户。建议开启 AI 降噪并保持回声消除开启，避免智能体通过用户外放“听到自己”。

## 后续步骤

- 调整打断行为：参考《语音智能体的打断处理》。
- 缩短响应时间：参考《语音智能体延迟调优》。
- Webhook 中出现错误码 9001 表示大模型接口请求失败。
`,
    },
  },
  {
    slug: "voice-agent-interruption-handling",
    productArea: "conversational_ai",
    type: "best_practice",
    tags: ["conversational-ai", "interruption", "barge-in", "vad"],
    sdkVersions: ["convo-ai-1.2"],
    en: {
      title: "Handling interruptions in voice agents",
      summary:
        "Configure barge-in so users can interrupt the agent naturally without false triggers from noise or backchannel words.",
      body: `
People interrupt each other all the time. A voice agent that keeps talking when the user starts speaking feels robotic; one that stops at every cough feels broken. The agent's turn detection has three settings that control this balance.

## Interruption modes

- **\`vad\`** (default): any detected speech longer than \`interrupt_duration_ms\` stops TTS playback immediately.
- **\`keywords\`**: only listed phrases ("stop", "wait", "no no") interrupt; other speech is queued as the next turn.
- **\`disabled\`**: the agent always finishes its sentence. Use for legal disclaimers or payment confirmations.

~~~json
{
  "turn_detection": {
    "interrupt_mode": "vad",
    "interrupt_duration_ms": 240,
    "silence_duration_ms": 480,
    "ignore_backchannel": true
  }
}
~~~

## Tuning guidance

- \`interrupt_duration_ms\` between 200 and 300 ms works for most voices. Below 160 ms, clicks and coughs interrupt the agent.
- \`ignore_backchannel\` ignores short acknowledgements ("uh-huh", "OK", "嗯") that mean "keep going", not "stop".
- \`silence_duration_ms\` decides when the user has finished. Lower values answer faster but cut off users who pause to think; 400-600 ms is a good range.

## What happens to the conversation history

When the user interrupts, only the part of the answer that was actually spoken is kept in the LLM history, marked as interrupted. The LLM therefore does not assume the user heard the whole answer.

## Client-side requirements

Interruption relies on the agent hearing the user, not its own voice. Keep AEC on, avoid playing the agent's audio through a separate player, and enable AI noise suppression in noisy environments. Echo leaking back into the channel is the number one cause of agents "interrupting themselves".
`,
    },
    zh: {
      title: "语音智能体的打断处理",
      summary: "配置打断（barge-in）策略，让用户可以自然地打断智能体，同时避免噪声和附和词误触发。",
      body: `
人与人对话时经常互相打断。用户开口后智能体还在自顾自地说，会显得很机械；而每次咳嗽都被打断，又会显得很不稳定。智能体的轮次检测提供三个参数来平衡这两者。

## 打断模式

- **\`vad\`**（默认）：检测到持续超过 \`interrupt_duration_ms\` 的人声即立刻停止 TTS 播放。
- **\`keywords\`**：只有指定短语（“停一下”“等等”“不对”）才会打断，其他语音作为下一轮输入排队。
- **\`disabled\`**：智能体总是说完当前句子，适用于法律声明、支付确认等场景。

~~~json
{
  "turn_detection": {
    "interrupt_mode": "vad",
    "interrupt_duration_ms": 240,
    "silence_duration_ms": 480,
    "ignore_backchannel": true
  }
}
~~~

## 调参建议

- \`interrupt_duration_ms\` 建议设置在 200-300 毫秒；低于 160 毫秒时，点击声、咳嗽声都会打断智能体。
- \`ignore_backchannel\` 会忽略“嗯”“好的”“对”这类表示“继续说”的附和词。
- \`silence_duration_ms\` 决定何时认为用户说完了。值越小回应越快，但会打断边想边说的用户，建议 400-600 毫秒。

## 客户端要求

打断依赖于智能体听到的是用户的声音而不是它自己的声音。请保持回声消除开启，不要用独立播放器播放智能体音频，嘈杂环境下开启 AI 降噪。回声泄漏到频道中是智能体“自己打断自己”的首要原因。
`,
    },
  },
  {
    slug: "voice-agent-latency-tuning",
    productArea: "conversational_ai",
    type: "best_practice",
    tags: ["conversational-ai", "latency", "llm", "tts", "performance"],
    sdkVersions: ["convo-ai-1.2"],
    draft: "zh",
    en: {
      title: "Tuning voice agent latency",
      summary: "Break down the time from end of user speech to first agent audio and reduce each stage.",
      body: `
Users judge a voice agent by how quickly it answers. The metric that matters is **response latency**: from the moment the user stops speaking to the first audible agent audio. Under 1,000 ms feels natural; above 1,800 ms users start repeating themselves.

## Where the time goes

| Stage | Typical | How to reduce |
| --- | --- | --- |
| End-of-turn detection | 400-600 ms | lower \`silence_duration_ms\` carefully |
| ASR final result | 100-200 ms | use the streaming ASR vendor in the same region |
| LLM first token | 250-900 ms | smaller model, shorter prompt, same-region endpoint |
| TTS first audio chunk | 100-300 ms | streaming TTS, avoid SSML-heavy prompts |
| RTC delivery | 80-200 ms | users connect to the nearest region |

The agent webhook \`agent_metrics\` reports each stage per turn; average them over at least 50 turns before changing settings.

## The biggest wins

1. **Put the LLM close to the agent.** An LLM endpoint on another continent adds 150-300 ms per turn. Set \`agent_region\` to match your LLM region.
2. **Keep the system prompt short.** Every 1,000 prompt tokens adds roughly 60-120 ms to time-to-first-token on typical hosted models.
3. **Stream everything.** The agent starts TTS on the first complete clause of the LLM output; a non-streaming endpoint waits for the entire answer.
4. **Ask the LLM for short first sentences.** "Start with a short sentence that answers directly" in the system prompt reduces perceived latency more than any infrastructure change.

## Measure on the client

~~~typescript
client.on("user-published", (user) => {
  if (user.uid === 9000) console.time("agent-first-audio");
});
client.on("volume-indicator", (volumes) => {
  const agent = volumes.find((v) => v.uid === 9000);
  if (agent && agent.level > 5) console.timeEnd("agent-first-audio");
});
~~~

## Don't

- Don't set \`silence_duration_ms\` below 300 ms to chase numbers: the agent will talk over users.
- Don't add your own audio buffering on the client.
`,
    },
    zh: {
      title: "语音智能体延迟调优",
      summary: "拆解从用户说完话到智能体开口的各阶段耗时，并逐项降低延迟。",
      body: `
用户评价语音智能体，首先看它回答得快不快。关键指标是**响应延迟**：从用户停止说话到听到智能体第一声的时间。1000 毫秒以内感觉自然，超过 1800 毫秒用户就会开始重复提问。

## 延迟构成

- **轮次结束检测**：400-600 毫秒，可谨慎调低 \`silence_duration_ms\`。
- **ASR 最终结果**：100-200 毫秒，选择同区域的流式 ASR。
- **大模型首 token**：250-900 毫秒，使用更小的模型、更短的提示词、同区域的接口。
- **TTS 首个音频包**：100-300 毫秒，使用流式 TTS。
- **RTC 传输**：80-200 毫秒，用户接入最近的区域。

Webhook 中的 \`agent_metrics\` 会逐轮上报各阶段耗时，调整配置前请至少统计 50 轮的平均值。

## 收益最大的优化

1. **让大模型靠近智能体。** 大模型接口部署在其他大洲时，每轮会增加 150-300 毫秒延迟。请将 \`agent_region\` 设置为与大模型相同的区域。
2. **精简系统提示词。** 提示词每增加 1000 个 token，常见托管模型的首 token 时间增加约 60-120 毫秒。
3. **全链路流式。** 智能体在大模型输出第一个完整分句时就开始合成语音；非流式接口需要等待完整回答。
4. **让大模型先说短句。** 在系统提示词中要求“先用一句话直接回答”，对体感延迟的改善比任何基础设施优化都明显。

## 避免

- 不要为了数字好看把 \`silence_duration_ms\` 调到 300 毫秒以下，否则智能体会抢话。
- 不要在客户端额外做音频缓冲。
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Token authentication: server samples
// ---------------------------------------------------------------------------------------------

const TOKEN_INTRO_EN =
  "Production apps must generate tokens on a server that holds the App Certificate. The client asks your server for a token right before joining (and again when `onTokenPrivilegeWillExpire` fires); your server authenticates the user, decides which channel and UID they may use, and signs a token.";
const TOKEN_INTRO_ZH =
  "生产环境的 Token 必须在持有 App Certificate 的服务端生成。客户端在加入频道前（以及收到 `onTokenPrivilegeWillExpire` 时）向你的服务端请求 Token；服务端完成用户鉴权，决定该用户可以使用的频道和 UID，然后签发 Token。";

const TOKEN_CHECKLIST_EN = bullets([
  "Read the App Certificate from a secret manager or environment variable; never commit it or send it to clients.",
  "Authenticate the caller and check that they may join the requested channel before signing.",
  'Use the same UID type everywhere: a token signed for integer UID `1842` does not work for the string UID `"1842"`.',
  "Keep the server clock synchronized (NTP); tokens embed absolute expiry timestamps.",
  "Expire tokens after 1-24 hours and implement renewal on the client.",
]);
const TOKEN_CHECKLIST_ZH = bullets([
  "App Certificate 从密钥管理服务或环境变量读取，不要提交到代码仓库，更不能下发给客户端。",
  "签发前先鉴权调用方，并确认其有权加入所请求的频道。",
  '全链路使用相同的 UID 类型：为整型 UID `1842` 签发的 Token 不能用于字符串 UID `"1842"`。',
  "服务器开启 NTP 时间同步，Token 中包含的是绝对过期时间。",
  "Token 有效期设置为 1-24 小时，并在客户端实现续期。",
]);

const TOKEN_NODE: Snippet = {
  lang: "typescript",
  code: `
import express from "express";
import { RtcRole, RtcTokenBuilder } from "attain-token";

const APP_ID = process.env.ATTAIN_APP_ID ?? "";
const APP_CERTIFICATE = process.env.ATTAIN_APP_CERTIFICATE ?? "";
const TOKEN_TTL_SECONDS = 3600;

const app = express();

app.get("/api/rtc-token", requireSession, (req, res) => {
  const channel = String(req.query.channel ?? "");
  const uid = Number(req.query.uid ?? 0);
  if (!channel || !Number.isInteger(uid) || uid < 0) {
    res.status(400).json({ error: "channel and a non-negative integer uid are required" });
    return;
  }
  if (!req.user.canJoin(channel)) {
    res.status(403).json({ error: "forbidden" });
    return;
  }
  const token = RtcTokenBuilder.buildTokenWithUid(
    APP_ID, APP_CERTIFICATE, channel, uid, RtcRole.PUBLISHER, TOKEN_TTL_SECONDS, TOKEN_TTL_SECONDS,
  );
  res.json({ token, expiresIn: TOKEN_TTL_SECONDS });
});

app.listen(8080);`,
};

const TOKEN_GO: Snippet = {
  lang: "go",
  code: `
package main

import (
	"encoding/json"
	"net/http"
	"os"
	"strconv"

	"github.com/attain-rtc/attain-token-go/rtctokenbuilder"
)

const tokenTTL = 3600 // seconds

func rtcTokenHandler(w http.ResponseWriter, r *http.Request) {
	channel := r.URL.Query().Get("channel")
	uid, err := strconv.ParseUint(r.URL.Query().Get("uid"), 10, 32)
	if channel == "" || err != nil {
		http.Error(w, "channel and uid are required", http.StatusBadRequest)
		return
	}
	if !sessionFrom(r).CanJoin(channel) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	token, err := rtctokenbuilder.BuildTokenWithUid(
		os.Getenv("ATTAIN_APP_ID"), os.Getenv("ATTAIN_APP_CERTIFICATE"),
		channel, uint32(uid), rtctokenbuilder.RolePublisher, tokenTTL, tokenTTL,
	)
	if err != nil {
		http.Error(w, "could not build token", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"token": token, "expiresIn": tokenTTL})
}

func main() {
	http.HandleFunc("/api/rtc-token", rtcTokenHandler)
	http.ListenAndServe(":8080", nil)
}`,
};

const TOKEN_JAVA: Snippet = {
  lang: "java",
  code: `
@RestController
@RequestMapping("/api")
public class RtcTokenController {
    private static final int TOKEN_TTL_SECONDS = 3600;

    @Value("\${attain.app-id}")
    private String appId;

    @Value("\${attain.app-certificate}")
    private String appCertificate;

    @GetMapping("/rtc-token")
    public ResponseEntity<Map<String, Object>> rtcToken(
            @RequestParam String channel,
            @RequestParam long uid,
            @AuthenticationPrincipal AppUser user) {
        if (uid < 0 || uid > 4294967295L) {
            return ResponseEntity.badRequest().body(Map.of("error", "uid out of range"));
        }
        if (!user.canJoin(channel)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden"));
        }
        String token = new RtcTokenBuilder2().buildTokenWithUid(
                appId, appCertificate, channel, (int) uid,
                RtcTokenBuilder2.Role.PUBLISHER, TOKEN_TTL_SECONDS, TOKEN_TTL_SECONDS);
        return ResponseEntity.ok(Map.of("token", token, "expiresIn", TOKEN_TTL_SECONDS));
    }
}`,
};

const TOKEN_SERVERS: GroupSpec[] = [
  {
    slug: "token-server-nodejs",
    productArea: "other",
    type: "best_practice",
    tags: ["token", "authentication", "server", "nodejs", "typescript", "security"],
    sdkVersions: ["attain-token-2.x"],
    weight: 1.5,
    en: {
      title: "Token server sample: Node.js (Express)",
      summary: "A minimal Express endpoint that authenticates the user and returns an RTC token for a channel and UID.",
      body: `
${TOKEN_INTRO_EN}

## Install

~~~bash
npm install express attain-token
~~~

## Endpoint

${fence(TOKEN_NODE)}

\`requireSession\` stands for your existing authentication middleware. The two TTL arguments are the token expiry and the privilege expiry; keep them equal unless you need a user to stay connected but lose the right to publish.

## Security checklist

${TOKEN_CHECKLIST_EN}

## Test it

~~~bash
curl -s "http://localhost:8080/api/rtc-token?channel=demo&uid=1842" -H "Cookie: session=..."
~~~

Paste the returned token into **Console > Toolkit > Token inspector** to confirm the channel, UID and expiry.
`,
    },
    zh: {
      title: "Token 服务端示例：Node.js（Express）",
      summary: "一个最简单的 Express 接口：鉴权用户后，为指定频道和 UID 返回 RTC Token。",
      body: `
${TOKEN_INTRO_ZH}

## 安装

~~~bash
npm install express attain-token
~~~

## 接口实现

${fence(TOKEN_NODE)}

\`requireSession\` 代表你现有的登录鉴权中间件。两个 TTL 参数分别是 Token 有效期和权限有效期，通常保持一致；只有在需要用户保持连接但失去发流权限时才设置为不同值。

## 安全检查清单

${TOKEN_CHECKLIST_ZH}

## 测试

~~~bash
curl -s "http://localhost:8080/api/rtc-token?channel=demo&uid=1842" -H "Cookie: session=..."
~~~

将返回的 Token 粘贴到 **控制台 > 工具箱 > Token 解析**，确认频道、UID 和过期时间正确。
`,
    },
  },
  {
    slug: "token-server-go",
    productArea: "other",
    type: "best_practice",
    tags: ["token", "authentication", "server", "go", "security"],
    sdkVersions: ["attain-token-2.x"],
    en: {
      title: "Token server sample: Go (net/http)",
      summary:
        "Generate RTC tokens from a Go HTTP handler using only the standard library and the Attain token builder.",
      body: `
${TOKEN_INTRO_EN}

## Install

~~~bash
go get github.com/attain-rtc/attain-token-go@v2.1.0
~~~

## Handler

${fence(TOKEN_GO)}

\`sessionFrom\` stands for your session lookup. \`strconv.ParseUint(..., 10, 32)\` rejects UIDs that do not fit in 32 bits, which would otherwise be silently truncated and produce error 110 on the client.

## Security checklist

${TOKEN_CHECKLIST_EN}

## Deploying

- Run at least two instances behind your load balancer; token signing is stateless and takes under 0.1 ms.
- Add a per-user rate limit (for example 30 requests per minute) so a compromised account cannot mint tokens in bulk.
- Log channel, UID and expiry for every token, but never the token itself.
`,
    },
  },
  {
    slug: "token-server-java",
    productArea: "other",
    type: "best_practice",
    tags: ["token", "authentication", "server", "java", "spring-boot", "security"],
    sdkVersions: ["attain-token-1.x"],
    stale: true,
    en: {
      title: "Token server sample: Java (Spring Boot)",
      summary: "A Spring Boot controller that signs RTC tokens for authenticated users.",
      body: `
${TOKEN_INTRO_EN}

## Add the dependency

~~~bash
# Gradle
implementation("io.attain.rtc:attain-token:1.4.0")
~~~

## Controller

${fence(TOKEN_JAVA)}

Java has no unsigned 32-bit integer, so the UID is accepted as \`long\`, range-checked and cast with \`(int) uid\`. The builder treats the value as unsigned, which matches what the clients send.

## Configuration

~~~bash
export ATTAIN_APP_ID=0123456789abcdef0123456789abcdef
export ATTAIN_APP_CERTIFICATE=$(vault kv get -field=certificate secret/attain/prod)
~~~

Map them to \`attain.app-id\` and \`attain.app-certificate\` in \`application.yml\`.

## Security checklist

${TOKEN_CHECKLIST_EN}
`,
    },
    zh: {
      title: "Token 服务端示例：Java（Spring Boot）",
      summary: "一个为已登录用户签发 RTC Token 的 Spring Boot 控制器。",
      body: `
${TOKEN_INTRO_ZH}

## 添加依赖

~~~bash
# Gradle
implementation("io.attain.rtc:attain-token:1.4.0")
~~~

## 控制器

${fence(TOKEN_JAVA)}

Java 没有无符号 32 位整数，因此 UID 以 \`long\` 接收，做范围校验后再通过 \`(int) uid\` 转换。Token 生成器会按无符号数处理该值，与客户端传入的一致。

## 安全检查清单

${TOKEN_CHECKLIST_ZH}
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// API reference
// ---------------------------------------------------------------------------------------------

type ApiParam = { name: string; en: string; zh: string };

type ApiSpec = {
  method: string;
  labelEn: string;
  labelZh: string;
  slug: string;
  area: Area;
  tags: string[];
  stale?: boolean;
  weight?: number;
  purposeEn: string;
  purposeZh: string;
  signatures: Snippet[];
  params: ApiParam[];
  returnsEn: string;
  returnsZh: string;
  notesEn: string[];
  notesZh: string[];
  example: Snippet;
};

const API_REFERENCE: ApiSpec[] = [
  {
    method: "joinChannel",
    labelEn: "join a channel",
    labelZh: "加入频道",
    slug: "api-join-channel",
    area: "video_calling",
    tags: ["join-channel", "channel", "token"],
    weight: 2,
    purposeEn:
      "Joins an RTC channel with a token, a UID and media options. Users in the same channel with the same App ID can talk to each other.",
    purposeZh: "使用 Token、UID 和媒体选项加入 RTC 频道。使用同一 App ID、加入同一频道的用户可以互相通话。",
    signatures: [
      {
        lang: "kotlin",
        code: "fun joinChannel(token: String?, channelId: String, uid: Int, options: ChannelMediaOptions): Int",
      },
      {
        lang: "swift",
        code: "func joinChannel(byToken token: String?, channelId: String, uid: UInt, mediaOptions: AttainRtcChannelMediaOptions) -> Int32",
      },
      {
        lang: "cpp",
        code: "virtual int joinChannel(const char* token, const char* channelId, uid_t uid, const ChannelMediaOptions& options) = 0;",
      },
    ],
    params: [
      {
        name: "token",
        en: "Token generated by your server for this channel and UID. Pass null only for projects without an App Certificate (testing only).",
        zh: "服务端为该频道和 UID 生成的 Token。只有未启用 App Certificate 的项目（仅限测试）可以传 null。",
      },
      {
        name: "channelId",
        en: "Channel name, at most 64 bytes of ASCII letters, digits, space and `!#%&()+,.:;<=>?@^_|~-`.",
        zh: "频道名，最长 64 字节，只能包含 ASCII 字母、数字、空格和 `!#%&()+,.:;<=>?@^_|~-`。",
      },
      {
        name: "uid",
        en: "32-bit unsigned user ID, unique in the channel. Pass 0 to let the server assign one; it is returned in `onJoinChannelSuccess`.",
        zh: "32 位无符号用户 ID，频道内唯一。传 0 时由服务端分配，并在 `onJoinChannelSuccess` 中返回。",
      },
      {
        name: "options",
        en: "Channel profile, client role, which tracks to publish and whether to auto-subscribe.",
        zh: "频道场景、用户角色、要发布的轨道以及是否自动订阅。",
      },
    ],
    returnsEn:
      "`0` if the request was accepted; the result arrives asynchronously in `onJoinChannelSuccess` or `onError`. Negative values: `-2` invalid argument, `-7` engine not initialized, `-17` already in a channel, `-102` invalid channel name.",
    returnsZh:
      "`0` 表示请求已受理，结果通过 `onJoinChannelSuccess` 或 `onError` 异步返回。负值：`-2` 参数无效，`-7` 引擎未初始化，`-17` 已在频道中，`-102` 频道名无效。",
    notesEn: [
      "A client can be in one channel per connection. To join several channels, use `joinChannelEx` with separate connections.",
      "The SDK reconnects automatically after network interruptions; do not call `joinChannel` again on disconnect.",
      "Join errors related to the token (110) are reported through `onConnectionStateChanged` with reason `TOKEN_INVALID`.",
    ],
    notesZh: [
      "每个连接只能加入一个频道。需要同时加入多个频道时，请使用 `joinChannelEx` 建立独立连接。",
      "网络中断后 SDK 会自动重连，断线时不要重复调用 `joinChannel`。",
      "与 Token 相关的加入失败（110）会通过 `onConnectionStateChanged` 上报，原因为 `TOKEN_INVALID`。",
    ],
    example: {
      lang: "kotlin",
      code: `
val options = ChannelMediaOptions().apply {
    channelProfile = Constants.CHANNEL_PROFILE_COMMUNICATION
    clientRoleType = Constants.CLIENT_ROLE_BROADCASTER
    publishMicrophoneTrack = true
    publishCameraTrack = true
    autoSubscribeAudio = true
    autoSubscribeVideo = true
}
val ret = engine.joinChannel(token, "room_2041", 1842, options)
check(ret == 0) { "joinChannel rejected: $ret" }`,
    },
  },
  {
    method: "leaveChannel",
    labelEn: "leave the channel",
    labelZh: "离开频道",
    slug: "api-leave-channel",
    area: "video_calling",
    tags: ["leave-channel", "channel", "lifecycle"],
    purposeEn:
      "Leaves the current channel, stops publishing and subscribing, and releases the connection. The engine stays initialized and can join again.",
    purposeZh: "离开当前频道，停止发布和订阅并释放连接。引擎保持初始化状态，可以再次加入频道。",
    signatures: [
      { lang: "kotlin", code: "fun leaveChannel(): Int\nfun leaveChannel(options: LeaveChannelOptions): Int" },
      { lang: "swift", code: "func leaveChannel(_ leaveChannelBlock: ((AttainChannelStats) -> Void)?) -> Int32" },
      { lang: "typescript", code: "// Web\nclient.leave(): Promise<void>" },
    ],
    params: [
      {
        name: "options.stopAudioMixing",
        en: "Stop music started with `startAudioMixing` (default true).",
        zh: "是否停止 `startAudioMixing` 播放的音乐（默认 true）。",
      },
      {
        name: "options.stopAllEffect",
        en: "Stop all sound effects (default true).",
        zh: "是否停止所有音效（默认 true）。",
      },
      {
        name: "options.stopMicrophoneRecording",
        en: "Stop microphone capture started by `startRecordingDeviceTest` (default true).",
        zh: "是否停止设备测试启动的麦克风采集（默认 true）。",
      },
    ],
    returnsEn:
      "`0` on success; `-18` (`ERR_LEAVE_CHANNEL_REJECTED`) if the client is not in a channel. The `onLeaveChannel` callback delivers the call statistics.",
    returnsZh:
      "成功返回 `0`；不在频道中时返回 `-18`（`ERR_LEAVE_CHANNEL_REJECTED`）。`onLeaveChannel` 回调会返回本次通话的统计数据。",
    notesEn: [
      "The call is asynchronous. Wait for `onLeaveChannel` before joining another channel, or you may get error 17.",
      "Calling `destroy()` / `release()` right after `leaveChannel` is safe; the SDK completes the leave first.",
      "Remote users receive `onUserOffline` with reason `QUIT` within about one second; without `leaveChannel` they wait for a 20-second timeout.",
    ],
    notesZh: [
      "该调用是异步的。加入其他频道前请等待 `onLeaveChannel`，否则可能收到错误码 17。",
      "`leaveChannel` 之后立即调用 `destroy()` / `release()` 是安全的，SDK 会先完成离开流程。",
      "远端用户会在约 1 秒内收到原因为 `QUIT` 的 `onUserOffline`；如果不调用 `leaveChannel`，远端需要等待 20 秒超时。",
    ],
    example: {
      lang: "swift",
      code: `
engine.leaveChannel { stats in
    print("Call lasted", stats.duration, "s, sent", stats.txBytes, "bytes")
}`,
    },
  },
  {
    method: "setVideoEncoderConfiguration",
    labelEn: "set video encoder parameters",
    labelZh: "设置视频编码参数",
    slug: "api-set-video-encoder-configuration",
    area: "video_calling",
    tags: ["video-profile", "encoder", "resolution", "bitrate"],
    weight: 1.4,
    purposeEn:
      "Sets the resolution, frame rate, bitrate, orientation and degradation preference of the local camera video.",
    purposeZh: "设置本地摄像头视频的分辨率、帧率、码率、方向模式和降级偏好。",
    signatures: [
      { lang: "kotlin", code: "fun setVideoEncoderConfiguration(config: VideoEncoderConfiguration): Int" },
      { lang: "cpp", code: "virtual int setVideoEncoderConfiguration(const VideoEncoderConfiguration& config) = 0;" },
      {
        lang: "typescript",
        code: "// Web\ncameraTrack.setEncoderConfiguration(config: VideoEncoderConfiguration | string): Promise<void>",
      },
    ],
    params: [
      {
        name: "dimensions",
        en: "Maximum width x height, from 120x120 to 1920x1080 (3840x2160 on desktop from 4.4.0).",
        zh: "最大宽 x 高，范围 120x120 至 1920x1080（4.4.0 起桌面端支持 3840x2160）。",
      },
      { name: "frameRate", en: "1 to 60 fps. 15 is recommended for calls.", zh: "1 至 60 fps，通话场景推荐 15。" },
      {
        name: "bitrate",
        en: "Target bitrate in kbps, or `STANDARD_BITRATE` (0) to let the SDK choose.",
        zh: "目标码率（kbps），传 `STANDARD_BITRATE`（0）由 SDK 自动选择。",
      },
      {
        name: "orientationMode",
        en: "`ADAPTIVE`, `FIXED_LANDSCAPE` or `FIXED_PORTRAIT`.",
        zh: "`ADAPTIVE`、`FIXED_LANDSCAPE` 或 `FIXED_PORTRAIT`。",
      },
      {
        name: "degradationPrefer",
        en: "`MAINTAIN_BALANCED` (recommended), `MAINTAIN_FRAMERATE` or `MAINTAIN_QUALITY`.",
        zh: "`MAINTAIN_BALANCED`（推荐）、`MAINTAIN_FRAMERATE` 或 `MAINTAIN_QUALITY`。",
      },
    ],
    returnsEn: "`0` on success, `-2` if a value is out of range.",
    returnsZh: "成功返回 `0`，参数超出范围时返回 `-2`。",
    notesEn: [
      "The values are upper limits; the SDK lowers them on weak networks or overloaded devices.",
      "Can be called before or during a call. During a call the change applies at the next key frame.",
      "Hardware encoders may round dimensions to multiples of 16; the receiver sees the rounded size.",
    ],
    notesZh: [
      "参数均为上限，弱网或设备过载时 SDK 会自动下调。",
      "可以在通话前或通话中调用，通话中修改会在下一个关键帧生效。",
      "硬件编码器可能将分辨率对齐到 16 的倍数，接收端看到的是对齐后的尺寸。",
    ],
    example: {
      lang: "kotlin",
      code: `
engine.setVideoEncoderConfiguration(
    VideoEncoderConfiguration(
        VideoEncoderConfiguration.VD_1280x720,
        VideoEncoderConfiguration.FRAME_RATE.FRAME_RATE_FPS_24,
        VideoEncoderConfiguration.STANDARD_BITRATE,
        VideoEncoderConfiguration.ORIENTATION_MODE.ORIENTATION_MODE_ADAPTIVE,
    ),
)`,
    },
  },
  {
    method: "enableAudioVolumeIndication",
    labelEn: "report who is speaking",
    labelZh: "开启音量提示",
    slug: "api-enable-audio-volume-indication",
    area: "voice_calling",
    tags: ["volume", "active-speaker", "vad", "audio"],
    stale: true,
    purposeEn:
      "Enables periodic volume reports for the local user and the loudest remote users, for speaking indicators and active-speaker layouts.",
    purposeZh: "开启本地用户和音量最大的远端用户的周期性音量提示，用于说话指示和主讲人布局。",
    signatures: [
      { lang: "kotlin", code: "fun enableAudioVolumeIndication(interval: Int, smooth: Int, reportVad: Boolean): Int" },
      {
        lang: "swift",
        code: "func enableAudioVolumeIndication(_ interval: Int, smooth: Int, reportVad: Bool) -> Int32",
      },
      { lang: "typescript", code: "// Web\nclient.enableAudioVolumeIndicator(): void" },
    ],
    params: [
      {
        name: "interval",
        en: "Report interval in ms; at least 100, 200 recommended. 0 or less disables the reports.",
        zh: "上报间隔（毫秒），最小 100，推荐 200；小于等于 0 时关闭。",
      },
      { name: "smooth", en: "Smoothing factor from 0 to 10; 3 is recommended.", zh: "平滑系数，取值 0-10，推荐 3。" },
      {
        name: "reportVad",
        en: "Whether to report voice activity detection for the local user in the `vad` field.",
        zh: "是否在 `vad` 字段中上报本地用户的人声检测结果。",
      },
    ],
    returnsEn: "`0` on success, `-2` if `interval` is between 1 and 99.",
    returnsZh: "成功返回 `0`；`interval` 在 1 到 99 之间时返回 `-2`。",
    notesEn: [
      "Results arrive in `onAudioVolumeIndication(speakers, totalVolume)`: once for the local user (uid 0) and once for up to three loudest remote users.",
      "Volume is 0-255. Treat values above about 20 with `vad = 1` as speaking.",
      'Muted users report 0 even if they are talking, so use it to detect "talking while muted" only with `reportVad`.',
    ],
    notesZh: [
      "结果通过 `onAudioVolumeIndication(speakers, totalVolume)` 返回：本地用户（uid 0）一次，音量最大的至多三个远端用户一次。",
      "音量范围 0-255，建议将大于约 20 且 `vad = 1` 的情况视为正在说话。",
      "静音用户即使在说话也会上报 0；需要提示“您已静音”时，请结合 `reportVad` 使用。",
    ],
    example: {
      lang: "kotlin",
      code: `
engine.enableAudioVolumeIndication(200, 3, true)

override fun onAudioVolumeIndication(speakers: Array<AudioVolumeInfo>, totalVolume: Int) {
    val talking = speakers.filter { it.volume > 20 }.map { it.uid }
    runOnUiThread { participantList.highlight(talking) }
}`,
    },
  },
  {
    method: "sendStreamMessage",
    labelEn: "send data stream messages",
    labelZh: "发送数据流消息",
    slug: "api-send-stream-message",
    area: "video_calling",
    tags: ["data-stream", "stream-message", "signaling"],
    purposeEn:
      "Sends a small data message to all users in the channel over the media connection, in sync with audio and video if requested.",
    purposeZh: "通过媒体连接向频道内所有用户发送小型数据消息，可选择与音视频同步。",
    signatures: [
      {
        lang: "kotlin",
        code: "fun createDataStream(config: DataStreamConfig): Int\nfun sendStreamMessage(streamId: Int, message: ByteArray): Int",
      },
      {
        lang: "swift",
        code: "func createDataStream(_ streamId: UnsafeMutablePointer<Int>, config: AttainDataStreamConfig) -> Int32\nfunc sendStreamMessage(_ streamId: Int, data: Data) -> Int32",
      },
      {
        lang: "cpp",
        code: "virtual int createDataStream(int* streamId, const DataStreamConfig& config) = 0;\nvirtual int sendStreamMessage(int streamId, const char* data, size_t length) = 0;",
      },
    ],
    params: [
      {
        name: "config.syncWithAudio",
        en: "Deliver the message aligned with the audio it was sent with (for lyrics, captions).",
        zh: "消息与发送时的音频对齐投递（适用于歌词、字幕）。",
      },
      {
        name: "config.ordered",
        en: "Deliver messages in order. Reliable ordered delivery adds latency on lossy networks.",
        zh: "是否按序投递。弱网下可靠有序投递会增加延迟。",
      },
      {
        name: "streamId",
        en: "ID returned by `createDataStream`; each user can create up to five streams.",
        zh: "`createDataStream` 返回的 ID，每个用户最多创建 5 个数据流。",
      },
      { name: "message", en: "Payload of at most 1 KB.", zh: "消息内容，最大 1 KB。" },
    ],
    returnsEn:
      "`0` on success. Negative on failure, for example when the payload exceeds 1 KB or the rate limit of 60 messages (30 KB) per second is exceeded.",
    returnsZh: "成功返回 `0`。失败返回负值，例如消息超过 1 KB，或超过每秒 60 条（30 KB）的频率限制。",
    notesEn: [
      "Receivers get `onStreamMessage(uid, streamId, data)`; lost messages are reported through `onStreamMessageError`.",
      "Use data streams for media-synchronized signals. For chat, history and users outside the channel, use Attain RTM.",
      "Audience members in live broadcasting cannot send stream messages.",
    ],
    notesZh: [
      "接收端通过 `onStreamMessage(uid, streamId, data)` 收到消息，丢失的消息通过 `onStreamMessageError` 上报。",
      "数据流适合需要与媒体同步的信号。聊天、历史消息以及频道外用户的通知请使用 Attain RTM。",
      "直播场景下观众不能发送数据流消息。",
    ],
    example: {
      lang: "kotlin",
      code: `
val streamId = engine.createDataStream(DataStreamConfig().apply {
    syncWithAudio = true
    ordered = true
})

fun sendLyricLine(line: String) {
    val ret = engine.sendStreamMessage(streamId, line.toByteArray(Charsets.UTF_8))
    if (ret < 0) Log.w(TAG, "sendStreamMessage failed: $ret")
}`,
    },
  },
];

/** The first sentence of an English or Chinese paragraph, used where a one-sentence summary is needed. */
function firstSentence(text: string): string {
  const m = /^.*?(?:[.](?=\s)|。)/.exec(text);
  return m ? m[0] : text;
}

function apiGroup(a: ApiSpec): GroupSpec {
  const sigs = a.signatures.map(fence).join("\n\n");
  const paramsEn = bullets(a.params.map((p) => "`" + p.name + "`: " + p.en));
  const paramsZh = bullets(a.params.map((p) => "`" + p.name + "`：" + p.zh));
  return {
    slug: a.slug,
    productArea: a.area,
    type: "api_reference",
    tags: ["api-reference", ...a.tags],
    sdkVersions: ["4.3.x", "4.4.x", CURRENT],
    stale: a.stale,
    weight: a.weight,
    en: {
      title: a.method + "(): " + a.labelEn,
      summary: firstSentence(a.purposeEn),
      body: `
${a.purposeEn}

## Signature

${sigs}

## Parameters

${paramsEn}

## Returns

${a.returnsEn}

## Notes

${bullets(a.notesEn)}

## Example

${fence(a.example)}
`,
    },
    zh: {
      title: a.method + "()：" + a.labelZh,
      summary: firstSentence(a.purposeZh),
      body: `
${a.purposeZh}

## 方法签名

${sigs}

## 参数

${paramsZh}

## 返回值

${a.returnsZh}

## 注意事项

${bullets(a.notesZh)}

## 示例

${fence(a.example)}
`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Release notes
// ---------------------------------------------------------------------------------------------

type ReleaseText = {
  intro: string;
  highlights: string[];
  features: string[];
  improvements: string[];
  fixes: string[];
  api: string[];
  upgrade: string[];
};
type ReleaseSpec = { version: string; stale?: boolean; weight?: number; en: ReleaseText; zh: ReleaseText };

const RELEASES: ReleaseSpec[] = [
  {
    version: "4.2.0",
    stale: true,
    en: {
      intro:
        "Attain RTC SDK 4.2.0 lets one engine publish camera and screen from a single connection and introduces spatial audio as a beta.",
      highlights: [
        "Multi-track publishing: camera and screen share from one UID",
        "Spatial audio (beta) for social and gaming rooms",
        "Median join time down 18%",
      ],
      features: [
        "`publishScreenCaptureVideo` in `ChannelMediaOptions` publishes screen sharing next to the camera without a second connection.",
        "Spatial audio (beta): `ILocalSpatialAudioEngine` positions remote users in 3D space based on coordinates you provide.",
        "`startLastmileProbeTest` reports available uplink and downlink bandwidth in addition to quality ratings.",
      ],
      improvements: [
        "Median join time reduced from 620 ms to 510 ms thanks to parallel edge selection.",
        "Lower CPU usage for 720p encoding on Apple silicon Macs.",
        "Audio stays intelligible at up to 60% packet loss (previously 50%).",
      ],
      fixes: [
        "Android 13: crash when a Bluetooth headset disconnected during a call.",
        "iOS: audio route was not restored after a Siri interruption.",
        "Windows: error 1003 with some USB headsets configured for exclusive mode.",
      ],
      api: [
        "Added: `publishScreenCaptureVideo`, `ILocalSpatialAudioEngine`.",
        "Deprecated: `setVideoProfile` (use `setVideoEncoderConfiguration`; removal planned for 4.4.0).",
        "Deprecated: `onUserMuteVideo` (use `onRemoteVideoStateChanged`).",
      ],
      upgrade: [
        "The minimum Android API level is now 21 (was 19).",
        "Apps that published screen sharing with a second UID keep working, but can drop the second connection.",
      ],
    },
    zh: {
      intro: "Attain RTC SDK 4.2.0 支持一个引擎通过同一连接同时发布摄像头和屏幕共享，并推出空间音频测试版。",
      highlights: [
        "多轨发布：同一 UID 同时发布摄像头与屏幕共享",
        "空间音频（Beta），适用于社交和游戏房间",
        "加入频道中位耗时降低 18%",
      ],
      features: [
        "`ChannelMediaOptions` 新增 `publishScreenCaptureVideo`，无需第二个连接即可在摄像头之外发布屏幕共享。",
        "空间音频（Beta）：`ILocalSpatialAudioEngine` 根据你提供的坐标，在三维空间中定位远端用户声音。",
        "`startLastmileProbeTest` 在质量评级之外新增上下行可用带宽。",
      ],
      improvements: [
        "通过并行选择边缘节点，加入频道中位耗时从 620 毫秒降至 510 毫秒。",
        "Apple 芯片 Mac 上 720p 编码的 CPU 占用降低。",
        "音频在 60% 丢包下仍可懂（此前为 50%），弱网表现进一步提升。",
      ],
      fixes: [
        "Android 13：通话中蓝牙耳机断开导致崩溃。",
        "iOS：Siri 打断后音频路由未恢复。",
        "Windows：部分配置为独占模式的 USB 耳机报错 1003。",
      ],
      api: [
        "新增：`publishScreenCaptureVideo`、`ILocalSpatialAudioEngine`。",
        "废弃：`setVideoProfile`（请使用 `setVideoEncoderConfiguration`，计划在 4.4.0 删除）。",
        "废弃：`onUserMuteVideo`（请使用 `onRemoteVideoStateChanged`）。",
      ],
      upgrade: [
        "Android 最低 API 级别升至 21（此前为 19）。",
        "使用第二个 UID 发布屏幕共享的应用仍可正常工作，但可以去掉第二个连接。",
      ],
    },
  },
  {
    version: "4.3.0",
    en: {
      intro:
        "Attain RTC SDK 4.3.0 brings AI noise suppression to every platform, React Native New Architecture support, and better resilience on weak networks.",
      highlights: [
        "AI noise suppression (AINS) on all platforms",
        "React Native New Architecture support",
        "Unity callbacks on the main thread",
      ],
      features: [
        "`setAINSMode` removes non-stationary noise such as typing, traffic and barking; Web support through the AINS extension.",
        "React Native: the SDK works with the New Architecture (Fabric and TurboModules).",
        "Token inspector in the Console decodes tokens and shows App ID, channel, UID and expiry.",
      ],
      improvements: [
        "Audio remains intelligible at up to 70% packet loss.",
        "Unity: all callbacks are dispatched on the Unity main thread.",
        "First video frame renders 120 ms faster on average on Android.",
      ],
      fixes: [
        "Echo on several Samsung Galaxy A-series devices in speaker mode.",
        "Web: `ERR_JOIN_CHANNEL_TIMEOUT` reported too early behind some HTTP proxies.",
        "macOS: camera light stayed on after `stopPreview`.",
      ],
      api: [
        "Added: `setAINSMode`, `AINS_MODE_BALANCED`, `AINS_MODE_AGGRESSIVE`.",
        "Deprecated: `enableDeepLearningDenoise` (use `setAINSMode`).",
      ],
      upgrade: [
        "Unity: remove any main-thread dispatch code you added around callbacks; it is no longer needed.",
        "React Native 0.70 is now the minimum supported version.",
      ],
    },
    zh: {
      intro: "Attain RTC SDK 4.3.0 在全平台提供 AI 降噪，支持 React Native 新架构，并进一步提升弱网抗性。",
      highlights: ["全平台 AI 降噪（AINS）", "支持 React Native 新架构", "Unity 回调在主线程触发"],
      features: [
        "`setAINSMode` 可去除键盘声、车流声、狗叫等非稳态噪声；Web 端通过 AINS 插件支持。",
        "React Native：SDK 支持新架构（Fabric 与 TurboModules）。",
        "控制台新增 Token 解析工具，可查看 Token 中的 App ID、频道、UID 和过期时间。",
      ],
      improvements: [
        "音频在 70% 丢包下仍可懂。",
        "Unity：所有回调在 Unity 主线程触发。",
        "Android 首帧出图时间平均缩短 120 毫秒。",
      ],
      fixes: [
        "部分三星 Galaxy A 系列机型外放时出现回声。",
        "Web：部分 HTTP 代理环境下过早上报 `ERR_JOIN_CHANNEL_TIMEOUT`。",
        "macOS：`stopPreview` 后摄像头指示灯仍亮。",
      ],
      api: [
        "新增：`setAINSMode`、`AINS_MODE_BALANCED`、`AINS_MODE_AGGRESSIVE`。",
        "废弃：`enableDeepLearningDenoise`（请使用 `setAINSMode`）。",
      ],
      upgrade: ["Unity：可以删除之前为回调添加的主线程派发代码。", "React Native 最低支持版本升至 0.70。"],
    },
  },
  {
    version: "4.4.0",
    weight: 1.4,
    en: {
      intro:
        "Attain RTC SDK 4.4.0 makes dual-stream mode adaptive by default, adds a low-latency audience level for live streaming, and ships smaller voice-only packages.",
      highlights: [
        "Adaptive dual-stream mode on by default",
        "Low-latency audience level (1-2 s) for large live audiences",
        "Voice-only packages up to 40% smaller",
      ],
      features: [
        "`AUTO_SIMULCAST_STREAM` encodes the low-quality stream only while someone subscribes to it.",
        "`audienceLatencyLevel` in `ChannelMediaOptions` selects ultra-low or low latency for audience members.",
        "Voice-only artifacts: `attain-rtc-voice` (Android) and `AttainRtcVoiceKit` (iOS/macOS).",
        "Screen sharing up to 3840x2160 on Windows and macOS.",
      ],
      improvements: [
        "Software AEC is used automatically on Android devices with weak hardware echo cancellation.",
        "Faster recovery of video bitrate after a network drop (ramp-up in about 3 s instead of 6 s).",
        "Reduced memory usage of the iOS broadcast extension to stay under the 50 MB limit.",
      ],
      fixes: [
        "Android 14: `SecurityException` when starting screen capture without a foreground service type.",
        "iOS: `didJoinedOfUid` delivered twice after a fast reconnect.",
        "Windows: crash when the default audio device changed while enumerating devices.",
      ],
      api: [
        "Added: `audienceLatencyLevel`, `SimulcastStreamMode.AUTO_SIMULCAST_STREAM`.",
        "Removed: `setVideoProfile` (deprecated since 4.2.0).",
        "Changed: `setDualStreamMode` defaults to `AUTO_SIMULCAST_STREAM`.",
      ],
      upgrade: [
        "Xcode 15 and iOS 13 are now required.",
        "Apps that relied on the low stream always being present should set `ENABLE_SIMULCAST_STREAM` explicitly.",
        "Declare the `mediaProjection` foreground service type on Android 14 for screen sharing.",
      ],
    },
    zh: {
      intro: "Attain RTC SDK 4.4.0 默认启用自适应双流，为直播新增低延迟观众等级，并提供体积更小的纯语音包。",
      highlights: ["默认启用自适应双流", "面向大规模直播观众的低延迟等级（1-2 秒）", "纯语音包体积最多减少 40%"],
      features: [
        "`AUTO_SIMULCAST_STREAM` 仅在有人订阅小流时才编码小流。",
        "`ChannelMediaOptions` 新增 `audienceLatencyLevel`，可为观众选择超低延迟或低延迟。",
        "新增纯语音产物：`attain-rtc-voice`（Android）与 `AttainRtcVoiceKit`（iOS/macOS）。",
        "Windows 与 macOS 屏幕共享最高支持 3840x2160。",
      ],
      improvements: [
        "硬件回声消除较弱的 Android 机型自动切换为软件 AEC。",
        "网络恢复后视频码率回升更快（约 3 秒，此前为 6 秒），弱网后的卡顿时间明显缩短。",
        "降低 iOS 屏幕共享扩展的内存占用，确保低于 50 MB 限制。",
      ],
      fixes: [
        "Android 14：未声明前台服务类型时启动屏幕采集抛出 `SecurityException`。",
        "iOS：快速重连后 `didJoinedOfUid` 回调两次。",
        "Windows：枚举设备时默认音频设备变化导致崩溃。",
      ],
      api: [
        "新增：`audienceLatencyLevel`、`SimulcastStreamMode.AUTO_SIMULCAST_STREAM`。",
        "删除：`setVideoProfile`（4.2.0 起已废弃）。",
        "变更：`setDualStreamMode` 默认值改为 `AUTO_SIMULCAST_STREAM`。",
      ],
      upgrade: [
        "需要 Xcode 15 与 iOS 13 及以上。",
        "依赖小流始终存在的应用，请显式设置 `ENABLE_SIMULCAST_STREAM`。",
        "Android 14 上使用屏幕共享需要声明 `mediaProjection` 前台服务类型。",
      ],
    },
  },
  {
    version: "4.5.0",
    weight: 1.2,
    en: {
      intro:
        "Attain RTC SDK 4.5.0 adds client-side building blocks for conversational AI, faster first frames, and AV1 encoding on desktop as a beta.",
      highlights: [
        "Agent state events for voice agents (listening, thinking, speaking)",
        "First video frame up to 22% faster",
        "AV1 encoding on Windows and macOS (beta)",
      ],
      features: [
        '`onAgentStateChanged` reports the state of a conversational AI agent in the channel so apps can animate an avatar or show "thinking".',
        "Real-time transcripts of agent conversations through `onTranscript`, with interim and final results.",
        "AV1 encoding (beta) on desktop for screen sharing: about 30% less bandwidth than H.264 at the same quality.",
        "Web: `ERR_WS_ABORT` distinguishes aborted signaling requests from timeouts.",
      ],
      improvements: [
        "First remote video frame renders up to 22% faster on all platforms.",
        "Bandwidth estimation probes more aggressively after short drops, reducing stutter after network switches.",
        "AI noise suppression aggressive mode uses 25% less CPU.",
      ],
      fixes: [
        "Flutter: `onUserOffline` not delivered after hot restart on Android.",
        "Electron: black remote video on some multi-GPU Windows laptops.",
        "Android: audio route switched to speaker after a wired headset reconnect.",
      ],
      api: [
        "Added: `onAgentStateChanged`, `onTranscript`, `VIDEO_CODEC_AV1` (desktop, beta).",
        "Added (Web): error code `ERR_WS_ABORT`.",
      ],
      upgrade: [
        "Flutter 3.16 or later is required.",
        "No breaking API changes from 4.4.x; upgrading is a drop-in replacement.",
      ],
    },
    zh: {
      intro: "Attain RTC SDK 4.5.0 新增面向对话式 AI 的客户端能力，首帧更快，并在桌面端提供 AV1 编码测试版。",
      highlights: [
        "语音智能体状态事件（聆听、思考、说话）",
        "首帧出图最多加快 22%",
        "Windows 与 macOS 支持 AV1 编码（Beta）",
      ],
      features: [
        "`onAgentStateChanged` 上报频道内对话式 AI 智能体的状态，应用可以据此驱动头像动画或显示“思考中”。",
        "通过 `onTranscript` 获取智能体对话的实时字幕，包含中间结果和最终结果。",
        "桌面端屏幕共享支持 AV1 编码（Beta），同等画质下带宽比 H.264 节省约 30%。",
        "Web：新增 `ERR_WS_ABORT`，用于区分信令请求中断与超时。",
      ],
      improvements: [
        "全平台远端首帧出图最多加快 22%。",
        "短时网络波动后带宽估计回升更积极，减少网络切换后的卡顿。",
        "AI 降噪激进模式的 CPU 占用降低 25%。",
      ],
      fixes: [
        "Flutter：Android 热重启后收不到 `onUserOffline`。",
        "Electron：部分多显卡 Windows 笔记本远端视频黑屏。",
        "Android：有线耳机重新插入后音频路由被切到扬声器。",
      ],
      api: [
        "新增：`onAgentStateChanged`、`onTranscript`、`VIDEO_CODEC_AV1`（桌面端，Beta）。",
        "新增（Web）：错误码 `ERR_WS_ABORT`。",
      ],
      upgrade: ["需要 Flutter 3.16 及以上。", "与 4.4.x 相比无破坏性 API 变更，可直接替换升级。"],
    },
  },
];

function releaseGroup(r: ReleaseSpec): GroupSpec {
  const minor = r.version.split(".").slice(0, 2).join(".");
  return {
    slug: "release-notes-" + r.version.replace(/\./g, "-"),
    productArea: "other",
    type: "release_note",
    tags: ["release-notes", "changelog", "v" + minor],
    sdkVersions: [r.version, minor + ".x"],
    stale: r.stale,
    weight: r.weight,
    en: {
      title: "Release notes: Attain RTC SDK " + r.version,
      summary: r.en.intro,
      body: `
${r.en.intro}

## Highlights

${bullets(r.en.highlights)}

## New features

${bullets(r.en.features)}

## Improvements

${bullets(r.en.improvements)}

## Fixed issues

${bullets(r.en.fixes)}

## API changes

${bullets(r.en.api)}

## Upgrade notes

${bullets(r.en.upgrade)}

Download the packages from the Console or update the version in your package manager, for example:

~~~bash
npm install attain-rtc-sdk@${r.version}
~~~
`,
    },
    zh: {
      title: "Attain RTC SDK " + r.version + " 发版说明",
      summary: r.zh.intro,
      body: `
${r.zh.intro}

## 版本亮点

${bullets(r.zh.highlights)}

## 新增功能

${bullets(r.zh.features)}

## 改进

${bullets(r.zh.improvements)}

## 问题修复

${bullets(r.zh.fixes)}

## API 变更

${bullets(r.zh.api)}

## 升级指南

${bullets(r.zh.upgrade)}

可从控制台下载 SDK 包，或在包管理器中更新版本号，例如：

~~~bash
npm install attain-rtc-sdk@${r.version}
~~~
`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Video tutorials
// ---------------------------------------------------------------------------------------------

type VideoText = {
  title: string;
  summary: string;
  description: string;
  chapters: string[];
  youNeed: string[];
  takeaways: string[];
  after: string;
};
type VideoSpec = {
  slug: string;
  area: Area;
  tags: string[];
  sdkVersions: string[];
  duration: string;
  draft?: boolean;
  weight?: number;
  en: VideoText;
  zh?: VideoText;
};

const VIDEOS: VideoSpec[] = [
  {
    slug: "video-android-video-call-in-10-minutes",
    area: "video_calling",
    tags: ["video", "android", "kotlin", "quick-start"],
    sdkVersions: ["4.4.x"],
    duration: "11:42",
    weight: 1.5,
    en: {
      title: "Video: build an Android video calling app in 10 minutes",
      summary: "A screen-recorded walkthrough from an empty Android Studio project to a working one-to-one video call.",
      description:
        "Follow along as we create a new Android Studio project, add the Attain RTC SDK from Maven Central, request camera and microphone permissions, and join a channel with a temporary token. We finish by testing the call against the Web demo and looking at the `onRtcStats` numbers.",
      chapters: [
        "00:00 What we are building",
        "00:48 Create the project and add the dependency",
        "02:15 Manifest and runtime permissions",
        "04:02 Initialize the engine",
        "05:30 Local preview and joining the channel",
        "07:10 Rendering remote video",
        "08:55 Testing with the Web demo",
        "10:20 Reading call statistics and next steps",
      ],
      youNeed: [
        "Android Studio Hedgehog or later",
        "An Android phone with USB debugging enabled",
        "An App ID and a temporary token from the Console",
      ],
      takeaways: [
        "Create the engine once and reuse it; the video shows the join time difference.",
        "Request permissions before joining, never in the middle of a call.",
        "Always call `leaveChannel` and `destroy` in `onDestroy`, or the camera stays locked.",
      ],
      after:
        "The finished project is linked from the Android quick start. If the call fails at 05:30 with error 110, regenerate the temporary token for the channel `demo`.",
    },
    zh: {
      title: "视频教程：10 分钟搭建 Android 视频通话应用",
      summary: "通过录屏演示，从空白 Android Studio 工程到完成一对一视频通话。",
      description:
        "跟随视频新建 Android Studio 工程，从 Maven Central 集成 Attain RTC SDK，申请摄像头和麦克风权限，并使用临时 Token 加入频道。最后与 Web Demo 互通测试，并解读 `onRtcStats` 中的延迟、丢包等数据。",
      chapters: [
        "00:00 演示效果",
        "00:48 新建工程并添加依赖",
        "02:15 Manifest 与运行时权限",
        "04:02 初始化引擎",
        "05:30 本地预览与加入频道",
        "07:10 渲染远端视频",
        "08:55 与 Web Demo 互通测试",
        "10:20 解读通话统计与后续步骤",
      ],
      youNeed: ["Android Studio Hedgehog 及以上", "已开启 USB 调试的 Android 手机", "控制台中的 App ID 和临时 Token"],
      takeaways: [
        "引擎只创建一次并复用，视频中对比了两种方式的加入耗时。",
        "在加入频道前申请权限，不要在通话中途弹出授权框。",
        "在 `onDestroy` 中调用 `leaveChannel` 和 `destroy`，否则摄像头会一直被占用。",
      ],
      after:
        "完整工程链接见 Android 视频通话快速开始。如果在 05:30 处加入频道报错 110，请为频道 `demo` 重新生成临时 Token。",
    },
  },
  {
    slug: "video-troubleshooting-token-errors",
    area: "other",
    tags: ["video", "token", "troubleshooting", "error-code"],
    sdkVersions: ["4.x"],
    duration: "14:05",
    en: {
      title: "Video: troubleshooting token errors end to end",
      summary:
        "Reproduce and fix the four most common causes of error 110 and ERR_TOKEN_EXPIRED, with the token inspector.",
      description:
        "Token problems are the most frequent reason customers open tickets. In this session a support engineer reproduces expired tokens, channel and UID mismatches, a rotated App Certificate, and clock skew on the token server, and shows how to recognize each one from the client log and the Console token inspector.",
      chapters: [
        "00:00 How tokens work",
        "01:40 Case 1: expired token and renewal",
        "04:25 Case 2: channel name mismatch",
        "06:10 Case 3: integer vs. string UID",
        "08:30 Case 4: rotated App Certificate",
        "10:45 Case 5: token server clock skew",
        "12:30 What to include in a ticket",
      ],
      youNeed: ["A project with the App Certificate enabled", "Any token server sample (Node.js, Go or Java)"],
      takeaways: [
        "Decode the token before anything else: most cases are visible in the decoded fields.",
        "Integer and string UIDs are never interchangeable, even with the same digits.",
        "Renew tokens on the will-expire event instead of waiting for a disconnect.",
        "Include the failing token's decoded fields (not the token itself) in tickets.",
      ],
      after: "The written version of this session is the FAQ *Error 110: token invalid or expired*.",
    },
    zh: {
      title: "视频教程：Token 错误全链路排查",
      summary: "复现并解决错误码 110 与 ERR_TOKEN_EXPIRED 最常见的几种原因，并演示 Token 解析工具。",
      description:
        "Token 问题是客户提交工单最常见的原因。本期由技术支持工程师逐一复现 Token 过期、频道名与 UID 不一致、App Certificate 更换、Token 服务器时钟偏差等问题，并演示如何从客户端日志和控制台 Token 解析工具中快速识别。",
      chapters: [
        "00:00 Token 的工作原理",
        "01:40 案例一：Token 过期与续期",
        "04:25 案例二：频道名不一致",
        "06:10 案例三：整型与字符串 UID",
        "08:30 案例四：App Certificate 已更换",
        "10:45 案例五：Token 服务器时钟偏差",
        "12:30 提交工单时需要附带的信息",
      ],
      youNeed: ["一个启用了 App Certificate 的项目", "任意一个 Token 服务端示例（Node.js、Go 或 Java）"],
      takeaways: [
        "先解析 Token：大多数问题从解析结果中就能看出来。",
        "整型 UID 与字符串 UID 永远不能混用，即使数字相同。",
        "在即将过期事件中续期，不要等到断线后再处理。",
        "工单中附上 Token 的解析结果，而不是 Token 原文。",
      ],
      after: "本期内容的文字版请参考知识库文章《错误码 110：Token 无效或已过期》。",
    },
  },
  {
    slug: "video-live-streaming-co-hosts-cdn",
    area: "live_streaming",
    tags: ["video", "live-streaming", "co-host", "cdn"],
    sdkVersions: ["4.4.x"],
    duration: "18:20",
    en: {
      title: "Video: live streaming with co-hosts and CDN push",
      summary: "Build a live room where audience members can join as co-hosts, and push the mixed stream to a CDN.",
      description:
        "We build a live streaming room in the `LIVE_BROADCASTING` profile: a host publishes, audience members watch with low latency, one viewer is promoted to co-host, and the host pushes a transcoded layout to an RTMP CDN. We also show how to read `onRtmpStreamingStateChanged` and what error 5003 looks like.",
      chapters: [
        "00:00 Live streaming roles and latency levels",
        "02:30 Host setup",
        "05:05 Audience with low latency",
        "07:40 Promoting a viewer to co-host",
        "10:15 Transcoding layout",
        "13:00 Pushing to the CDN",
        "15:40 Debugging a failed push",
        "17:30 Recap",
      ],
      youNeed: ["Two phones and a laptop", "An RTMP push URL from your CDN provider"],
      takeaways: [
        "Only hosts publish; audience members switch roles to co-host without rejoining.",
        "Update the transcoding layout when co-hosts change instead of restarting the push.",
        "CDN viewers see 3-10 seconds of delay, so use low-latency audiences when comments must stay in sync with video.",
      ],
      after: "See the written guides on low-latency live streaming and CDN push for the full configuration reference.",
    },
  },
  {
    slug: "video-voice-agent-in-10-minutes",
    area: "conversational_ai",
    tags: ["video", "conversational-ai", "voice-agent", "llm"],
    sdkVersions: ["convo-ai-1.2"],
    duration: "10:58",
    draft: true,
    en: {
      title: "Video: build a voice agent in 10 minutes",
      summary: "Start a conversational AI agent with your own LLM, talk to it from a Web page, and tune interruptions.",
      description:
        "Starting from the Web quick start, we add a voice agent to the channel with one REST call, connect it to an OpenAI-compatible LLM, and talk to it. We then adjust interruption sensitivity and measure response latency using the agent metrics webhook.",
      chapters: [
        "00:00 Architecture of a voice agent",
        "01:35 Web client in the channel",
        "03:10 Starting the agent with curl",
        "05:20 First conversation",
        "06:45 Tuning interruptions",
        "08:30 Measuring latency",
        "10:00 Stopping the agent",
      ],
      youNeed: [
        "The Web quick start project",
        "An LLM endpoint and API key",
        "Customer key and secret for the REST API",
      ],
      takeaways: [
        "The agent is just another UID in the channel; the client needs no special SDK.",
        "Keep echo cancellation on, or the agent interrupts itself.",
        "Response latency is dominated by the LLM first token; measure it before tuning anything else.",
      ],
      after: "Recording scheduled; chapter timings are from the rehearsal and may change.",
    },
  },
];

function videoGroup(v: VideoSpec): GroupSpec {
  const body = (t: VideoText, zh: boolean) =>
    zh
      ? `
## 视频简介

${t.description}

时长：${v.duration}

## 章节

${bullets(t.chapters)}

## 准备工作

${bullets(t.youNeed)}

## 要点回顾

${bullets(t.takeaways)}

## 观看之后

${t.after}
`
      : `
## About this video

${t.description}

Duration: ${v.duration}

## Chapters

${bullets(t.chapters)}

## What you need

${bullets(t.youNeed)}

## Key takeaways

${bullets(t.takeaways)}

## After watching

${t.after}
`;
  return {
    slug: v.slug,
    productArea: v.area,
    type: "video_tutorial",
    tags: v.tags,
    sdkVersions: v.sdkVersions,
    draft: v.draft,
    weight: v.weight,
    en: { title: v.en.title, summary: v.en.summary, body: body(v.en, false) },
    zh: v.zh ? { title: v.zh.title, summary: v.zh.summary, body: body(v.zh, true) } : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Internal runbooks (staff only)
// ---------------------------------------------------------------------------------------------

const RUNBOOKS: GroupSpec[] = [
  {
    slug: "runbook-token-error-triage",
    productArea: "other",
    type: "best_practice",
    internal: true,
    tags: ["runbook", "internal", "token", "triage"],
    errorCodes: ["110", "ERR_TOKEN_EXPIRED"],
    sdkVersions: ["4.x"],
    en: {
      title: "Runbook: triaging token error tickets (110 / ERR_TOKEN_EXPIRED)",
      summary: "Internal steps for support engineers to diagnose token tickets within the first response.",
      body: `
Token errors are about a quarter of all P2/P3 tickets. Most can be diagnosed in the first response without asking the customer for anything, if you follow these steps.

## 1. Classify from the ticket

- Error appears **after about 24 hours** of use: Console temporary token in production. Reply with the token server samples.
- Error appears **exactly at join**: channel/UID mismatch or wrong certificate.
- Error appears **after N minutes** in long calls: no renewal. Point to \`onTokenPrivilegeWillExpire\` / \`token-privilege-will-expire\`.

## 2. Check the project in the admin console

~~~bash
attain-admin project show --app-id "$APP_ID" --fields certificate_status,certificate_rotated_at,region_restriction
attain-admin token decode --token "$TOKEN_FROM_LOG"
~~~

If \`certificate_rotated_at\` is within a day of the first failure, the customer is signing with the old certificate.

## 3. Search the join logs

Use Call Inspector > Join failures, filter by App ID and reason \`TOKEN_INVALID\`. The UID column shows whether the failing clients use string UIDs.

## 4. Reply template

State the cause, the evidence (timestamp, decoded token fields) and the fix, and link the matching public article. Do not paste the customer's token back into the ticket.

## Escalate when

- Valid tokens (decoded correctly, not expired, matching channel/UID) are rejected for more than one customer: possible auth service incident, page the on-call RTC engineer.
- A customer reports tokens that work in one region and fail in another.
`,
    },
    zh: {
      title: "内部手册：Token 错误工单分诊（110 / ERR_TOKEN_EXPIRED）",
      summary: "技术支持工程师在首次响应内定位 Token 类工单的内部步骤。",
      body: `
Token 错误约占 P2/P3 工单的四分之一。按以下步骤处理，大部分工单可以在首次响应中直接给出结论，无需再向客户索取信息。

## 1. 根据工单描述分类

- 使用**约 24 小时后**开始报错：生产环境使用了控制台临时 Token，回复 Token 服务端示例。
- **加入频道时**立即报错：频道名/UID 不一致或证书错误。
- 长时间通话**N 分钟后**报错：没有实现续期，指引客户使用 \`onTokenPrivilegeWillExpire\`。

## 2. 在管理后台检查项目

~~~bash
attain-admin project show --app-id "$APP_ID" --fields certificate_status,certificate_rotated_at,region_restriction
attain-admin token decode --token "$TOKEN_FROM_LOG"
~~~

如果 \`certificate_rotated_at\` 与首次失败时间相差不到一天，说明客户仍在使用旧证书签发 Token。

## 3. 查询加入日志

在 Call Inspector > 加入失败 中按 App ID 和原因 \`TOKEN_INVALID\` 过滤，UID 列可以看出失败的客户端是否使用了字符串 UID。

## 4. 回复要点

写明原因、证据（时间点、解析出的 Token 字段）和解决方法，并附上对应的公开知识库文章。不要把客户的 Token 原文贴回工单。

## 需要升级的情况

- 多个客户的有效 Token（解析正确、未过期、频道与 UID 匹配）被拒绝：可能是鉴权服务故障，立即呼叫 RTC 值班工程师。
- 客户反馈同一 Token 在一个区域可用、在另一个区域失败。
`,
    },
  },
  {
    slug: "runbook-collecting-sdk-logs",
    productArea: "other",
    type: "best_practice",
    internal: true,
    tags: ["runbook", "internal", "logs", "diagnostics"],
    sdkVersions: ["4.x"],
    en: {
      title: "Runbook: collecting and reading SDK logs",
      summary: "Where each platform writes SDK logs, how to ask customers for them, and what to look for first.",
      body: `
Ask for logs in the first response whenever the ticket is about a specific call and the customer did not attach them. Use the saved reply **Request SDK logs**, which links the public instructions.

## Default log locations

| Platform | Location |
| --- | --- |
| Android | \`/sdcard/Android/data/<package>/files/attain_rtc.log\` |
| iOS | \`App Sandbox/Library/Caches/attain_rtc.log\` |
| macOS | \`~/Library/Containers/<bundle id>/Data/Library/Logs/attain_rtc.log\` |
| Windows | \`%LOCALAPPDATA%/Attain/attain_rtc.log\` |
| Web | \`AttainRTC.enableLogUpload()\` then search by channel in Call Inspector |

Logs rotate at 5 files of 2 MB. Ask customers to reproduce, then send all \`attain_rtc*.log\` files within 10 minutes, before rotation overwrites them.

## What to read first

~~~bash
grep -nE "onError|onConnectionStateChanged|joinChannel|leaveChannel" attain_rtc.log | head -50
grep -nE "local_audio_state|local_video_state" attain_rtc.log | grep -i fail
~~~

1. SDK version and device model in the first 20 lines.
2. The join sequence: edge selection, \`onJoinChannelSuccess\`, elapsed time.
3. Connection state changes with their reason codes.
4. Device errors (1003, 1008, 1501-1503).

## Privacy

Logs contain channel names and UIDs but no media. Store them only as ticket attachments; never forward them outside the support team.
`,
    },
    zh: {
      title: "内部手册：收集与阅读 SDK 日志",
      summary: "各平台 SDK 日志的存放位置、如何向客户索取，以及优先查看的内容。",
      body: `
工单涉及具体通话而客户未附日志时，请在首次响应中索取日志，使用快捷回复 **索取 SDK 日志**，其中包含公开的操作说明链接。

## 默认日志路径

- Android：\`/sdcard/Android/data/<package>/files/attain_rtc.log\`
- iOS：\`App Sandbox/Library/Caches/attain_rtc.log\`
- macOS：\`~/Library/Containers/<bundle id>/Data/Library/Logs/attain_rtc.log\`
- Windows：\`%LOCALAPPDATA%/Attain/attain_rtc.log\`
- Web：调用 \`AttainRTC.enableLogUpload()\` 后在 Call Inspector 中按频道检索

日志按 5 个 2 MB 文件循环覆盖。请客户复现问题后 10 分钟内发送所有 \`attain_rtc*.log\` 文件。

## 优先查看

~~~bash
grep -nE "onError|onConnectionStateChanged|joinChannel|leaveChannel" attain_rtc.log | head -50
~~~

1. 前 20 行中的 SDK 版本和设备型号。
2. 加入流程：边缘节点选择、\`onJoinChannelSuccess\` 及耗时。
3. 连接状态变化及原因码。
4. 设备错误（1003、1008、1501-1503）。

## 隐私要求

日志包含频道名和 UID，但不包含音视频内容。日志只能作为工单附件保存，不得转发到技术支持团队以外。
`,
    },
  },
  {
    slug: "runbook-p0-incident-escalation",
    productArea: "other",
    type: "best_practice",
    internal: true,
    tags: ["runbook", "internal", "incident", "escalation", "sla"],
    sdkVersions: ["4.x"],
    en: {
      title: "Runbook: P0 incident escalation and customer communication",
      summary: "What to do in the first 15 minutes when several customers report a service-wide outage.",
      body: `
A P0 is a production outage: users cannot join channels, or media does not flow, for a significant share of a customer's traffic. Enterprise customers have a 15-minute first response target around the clock.

## First 15 minutes

1. Acknowledge the ticket with the P0 template; do not wait for a diagnosis.
2. Check the status dashboard and the #rtc-alerts channel for an ongoing incident.
3. If there is no incident yet and two or more customers report similar symptoms, page the RTC on-call engineer with \`/page rtc-oncall\` and open an incident.
4. Link all related tickets to the incident so their SLA clocks are tracked together.

## Communication

- Post updates to affected tickets every 30 minutes, even if nothing changed.
- Enterprise customers with a dedicated group also get the update in their group chat.
- Never estimate a resolution time unless the incident commander has given one.

## Workaround first

Customers care about restoring service before root cause. Common workarounds:

- Regional issue: ask the customer to remove the area restriction so clients fail over to the next region.
- Web proxy issue: enable the cloud proxy (\`startProxyServer\`).
- Recording or CDN push outage: the live channel is unaffected; tell the customer to keep the event running.

Record the workaround time in the ticket: it stops the workaround SLA clock.

## After the incident

Within 3 business days, send the incident report to every affected Enterprise customer and check whether SLA credits apply.
`,
    },
  },
  {
    slug: "runbook-call-quality-investigation",
    productArea: "video_calling",
    type: "best_practice",
    internal: true,
    tags: ["runbook", "internal", "call-inspector", "quality"],
    sdkVersions: ["4.x"],
    en: {
      title: "Runbook: investigating call quality with Call Inspector",
      summary: "A repeatable method to go from a vague 'bad quality' complaint to a specific cause.",
      body: `
Most quality tickets say "video is bad" or "audio cuts out". Call Inspector has per-second metrics for every user of every call for 14 days; use this order to avoid guessing.

## 1. Find the call

Search by App ID + channel + time window. If the customer only gave a user ID, search the user view and pick the session closest to the reported time.

## 2. Read the summary row

- **Join time** above 3 s: network path or region problem.
- **Freeze rate** above 5% on one receiver only: that receiver's downlink or device.
- **Audio loss** above 20% after FEC: the user heard gaps.

## 3. Compare sender and receiver

Open the sender's uplink chart next to the receiver's downlink chart. Loss on the uplink shows up for all receivers; loss only on one downlink is local to that receiver.

## 4. Check the device panel

CPU above 85%, thermal state "serious", or battery saver enabled explain frame rate drops that are not network-related.

## 5. Write up

~~~json
{
  "call": "room_2041 @ 09:12-09:40 UTC",
  "finding": "uid 1842 uplink loss 18-35% on 4G from 09:20",
  "impact": "all receivers saw freezes from uid 1842",
  "recommendation": "dual-stream + MAINTAIN_BALANCED; see weak-network best practices"
}
~~~

Paste the summary into the ticket and attach screenshots of the charts; customers trust charts more than prose.
`,
    },
  },
  {
    slug: "runbook-region-failover-drill",
    productArea: "other",
    type: "best_practice",
    internal: true,
    draft: true,
    tags: ["runbook", "internal", "failover", "drill"],
    sdkVersions: ["4.x"],
    en: {
      title: "Runbook: quarterly region failover drill",
      summary: "Draft procedure for rehearsing a regional edge failover with selected Enterprise customers.",
      body: `
Draft: to be reviewed by the RTC infrastructure team before the next drill.

## Goal

Verify that clients fail over to the next region within 10 seconds when a region's edge cluster is drained, and that support can answer customer questions during the drill.

## Before the drill

- Pick a low-traffic window per region (Sunday 02:00-04:00 local time).
- Notify participating Enterprise customers 10 business days ahead through their account managers.
- Prepare the saved reply **Planned failover drill in progress**.

## During the drill

~~~bash
attain-admin edge drain --region ap-southeast-1 --percent 100 --ticket DRILL-2025-Q3
attain-admin edge status --region ap-southeast-1 --watch
~~~

- Watch join success rate and reconnect time in the drill dashboard.
- Support on duty answers tickets tagged \`drill\` within 15 minutes.

## Abort criteria

- Join success rate below 97% for 3 minutes in the fallback region.
- Any P0 ticket from a customer not participating in the drill.

## After the drill

Restore traffic, collect metrics, and send a summary to participating customers within 5 business days.
`,
    },
  },
  {
    slug: "runbook-enabling-beta-features",
    productArea: "other",
    type: "faq",
    internal: true,
    stale: true,
    tags: ["runbook", "internal", "beta", "feature-flags"],
    sdkVersions: ["4.2.x", "4.3.x"],
    en: {
      title: "Runbook: enabling beta features for a customer App ID",
      summary:
        "How to turn on beta features such as spatial audio or AV1 for one customer project, and who must approve it.",
      body: `
Beta features are off by default and enabled per App ID. Only enable them after the account manager confirms the customer accepted the beta terms.

## Approval

- Advanced and Enterprise customers: account manager approval in the ticket.
- Basic customers: product manager approval as well, because betas are not covered by the SLA.

## Enable a feature

~~~bash
attain-admin flags set --app-id "$APP_ID" --flag spatial_audio_beta --value true --reason "TICKET-48213"
attain-admin flags list --app-id "$APP_ID"
~~~

Flags take effect on the next join; clients do not need to update unless the feature requires a newer SDK.

## Known flags

| Flag | Minimum SDK |
| --- | --- |
| \`spatial_audio_beta\` | 4.2.0 |
| \`ains_web_beta\` | 4.3.0 |
| \`av1_desktop_beta\` | 4.5.0 |

## Record it

Add the tag \`beta-enabled\` to the customer organization so other engineers see it when investigating unrelated tickets, and note the flag in the customer's health notes.
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Support process and general articles
// ---------------------------------------------------------------------------------------------

const MIGRATION_GUIDES: GroupSpec[] = [
  {
    slug: "migrate-android-4-4-to-4-5",
    productArea: "other",
    type: "migration_guide",
    tags: ["android", "migration", "upgrade", "v4.5"],
    sdkVersions: ["4.4.x", "4.5.x"],
    en: {
      title: "Migrating the Android SDK from 4.4 to 4.5",
      summary: "What to change when you upgrade an Android app from SDK 4.4.x to 4.5.x, step by step.",
      body: `
SDK 4.5 keeps the 4.4 call flow, but a few names changed and the minimum Android version rose. Most apps
upgrade in under an hour.

## Before you start

- Your app builds against Android API level 21 or later (4.5 drops API 19 and 20).
- You use Gradle 8 or later.

## Steps

1. Change the dependency to \`io.attain:rtc-sdk:4.5.1\` in your module's \`build.gradle\`.
2. Replace \`RtcEngine.create(context, appId, handler)\` with \`RtcEngine.create(config)\`, passing an
   \`RtcEngineConfig\` with the same three values.
3. Rename \`onConnectionLost\` to \`onConnectionStateChanged\` and read the new reason argument.
4. Tokens now expire after 24 hours by default: renew them in \`onTokenPrivilegeWillExpire\`.
5. Run your join and leave tests on a device with Android 5.0 and on the newest version you support.

## Security fixes

4.5.1 fixes the token replay vulnerability of 4.2.0 to 4.4.x; see the security advisories page.

## If something breaks

- A build error about \`minSdkVersion\` means the app still targets API 19 or 20: raise it to 21.
- Users who cannot join after the upgrade usually hold a token from the old default lifetime; renew
  it on the server and join again.
- Keep the 4.4 build at hand until the new one has passed a day of real traffic; 4.4 keeps full
  support until the date on the SDK support lifecycle page.
`,
    },
    zh: {
      title: "Android SDK 从 4.4 迁移到 4.5",
      summary: "将 Android 应用从 SDK 4.4.x 升级到 4.5.x 时需要修改的内容，分步说明。",
      body: `
SDK 4.5 保留了 4.4 的通话流程，但部分名称有变化，最低 Android 版本也有所提高。大多数应用可在一小时内完成升级。

## 开始之前

- 应用的编译目标为 Android API 21 或更高（4.5 不再支持 API 19 和 20）。
- 使用 Gradle 8 或更高版本。

## 步骤

1. 在模块的 \`build.gradle\` 中将依赖改为 \`io.attain:rtc-sdk:4.5.1\`。
2. 将 \`RtcEngine.create(context, appId, handler)\` 替换为 \`RtcEngine.create(config)\`，传入包含这三个值的 \`RtcEngineConfig\`。
3. 将 \`onConnectionLost\` 改名为 \`onConnectionStateChanged\`，并读取新增的原因参数。
4. Token 默认 24 小时后过期：请在 \`onTokenPrivilegeWillExpire\` 中续期。
5. 在 Android 5.0 设备和您支持的最新版本上运行加入与离开频道的测试。

## 安全修复

4.5.1 修复了 4.2.0 至 4.4.x 中的 Token 重放漏洞；详见安全公告页面。
`,
    },
  },
];

const GENERAL: GroupSpec[] = [
  {
    slug: "how-to-submit-an-effective-ticket",
    productArea: "other",
    type: "faq",
    tags: ["support", "tickets", "logs", "portal"],
    sdkVersions: [],
    weight: 1.2,
    en: {
      title: "How to submit a ticket that gets solved fast",
      summary: "What to include in a support ticket so the first response contains a diagnosis instead of questions.",
      body: `
The fastest tickets are the ones support can diagnose without a round trip. A complete ticket typically saves one to two business days.

## Before you open a ticket

1. Search the knowledge base for the error code or symptom; error code FAQs cover most integration problems.
2. Check the status page for ongoing incidents.
3. Reproduce the problem once with logging enabled.

## What to include

- **App ID** and **channel name**, plus the **UIDs** involved.
- **Time window** in UTC (or with the time zone) when the problem happened.
- **Platform, OS version, device model and SDK version** for each side.
- **Error codes** from \`onError\` / Web exceptions, copied exactly.
- **SDK logs** from every affected device (see the log collection guide).
- **Impact**: how many users are affected, whether production is down.

## Choose the right priority

| Priority | Meaning |
| --- | --- |
| P0 | Production outage, no workaround |
| P1 | Major feature broken in production for many users |
| P2 | Issue with a workaround, or limited impact |
| P3 | Question, documentation, feature request |

Priority decides the first response target, so please do not inflate it: P0 tickets page an on-call engineer.

## After submitting

Reply in the same ticket rather than opening a new one, and attach new logs there. If the issue is resolved on your side, let us know so we can close the ticket.
`,
    },
    zh: {
      title: "如何提交能被快速解决的工单",
      summary: "工单中应包含哪些信息，才能在首次响应中就得到诊断结论而不是追问。",
      body: `
处理最快的工单，是技术支持无需来回追问即可诊断的工单。一份信息完整的工单通常能节省 1-2 个工作日。

## 提交工单之前

1. 在知识库中搜索错误码或问题现象，错误码 FAQ 覆盖了大多数集成问题。
2. 查看状态页，确认是否有正在进行的故障。
3. 开启日志后复现一次问题。

## 工单中需要包含

- **App ID**、**频道名**以及相关用户的 **UID**。
- 问题发生的**时间段**（UTC 或注明时区）。
- 双方的**平台、系统版本、设备型号和 SDK 版本**。
- \`onError\` 或 Web 异常中的**错误码**，请原样复制。
- 所有相关设备的 **SDK 日志**（参考日志收集说明）。
- **影响范围**：影响多少用户，生产环境是否不可用。

## 选择合适的优先级

- **P0**：生产环境不可用，且没有临时解决方案
- **P1**：生产环境主要功能异常，影响大量用户
- **P2**：有临时解决方案，或影响范围有限
- **P3**：咨询、文档问题、功能需求

优先级决定首次响应时限，请不要随意提高：P0 工单会直接呼叫值班工程师。

## 提交之后

请在同一工单中回复和补充日志，不要重复提交新工单。如果问题已在你这边解决，也请告诉我们以便关闭工单。
`,
    },
  },
  {
    slug: "support-sla-response-times",
    productArea: "other",
    type: "faq",
    tags: ["support", "sla", "first-response", "tiers"],
    sdkVersions: [],
    en: {
      title: "Support plans and first response times",
      summary: "First response targets by support plan and priority, support hours, and how SLA clocks are measured.",
      body: `
Every ticket has a first response target that depends on your support plan and the ticket priority. Targets marked 24x7 run around the clock; the others count business hours (09:00-17:30 on working days in your support region: China, United States or United Kingdom).

## First response targets

| Priority | Basic | Advanced | Enterprise |
| --- | --- | --- | --- |
| P0 | 4 business hours | 1 hour, 24x7 | 15 minutes, 24x7 |
| P1 | 8 business hours | 2 hours, 24x7 | 30 minutes, 24x7 |
| P2 | 1 business day | 4 business hours | 2 hours, 24x7 |
| P3 | 2 business days | 1 business day | 4 business hours |

P0 and P1 tickets also have a **workaround** target, for example 4 hours for an Enterprise P0.

## How the clock works

- The clock starts when the ticket is created and stops at the first response from an engineer. Automatic acknowledgements do not count.
- While a ticket waits for information from you, the resolution clock is paused.
- Public holidays of your support region pause business-hours targets.

## Channels by plan

- **Basic**: tickets and email.
- **Advanced**: adds live chat and a named account manager.
- **Enterprise**: adds a dedicated group chat, a phone hotline for P0, a technical account manager and proactive incident alerts.

## Service credits

Availability commitments are 99.9% (Basic), 99.95% (Advanced) and 99.99% (Enterprise) per month. If availability falls below your commitment, you can claim credits from the portal's SLA page.
`,
    },
    zh: {
      title: "支持服务等级与首次响应时间",
      summary: "不同支持服务等级和优先级对应的首次响应时限、服务时间，以及 SLA 计时规则。",
      body: `
每个工单都有首次响应时限，取决于你的支持服务等级和工单优先级。标注 7x24 的时限全天候计时，其余按工作时间计时（所在支持区域工作日 09:00-17:30，区域为中国、美国或英国）。

## 首次响应时限

- **P0**：基础版 4 个工作小时；高级版 1 小时（7x24）；企业版 15 分钟（7x24）
- **P1**：基础版 8 个工作小时；高级版 2 小时（7x24）；企业版 30 分钟（7x24）
- **P2**：基础版 1 个工作日；高级版 4 个工作小时；企业版 2 小时（7x24）
- **P3**：基础版 2 个工作日；高级版 1 个工作日；企业版 4 个工作小时

P0 和 P1 工单还有**临时解决方案**时限，例如企业版 P0 为 4 小时。

## 计时规则

- 工单创建即开始计时，工程师首次人工回复时停止。系统自动回复不计入首次响应。
- 工单等待你补充信息期间，解决时限暂停计时。
- 所在支持区域的法定节假日不计入工作时间时限。

## 各等级支持渠道

- **基础版**：工单、邮件。
- **高级版**：增加在线聊天和专属客户经理。
- **企业版**：增加专属服务群、P0 电话热线、技术客户经理和主动故障通知。

## 服务赔偿

月度可用性承诺分别为 99.9%（基础版）、99.95%（高级版）和 99.99%（企业版）。可用性低于承诺时，可以在门户的 SLA 页面申请赔偿。
`,
    },
  },
  {
    slug: "supported-platforms-and-browsers",
    productArea: "other",
    type: "faq",
    tags: ["compatibility", "platforms", "browsers", "requirements"],
    sdkVersions: ["4.4.x", CURRENT],
    stale: "en",
    en: {
      title: "Supported platforms, OS versions and browsers",
      summary: "Minimum OS versions, architectures and browsers supported by Attain RTC SDK 4.x.",
      body: `
This page lists what Attain RTC SDK 4.x supports. Versions below the minimum may work but are not tested and tickets about them are handled as best effort.

## Native platforms

| Platform | Minimum | Architectures |
| --- | --- | --- |
| Android | 5.0 (API 21) | arm64-v8a, armeabi-v7a, x86_64 |
| iOS / iPadOS | 13.0 | arm64 |
| macOS | 10.13 | x86_64, arm64 |
| Windows | 7 SP1 | x86, x64 |
| Linux (server SDK) | Ubuntu 18.04, CentOS 7 | x86_64, arm64 |

## Cross-platform frameworks

- Flutter 3.16+ (4.5.0), Flutter 3.10+ (4.4.x)
- React Native 0.70+
- Unity 2021.3 LTS+
- Electron 22+

## Browsers (Web SDK)

- Chrome and Edge 88+ on desktop and Android
- Firefox 90+ on desktop
- Safari 15+ on macOS and iOS; all iOS browsers use Safari's engine
- In-app WebViews are not supported unless they expose WebRTC (see ERR_NOT_SUPPORTED)

## Codecs

- Video: VP8, H.264, H.265 (native, hardware only), AV1 (desktop, beta from 4.5.0)
- Audio: Opus; AAC for CDN push and recording

Check \`AttainRTC.checkSystemRequirements()\` on the Web and the device compatibility list in the Console before rolling out to new markets.
`,
    },
    zh: {
      title: "支持的平台、系统版本与浏览器",
      summary: "Attain RTC SDK 4.x 支持的最低系统版本、CPU 架构和浏览器。",
      body: `
本页列出 Attain RTC SDK 4.x 的支持范围。低于最低版本的系统可能可以运行，但未经测试，相关工单按尽力支持处理。

## 原生平台

- **Android**：5.0（API 21）及以上，arm64-v8a、armeabi-v7a、x86_64
- **iOS / iPadOS**：13.0 及以上，arm64
- **macOS**：10.13 及以上，x86_64、arm64
- **Windows**：7 SP1 及以上，x86、x64
- **Linux（服务端 SDK）**：Ubuntu 18.04、CentOS 7 及以上

## 跨平台框架

- Flutter 3.16+（4.5.0）、Flutter 3.10+（4.4.x）
- React Native 0.70+
- Unity 2021.3 LTS+
- Electron 22+

## 浏览器（Web SDK）

- 桌面端与 Android 上的 Chrome、Edge 88+
- 桌面端 Firefox 90+
- macOS 与 iOS 上的 Safari 15+；iOS 上所有浏览器均使用 Safari 内核
- 应用内 WebView 除非支持 WebRTC，否则不受支持（参见 ERR_NOT_SUPPORTED）

## 编解码

- 视频：VP8、H.264、H.265（原生端，仅硬件）、AV1（桌面端，4.5.0 起 Beta）
- 音频：Opus；CDN 推流与录制使用 AAC
`,
    },
  },
  {
    slug: "searching-the-knowledge-base",
    productArea: "other",
    type: "faq",
    tags: ["knowledge-base", "search", "portal"],
    sdkVersions: [],
    zh: {
      title: "如何高效搜索知识库",
      summary: "通过错误码、产品模块和 SDK 版本快速在知识库中找到答案，减少提交工单的等待时间。",
      body: `
知识库收录了快速开始、错误码说明、最佳实践、API 参考和发版说明。很多问题在知识库中搜索一次就能找到答案，比提交工单等待首次响应更快。

## 直接搜索错误码

在搜索框中输入错误码即可精确匹配，例如 \`110\`、\`1501\`、\`ERR_TOKEN_EXPIRED\`。错误码文章都包含“错误含义、常见原因、解决方法”三部分。

## 用现象描述搜索

中文搜索支持分词，可以直接输入问题现象：

- “回声”“啸叫”：回声消除相关问题
- “延迟高”“对方声音慢半拍”：通话延迟问题
- “卡顿”“画面卡住”：视频卡顿排查
- “弱网”“丢包”：弱网对抗最佳实践

## 使用筛选条件

- **产品模块**：语音通话、视频通话、互动直播、实时消息、对话式 AI。
- **文章类型**：快速开始、API 参考、最佳实践、常见问题、视频教程、发版说明。
- **SDK 版本**：只看与你所用版本相关的文章。

## 没找到答案怎么办

在文章底部点击“没有帮助”并填写原因，我们会据此补充内容。需要进一步帮助时，可以直接从文章页提交工单，系统会自动带上你正在阅读的文章，方便技术支持了解上下文。
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Chinese-only troubleshooting articles
// ---------------------------------------------------------------------------------------------

const ZH_ONLY: GroupSpec[] = [
  {
    slug: "slow-first-video-frame",
    productArea: "video_calling",
    type: "faq",
    tags: ["faq", "first-frame", "video", "performance", "latency"],
    sdkVersions: ["4.4.x", CURRENT],
    zh: {
      title: "加入频道后首帧出图慢、出图延迟高怎么办",
      summary: "从加入频道到看到对方画面超过 2 秒时，按加入、订阅、解码三个阶段排查。",
      body: `
正常网络下，从调用 \`joinChannel\` 到看到远端首帧通常在 1 秒左右。超过 2 秒时，用户会明显感觉“进房后一直黑屏”。首帧延迟可以拆成三个阶段分别排查。

## 阶段一：加入频道

\`onJoinChannelSuccess\` 中的 \`elapsed\` 表示加入耗时。超过 1000 毫秒时：

- 检查是否每次通话都重新创建引擎，引擎初始化会额外增加 300-800 毫秒。
- 检查 Token 是否在点击“加入”之后才去服务端获取，可以提前并行获取。
- 跨境用户是否被区域限制到了较远的区域。

## 阶段二：订阅与首个关键帧

~~~kotlin
override fun onFirstRemoteVideoFrame(uid: Int, width: Int, height: Int, elapsed: Int) {
    Log.i(TAG, "首帧渲染: uid=" + uid + " elapsed=" + elapsed + "ms")
}
~~~

- 发送端刚开始采集时，需要等待第一个关键帧。开启 \`enableInstantMediaRendering\` 可以缩短这段时间。
- 弱网下关键帧丢包会导致重传，首帧时间明显变长。

## 阶段三：解码与渲染

- 低端 Android 机型硬件解码器初始化较慢，可以在进入通话页面前预创建渲染视图。
- 渲染视图尚未添加到界面层级时，首帧会被延后到视图可见。

## 仍然较慢

请提交工单，附上频道名、双方 UID、时间段和 SDK 日志。4.5.0 对首帧做了专项优化（最多加快 22%），也建议升级后对比。
`,
    },
  },
  {
    slug: "live-stream-stutter-weak-network-checklist",
    productArea: "live_streaming",
    type: "faq",
    tags: ["faq", "live-streaming", "stutter", "weak-network", "audience"],
    sdkVersions: ["4.4.x", CURRENT],
    zh: {
      title: "弱网下直播卡顿排查清单",
      summary: "直播观众反馈卡顿时，如何区分主播上行弱网、观众下行弱网和 CDN 问题。",
      body: `
直播场景的卡顿比通话更复杂：同一场直播中，观众可能通过 RTC 频道（超低延迟、低延迟）或 CDN 观看。先确定观众的观看方式，再按以下清单排查。

## 第一步：确认影响范围

- **所有观众都卡**：问题在主播端，多为主播上行弱网或设备性能不足。
- **部分观众卡**：问题在这些观众的下行网络或设备。
- **只有 CDN 观众卡**：问题在转推链路或 CDN 本身，与 RTC 频道无关。

## 第二步：主播上行

- 查看主播端 \`onNetworkQuality\` 的上行质量，持续为 4 或更差即为弱网。
- 户外直播使用 4G/5G 时，建议将分辨率从 1080p 降为 720p，码率上限 1800 kbps。
- 开启 \`MAINTAIN_BALANCED\` 降级偏好，避免分辨率不变导致的长时间卡顿。

## 第三步：观众下行

- 主播端开启双流，观众在弱网下自动切换到小流。
- 设置订阅回退为纯音频，网络极差时至少保证声音连续。
- 低延迟观众的缓冲比超低延迟更大，卡顿更少；不需要连麦的观众建议使用低延迟等级。

## 第四步：CDN 观众

- 检查 \`onRtmpStreamingStateChanged\` 是否出现 \`RECOVERING\`，说明转推链路不稳定。
- 确认 GOP 为 2 秒；GOP 过长会让 CDN 播放器卡顿后恢复很慢。
- 用 ffmpeg 直接拉流，判断是推流端还是播放端的问题。

## 提交工单

请附上频道名、主播 UID、卡顿观众 UID（或 CDN 播放地址）、时间段和主播端 SDK 日志。技术支持可以在 Call Inspector 中对比主播上行和观众下行的丢包、卡顿曲线，快速定位弱网发生在哪一侧。
`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

const GROUPS: GroupSpec[] = [
  ...QUICK_STARTS,
  ...ERROR_FAQS.map(errorFaqGroup),
  ...QUALITY,
  ...LIVE,
  ...MESSAGING,
  ...CONVERSATIONAL_AI,
  ...TOKEN_SERVERS,
  ...API_REFERENCE.map(apiGroup),
  ...RELEASES.map(releaseGroup),
  ...MIGRATION_GUIDES,
  ...VIDEOS.map(videoGroup),
  ...RUNBOOKS,
  ...GENERAL,
  ...ZH_ONLY,
];

/** Typical published view counts per article type, before the per-article weight. */
const BASE_VIEWS: Record<Kind, [number, number]> = {
  quick_start: [5200, 9800],
  faq: [1400, 5200],
  best_practice: [900, 3600],
  api_reference: [1500, 4200],
  release_note: [700, 2600],
  migration_guide: [500, 1800],
  breaking_changes: [400, 1500],
  video_tutorial: [600, 2400],
};

const matches = (flag: boolean | Locale | undefined, locale: Locale) => flag === true || flag === locale;

function toSeed(g: GroupSpec, locale: Locale, text: LocalizedText): ArticleSeed {
  const key = g.slug + ":" + locale;
  const draft = matches(g.draft, locale);
  const stale = matches(g.stale, locale);
  const internal = g.internal ?? false;

  const reviewedDaysAgo = draft
    ? between(key + ":reviewed", 1, 20)
    : stale
      ? between(key + ":reviewed", 195, 540)
      : between(key + ":reviewed", 3, 165);

  let views: number;
  if (draft) {
    views = between(key + ":views", 0, 25);
  } else if (internal) {
    views = between(key + ":views", 60, 420);
  } else {
    const [lo, hi] = BASE_VIEWS[g.type];
    const localeFactor = locale === "zh" ? 0.7 : 1;
    views = Math.round(between(key + ":views", lo, hi) * (g.weight ?? 1) * localeFactor);
  }

  // Readers rate roughly 2-6% of views; stale articles collect noticeably more "not helpful" votes.
  const helpfulRate = between(key + ":rate", 20, 60) / 1000;
  const helpful = draft ? 0 : Math.round(views * helpfulRate);
  const unhelpfulShare = (stale ? between(key + ":neg", 35, 70) : between(key + ":neg", 6, 25)) / 100;
  const notHelpful = draft ? 0 : Math.round(helpful * unhelpfulShare);

  return {
    slug: g.slug,
    locale,
    translationGroup: g.slug,
    title: text.title,
    summary: text.summary,
    body: md(text.body),
    productArea: g.productArea,
    type: g.type,
    internal,
    status: draft ? "draft" : "published",
    tags: g.tags,
    errorCodes: g.errorCodes ?? [],
    sdkVersions: g.sdkVersions,
    reviewedDaysAgo,
    views,
    helpful,
    notHelpful,
  };
}

export const DEMO_ARTICLES: ArticleSeed[] = GROUPS.flatMap((g) => {
  const out: ArticleSeed[] = [];
  if (g.en) out.push(toSeed(g, "en", g.en));
  if (g.zh) out.push(toSeed(g, "zh", g.zh));
  return out;
});

/** Ticket subjects and conversation snippets for the demo, by product area. */
import en from "@/server/i18n/messages/en.json";
import type { ProductArea, TicketCategory } from "../schema/enums";

export const SUBJECTS: Record<ProductArea, string[]> = {
  voice_calling: [
    "Echo heard by remote users on Android 14 devices",
    "Audio drops for 2-3 seconds when switching from Wi-Fi to 4G",
    "Error 1003 when starting the microphone on Windows 11",
    "One-way audio after the app returns from background on iOS",
    "Voice volume very low with Bluetooth headsets",
    "High audio latency in calls between Shanghai and Frankfurt",
  ],
  video_calling: [
    "Black screen for remote video after rejoining the channel",
    "Video freezes every few seconds on weak networks",
    "Camera permission error 1501 on Android after upgrade to SDK 4.4",
    "Screen sharing shows a green frame on macOS 15",
    "Simulcast low stream not received by web clients",
    "Video resolution stuck at 320x240 despite 720p profile",
  ],
  live_streaming: [
    "CDN push fails with RTMP error after 30 minutes",
    "Audience latency above 6 seconds in low-latency live mode",
    "Host cannot switch role to audience without rejoining",
    "Stream stutters for audiences in Southeast Asia",
    "Transcoding layout ignores the second co-host",
  ],
  realtime_messaging: [
    "Peer messages delivered out of order under load",
    "Login fails with ERR_TOKEN_EXPIRED although token is fresh",
    "Message history API returns empty pages",
    "Channel member count is wrong after reconnect",
    "Presence events delayed by several minutes",
  ],
  conversational_ai: [
    "Voice agent does not stop speaking when the user interrupts",
    "Conversational AI agent response latency above 2 seconds",
    "ASR transcribes Mandarin as English in mixed conversations",
    "Agent session drops after exactly 10 minutes",
    "How to pass custom LLM parameters to the voice agent",
  ],
  other: [
    "Question about the monthly usage report",
    "Documentation error in the token server sample",
    "Feature request: per-channel usage export",
    "How to rotate the App Certificate without downtime",
  ],
};

export const CATEGORY_WEIGHTS: readonly (readonly [TicketCategory, number])[] = [
  ["functional_bug", 34],
  ["compatibility", 14],
  ["security_vulnerability", 2],
  ["performance", 16],
  ["integration_question", 24],
  ["custom_development", 3],
  ["environment_issue", 7],
];

/** A platform code as a customer writes it in a description ("React Native", not "react_native"). */
const platformName = (code: string): string => (en.sdkPlatform as Record<string, string>)[code] ?? code;

export const DESCRIPTION = (subject: string, platform: string, version: string) =>
  `**What happens**\n\n${subject}.\n\n**Environment**\n\n- SDK: ${platformName(platform)} ${version}\n- Channel profile: communication\n\n**Steps to reproduce**\n\n1. Join a channel with two users.\n2. Keep the call running for a few minutes.\n3. Observe the problem described above.\n\nLogs are attached to the first comment.`;

export const STAFF_REPLIES = [
  "Thanks for the report. I'm looking into it now; could you confirm the channel name and the approximate time (with time zone) of the last occurrence?",
  "We have reproduced the issue in our lab and are investigating the SDK logs.",
  "Thanks for the details. This looks related to the audio route change on device resume; we are checking with the SDK team.",
  "I've reviewed the logs you sent. The token in the request expired before the join; please see the steps below.",
];

export const PAUSE_REQUESTS = [
  "Could you send us the SDK log files (agorasdk.log) from both devices for the failing call?",
  "Please share the exact SDK version and a short screen recording of the problem.",
];

export const CUSTOMER_FOLLOW_UPS = [
  "Logs attached. The last occurrence was yesterday around 15:20 local time.",
  "Here is the recording. It happens on about one call in five.",
];

export const WORKAROUNDS = [
  "As a workaround, please call `setAudioScenario(GAME_STREAMING)` before joining; this restores audio while we prepare a fix.",
  "Workaround: disable hardware encoding with `setParameters('{\"che.video.hw_encoder\":false}')` until the fix ships.",
];

export const RESOLUTIONS = [
  "The fix is included in SDK 4.4.2. Please upgrade and let us know if the issue persists.",
  "This is resolved: the token server now renews tokens five minutes before expiry, as shown in the knowledge base article.",
  "We have answered the question above and updated the documentation accordingly.",
];

export const ORG_NAMES = [
  "Nimbus Live",
  "Orbit Chat",
  "Lumen Learning",
  "Cobalt Games",
  "Harbor Health",
  "Kite Social",
  "Pioneer Fitness",
  "Quartz Finance",
  "Riverbank Media",
  "Summit Tutors",
  "Tidal Music",
  "Umbra Security",
  "Vertex Auto",
  "Willow Dating",
  "Xenon Esports",
  "Yonder Travel",
  "Zephyr Radio",
  "Amber Commerce",
  "Beacon Telehealth",
  "Cascade Streaming",
  "Delta Classrooms",
  "Ember Voice",
  "Fable Kids",
  "Garnet Events",
  "Helix Robotics",
  "Iris Interpreting",
  "Jade Karaoke",
  "Kestrel Logistics",
  "Lotus Live",
  "Maple Meetings",
  "Nova Broadcast",
  "Opal Insurance",
  "Prism AR",
  "Quill Podcasts",
  "Ridge Outdoor",
  "Sable Support",
  "Terra Farming",
  "Unity Choir",
  "Velvet Concerts",
  "Wave Companion AI",
];

export const PERSON_NAMES = [
  "Alex Chen",
  "Maria Garcia",
  "Li Wei",
  "Sophie Martin",
  "Wang Fang",
  "James Wilson",
  "Zhang Min",
  "Emma Brown",
  "Liu Yang",
  "Noah Davis",
  "Chen Jing",
  "Olivia Taylor",
  "Zhao Lei",
  "Lucas Moore",
  "Huang Xin",
  "Mia Anderson",
];

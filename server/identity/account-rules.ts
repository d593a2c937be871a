/**
 * The rules of a user's own account (issue #16, self-service): what a name may be, how a refused
 * password reads, how long a reset or address change link lives, how many wrong current
 * passwords, reset requests and address changes are let through, and how a session is described
 * in the list of sessions. Pure: no database, no clock (`now` is an argument), and no heavy
 * imports, so the forms use the same checks for an early hint.
 */

/** A refusal in the shape `refuseIf` throws: English sentence, its i18n key and values. */
export type Refusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/** As for invited people (server/people/inputs.ts). */
export const NAME_MAX_LENGTH = 120;

/** What is wrong with a display name (after trimming), or null. Counts characters, not UTF-16 units. */
export function nameProblem(name: string): Refusal | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return { message: "Enter your name.", messageKey: "errors.account.nameEmpty" };
  if ([...trimmed].length > NAME_MAX_LENGTH)
    return {
      message: `Use at most ${NAME_MAX_LENGTH} characters for your name.`,
      messageKey: "errors.account.nameTooLong",
      values: { max: NAME_MAX_LENGTH },
    };
  // Control characters (line breaks included) would break mail headers and the layout.
  if (/\p{Cc}/u.test(trimmed))
    return { message: "Use letters, spaces and punctuation only.", messageKey: "errors.account.nameInvalid" };
  return null;
}

/** A reset link works once, for an hour. */
export const RESET_TTL_MS = 60 * 60_000;

/** Wrong current passwords when changing one's password: at most 5 per 15 minutes per user. */
export const PASSWORD_CHECK_LIMIT = { limit: 5, windowMs: 15 * 60_000 } as const;

/** Reset links asked for one address: at most 3 mails an hour (more requests answer the same, send nothing). */
export const RESET_MAILS_PER_ACCOUNT = { limit: 3, windowMs: 60 * 60_000 } as const;

/** Every key these rules count under in the shared `rate_counters` table starts with this. */
export const ACCOUNT_KEY_PREFIX = "account:";

export const passwordCheckKey = (userId: number) => `${ACCOUNT_KEY_PREFIX}pw:u:${userId}`;
/** The key of reset mails for an address; the address goes in as its hash (the table is not a list of emails). */
export const resetMailKey = (emailHash: string) => `${ACCOUNT_KEY_PREFIX}reset:e:${emailHash}`;

/** An address change link works once, for a day (it goes to a mailbox the person may open later). */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;

/** Address changes one person asks for (refused ones too): at most 3 an hour. */
export const EMAIL_CHANGES_PER_ACCOUNT = { limit: 3, windowMs: 60 * 60_000 } as const;

export const emailChangeKey = (userId: number) => `${ACCOUNT_KEY_PREFIX}email:u:${userId}`;

/** Whole minutes (at least 1) until a fixed window that started at `windowStart` ends. */
export function minutesLeft(windowStart: Date, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 60_000));
}

/**
 * Whether a link row (a password reset, an address change) may still be used at `now`: not used,
 * not expired.
 */
export function linkUsable(row: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean {
  return row.usedAt === null && row.expiresAt > now;
}

/** Whether a session row still stands at `now` (not signed out, not expired). */
export function sessionStands(row: { expiresAt: Date; revokedAt: Date | null }, now: Date): boolean {
  return row.revokedAt === null && row.expiresAt > now;
}

export type BrowserInfo = { browser: string | null; os: string | null };

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bCriOS\/|\b(?:Headless)?Chrome\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

/**
 * The browser and system of a User-Agent, simply ("Chrome" on "Linux"): enough for a person to
 * recognise their own devices in the list of sessions, not a device database. Null where unknown.
 */
export function describeBrowser(userAgent: string | null | undefined): BrowserInfo {
  const ua = userAgent ?? "";
  return {
    browser: BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null,
    os: SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null,
  };
}

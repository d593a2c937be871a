/**
 * What a new password must be, as NIST SP 800-63B asks (section 5.1.1.2): at least 12 characters,
 * at most 256, no composition rules, and not a commonly used, expected or compromised value: not in
 * a list of about 49,000 common passwords (@zxcvbn-ts/language-common, decision 020), not one
 * character repeated or a plain sequence, and not built from the service's name or the user's own
 * email or name. Pure: used by invitations, password resets, the first administrator's setup and
 * changing one's password, on the server, and by the forms for an early hint.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordLengthProblem } from "./password-length";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-length";

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "personal";

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  return (common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())));
}

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

function isTrivial(lower: string): boolean {
  if (new Set(lower).size <= 2) return true;
  for (const seq of SEQUENCES) {
    const rev = [...seq].reverse().join("");
    if (seq.includes(lower) || rev.includes(lower)) return true;
  }
  return false;
}

/** The problem with a new password, or null when it may be used. Counts characters, not UTF-16 units. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): PasswordProblem | null {
  const length = passwordLengthProblem(password);
  if (length) return length;
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[^\p{L}\p{N}]+/gu, "");
  // A common password with digits or symbols stuck on ("password123456", "Welcome2026!!") is as guessable.
  const core = stripped.replace(/\d+$/u, "");
  const list = commonPasswords();
  if (list.has(lower) || list.has(stripped) || (core.length >= 4 && list.has(core)) || isTrivial(stripped))
    return "common";
  const service = ["attaindemo", "attain", "demo"];
  const words = [...service, ...personalWords(context)].sort((a, b) => b.length - a.length);
  const rest = words.reduce((s, w) => s.split(w).join(""), stripped).replace(/\d+/gu, "");
  if (rest.length < 4) return personalWords(context).some((w) => stripped.includes(w)) ? "personal" : "common";
  return null;
}

function personalWords({ email, name }: { email?: string; name?: string }): string[] {
  const words = new Set<string>();
  const [local = "", domain = ""] = email?.toLowerCase().split("@") ?? [];
  const nameParts = (name ?? "").toLowerCase().split(/\s+/u);
  // The whole address is as guessable as its parts: "mei@nimbus.example1" is the email plus a digit.
  const domainParts = domain.split(/[^\p{L}\p{N}]+/u);
  for (const w of [local, ...local.split(/[^\p{L}\p{N}]+/u), domain, ...domainParts, nameParts.join(""), ...nameParts])
    words.add(w.replace(/[^\p{L}\p{N}]+/gu, ""));
  return [...words].filter((w) => w.length >= 2);
}

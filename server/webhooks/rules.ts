/**
 * Outgoing webhooks' rules: which URLs may receive events, how a delivery is signed, and when a
 * failed one is tried again. Pure (the flag allowing plain http to 127.0.0.1 for tests is an argument).
 *
 * Signature: header `X-Attain-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
 * as Stripe and Slack sign theirs. A receiver recomputes it, compares in constant time, and refuses
 * a timestamp more than SIGNATURE_TOLERANCE_S away (a replay) and an `X-Attain-Delivery` id it has seen.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type Refusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/** Attempts of one delivery before it is given up (at once, then 1, 2, 4, 8 minutes later). */
export const MAX_ATTEMPTS = 5;
/** Deliveries given up in a row after which the webhook is disabled and the admins told. */
export const DISABLE_AFTER_FAILURES = 3;
export const SIGNATURE_TOLERANCE_S = 300;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|\[?::\]?)$/i;

/** Whether a host name is this machine (loopback or unspecified). */
export const isLoopbackHost = (host: string): boolean => LOOPBACK.test(host.replace(/\.$/, ""));

/**
 * Why a URL may not receive webhooks, or null: it must be https, and may not point at the server
 * itself (a loopback host, or the portal's own host). `allowLoopbackHttp` (tests only) admits
 * http://127.0.0.1.
 */
export function webhookUrlRefusal(
  raw: string,
  opts: { portalHost: string | null; allowLoopbackHttp: boolean },
): Refusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { message: "Give a full URL starting with https://.", messageKey: "webhooks.errors.url" };
  }
  const host = url.hostname.toLowerCase();
  if (opts.allowLoopbackHttp && url.protocol === "http:" && host === "127.0.0.1") return null;
  if (url.protocol !== "https:")
    return { message: "Webhook URLs must use HTTPS.", messageKey: "webhooks.errors.https" };
  if (url.username || url.password)
    return {
      message: "Put credentials in the signing secret, not in the URL.",
      messageKey: "webhooks.errors.credentials",
    };
  if (isLoopbackHost(host) || (opts.portalHost && host === opts.portalHost.toLowerCase()))
    return { message: "A webhook may not point at this server itself.", messageKey: "webhooks.errors.self" };
  return null;
}

/** The signature header's value for a body sent at `at`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** A receiver's check (used by our tests; documented for integrators): signed with `secret`, and fresh. */
export function verifySignature(secret: string, body: string, header: string, now: Date): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** When a delivery that failed its `attempts`-th attempt at `at` is tried again; null: give up. */
export function nextAttemptAt(attempts: number, at: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(at.getTime() + 60_000 * 2 ** (attempts - 1));
}

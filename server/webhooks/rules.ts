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

const digest = (secret: string, t: number, body: string): Buffer =>
  createHmac("sha256", secret).update(`${t}.${body}`).digest();

/** The signature header's value for a body sent at `at`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${digest(secret, t, body).toString("hex")}`;
}

/** A signature header read and checked; `v1` (lower-case hex) identifies the signed request. */
export type SignatureCheck =
  { ok: true; timestamp: number; v1: string } | { ok: false; reason: "unsigned" | "stale" | "signature" };

/**
 * A receiver's check: the header is `t=<integer>,v1=<64 hex digits>`, the timestamp within
 * SIGNATURE_TOLERANCE_S of `now`, and the HMAC made with one of `secrets` (the current key and a
 * rotated one still in its grace), compared in constant time. Used by the inbound monitoring
 * endpoint (server/monitoring) and documented for integrators receiving our webhooks.
 */
export function checkSignature(header: string | null, body: string, secrets: string[], now: Date): SignatureCheck {
  if (!header) return { ok: false, reason: "unsigned" };
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return i < 0 ? (["", ""] as const) : ([p.slice(0, i).trim(), p.slice(i + 1).trim()] as const);
    }),
  );
  const t = Number(parts.get("t"));
  const v1 = (parts.get("v1") ?? "").toLowerCase();
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: "unsigned" };
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_S) return { ok: false, reason: "stale" };
  const given = Buffer.from(v1, "hex");
  const matches = secrets.some((secret) => timingSafeEqual(digest(secret, t, body), given));
  return matches ? { ok: true, timestamp: t, v1 } : { ok: false, reason: "signature" };
}

/** A receiver's check (used by our tests; documented for integrators): signed with `secret`, and fresh. */
export const verifySignature = (secret: string, body: string, header: string, now: Date): boolean =>
  checkSignature(header, body, [secret], now).ok;

/** When a delivery that failed its `attempts`-th attempt at `at` is tried again; null: give up. */
export function nextAttemptAt(attempts: number, at: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(at.getTime() + 60_000 * 2 ** (attempts - 1));
}

import { decode, type JWT } from "next-auth/jwt";
import { deepFreeze } from "@/server/cache/frozen";

/** Clock tolerance of next-auth's own decode (seconds). */
const CLOCK_TOLERANCE_S = 15;
/** Decoded cookies held per secret; past it the map starts again. */
const MAX_HELD = 5_000;

const held = new Map<string, Map<string, JWT>>();

function unexpired(token: JWT, nowMs: number): boolean {
  return typeof token.exp === "number" && token.exp + CLOCK_TOLERANCE_S > nowMs / 1000;
}

/**
 * The claims of a session cookie (next-auth's encrypted JWT), or null when it does not decrypt or
 * has expired. Decrypting costs about 0.2 ms (a key derivation and AES-GCM), and a page needs the
 * claims three times (proxy.ts, the user, the session id), as does every tRPC call (issue 25). The
 * same bytes always decrypt to the same claims, so a cookie seen before is read from a bounded map,
 * and only its expiry is checked again. The claims are shared between requests: read, never change them.
 */
export async function decodeSessionToken(token: string, secret: string, nowMs = Date.now()): Promise<JWT | null> {
  let bySecret = held.get(secret);
  const seen = bySecret?.get(token);
  if (seen) return unexpired(seen, nowMs) ? seen : null;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims || !unexpired(claims, nowMs)) return null;
  if (!bySecret) held.set(secret, (bySecret = new Map()));
  if (bySecret.size >= MAX_HELD) bySecret.clear();
  bySecret.set(token, deepFreeze(claims));
  return claims;
}

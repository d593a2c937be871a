import { BlockList, isIP } from "node:net";
import { env } from "@/server/env";

/**
 * Who may tell us the client's address. `null`: nobody but our own server (scripts/serve.mjs),
 * which replaces any client-supplied `x-attain-peer` with the TCP peer's address. `hops`: that
 * many reverse proxies stand in front of the portal, each appending to X-Forwarded-For. `proxies`:
 * the addresses (or CIDR ranges) of the reverse proxies we trust.
 */
export type TrustedProxies = { hops: number } | { proxies: BlockList } | null;

/** The header our own server sets to the TCP peer's address (after deleting a client's own). */
export const PEER_HEADER = "x-attain-peer";

/**
 * Reads the TRUSTED_PROXIES setting: empty for none, a number of proxy hops, or a comma-separated
 * list of proxy addresses and CIDR ranges. Throws on an entry that is neither, so a typo stops the
 * server at start instead of silently trusting the wrong hop.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return null;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const proxies = new BlockList();
  for (const entry of text.split(",").map((e) => e.trim())) {
    const [address = "", bits, extra] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? null : Number(bits);
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128)))
    )
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === null) proxies.addAddress(address, type);
    else proxies.addSubnet(address, prefix, type);
  }
  return { proxies };
}

/**
 * One address as a proxy or Node wrote it, or null when it is not an IP address: brackets and
 * ports dropped ("[2001:db8::1]:443", "203.0.113.7:5123"), IPv4-mapped IPv6 written as IPv4.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let a = raw?.trim() ?? "";
  if (a.length === 0 || a.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) === 0 ? null : a.toLowerCase();
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address from the request headers under a trust setting; null when unknown.
 * Without trusted proxies only our own server's `x-attain-peer` counts (X-Forwarded-For is the
 * client's to write, so it is ignored). With `hops`, the entry that the outermost trusted proxy
 * appended: the hops-th from the end of X-Forwarded-For (the first one when there are fewer).
 * With a proxy list, the peer must be one of them; then X-Forwarded-For is walked from the end,
 * past trusted proxies, to the first address that is not one.
 */
export function addressFrom(headers: { get(name: string): string | null }, trust: TrustedProxies): string | null {
  const peer = normalizeAddress(headers.get(PEER_HEADER));
  if (trust === null) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if ("hops" in trust) {
    if (forwarded.length === 0) return peer;
    return normalizeAddress(forwarded[Math.max(0, forwarded.length - trust.hops)]);
  }
  if (peer === null || !isTrusted(trust.proxies, peer)) return peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(forwarded[i]);
    if (hop === null) return null;
    if (!isTrusted(trust.proxies, hop)) return hop;
  }
  return normalizeAddress(forwarded[0]) ?? peer;
}

const configured = parseTrustedProxies(env.TRUSTED_PROXIES);

/**
 * The client's address for the audit log and sign-in throttling, under the TRUSTED_PROXIES
 * setting (see `addressFrom`); null when the portal is not served by scripts/serve.mjs and no
 * proxy is trusted.
 */
export function clientAddress(headers: { get(name: string): string | null }): string | null {
  return addressFrom(headers, configured);
}

/**
 * How many writes a visitor may cause where no permission stands in the way: the knowledge base's
 * view counts (they rank articles), its log of searches without results (the staff report's
 * "knowledge gaps"), article feedback (its counts) and the anonymous identity steps (first setup,
 * accepting an invitation, asking for a password reset). Pure: the service counts in the shared
 * `rate_counters` table, this module names the buckets and decides. docs/decisions/016.
 */

export type WriteKind = "view" | "searchGap" | "feedback" | "identity";

/** Fixed windows of one hour: "at most N per hour" is what the limits below promise. */
export const WRITE_WINDOW_MS = 60 * 60_000;

/** Every key this module makes starts with it, so the service can prune its own rows only. */
export const WRITE_KEY_PREFIX = "write:";

type Limit = {
  /** Per client address, signed in or not (a whole office may share one address). */
  address: number;
  /** When the address is unknown: every such request shares one bucket, so it is larger. */
  unknownAddress: number;
  /** Per signed-in user, on top of the address. */
  user: number;
};

/**
 * Generous for people, small against a script: a reader opens a few articles an hour, searches
 * without results are rarer still, and a vote per article is all anyone needs.
 */
export const WRITE_LIMITS: Record<WriteKind, Limit> = {
  view: { address: 60, unknownAddress: 600, user: 60 },
  searchGap: { address: 30, unknownAddress: 300, user: 30 },
  feedback: { address: 60, unknownAddress: 600, user: 20 },
  /** Anonymous identity steps (setup, accepting an invitation, asking for a reset link): a person needs a few. */
  identity: { address: 20, unknownAddress: 200, user: 20 },
};

/**
 * The bucket of a client address: IPv4 as is, IPv6 by its /64 prefix (one subscriber usually
 * holds a whole /64, so single addresses would cost nothing to rotate), IPv4-mapped IPv6 as IPv4.
 * Anything else, or no address, is the one "unknown" bucket.
 */
export function addressBucket(ip: string | null): string {
  const a = (ip ?? "")
    .trim()
    .toLowerCase()
    .replace(/^\[|\](:\d+)?$/g, "")
    .split("%")[0]!;
  if (IPV4.test(a)) return a;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(a);
  if (withPort) return withPort[1]!;
  const mapped = /^[0:]*:ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return mapped[1]!;
  const groups = expandIpv6(a);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : "unknown";
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The eight 16-bit groups of an IPv6 address (without a trailing IPv4 part), or null. */
function expandIpv6(address: string): string[] | null {
  // A trailing dotted IPv4 part (NAT64, "64:ff9b::192.0.2.1") is the last two groups.
  const v4 = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  const [o1, o2, o3, o4] = v4 ? v4.slice(2).map(Number) : [];
  const a = v4 ? `${v4[1]}${((o1! << 8) | o2!).toString(16)}:${((o3! << 8) | o4!).toString(16)}` : address;
  if (!/^[0-9a-f:]{2,39}$/.test(a) || a.split("::").length > 2) return null;
  const [head = "", tail] = a.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}

export type WriteBucket = { key: string; limit: number };

/** The buckets one write counts against: its address's, and the signed-in user's. */
export function writeBuckets(kind: WriteKind, who: { userId: number | null; ip: string | null }): WriteBucket[] {
  const limits = WRITE_LIMITS[kind];
  const address = addressBucket(who.ip);
  const buckets: WriteBucket[] = [
    {
      key: `${WRITE_KEY_PREFIX}${kind}:a:${address}`,
      limit: address === "unknown" ? limits.unknownAddress : limits.address,
    },
  ];
  if (who.userId !== null) buckets.push({ key: `${WRITE_KEY_PREFIX}${kind}:u:${who.userId}`, limit: limits.user });
  return buckets;
}

/** The start of the fixed window holding `now`. */
export function windowStart(now: Date, windowMs: number = WRITE_WINDOW_MS): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** A write is allowed when every bucket's count, this write included, is within its limit. */
export function writeAllowed(counts: { count: number; limit: number }[]): boolean {
  return counts.every((c) => c.count <= c.limit);
}

/**
 * Outgoing webhooks' rules: which URLs and addresses may receive events, how a delivery is signed,
 * and when a failed one is tried again. Pure (the installation's settings are arguments).
 *
 * Signature: header `X-Attain-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
 * as Stripe and Slack sign theirs. A receiver recomputes it, compares in constant time, and refuses
 * a timestamp more than SIGNATURE_TOLERANCE_S away (a replay). A retry carries the same
 * `X-Attain-Delivery` id, freshly signed: the receiver answers 2xx to an id it has already handled
 * without acting on it again (refusing it would fail every retry and disable the webhook).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

export type Refusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/** Attempts of one delivery before it is given up (at once, then 1, 2, 4, 8 minutes later). */
export const MAX_ATTEMPTS = 5;
/** Deliveries given up in a row after which the webhook is disabled and the admins told. */
export const DISABLE_AFTER_FAILURES = 3;
export const SIGNATURE_TOLERANCE_S = 300;

/**
 * The installation's settings a destination is checked under. `allowLoopbackHttp` (tests only)
 * admits http://127.0.0.1, the receiver a test starts; `allowPrivateNetworks` (the operator's
 * WEBHOOKS_ALLOW_PRIVATE_NETWORKS) admits private ranges, for receivers inside the company network.
 */
export type DestinationRules = { portalHost: string | null; allowLoopbackHttp: boolean; allowPrivateNetworks: boolean };

/** Why an address may not receive webhooks: null is an ordinary (public) address. */
export type AddressKind = "loopback" | "unspecified" | "linkLocal" | "multicast" | "reserved" | "private";

/**
 * The IPv4 ranges of each kind (IANA's special-purpose registry). IPv4-mapped IPv6 addresses
 * (::ffff:127.0.0.1, ::ffff:7f00:1) are matched by Node's BlockList against the IPv4 rules
 * themselves; the NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms that embed an IPv4 address are
 * added below.
 */
const IPV4: Record<AddressKind, [string, number][]> = {
  loopback: [["127.0.0.0", 8]],
  // "This network": Linux connects 0.0.0.0 (and 0.x) to the machine itself.
  unspecified: [["0.0.0.0", 8]],
  // 169.254.169.254 is the cloud providers' metadata service.
  linkLocal: [["169.254.0.0", 16]],
  multicast: [["224.0.0.0", 4]],
  // Reserved for future use, and the limited broadcast address 255.255.255.255.
  reserved: [["240.0.0.0", 4]],
  // RFC 1918, and the carrier-grade NAT shared space (RFC 6598).
  private: [
    ["10.0.0.0", 8],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
    ["100.64.0.0", 10],
  ],
};

const IPV6: Record<AddressKind, [string, number][]> = {
  loopback: [["::1", 128]],
  unspecified: [["::", 128]],
  linkLocal: [["fe80::", 10]],
  multicast: [["ff00::", 8]],
  // IPv4-compatible addresses (::a.b.c.d, deprecated by RFC 4291) and the discard prefix.
  reserved: [
    ["::", 96],
    ["100::", 64],
  ],
  // Unique local addresses, the deprecated site-local ones, and local-use NAT64 (RFC 8215).
  private: [
    ["fc00::", 7],
    ["fec0::", 10],
    ["64:ff9b:1::", 48],
  ],
};

const hexPair = (a: number, b: number) => ((a << 8) | b).toString(16);

const KINDS = (Object.keys(IPV4) as AddressKind[]).map((kind) => {
  const list = new BlockList();
  for (const [address, prefix] of IPV4[kind]) {
    list.addSubnet(address, prefix, "ipv4");
    list.addSubnet(`64:ff9b::${address}`, 96 + prefix, "ipv6");
    const [a = 0, b = 0, c = 0, d = 0] = address.split(".").map(Number);
    list.addSubnet(`2002:${hexPair(a, b)}:${hexPair(c, d)}::`, 16 + prefix, "ipv6");
  }
  for (const [address, prefix] of IPV6[kind]) list.addSubnet(address, prefix, "ipv6");
  return { kind, list };
});

/**
 * What kind of special address `address` is (an IPv4 or IPv6 address as `net.isIP` reads it, without
 * brackets), or null for an ordinary one. Loopback comes first, so ::1 is loopback, not reserved.
 * Text that is no IP address at all is "reserved": never a destination.
 */
export function addressKind(address: string): AddressKind | null {
  const family = isIP(address);
  if (family === 0) return "reserved";
  const type = family === 4 ? "ipv4" : "ipv6";
  return KINDS.find(({ list }) => list.check(address, type))?.kind ?? null;
}

/** The receiver our tests start: plain http to 127.0.0.1, admitted only under `allowLoopbackHttp`. */
const isTestReceiver = (url: URL, rules: DestinationRules) =>
  rules.allowLoopbackHttp && url.protocol === "http:" && url.hostname === "127.0.0.1";

const SELF: Refusal = {
  message: "A webhook may not point at this server itself: give the address of the service that receives it.",
  messageKey: "webhooks.errors.self",
};

/**
 * Why a webhook may not be sent to `address` (one the URL's host is, or resolves to), or null.
 * Loopback, unspecified, link-local, multicast and reserved addresses are always refused; private
 * ones unless the installation allows private networks. Checked for every address a name resolves
 * to, at send time, and for an address written in the URL when saving.
 */
export function addressRefusal(url: URL, address: string, rules: DestinationRules): Refusal | null {
  if (isTestReceiver(url, rules) && address === "127.0.0.1") return null;
  const kind = addressKind(address);
  if (kind === null || (kind === "private" && rules.allowPrivateNetworks)) return null;
  if (kind === "loopback" || kind === "unspecified") return SELF;
  if (kind === "linkLocal")
    return {
      message: `A webhook may not point at a link-local address (${address}), such as a cloud metadata service: give the public address of the service that receives it.`,
      messageKey: "webhooks.errors.linkLocal",
      values: { address },
    };
  if (kind === "private")
    return {
      message: `A webhook may not point at a private network address (${address}): give the public address of the service that receives it, or ask the server's operator to allow private networks (WEBHOOKS_ALLOW_PRIVATE_NETWORKS=1).`,
      messageKey: "webhooks.errors.private",
      values: { address },
    };
  return {
    message: `A webhook may not point at a multicast or reserved address (${address}): give the address of the service that receives it.`,
    messageKey: "webhooks.errors.reserved",
    values: { address },
  };
}

/** The URL's host as an IP address without brackets, or null when it is a name. */
export function hostAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) === 0 ? null : host;
}

/**
 * A refused destination as the delivery log keeps it (its `error`): the refusal's key and the
 * address it names, so the page shows the sentence in the reader's language.
 */
export const refusalNote = (refusal: Refusal): string =>
  refusal.values?.address ? `${refusal.messageKey} ${refusal.values.address}` : refusal.messageKey;

/** A delivery log's `error` read back as the refusal it notes, or null for any other error. */
export function notedRefusal(note: string | null): { messageKey: string; values: { address: string } | null } | null {
  // Deliveries logged before the note became a key read "webhook disabled".
  if (note === "webhook disabled") return { messageKey: "webhooks.errors.notSent", values: null };
  const m = /^(webhooks\.errors\.[a-zA-Z]+)(?: (\S+))?$/.exec(note ?? "");
  if (!m) return null;
  return { messageKey: m[1]!, values: m[2] ? { address: m[2] } : null };
}

/**
 * Why a URL may not receive webhooks, or null: it must be https, carry no credentials, and may not
 * point at the server itself (localhost, the portal's own host) or at an address `addressRefusal`
 * refuses, however the URL writes it (the URL parser reads 2130706433, 0x7f.1 and 0177.0.0.1 as
 * 127.0.0.1, and [::ffff:127.0.0.1] as [::ffff:7f00:1]). A name is checked by what it resolves to
 * when sending. `allowLoopbackHttp` (tests only) admits http://127.0.0.1.
 */
export function webhookUrlRefusal(raw: string, rules: DestinationRules): Refusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { message: "Give a full URL starting with https://.", messageKey: "webhooks.errors.url" };
  }
  if (isTestReceiver(url, rules)) return null;
  if (url.protocol !== "https:")
    return { message: "Webhook URLs must use HTTPS.", messageKey: "webhooks.errors.https" };
  if (url.username || url.password)
    return {
      message: "Put credentials in the signing secret, not in the URL.",
      messageKey: "webhooks.errors.credentials",
    };
  const address = hostAddress(url);
  if (address !== null) return addressRefusal(url, address, rules);
  const name = url.hostname.replace(/\.$/, "");
  // RFC 6761: localhost and every name under it are this machine.
  if (name === "localhost" || name.endsWith(".localhost")) return SELF;
  if (rules.portalHost && name === rules.portalHost.toLowerCase().replace(/\.$/, "")) return SELF;
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

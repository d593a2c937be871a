/**
 * The addresses and message ids of the email channel. Pure: the signing key is an argument.
 *
 * A ticket's mail is threaded by its Message-IDs: every mail about ticket 42 has an id
 * `<t42-<sig>.<unique>@<domain>>` and refers to the ticket's root `<t42-<sig>@<domain>>`, so a
 * customer's client files them in one thread and an answer to any of them names the ticket. Its
 * Reply-To is the support address with a tag, `support+t42-<sig>@<domain>`, so an answer routes
 * back even from a client that drops the threading headers. `<sig>` is an HMAC of the ticket id, so
 * nobody can write a ticket's address or id from its number alone.
 */
import { createHmac } from "node:crypto";

/** An address as compared: trimmed and lower case. */
export const normalizeAddress = (address: string): string => address.trim().toLowerCase();

/** The configured support addresses (comma- or space-separated), normalized, without duplicates. */
export function parseSupportAddresses(setting: string): string[] {
  return [
    ...new Set(
      setting
        .split(/[\s,;]+/)
        .map(normalizeAddress)
        .filter((a) => /^[^@\s]+@[^@\s]+$/.test(a)),
    ),
  ];
}

/** The short signature of a ticket id (10 base32 characters of an HMAC-SHA256). */
export function ticketSignature(ticketId: number, key: string): string {
  const mac = createHmac("sha256", key).update(`attain-ticket-mail:${ticketId}`).digest();
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let out = "";
  for (let i = 0; i < 10; i++) out += alphabet[mac[i]! & 31];
  return out;
}

/** The token naming a ticket in its reply address and message ids: `t42-<sig>`. */
export const ticketToken = (ticketId: number, key: string): string => `t${ticketId}-${ticketSignature(ticketId, key)}`;

/** The ticket a token names, or null when it is not one of ours (a wrong signature). */
export function ticketFromToken(token: string, key: string): number | null {
  const m = /^t(\d{1,12})-([a-z2-7]{10})$/.exec(token.toLowerCase());
  if (!m) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && ticketSignature(id, key) === m[2] ? id : null;
}

/** The reply address of a ticket: the first support address with the ticket's token as its tag. */
export function replyAddress(supportAddress: string, ticketId: number, key: string): string {
  const [local, domain] = splitAddress(supportAddress);
  return `${local}+${ticketToken(ticketId, key)}@${domain}`;
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("@");
  return [address.slice(0, at), address.slice(at + 1)];
}

export type Recipient = { kind: "support" } | { kind: "ticket"; ticketId: number } | { kind: "other" };

/**
 * What an envelope recipient is to us: a support address, a ticket's reply address (the support
 * address with a valid `+t<id>-<sig>` tag), or something we do not accept mail for.
 */
export function classifyRecipient(address: string, supportAddresses: readonly string[], key: string): Recipient {
  const a = normalizeAddress(address);
  if (supportAddresses.includes(a)) return { kind: "support" };
  const [localPart, domain] = splitAddress(a);
  const plus = localPart.indexOf("+");
  if (plus < 0) return { kind: "other" };
  if (!supportAddresses.includes(`${localPart.slice(0, plus)}@${domain}`)) return { kind: "other" };
  const ticketId = ticketFromToken(localPart.slice(plus + 1), key);
  return ticketId === null ? { kind: "other" } : { kind: "ticket", ticketId };
}

/** The domain of our message ids: the first support address's. */
export const mailDomain = (supportAddress: string): string => splitAddress(supportAddress)[1];

/** The root message id of a ticket's thread (never sent as a mail's own id; every mail refers to it). */
export const ticketRootMessageId = (ticketId: number, key: string, domain: string): string =>
  `<${ticketToken(ticketId, key)}@${domain}>`;

/** A new message id in a ticket's thread; `unique` makes it one mail's (e.g. the outbox row's creation and a random part). */
export const ticketMessageId = (ticketId: number, key: string, domain: string, unique: string): string =>
  `<${ticketToken(ticketId, key)}.${unique}@${domain}>`;

/**
 * The tickets named by our message ids among `ids` (In-Reply-To and References of a received mail),
 * most recent reference first; ids of other systems, or with a wrong signature, name nothing.
 */
export function ticketsFromMessageIds(ids: readonly string[], key: string, domain: string): number[] {
  const found: number[] = [];
  for (const raw of [...ids].reverse()) {
    const m = /^<?(t\d{1,12}-[a-z2-7]{10})(?:\.[^@>]*)?@([^>]+)>?$/i.exec(raw.trim());
    if (!m || m[2]!.toLowerCase() !== domain.toLowerCase()) continue;
    const id = ticketFromToken(m[1]!, key);
    if (id !== null && !found.includes(id)) found.push(id);
  }
  return found;
}

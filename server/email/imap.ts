/**
 * Polling an IMAP mailbox (IMAP_URL, e.g. `imaps://support%40vendor.example:password@imap.vendor.example/INBOX`)
 * with imapflow, for vendors whose support mail lives elsewhere. Each unseen message is fetched whole
 * and handed to inbound.ts, exactly as the SMTP listener does; only once it is stored (or refused for
 * good, or a duplicate of one stored) is it flagged \Seen, so a crash or a database error leaves it
 * unseen and the next pass takes it again (and a message stored twice is a duplicate Message-ID).
 */
import { ImapFlow } from "imapflow";
import type { Db } from "@/server/db";
import { mailConfig, type MailConfig } from "./config";
import { receiveMail } from "./inbound";

/** The connection settings an IMAP URL names. */
export function imapSettings(url: string) {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX",
  };
}

/** At most this many messages per pass, so one pass stays well inside its lease. */
const PER_PASS = 100;

/** One pass: returns how many messages were taken in. */
export async function pollImap(
  db: Db,
  url: string,
  clock: () => Date,
  config: MailConfig = mailConfig(),
  options: { tls?: { rejectUnauthorized?: boolean } } = {},
): Promise<number> {
  const s = imapSettings(url);
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: s.auth,
    logger: false,
    ...(options.tls ? { tls: options.tls } : {}),
  });
  await client.connect();
  let taken = 0;
  try {
    const lock = await client.getMailboxLock(s.mailbox);
    try {
      const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, PER_PASS);
      for (const uid of uids) {
        const msg = await client.fetchOne(
          String(uid),
          { source: true, internalDate: true, envelope: true },
          { uid: true },
        );
        if (!msg || !msg.source) continue;
        const recipients = [...(msg.envelope?.to ?? []), ...(msg.envelope?.cc ?? [])]
          .map((a) => a.address)
          .filter((a): a is string => Boolean(a));
        const internal = msg.internalDate ? new Date(msg.internalDate) : null;
        try {
          await receiveMail(
            db,
            {
              raw: msg.source,
              envelopeFrom: null,
              recipients,
              via: "imap",
              receivedAt: internal && !Number.isNaN(internal.getTime()) ? internal : clock(),
            },
            config,
          );
        } catch (e) {
          // One message that cannot be stored now stays unseen for the next pass; the messages after
          // it are still read (a failed pass would stop at it every minute).
          console.error(`email: IMAP message ${uid} not stored: ${(e as Error).message}`);
          continue;
        }
        await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
        taken += 1;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return taken;
}

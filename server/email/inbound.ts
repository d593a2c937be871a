/**
 * Received mail into tickets. Both ways in (the SMTP listener, the IMAP poller) hand the raw
 * message here. Parsed with mailparser; then, in one IMMEDIATE transaction with the record of the
 * message (so a duplicate Message-ID, or a second delivery of the same message, changes nothing):
 *
 * - an automatic reply, a bounce or list traffic (classify.ts) is recorded and ignored, never answered;
 * - a reply to a ticket (its reply address, our Message-IDs in In-Reply-To/References, a message of the
 *   ticket's thread we received before, or, from a customer only, `[#id]` in the subject) from someone who may write on it
 *   becomes a public comment by that person, with quoted history and signature trimmed: a customer's
 *   ends a wait on the customer, or reopens a ticket resolved within the reopen window, an agent's is
 *   a staff reply (replyToTicket and reopenTicket, as in the portal);
 * - a new message from a known customer opens a ticket in their organization, channel email, clocked
 *   from the message's arrival (fileTicket, as in the portal) and acknowledged with its number, up to
 *   MAIL_TICKETS_PER_HOUR an hour from one sender (more are held as unmatched, unanswered);
 * - anything else (an unknown sender) is held as unmatched mail for an agent to attach or discard.
 *
 * The original message is kept (`inbound_mail.raw`). Files attached to the mail become the ticket's
 * attachments under the attachment rules; a file they refuse is left out and the rest goes on.
 */
import { Readable } from "node:stream";
import { and, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import {
  attachments,
  comments,
  deflectionEvents,
  inboundMail,
  ticketEvents,
  tickets,
  uploads as uploadRows,
  users,
} from "@/db/schema";
import { isOpenStatus, type InboundMailOutcome, type Locale } from "@/db/schema/enums";
import { discardUpload, receiveUpload } from "@/server/attachments/service";
import { attachmentStoreFor } from "@/server/attachments/store-for";
import { sessionUserOf, type SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { mailTranslator } from "@/server/identity/mail";
import { markdownRefusal } from "@/server/kb/markdown-limits";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import { reopenTicket, replyToTicket } from "@/server/tickets/actions";
import { reopenRefusal } from "@/server/tickets/rules";
import { fileTicket, findVisibleTicket } from "@/server/tickets/service";
import { classifyRecipient, normalizeAddress, ticketsFromMessageIds } from "./addresses";
import { ignoreReason } from "./classify";
import { mailConfig, type MailConfig } from "./config";
import { htmlToMarkdown } from "./html";
import { keepLineBreaks } from "./plain";
import { queueAcknowledgement } from "./outbound";
import { trimReply } from "./trim";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type ReceivedMail = {
  raw: Buffer;
  /** SMTP MAIL FROM ("" for a bounce's null sender; null when unknown, as over IMAP). */
  envelopeFrom: string | null;
  /** SMTP RCPT TO (over IMAP: the message's own To and Cc). */
  recipients: string[];
  via: "smtp" | "imap";
  /** When the message arrived: the SLA clock of a ticket it opens starts here. */
  receivedAt: Date;
};

export type ReceiveResult = {
  outcome: InboundMailOutcome | "duplicate" | "rejected";
  reason?: string;
  inboundId?: number;
  ticketId?: number;
  commentId?: number;
};

const SUBJECT_MAX = 200;
/**
 * New tickets one sender may open by mail within an hour. More (a script mailing every alert, a
 * client resending in a loop) are held under Mail, unanswered, for an agent to attach or discard:
 * nothing is lost, and no flood of tickets and acknowledgements follows.
 */
export const MAIL_TICKETS_PER_HOUR = 20;

/** `[#42]` in a subject: the ticket number our mails carry there. */
const SUBJECT_TAG = /\[#(\d{1,12})\]/;

/**
 * A mail's subject as a ticket's: without reply and forward prefixes, within the subject limit.
 * Empty for a mail without one: each reader sees "(no subject)" in their own language
 * (server/tickets/subject.ts), so no English placeholder is stored (decision 043).
 */
export function ticketSubject(subject: string | undefined): string {
  const s = (subject ?? "")
    .replace(/^\s*((re|fw|fwd|aw|wg|sv|回复|答复|转发)\s*[:：]\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return clipSubject(s);
}

/**
 * A subject within SUBJECT_MAX characters: a longer one ends at the last space in its final
 * 40 % (Chinese has none: then at the limit) and says it goes on with "…"; never half a
 * surrogate pair.
 */
function clipSubject(s: string): string {
  if (s.length <= SUBJECT_MAX) return s;
  let head = s.slice(0, SUBJECT_MAX - 1);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const space = head.lastIndexOf(" ");
  return `${(space >= SUBJECT_MAX * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** A mail's text with the note on its left-out files below it. */
const withNote = (text: string, note: string): string => (note && text ? `${text}\n\n${note}` : text || note);

/**
 * A mail's text as ticket Markdown: HTML converted (html.ts), else the plain text with its line breaks
 * kept (plain.ts); within the ticket
 * Markdown limits (decision 015), falling back to the plain text and then to a shortened plain text
 * with its Markdown punctuation taken out, so a long or odd mail still becomes a ticket.
 */
export function mailMarkdown(parsed: Pick<ParsedMail, "html" | "text">, reply: boolean, note = ""): string {
  const fromHtml = typeof parsed.html === "string" && parsed.html.trim() ? htmlToMarkdown(parsed.html) : null;
  const plain = (parsed.text ?? "").trim();
  const candidates = [
    ...(fromHtml?.trim() ? [{ text: fromHtml, plain: false }] : []),
    ...(plain ? [{ text: plain, plain: true }] : []),
  ];
  for (const c of candidates) {
    const trimmed = reply ? trimReply(c.text) : c.text.trim();
    // Trimmed first: the trimming recognises a signature's "-- " line, which a hard break would change.
    const text = withNote(c.plain ? keepLineBreaks(trimmed) : trimmed, note);
    if (trimmed && !markdownRefusal(text, "ticket")) return text;
  }
  const base = reply ? trimReply(plain || (fromHtml ?? "")) : plain || (fromHtml ?? "");
  const short = base
    .replace(/[\\`*_[\]<>#|~>]/g, " ")
    .split("\n")
    .slice(0, 500)
    .join("\n")
    .slice(0, 15_000)
    .trim();
  // The last resort must fit too (a ticket's write refuses text over the limits, and a mail that
  // cannot be stored would be retried for ever): shortened until it does, the note kept if it can be.
  // Empty when the mail has no text: each reader sees "(no text)" in their own language (decision 043).
  let body = short;
  while (markdownRefusal(withNote(body, note), "ticket") && body.length > 200)
    body = body.slice(0, Math.floor(body.length / 2)).trim();
  if (!markdownRefusal(withNote(body, note), "ticket")) return withNote(body, note);
  return markdownRefusal(body, "ticket") ? "" : body;
}

const messageIdsOf = (parsed: ParsedMail): string[] => {
  const refs = parsed.references ? (Array.isArray(parsed.references) ? parsed.references : [parsed.references]) : [];
  return [...refs.flatMap((r) => r.split(/\s+/)), ...(parsed.inReplyTo ? parsed.inReplyTo.split(/\s+/) : [])].filter(
    Boolean,
  );
};

/** Tickets the mail answers, most likely first (see the module comment); none verified yet. */
function candidateTickets(
  tx: Tx,
  parsed: ParsedMail,
  mail: ReceivedMail,
  c: MailConfig,
  sender: Pick<SessionUser, "role">,
): number[] {
  const found: number[] = [];
  const add = (id: number | null | undefined) => {
    if (id && !found.includes(id)) found.push(id);
  };
  for (const r of mail.recipients) {
    const kind = classifyRecipient(r, c.supportAddresses, c.key);
    if (kind.kind === "ticket") add(kind.ticketId);
  }
  const ids = messageIdsOf(parsed);
  for (const id of ticketsFromMessageIds(ids, c.key, c.domain)) add(id);
  // A Message-ID of a mail we received proves nothing either: anyone may send a mail with a
  // Message-ID of their choosing to a ticket (a customer's forged From and `[#N]`), then answer it
  // as staff. Like the subject's number, it is believed only from a customer.
  if (ids.length > 0 && sender.role === "customer")
    for (const row of tx
      .select({ ticketId: inboundMail.ticketId })
      .from(inboundMail)
      .where(inArray(inboundMail.messageId, ids.slice(-50)))
      .all())
      add(row.ticketId);
  // A number in the subject proves nothing (anyone can write `[#42]` and anyone's From): it is
  // believed only from a customer, whose visibility rule then keeps it to their own organization's
  // tickets. Staff write on every ticket, so a staff reply must name the ticket by a signed token.
  const tag = SUBJECT_TAG.exec(parsed.subject ?? "");
  if (tag && sender.role === "customer") add(Number(tag[1]));
  return found;
}

/**
 * The files of a mail as stored: the upload ids with their names, and each file the attachment
 * rules refused, with why.
 */
export type MailFiles = { ids: number[]; names: string[]; leftOut: { name: string; refusal: DomainError }[] };

const IMAGE_EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

/**
 * Stores the mail's files as `uploader`'s uploads (the write then claims them). A picture pasted into
 * the text often comes without a file name: it is kept as `image-<n>.<type>`. A file the attachment
 * rules refuse (its type, its size) is left out and named in `leftOut`, so the text can say so.
 */
export async function uploadMailFiles(
  db: Db,
  uploader: SessionUser,
  parsed: Pick<ParsedMail, "attachments">,
  now: Date,
): Promise<MailFiles> {
  const files: MailFiles = { ids: [], names: [], leftOut: [] };
  let unnamedImages = 0;
  for (const a of parsed.attachments ?? []) {
    const imageExtension = IMAGE_EXTENSIONS[a.contentType?.toLowerCase() ?? ""];
    const name = (a.filename || (imageExtension ? `image-${++unnamedImages}.${imageExtension}` : "attachment")).slice(
      0,
      200,
    );
    try {
      const up = await receiveUpload(
        db,
        attachmentStoreFor(db),
        uploader,
        Readable.from([a.content]),
        { name, declaredSize: a.content.length },
        now,
      );
      files.ids.push(up.id);
      files.names.push(name);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      console.warn(`email: attachment ${name} left out: ${e.message}`);
      files.leftOut.push({ name, refusal: e });
    }
  }
  return files;
}

/**
 * The line added below a mail's text for the files that were left out (in the sender's language,
 * who has to send them another way), or "" when none was.
 */
export function leftOutNote(locale: Locale | null | undefined, leftOut: MailFiles["leftOut"]): string {
  if (leftOut.length === 0) return "";
  const t = mailTranslator(locale);
  const escape = (s: string) => s.replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`);
  // Bounded, so that the note always fits a ticket's text with the mail's (a mail may carry hundreds of files).
  const named = leftOut.slice(0, NOTE_FILES_NAMED);
  const clip = (name: string) => (name.length > NOTE_NAME_MAX ? `${name.slice(0, NOTE_NAME_MAX - 1)}…` : name);
  return [
    `_${t("emailChannel.mail.leftOut")}_`,
    "",
    ...named.map((f) => `- ${escape(clip(f.name))}: ${t(f.refusal.messageKey, f.refusal.values)}`),
    ...(leftOut.length > named.length
      ? ["", t("emailChannel.mail.leftOutMore", { n: leftOut.length - named.length })]
      : []),
  ].join("\n");
}

/** Files the note names at most (the rest are counted), and the characters of a name it shows. */
const NOTE_FILES_NAMED = 20;
const NOTE_NAME_MAX = 100;

/**
 * The note below a mail's text: the files left out when stored, and, when the ticket refused the
 * stored ones too (`refused`), each of those with the ticket's reason.
 */
export function mailFilesNote(
  locale: Locale | null | undefined,
  files: MailFiles,
  refused: DomainError | null,
): string {
  const onTicket = refused ? files.names.map((name) => ({ name, refusal: refused })) : [];
  return leftOutNote(locale, [...files.leftOut, ...onTicket]);
}

/**
 * The mail's files less those whose content is there already: on the ticket (a signature logo in
 * every reply) or earlier in the same mail. The ticket refuses such a file, which would leave out
 * every file of the mail with it; these are simply not attached twice.
 */
export function notYetOnTicket(tx: Pick<Db, "select">, ticketId: number | null, files: MailFiles): MailFiles {
  if (files.ids.length === 0) return files;
  const shas = new Map(
    tx
      .select({ id: uploadRows.id, sha256: uploadRows.sha256 })
      .from(uploadRows)
      .where(inArray(uploadRows.id, files.ids))
      .all()
      .map((r) => [r.id, r.sha256]),
  );
  const seen = new Set(
    ticketId === null
      ? []
      : tx
          .select({ sha256: attachments.sha256 })
          .from(attachments)
          .where(and(eq(attachments.ticketId, ticketId), isNull(attachments.removedAt)))
          .all()
          .map((a) => a.sha256),
  );
  const kept: MailFiles = { ids: [], names: [], leftOut: files.leftOut };
  files.ids.forEach((id, i) => {
    const sha = shas.get(id);
    if (sha === undefined || seen.has(sha)) return;
    seen.add(sha);
    kept.ids.push(id);
    kept.names.push(files.names[i]!);
  });
  return kept;
}

/**
 * Deletes this mail's uploads that no write claimed (the mail was held, refused or a duplicate, or
 * the ticket refused its files): they would otherwise count against the sender's pending uploads
 * for a day (an agent attaching held mail uploads its files again).
 */
export function discardUnclaimed(db: Db, uploader: SessionUser, ids: readonly number[]): void {
  if (ids.length === 0) return;
  const left = db
    .select({ id: uploadRows.id })
    .from(uploadRows)
    .where(and(inArray(uploadRows.id, [...ids]), eq(uploadRows.uploaderId, uploader.id)))
    .all();
  for (const { id } of left) {
    try {
      discardUpload(db, attachmentStoreFor(db), uploader, id);
    } catch (e) {
      console.warn(`email: an unclaimed upload ${id} could not be discarded: ${(e as Error).message}`);
    }
  }
}

/**
 * Writes with the mail's files; when the attachment rules refuse them on this ticket (its total, a
 * file already on it), the write (a savepoint) is undone and done again without them, told why so
 * that the text names them: the text of a mail is never lost for its files, and the sender learns
 * they must send them another way. The uploads left unclaimed are discarded after the write
 * (discardUnclaimed).
 */
function withoutRefusedFiles<T>(files: number[], write: (files: number[], refused: DomainError | null) => T): T {
  if (files.length === 0) return write([], null);
  try {
    return write(files, null);
  } catch (e) {
    if (!(e instanceof DomainError) || !e.messageKey.startsWith("attachments.")) throw e;
    console.warn(`email: the mail's files were left out: ${e.message}`);
    return write([], e);
  }
}

/** Parses a raw message; null when it is not a message mailparser can read. */
export async function parseMail(raw: Buffer): Promise<ParsedMail | null> {
  try {
    return await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch (e) {
    console.warn("email: a malformed message was refused", e instanceof Error ? e.message : e);
    return null;
  }
}

function findSender(db: Pick<Db, "select">, address: string | null) {
  if (!address) return undefined;
  return db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normalizeAddress(address)}`, isNull(users.deactivatedAt)))
    .get();
}

/** How many tickets the sender's mail opened in the hour before `now`. */
function mailTicketsWithinHour(tx: Tx, senderId: number, now: Date): number {
  return tx
    .select({ n: count() })
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.outcome, "ticket"),
        gt(inboundMail.receivedAt, new Date(now.getTime() - 3_600_000)),
        eq(inboundMail.senderId, senderId),
      ),
    )
    .get()!.n;
}

/** Turns a received message into a ticket, a comment, unmatched mail, or a record of why it was ignored. */
export async function receiveMail(
  db: Db,
  mail: ReceivedMail,
  config: MailConfig = mailConfig(),
): Promise<ReceiveResult> {
  if (mail.raw.length > config.maxBytes) {
    console.warn(`email: a message of ${mail.raw.length} bytes is over the limit of ${config.maxBytes}; refused`);
    return { outcome: "rejected", reason: "too_large" };
  }
  const parsed = await parseMail(mail.raw);
  if (!parsed) return { outcome: "rejected", reason: "malformed" };
  const now = mail.receivedAt;
  const messageId = parsed.messageId?.trim() || null;
  const from = parsed.from?.value[0];
  const fromAddress = from?.address ? normalizeAddress(from.address) : null;
  const subject = (parsed.subject ?? "").slice(0, 1000);
  const base = {
    receivedAt: now,
    via: mail.via,
    messageId,
    envelopeFrom: mail.envelopeFrom,
    fromAddress,
    fromName: from?.name?.slice(0, 200) || null,
    recipients: mail.recipients.join(", ").slice(0, 2000),
    subject,
    size: mail.raw.length,
    raw: mail.raw,
  };
  // From the raw header lines: mailparser's parsed map folds List-Id, List-Unsubscribe and List-Post
  // into one "list" entry, where classify.ts would never see them. The first of a repeated header wins.
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines)
    if (!headers.has(key))
      headers.set(
        key,
        line
          .slice(line.indexOf(":") + 1)
          .replace(/\s+/g, " ")
          .trim(),
      );
  const contentType = parsed.headers.get("content-type") as
    { value?: string; params?: Record<string, string> } | undefined;
  const ignored = ignoreReason({
    headers,
    envelopeFrom: mail.envelopeFrom,
    fromAddress,
    contentType: contentType?.value
      ? `${contentType.value}; ${Object.entries(contentType.params ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join("; ")}`
      : null,
    subject,
  });

  const sender = ignored ? undefined : findSender(db, fromAddress);
  const senderUser = sender ? sessionUserOf(sender) : null;
  const files: MailFiles =
    senderUser && (parsed.attachments?.length ?? 0) > 0
      ? await uploadMailFiles(db, senderUser, parsed, now)
      : { ids: [], names: [], leftOut: [] };
  const uploads = files.ids;

  const result = db.transaction(
    (tx): ReceiveResult => {
      if (
        messageId &&
        tx.select({ id: inboundMail.id }).from(inboundMail).where(eq(inboundMail.messageId, messageId)).get()
      ) {
        console.warn(`email: duplicate Message-ID ${messageId}; ignored`);
        return { outcome: "duplicate", reason: "duplicate" };
      }
      const record = (values: Partial<typeof inboundMail.$inferInsert> & { outcome: InboundMailOutcome }) =>
        tx
          .insert(inboundMail)
          .values({ ...base, senderId: sender?.id ?? null, organizationId: sender?.organizationId ?? null, ...values })
          .returning({ id: inboundMail.id })
          .get().id;
      if (ignored)
        return { outcome: "ignored", reason: ignored, inboundId: record({ outcome: "ignored", reason: ignored }) };
      if (!sender || !senderUser)
        return {
          outcome: "unmatched",
          reason: "unknown_sender",
          inboundId: record({ outcome: "unmatched", reason: "unknown_sender" }),
        };

      let refusal: string | null = null;
      for (const ticketId of candidateTickets(tx, parsed, mail, config, senderUser)) {
        let ticket;
        try {
          ticket = findVisibleTicket(tx, senderUser, ticketId);
        } catch {
          refusal ??= "not_allowed";
          continue;
        }
        // A customer answering a resolved ticket within its reopen window reopens it, as the portal's
        // Reopen does; a closed one, or one resolved longer ago, gets a new ticket below.
        const reopen = !isOpenStatus(ticket.status);
        if (reopen && (sender.role !== "customer" || reopenRefusal(ticket, now))) {
          refusal = "closed_ticket";
          break;
        }
        const fresh = notYetOnTicket(tx, ticketId, files);
        withoutRefusedFiles(fresh.ids, (files, refused) => {
          const body = mailMarkdown(parsed, true, mailFilesNote(sender.locale, fresh, refused));
          return reopen
            ? reopenTicket(tx as unknown as Db, senderUser, { ticketId, reason: body, attachmentIds: files }, now)
            : replyToTicket(tx as unknown as Db, senderUser, { ticketId, body, attachmentIds: files }, now);
        });
        const comment = tx
          .select({ id: comments.id })
          .from(comments)
          .where(and(eq(comments.ticketId, ticketId), eq(comments.authorId, sender.id)))
          .orderBy(desc(comments.id))
          .get()!;
        return {
          outcome: "comment",
          ticketId,
          commentId: comment.id,
          inboundId: record({ outcome: "comment", ticketId, commentId: comment.id }),
        };
      }
      if (sender.role !== "customer" || sender.organizationId === null) {
        // Staff naming a ticket only by the number in the subject: held, so an agent sees it, not posted.
        const namesTicket = SUBJECT_TAG.test(parsed.subject ?? "") || messageIdsOf(parsed).length > 0;
        const reason = refusal ?? (namesTicket ? "unsigned_reference" : "unknown_sender");
        return { outcome: "unmatched", reason, inboundId: record({ outcome: "unmatched", reason }) };
      }
      if (mailTicketsWithinHour(tx, sender.id, now) >= MAIL_TICKETS_PER_HOUR)
        return {
          outcome: "unmatched",
          reason: "rate_limited",
          inboundId: record({ outcome: "unmatched", reason: "rate_limited" }),
        };
      const fresh = notYetOnTicket(tx, null, files);
      const ticketId = openTicketFromMail(
        tx,
        senderUser,
        parsed,
        { ids: fresh.ids, note: (refused) => mailFilesNote(sender.locale, fresh, refused) },
        now,
      );
      queueAcknowledgement(tx, sender, { id: ticketId, subject: ticketSubject(parsed.subject) }, messageId, now);
      return {
        outcome: "ticket",
        ticketId,
        ...(refusal ? { reason: refusal } : {}),
        inboundId: record({ outcome: "ticket", ticketId, ...(refusal ? { reason: refusal } : {}) }),
      };
    },
    { behavior: "immediate" },
  );
  if (senderUser) discardUnclaimed(db, senderUser, uploads);
  if (result.outcome === "ticket" || result.outcome === "comment") scheduleOutboxDelivery(db, () => new Date());
  console.info(
    `email: ${mail.via} message ${messageId ?? "(no Message-ID)"} from ${fromAddress ?? "?"}: ${result.outcome}` +
      `${result.reason ? ` (${result.reason})` : ""}${result.ticketId ? ` ticket #${result.ticketId}` : ""}`,
  );
  return result;
}

/**
 * Opens a ticket for a customer's mail through the portal's own filing service (so its SLA clock
 * starts at `now`, the message's arrival), then records that it came by email. A mail carries no
 * priority or category: it is a P2 "other" integration question until triaged.
 */
export function openTicketFromMail(
  tx: Tx,
  requester: SessionUser,
  parsed: Pick<ParsedMail, "subject" | "html" | "text">,
  files: { ids: number[]; note: (refused: DomainError | null) => string },
  now: Date,
  staff?: SessionUser,
): number {
  const uploads = files.ids;
  const input = {
    subject: ticketSubject(parsed.subject),
    productArea: "other" as const,
    category: "integration_question" as const,
    priority: "P2" as const,
    channel: "email" as const,
    attachmentIds: uploads,
  };
  const { id } = withoutRefusedFiles(uploads, (ids, refused) => {
    const filing = { ...input, description: mailMarkdown(parsed, false, files.note(refused)), attachmentIds: ids };
    return staff
      ? fileTicket(tx as unknown as Db, staff, { ...filing, requesterId: requester.id }, now, { fromMail: true })
      : fileTicket(tx as unknown as Db, requester, filing, now, { fromMail: true });
  });
  // Filed as the customer, the portal records channel "portal" and a filing without deflection.
  tx.update(tickets).set({ channel: "email" }).where(eq(tickets.id, id)).run();
  tx.update(ticketEvents)
    .set({ data: sql`json_set(${ticketEvents.data}, '$.channel', 'email')` })
    .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, "created")))
    .run();
  if (!staff)
    tx.delete(deflectionEvents)
      .where(
        and(
          eq(deflectionEvents.userId, requester.id),
          eq(deflectionEvents.kind, "filed"),
          eq(deflectionEvents.createdAt, now),
          eq(deflectionEvents.query, input.subject),
        ),
      )
      .run();
  return id;
}

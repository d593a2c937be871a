import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, comments, inboundMail, outbox, tickets } from "@/db/schema";
import { DiskAttachmentStore } from "@/server/attachments/store";
import { useAttachmentStore as storeFilesIn } from "@/server/attachments/store-for";
import { deliverOutbox } from "@/server/notifications/delivery";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff } from "@/server/testing/factories";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { mailConfig, type MailConfig } from "./config";
import { startMailListener, type MailListener } from "./listener";

const db = createTestDb();
storeFilesIn(db, new DiskAttachmentStore(fs.mkdtempSync(path.join(os.tmpdir(), "attain-email-files-"))));
/** The portal's own settings (its outgoing mail signs reply addresses with them), with a small size limit. */
const config: MailConfig = { ...mailConfig(), maxBytes: 200_000 };
let clock = TEST_ANCHOR;
const at = (minutes: number) => new Date(TEST_ANCHOR.getTime() + minutes * 60_000);

/** Our listener, on a free port of 127.0.0.1. */
let listener: MailListener;
/** The "world's" mail server that catches what the portal sends. */
type Caught = { to: string[]; raw: Buffer };
const caught: Caught[] = [];
const catcher = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onData(stream, session, cb) {
    const parts: Buffer[] = [];
    stream.on("data", (c: Buffer) => parts.push(c));
    stream.on("end", () => {
      caught.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(parts) });
      cb();
    });
  },
});
let catcherPort = 0;

beforeAll(async () => {
  listener = (await startMailListener(db, { host: "127.0.0.1", port: 0 }, config, () => clock))!;
  await new Promise<void>((r) => catcher.listen(0, "127.0.0.1", r));
  catcherPort = (catcher.server.address() as { port: number }).port;
});
afterAll(async () => {
  await listener?.close();
  await new Promise<void>((r) => catcher.close(() => r()));
  db.$client.close();
});

/** A customer's mail client. */
const client = () =>
  nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
/** The portal's outgoing SMTP (SMTP_URL pointing at the catcher): one delivery pass. */
async function deliver(now: Date) {
  const before = caught.length;
  await deliverOutbox(db, nodemailer.createTransport(`smtp://127.0.0.1:${catcherPort}`), {
    now: () => now,
    from: "Attain Support <support@attain.test>",
  });
  return Promise.all(caught.slice(before).map(async (c) => ({ to: c.to, mail: await simpleParser(c.raw) })));
}

const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 2 });
const customer = org.customers[0]!;
const agent = createStaff(db, "agent");

describe("[EMAIL] a conversation by email", () => {
  it("a customer emails support, gets an acknowledgement with the ticket number, the agent answers in the portal, the customer replies with quoted history, and the ticket shows exactly the new text", async () => {
    clock = at(0);
    const sent = await client().sendMail({
      from: `Dana <${customer.email}>`,
      to: "support@attain.test",
      subject: "Video freezes after 10 minutes",
      text: "Our Android app's video freezes after about ten minutes in a call.\n\nThanks,\nDana",
      messageId: "<first.dana@customer.example>",
      attachments: [{ filename: "agora.log", content: "12:00:01 video frame dropped\n" }],
    });
    expect(sent.accepted).toEqual(["support@attain.test"]);
    const received = db
      .select()
      .from(inboundMail)
      .where(eq(inboundMail.messageId, "<first.dana@customer.example>"))
      .get()!;
    expect(received.outcome).toBe("ticket");
    const ticket = db.select().from(tickets).where(eq(tickets.id, received.ticketId!)).get()!;
    expect(ticket).toMatchObject({
      organizationId: org.id,
      requesterId: customer.id,
      channel: "email",
      subject: "Video freezes after 10 minutes",
      createdAt: at(0),
    });
    expect(ticket.description).toContain("video freezes after about ten minutes");
    expect(ticket.frDueAt).toEqual(at(120)); // Enterprise P2: 2 h, 24x7, from the message's arrival
    expect(db.select().from(attachments).where(eq(attachments.ticketId, ticket.id)).all()).toMatchObject([
      { name: "agora.log", kind: "text" },
    ]);
    expect(received.raw?.toString()).toContain("Video freezes after 10 minutes");

    const ack = (await deliver(at(1))).filter((m) => m.to.includes(customer.email));
    expect(ack).toHaveLength(1);
    const ackMail = ack[0]!.mail;
    expect(ackMail.subject).toBe(`[#${ticket.id}] Video freezes after 10 minutes`);
    expect(ackMail.text).toContain(`#${ticket.id}`);
    expect(ackMail.html).toContain(`#${ticket.id}`);
    expect(ackMail.inReplyTo).toBe("<first.dana@customer.example>");
    expect(ackMail.headers.get("auto-submitted")).toBe("auto-replied");
    const replyTo = ackMail.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(new RegExp(`^support\\+t${ticket.id}-[a-z2-7]{10}@attain\\.test$`));

    clock = at(30);
    await callerFor(db, agent, at(30)).tickets.reply({
      ticketId: ticket.id,
      body: "Which Android version and SDK version is this?",
    });
    await callerFor(db, agent, at(31)).tickets.setWaiting({ ticketId: ticket.id, waiting: true });
    const answer = (await deliver(at(32))).filter(
      (m) => m.to.includes(customer.email) && /Which Android/.test(m.mail.text ?? ""),
    );
    expect(answer).toHaveLength(1);
    const answerMail = answer[0]!.mail;
    expect(answerMail.subject).toBe(`[#${ticket.id}] Video freezes after 10 minutes`);
    expect(answerMail.html).toContain("Which Android version");
    expect(answerMail.references).toContain(
      ackMail.references instanceof Array ? ackMail.references[0] : ackMail.references,
    );
    expect(answerMail.messageId).not.toBe(ackMail.messageId);
    expect(db.select().from(tickets).where(eq(tickets.id, ticket.id)).get()!.status).toBe("pending_customer");

    clock = at(60);
    const quoted = (answerMail.text ?? "")
      .split("\n")
      .map((l) => `> ${l}`)
      .join("\n");
    await client().sendMail({
      from: `Dana <${customer.email}>`,
      to: replyTo,
      subject: `Re: ${answerMail.subject}`,
      inReplyTo: answerMail.messageId,
      references: [answerMail.messageId!],
      text: `Android 14, SDK 4.3.1.\n\nOn Fri, 4 Dec 2026 at 10:30, Attain Support <support@attain.test> wrote:\n${quoted}\n\n-- \nDana, Nimbus Live`,
    });
    const conversation = db
      .select({ body: comments.body, authorId: comments.authorId, visibility: comments.visibility })
      .from(comments)
      .where(eq(comments.ticketId, ticket.id))
      .orderBy(asc(comments.id))
      .all();
    expect(conversation).toEqual([
      { body: "Which Android version and SDK version is this?", authorId: agent.id, visibility: "public" },
      { body: "Android 14, SDK 4.3.1.", authorId: customer.id, visibility: "public" },
    ]);
    expect(db.select().from(tickets).where(eq(tickets.id, ticket.id)).get()!.status).toBe("open");
  });

  it("an auto-reply and a bounce create nothing, and are recorded as ignored", async () => {
    const ticketsBefore = db.select().from(tickets).all().length;
    const outboxBefore = db.select().from(outbox).all().length;
    await client().sendMail({
      from: customer.email,
      to: "support@attain.test",
      subject: "Out of office",
      text: "I am away until Monday.",
      headers: { "Auto-Submitted": "auto-replied" },
      messageId: "<ooo.dana@customer.example>",
    });
    await client().sendMail({
      envelope: { from: "", to: "support@attain.test" },
      from: "Mail Delivery System <MAILER-DAEMON@customer.example>",
      to: "support@attain.test",
      subject: "Undelivered Mail Returned to Sender",
      text: "This is the mail system. Your message could not be delivered.",
      messageId: "<bounce.1@customer.example>",
    });
    expect(db.select().from(tickets).all()).toHaveLength(ticketsBefore);
    expect(db.select().from(outbox).all()).toHaveLength(outboxBefore);
    const ignored = db
      .select({ reason: inboundMail.reason })
      .from(inboundMail)
      .where(eq(inboundMail.outcome, "ignored"))
      .all()
      .map((r) => r.reason);
    expect(ignored).toEqual(expect.arrayContaining(["auto_reply", "bounce"]));
  });

  it("an autoresponder that marks nothing, answering our acknowledgement, adds to that ticket and is not answered: no second ticket, no mail back", async () => {
    const ticket = db
      .select()
      .from(tickets)
      .where(and(eq(tickets.requesterId, customer.id), eq(tickets.channel, "email")))
      .get()!;
    const before = { tickets: db.select().from(tickets).all().length, outbox: db.select().from(outbox).all().length };
    await client().sendMail({
      from: customer.email,
      to: "support@attain.test",
      subject: `Re: [#${ticket.id}] ${ticket.subject}`,
      text: "Thank you for your message. I will read it when I can.",
    });
    expect(db.select().from(tickets).all()).toHaveLength(before.tickets);
    const toCustomer = db
      .select()
      .from(outbox)
      .all()
      .slice(before.outbox)
      .filter((m) => m.to === customer.email);
    expect(toCustomer).toEqual([]);
  });

  it("a duplicate Message-ID changes nothing; mail for an address that is not ours is refused at RCPT TO", async () => {
    const count = () => db.select().from(inboundMail).all().length;
    const before = count();
    const ticketsBefore = db.select().from(tickets).all().length;
    await client().sendMail({
      from: customer.email,
      to: "support@attain.test",
      subject: "Video freezes after 10 minutes",
      text: "Sent twice by a confused client.",
      messageId: "<first.dana@customer.example>",
    });
    expect(count()).toBe(before);
    expect(db.select().from(tickets).all()).toHaveLength(ticketsBefore);
    await expect(
      client().sendMail({ from: customer.email, to: "someone-else@attain.test", subject: "Hi", text: "Relay?" }),
    ).rejects.toThrow(/550/);
    await expect(
      client().sendMail({
        from: customer.email,
        to: "support+t1-aaaaaaaaaa@attain.test",
        subject: "Hi",
        text: "Forged",
      }),
    ).rejects.toThrow(/550/);
  });

  it("mail from an unknown sender is held as unmatched; an agent's reply by email is a public comment from that agent", async () => {
    await client().sendMail({
      from: "stranger@elsewhere.example",
      to: "support@attain.test",
      subject: "Pricing question",
      text: "How much is Enterprise?",
    });
    const held = db.select().from(inboundMail).where(eq(inboundMail.outcome, "unmatched")).all();
    expect(held.map((h) => h.fromAddress)).toContain("stranger@elsewhere.example");

    const ticketId = db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.requesterId, customer.id), eq(tickets.channel, "email")))
      .get()!.id;
    const staffMail = (await deliver(at(70))).find((m) => m.to.includes(agent.email));
    expect(staffMail?.mail.text).toContain("Android 14, SDK 4.3.1.");
    await client().sendMail({
      from: agent.email,
      to: staffMail!.mail.replyTo!.value[0]!.address!,
      subject: `Re: ${staffMail!.mail.subject}`,
      inReplyTo: staffMail!.mail.messageId,
      html: `<p>Please try <b>SDK 4.3.2</b>, it fixes the decoder stall.</p><div class="gmail_quote">On Fri wrote: old text</div>`,
    });
    const last = db
      .select({ body: comments.body, authorId: comments.authorId, visibility: comments.visibility })
      .from(comments)
      .where(eq(comments.ticketId, ticketId))
      .orderBy(asc(comments.id))
      .all()
      .at(-1);
    expect(last).toEqual({
      body: "Please try **SDK 4.3.2**, it fixes the decoder stall.",
      authorId: agent.id,
      visibility: "public",
    });
  });
});

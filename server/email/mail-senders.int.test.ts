import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, comments, inboundMail, outbox, tickets, uploads } from "@/db/schema";
import { MAX_FILES_PER_MESSAGE } from "@/server/attachments/limits";
import { DiskAttachmentStore } from "@/server/attachments/store";
import { useAttachmentStore as storeFilesIn } from "@/server/attachments/store-for";
import { deliverOutbox } from "@/server/notifications/delivery";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createCustomer, createOrganization, createStaff } from "@/server/testing/factories";
import { startSmtpCatcher } from "@/server/testing/smtp-catcher";
import { replyAddress } from "./addresses";
import { markdownRefusal } from "@/server/kb/markdown-limits";
import { mailConfig, type MailConfig } from "./config";
import { MAIL_TICKETS_PER_HOUR } from "./inbound";
import { startMailListener, type MailListener } from "./listener";

/**
 * Mail as hostile senders, mailing lists and ordinary mail clients send it, through the real SMTP
 * listener: what becomes of it on the ticket, and what the portal mails back.
 */
const db = createTestDb();
storeFilesIn(db, new DiskAttachmentStore(fs.mkdtempSync(path.join(os.tmpdir(), "attain-mail-senders-"))));
const config: MailConfig = mailConfig();
const at = (minutes: number) => new Date(TEST_ANCHOR.getTime() + minutes * 60_000);
let clock = TEST_ANCHOR;
let listener: MailListener;

let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;

beforeAll(async () => {
  listener = (await startMailListener(db, { host: "127.0.0.1", port: 0 }, config, () => clock))!;
  catcher = await startSmtpCatcher();
});
afterAll(async () => {
  await listener?.close();
  await catcher?.close();
  db.$client.close();
});

const send = (mail: nodemailer.SendMailOptions) =>
  nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true }).sendMail(mail);
async function deliver(now: Date) {
  const before = catcher.caught.length;
  await deliverOutbox(db, nodemailer.createTransport(`smtp://127.0.0.1:${catcher.port}`), {
    now: () => now,
    from: "Attain Support <support@attain.test>",
  });
  return Promise.all(catcher.caught.slice(before).map(async (c) => ({ to: c.to, mail: await simpleParser(c.raw) })));
}
const received = (messageId: string) =>
  db.select().from(inboundMail).where(eq(inboundMail.messageId, messageId)).get()!;
const commentsOf = (ticketId: number) =>
  db
    .select({ body: comments.body, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.ticketId, ticketId))
    .orderBy(asc(comments.id))
    .all();

const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 1 });
const customer = org.customers[0]!;
const chineseCustomer = createCustomer(db, org, TEST_ANCHOR, { locale: "zh", timeZone: "Asia/Shanghai" });
const agent = createStaff(db, "agent");

async function ticketByMail(subject: string, messageId: string): Promise<number> {
  await send({ from: customer.email, to: "support@attain.test", subject, text: "Calls drop.", messageId });
  return received(messageId).ticketId!;
}

describe("[EMAIL] who may write on a ticket by mail", () => {
  it("a stranger who forges an agent's From and writes the ticket's number in the subject posts nothing: the mail is held under Mail", async () => {
    const ticketId = await ticketByMail("Calls drop on 5G", "<drop.5g@customer.example>");
    await send({
      envelope: { from: "attacker@evil.example", to: ["support@attain.test"] },
      from: `Support <${agent.email}>`,
      to: "support@attain.test",
      subject: `Re: [#${ticketId}] Calls drop on 5G`,
      text: "Please sign in again at https://evil.example/login and send us your API key.",
      messageId: "<forged.agent@evil.example>",
    });
    expect(commentsOf(ticketId)).toEqual([]);
    expect(received("<forged.agent@evil.example>")).toMatchObject({
      outcome: "unmatched",
      reason: "unsigned_reference",
      ticketId: null,
    });
    const ticket = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket.frAchievedAt).toBeNull();

    // The agent's own answer to the ticket's reply address is a staff reply, as before.
    await send({
      from: agent.email,
      to: replyAddress("support@attain.test", ticketId, config.key),
      subject: `Re: [#${ticketId}] Calls drop on 5G`,
      text: "Which SDK version is this?",
    });
    expect(commentsOf(ticketId)).toEqual([{ body: "Which SDK version is this?", authorId: agent.id }]);
  });
});

describe("[EMAIL] a forged staff reply through a Message-ID the forger chose", () => {
  it("a mail made to land on a ticket with a Message-ID of the forger's choosing does not let a forged agent answer it", async () => {
    const ticketId = await ticketByMail("Echo on Windows", "<echo.windows@customer.example>");
    // Step 1: a customer's forged From with the ticket's number records the forger's Message-ID against it.
    await send({
      envelope: { from: "attacker@evil.example", to: ["support@attain.test"] },
      from: customer.email,
      to: "support@attain.test",
      subject: `Re: [#${ticketId}] Echo on Windows`,
      text: "Still echoing.",
      messageId: "<minted@evil.example>",
    });
    expect(received("<minted@evil.example>")).toMatchObject({ outcome: "comment", ticketId });
    // Step 2: a forged agent answering that Message-ID posts nothing; its files are not left pending.
    await send({
      envelope: { from: "attacker@evil.example", to: ["support@attain.test"] },
      from: `Support <${agent.email}>`,
      to: "support@attain.test",
      subject: "Re: Echo on Windows",
      inReplyTo: "<minted@evil.example>",
      references: "<minted@evil.example>",
      text: "Please sign in again at https://evil.example/login.",
      attachments: [{ filename: "login.pdf", content: Buffer.from("%PDF-1.4 not really") }],
      messageId: "<forged.staff.reply@evil.example>",
    });
    expect(received("<forged.staff.reply@evil.example>")).toMatchObject({
      outcome: "unmatched",
      reason: "unsigned_reference",
      ticketId: null,
    });
    expect(commentsOf(ticketId).map((c) => c.authorId)).toEqual([customer.id]);
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!.frAchievedAt).toBeNull();
    expect(db.select().from(uploads).where(eq(uploads.uploaderId, agent.id)).all()).toEqual([]);
  });
});

describe("[EMAIL] a flood of mail from one sender", () => {
  it("a customer's script mailing every alert opens MAIL_TICKETS_PER_HOUR tickets in an hour; the rest wait under Mail, unanswered", async () => {
    const flooder = createCustomer(db, org);
    const sent = MAIL_TICKETS_PER_HOUR + 2;
    for (let i = 0; i < sent; i++) {
      clock = at(100 + i);
      await send({
        from: flooder.email,
        to: "support@attain.test",
        subject: `ALERT ${i}: CPU high on media node ${i}`,
        text: `Alert ${i}`,
        messageId: `<alert.${i}@monitor.customer.example>`,
      });
    }
    const outcomes = db
      .select({ outcome: inboundMail.outcome, reason: inboundMail.reason })
      .from(inboundMail)
      .where(eq(inboundMail.senderId, flooder.id))
      .orderBy(asc(inboundMail.id))
      .all();
    expect(outcomes.filter((o) => o.outcome === "ticket")).toHaveLength(MAIL_TICKETS_PER_HOUR);
    expect(outcomes.slice(MAIL_TICKETS_PER_HOUR)).toEqual([
      { outcome: "unmatched", reason: "rate_limited" },
      { outcome: "unmatched", reason: "rate_limited" },
    ]);
    expect(db.select().from(outbox).where(eq(outbox.to, flooder.email)).all()).toHaveLength(MAIL_TICKETS_PER_HOUR);

    // An hour after the first of them, the sender's mail opens tickets again.
    clock = at(100 + 61);
    await send({ from: flooder.email, to: "support@attain.test", subject: "A real question", text: "Hi" });
    expect(
      db
        .select()
        .from(tickets)
        .where(eq(tickets.subject, "A real question"))
        .all()
        .map((t) => t.requesterId),
    ).toEqual([flooder.id]);
  });
});

describe("[EMAIL] answering a resolved ticket", () => {
  it("a customer who answers the resolution mail within 14 days reopens the ticket with their text; later, the answer opens a new ticket", async () => {
    const ticketId = await ticketByMail("Recording files are empty", "<empty.recording@customer.example>");
    await callerFor(db, agent, at(200)).tickets.resolve({ ticketId, kind: "answer", body: "Enable cloud recording." });
    const ticketsBefore = db.select().from(tickets).all().length;
    /** The customer answers the ticket's mail at `minutes`. */
    const answer = (minutes: number, text: string, messageId: string) => {
      clock = at(minutes);
      return send({
        from: customer.email,
        to: replyAddress("support@attain.test", ticketId, config.key),
        subject: `Re: [#${ticketId}] Recording files are empty`,
        text,
        messageId,
      });
    };
    await answer(
      300,
      "Still empty with cloud recording on.\n\nOn Mon, Attain Support wrote:\n> Enable cloud recording.",
      "<still.empty@customer.example>",
    );
    expect(received("<still.empty@customer.example>")).toMatchObject({ outcome: "comment", ticketId });
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()).toMatchObject({
      status: "open",
      resolvedAt: null,
    });
    expect(commentsOf(ticketId).at(-1)).toEqual({
      body: "Still empty with cloud recording on.",
      authorId: customer.id,
    });
    expect(db.select().from(tickets).all()).toHaveLength(ticketsBefore);

    await callerFor(db, agent, at(400)).tickets.resolve({ ticketId, kind: "answer", body: "Use the new bucket." });
    await answer(400 + 15 * 24 * 60, "It happened again.", "<again.empty@customer.example>");
    const later = received("<again.empty@customer.example>");
    expect(later).toMatchObject({ outcome: "ticket", reason: "closed_ticket" });
    expect(later.ticketId).not.toBe(ticketId);
  });
});

describe("[EMAIL] mailing lists", () => {
  it("a mailing list's message (List-Id, List-Unsubscribe) opens no ticket and is not answered", async () => {
    const ticketsBefore = db.select().from(tickets).all().length;
    const outboxBefore = db.select().from(outbox).all().length;
    await send({
      from: customer.email,
      to: "support@attain.test",
      subject: "[nimbus-eng] weekly digest",
      text: "This week in engineering.",
      list: { id: "nimbus-eng.customer.example", unsubscribe: "https://lists.customer.example/u" },
      messageId: "<digest.1@lists.customer.example>",
    });
    expect(received("<digest.1@lists.customer.example>")).toMatchObject({ outcome: "ignored", reason: "list" });
    expect(db.select().from(tickets).all()).toHaveLength(ticketsBefore);
    expect(db.select().from(outbox).all()).toHaveLength(outboxBefore);
  });
});

describe("[EMAIL] what arrives with a mail", () => {
  it("a plain-text mail's lines stay lines: the signature is not run into one line", async () => {
    await send({
      from: customer.email,
      to: "support@attain.test",
      subject: "Echo on iOS",
      text: "Echo since SDK 4.3.\n\nThanks,\nDana\nNimbus Live",
      messageId: "<echo.ios@customer.example>",
    });
    const ticket = db
      .select()
      .from(tickets)
      .where(eq(tickets.id, received("<echo.ios@customer.example>").ticketId!))
      .get()!;
    expect(ticket.description).toBe("Echo since SDK 4.3.\n\nThanks,  \nDana  \nNimbus Live");
  });

  it("files the attachment rules refuse are named below the text in the sender's language; a pasted picture without a name is kept", async () => {
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
      "hex",
    );
    await send({
      from: chineseCustomer.email,
      to: "support@attain.test",
      subject: "视频画面黑屏",
      html: '<p>截图如下：</p><img src="cid:pasted@client">',
      attachments: [
        { cid: "pasted@client", content: png, contentType: "image/png", contentDisposition: "inline", filename: false },
        { filename: "tool.exe", content: Buffer.from("MZ\u0090\u0000 not a log") },
        { filename: "winmail.dat", content: Buffer.from('x\u009f>"tnef'), contentType: "application/ms-tnef" },
      ],
      messageId: "<black.video@customer.example>",
    });
    const ticketId = received("<black.video@customer.example>").ticketId!;
    const ticket = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket.description).toContain("截图如下：");
    expect(ticket.description).toContain("此邮件中未能添加为附件的文件：");
    expect(ticket.description).toMatch(/- tool\.exe: .*不/);
    expect(ticket.description).toContain("- winmail.dat: ");
    expect(
      db
        .select({ name: attachments.name, kind: attachments.kind })
        .from(attachments)
        .where(eq(attachments.ticketId, ticketId))
        .all(),
    ).toEqual([{ name: "image-1.png", kind: "image" }]);
  });
});

describe("[EMAIL] what the portal mails the customer", () => {
  it("files the ticket refuses all together (more than 20 at once) are named below the text, and the ticket is still opened", async () => {
    const sender = createCustomer(db, org, TEST_ANCHOR);
    await send({
      from: sender.email,
      to: "support@attain.test",
      subject: "Logs from every device",
      text: "One log per device.",
      attachments: Array.from({ length: MAX_FILES_PER_MESSAGE + 1 }, (_, i) => ({
        filename: `device-${i + 1}.log`,
        content: Buffer.from(`log of device ${i + 1}\n`),
      })),
      messageId: "<many.logs@customer.example>",
    });
    const ticketId = received("<many.logs@customer.example>").ticketId!;
    const ticket = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket.description).toContain("One log per device.");
    expect(ticket.description).toContain(`- device-1.log: Attach at most ${MAX_FILES_PER_MESSAGE} files at once.`);
    // The note names twenty files at most and counts the rest.
    expect(ticket.description).toContain(`- device-${MAX_FILES_PER_MESSAGE}.log: Attach at most`);
    expect(ticket.description).not.toContain(`device-${MAX_FILES_PER_MESSAGE + 1}.log`);
    expect(ticket.description).toContain("…and 1 more file.");
    expect(db.select().from(attachments).where(eq(attachments.ticketId, ticketId)).all()).toEqual([]);
  });

  it("a long log with many refused files of long names still becomes a ticket within the text limits", async () => {
    const sender = createCustomer(db, org, TEST_ANCHOR);
    const log = Array.from({ length: 1_200 }, (_, i) => `- [${i}] <rtc> join failed: code ${110 + (i % 7)}`).join("\n");
    await send({
      from: sender.email,
      to: "support@attain.test",
      subject: "Crash log",
      text: log,
      attachments: Array.from({ length: 25 }, (_, i) => ({
        filename: `${"crash-dump-".repeat(17)}${i}.exe`,
        content: Buffer.from(`MZ\u0090\u0000 dump ${i}`),
      })),
      messageId: "<huge.log@customer.example>",
    });
    const row = received("<huge.log@customer.example>");
    expect(row.outcome).toBe("ticket");
    const ticket = db.select().from(tickets).where(eq(tickets.id, row.ticketId!)).get()!;
    expect(markdownRefusal(ticket.description, "ticket")).toBeNull();
    expect(ticket.description).toContain("…and 5 more files.");
  });

  it("a picture already on the ticket (a signature logo in every reply) is not attached again, and the reply's other files are", async () => {
    const ticketId = await ticketByMail("Screen share is black", "<black.share@customer.example>");
    const logo = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
      "hex",
    );
    const reply = (n: number, file: string) =>
      send({
        from: customer.email,
        to: replyAddress("support@attain.test", ticketId, config.key),
        subject: "Re: Screen share is black",
        html: `<p>Attempt ${n}.</p><img src="cid:logo@client">`,
        attachments: [
          {
            cid: "logo@client",
            content: logo,
            contentType: "image/png",
            contentDisposition: "inline",
            filename: false,
          },
          { filename: file, content: Buffer.from(`share log ${n}\n`) },
        ],
      });
    await reply(1, "share-1.log");
    await reply(2, "share-2.log");
    const names = db
      .select({ name: attachments.name })
      .from(attachments)
      .where(eq(attachments.ticketId, ticketId))
      .all()
      .map((a) => a.name)
      .sort();
    expect(names).toEqual(["image-1.png", "share-1.log", "share-2.log"]);
    expect(
      commentsOf(ticketId)
        .map((c) => c.body)
        .join("\n"),
    ).not.toContain("already attached");
    expect(db.select().from(uploads).where(eq(uploads.uploaderId, customer.id)).all()).toEqual([]);
  });

  it("an agent opening a ticket from held mail whose files the ticket refuses leaves none of their copies pending", async () => {
    await send({
      from: "colleague@unknown.example",
      to: "support@attain.test",
      subject: "Forwarded: crash logs",
      text: "See the logs.",
      attachments: Array.from({ length: MAX_FILES_PER_MESSAGE + 1 }, (_, i) => ({
        filename: `crash-${i + 1}.log`,
        content: Buffer.from(`crash ${i + 1}\n`),
      })),
      messageId: "<held.logs@unknown.example>",
    });
    const held = received("<held.logs@unknown.example>");
    expect(held.outcome).toBe("unmatched");
    // Attached at the listener's clock (earlier tests moved it on): the ticket is filed at the mail's arrival.
    const { ticketId } = await callerFor(db, agent, clock).email.attach({
      id: held.id,
      requesterEmail: customer.email,
    });
    expect(db.select().from(attachments).where(eq(attachments.ticketId, ticketId)).all()).toEqual([]);
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!.description).toContain("- crash-1.log: ");
    // Otherwise 21 of the agent's own uploads would wait for a day, blocking their uploads past 50.
    expect(db.select().from(uploads).where(eq(uploads.uploaderId, agent.id)).all()).toEqual([]);
  });

  it("the mails about a workaround, a resolution and a reopening carry their text, not only that they happened", async () => {
    const ticketId = await ticketByMail("No audio after call transfer", "<transfer@customer.example>");
    await deliver(at(1));
    clock = at(10);
    await callerFor(db, agent, at(10)).tickets.workaround({
      ticketId,
      body: "Until the fix ships, call `rejoin()` after a transfer.",
    });
    await callerFor(db, agent, at(20)).tickets.resolve({
      ticketId,
      kind: "fix",
      body: "Fixed in SDK 4.3.2: the audio route is kept across transfers.",
    });
    const toCustomer = (await deliver(at(21))).filter((m) => m.to.includes(customer.email)).map((m) => m.mail);
    expect(toCustomer.map((m) => m.text ?? "")).toEqual([
      expect.stringContaining("call `rejoin()` after a transfer"),
      expect.stringContaining("Fixed in SDK 4.3.2"),
    ]);
    expect(toCustomer[1]!.html).toContain("Fixed in SDK 4.3.2");

    db.update(tickets).set({ assigneeId: agent.id }).where(eq(tickets.id, ticketId)).run();
    await callerFor(db, customer, at(30)).tickets.reopen({ ticketId, reason: "Still silent on Android 15." });
    const toAgent = (await deliver(at(31))).filter((m) => m.to.includes(agent.email));
    expect(toAgent.map((m) => m.mail.text)).toEqual([expect.stringContaining("Still silent on Android 15.")]);
    expect(
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.ticketId, ticketId), eq(outbox.to, customer.email)))
        .all(),
    ).toHaveLength(3);
  });

  it("a mail without a subject or text stores no English placeholder: the Chinese customer's mails read （无主题）", async () => {
    await send({ from: chineseCustomer.email, to: "support@attain.test", messageId: "<empty@customer.example>" });
    const ticketId = received("<empty@customer.example>").ticketId!;
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()).toMatchObject({
      subject: "",
      description: "",
    });
    const acknowledgement = (await deliver(at(30))).filter((m) => m.to.includes(chineseCustomer.email));
    expect(acknowledgement.map((m) => m.mail.subject)).toEqual([`[#${ticketId}] （无主题）`]);
    await send({
      from: agent.email,
      to: replyAddress("support@attain.test", ticketId, config.key),
      messageId: "<empty.answer@attain.test>",
    });
    expect(commentsOf(ticketId)).toEqual([{ body: "", authorId: agent.id }]);
    const answer = (await deliver(at(31))).filter((m) => m.to.includes(chineseCustomer.email)).map((m) => m.mail);
    expect(answer.map((m) => m.subject)).toEqual([`[#${ticketId}] （无主题）`]);
    expect(answer[0]!.text).toContain(`工单 #${ticketId}：新回复。`);
    expect(answer[0]!.text).not.toMatch(/no subject|no text/);
  });

  it("a status or priority change mail names the new value in words, in the customer's language", async () => {
    await send({
      from: chineseCustomer.email,
      to: "support@attain.test",
      subject: "屏幕共享卡顿",
      text: "共享屏幕时很卡。",
      messageId: "<share.screen@customer.example>",
    });
    const ticketId = received("<share.screen@customer.example>").ticketId!;
    await deliver(at(40));
    await callerFor(db, agent, at(41)).tickets.changePriority({ ticketId, priority: "P1", reason: "Many users" });
    await callerFor(db, agent, at(42)).tickets.setWaiting({ ticketId, waiting: true });
    const mails = (await deliver(at(43))).filter((m) => m.to.includes(chineseCustomer.email)).map((m) => m.mail);
    expect(mails.map((m) => m.text ?? "")).toEqual([
      expect.stringContaining("优先级：P2 中 → P1 高。"),
      expect.stringContaining("当前状态：等待客户。"),
    ]);
    expect(mails[1]!.html).toContain("当前状态：等待客户。");
  });
});

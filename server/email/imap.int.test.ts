import { eq } from "drizzle-orm";
// hoodiecrow-imap: a scriptable in-memory IMAP4rev1 server (by the author of imapflow and nodemailer), no types.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import hoodiecrow from "hoodiecrow-imap";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundMail, tickets } from "@/db/schema";
import { createTestDb } from "@/server/testing/db";
import { createOrganization } from "@/server/testing/factories";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { mailConfig } from "./config";
import { pollImap } from "./imap";

const db = createTestDb();
const org = createOrganization(db, { tier: "advanced", region: "emea" });
const customer = org.customers[0]!;

const message = (id: string, from: string, subject: string, extra = "") =>
  `From: ${from}\r\nTo: support@attain.test\r\nSubject: ${subject}\r\nMessage-ID: <${id}>\r\n` +
  `Date: Fri, 04 Dec 2026 09:00:00 +0000\r\n${extra}Content-Type: text/plain; charset=utf-8\r\n\r\nThe SDK crashes on start.\r\n`;

type Server = {
  listen(port: number, cb: () => void): void;
  close(cb: () => void): void;
  server: { address(): { port: number } };
};
let server: Server;
let port = 0;

beforeAll(async () => {
  server = hoodiecrow({
    plugins: ["ID", "ENABLE", "UNSELECT"],
    storage: {
      INBOX: {
        messages: [
          {
            raw: message("imap-1@customer.example", customer.email, "Crash on start"),
            internaldate: "04-Dec-2026 09:00:05 +0000",
          },
          { raw: message("imap-2@customer.example", customer.email, "Auto: away", "Auto-Submitted: auto-replied\r\n") },
          { raw: message("imap-0@customer.example", customer.email, "Already read"), flags: ["\\Seen"] },
        ],
      },
    },
  }) as Server;
  await new Promise<void>((resolve) => server.listen(0, resolve));
  port = (server.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  db.$client.close();
});

const url = () => `imap://testuser:testpass@127.0.0.1:${port}/INBOX`;

describe("[EMAIL] polling an IMAP mailbox", () => {
  it("takes in each unseen message once, flags it seen only after it is stored, and leaves read mail alone", async () => {
    const taken = await pollImap(db, url(), () => TEST_ANCHOR, mailConfig());
    expect(taken).toBe(2);
    const rows = db.select().from(inboundMail).where(eq(inboundMail.via, "imap")).all();
    expect(rows.map((r) => [r.messageId, r.outcome, r.reason])).toEqual([
      ["<imap-1@customer.example>", "ticket", null],
      ["<imap-2@customer.example>", "ignored", "auto_reply"],
    ]);
    const ticket = db.select().from(tickets).where(eq(tickets.id, rows[0]!.ticketId!)).get()!;
    expect(ticket).toMatchObject({ requesterId: customer.id, channel: "email", subject: "Crash on start" });
    expect(ticket.createdAt).toEqual(new Date("2026-12-04T09:00:05Z")); // the mailbox's arrival time

    // All flagged \Seen on the server: the next pass takes nothing.
    expect(await pollImap(db, url(), () => TEST_ANCHOR, mailConfig())).toBe(0);
    const client = new ImapFlow({
      host: "127.0.0.1",
      port,
      secure: false,
      auth: { user: "testuser", pass: "testpass" },
      logger: false,
    });
    await client.connect();
    await client.mailboxOpen("INBOX");
    const unseen = await client.search({ seen: false });
    await client.logout();
    expect(unseen).toEqual([]);
  });
});

import { and, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, outbox } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam } from "@/server/testing/factories";
import { smtpListener } from "@/server/testing/smtp-listener";
import { deliverOutbox } from "./delivery";

const db = createTestDb();
afterAll(() => db.$client.close());

// The requester, the agent who replies and the administrator who reads the outbox are made for this file.
const requester = createOrganization(db, { tier: "enterprise", region: "americas" }).customers[0]!;
const staff = createStaffTeam(db);

const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * 60_000);
const FROM = "Attain Support <support@attain.test>";

const transportFor = (port: number) => nodemailer.createTransport(`smtp://127.0.0.1:${port}`);
const mailFor = (subject: string) => db.select().from(outbox).where(eq(outbox.subject, subject)).all();
const attemptsOf = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "outbox"), eq(auditLog.entityId, String(id))))
    .all();

describe("email delivery through SMTP", () => {
  it("delivers the outbox after the write: the requester's message arrives with its recipient and subject, and the row is marked sent", async () => {
    const smtp = await smtpListener();
    const { id } = await callerFor(db, requester, FILED).tickets.create({
      subject: "Echo on iOS calls",
      description: "Both sides hear an echo on iOS 18.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    });
    await callerFor(db, staff.agent, at(5)).tickets.reply({ ticketId: id, body: "Which device models?" });
    const subject = `[#${id}] Echo on iOS calls`;
    const queued = mailFor(subject).filter((m) => m.to === requester.email);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.sentAt).toBeNull();

    const pass = await deliverOutbox(db, transportFor(smtp.port), { now: () => at(6), from: FROM });
    await smtp.close();
    expect(pass.sent).toBeGreaterThanOrEqual(1);
    expect(pass.failed).toBe(0);
    const message = smtp.received.find((r) => r.to.includes(requester.email));
    expect(message).toBeDefined();
    expect(message!.from).toBe("support@attain.test");
    expect(message!.data).toContain(`Subject: ${subject}`);
    expect(message!.data).toContain(`Ticket #${id}`);
    const row = mailFor(subject).find((m) => m.to === requester.email)!;
    expect(row.sentAt).toEqual(at(6));
    expect(attemptsOf(row.id).map((a) => a.action)).toEqual(["email.sent"]);

    // A second pass sends nothing again.
    const smtp2 = await smtpListener();
    const again = await deliverOutbox(db, transportFor(smtp2.port), { now: () => at(7), from: FROM });
    await smtp2.close();
    expect(again.sent).toBe(0);
    expect(smtp2.received).toHaveLength(0);
  });

  it("with the mail server down the message is marked failed with the error and kept, and a later pass delivers it", async () => {
    const down = await smtpListener();
    const port = down.port;
    await down.close();
    const { id } = await callerFor(db, requester, at(10)).tickets.create({
      subject: "Screen share is black",
      description: "Screen share shows black on Windows 11.",
      productArea: "video_calling",
      category: "compatibility",
      priority: "P2",
    });
    await callerFor(db, staff.agent, at(12)).tickets.reply({ ticketId: id, body: "Which GPU driver?" });
    const subject = `[#${id}] Screen share is black`;

    const failed = await deliverOutbox(db, transportFor(port), { now: () => at(13), from: FROM });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(failed.retryAt).toEqual(at(14));
    const row = mailFor(subject).find((m) => m.to === requester.email)!;
    expect(row.sentAt).toBeNull();
    const shown = (await callerFor(db, staff.admin, at(13)).notifications.outbox({ limit: 200 })).items.find(
      (m) => m.id === row.id,
    )!;
    expect(shown).toMatchObject({ status: "failed", attempts: 1, sentAt: null, nextAttemptAt: at(14) });
    expect(shown.lastError).toMatch(/ECONNREFUSED/);

    // Not yet due: nothing is tried, nothing is lost.
    const early = await deliverOutbox(db, transportFor(port), { now: () => at(13.5), from: FROM });
    expect(early.failed + early.sent).toBe(0);

    const up = await smtpListener();
    const retried = await deliverOutbox(db, transportFor(up.port), { now: () => at(14), from: FROM });
    await up.close();
    expect(retried.sent).toBeGreaterThanOrEqual(1);
    expect(up.received.some((r) => r.to.includes(requester.email) && r.data.includes(`Subject: ${subject}`))).toBe(
      true,
    );
    expect(mailFor(subject).find((m) => m.id === row.id)!.sentAt).toEqual(at(14));
    expect(attemptsOf(row.id).map((a) => [a.action, (a.detail as { attempt: number }).attempt])).toEqual([
      ["email.failed", 1],
      ["email.sent", 2],
    ]);
    const after = (await callerFor(db, staff.admin, at(15)).notifications.outbox({ limit: 200 })).items.find(
      (m) => m.id === row.id,
    )!;
    expect(after).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });
});

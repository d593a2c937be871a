import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { smtpListener } from "@/server/testing/smtp-listener";

// SMTP_URL is read once, by server/env.ts, when first imported: point it at the listener first,
// then load the application (this file runs in its own process).
const smtp = await smtpListener();
process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
const { callerFor, createTestDb } = await import("@/server/testing/db");
const { createOrganization, createStaffTeam } = await import("@/server/testing/factories");
const db = createTestDb();
// The customer, the agent who replies and the administrator who reads the outbox are made for this file.
const customer = createOrganization(db, { tier: "enterprise", region: "americas" }).customers[0]!;
const staff = createStaffTeam(db);
afterAll(async () => {
  await smtp.close();
  db.$client.close();
});

const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * 60_000);

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("with SMTP_URL set", () => {
  it("a ticket write's mail leaves through SMTP after the write returns, and the outbox row is marked sent", async () => {
    const { id } = await callerFor(db, customer, FILED).tickets.create({
      subject: "Bluetooth headset not used",
      description: "Audio stays on the speaker with AirPods.",
      productArea: "voice_calling",
      category: "compatibility",
      priority: "P3",
    });
    const subject = `[#${id}] Bluetooth headset not used`;
    await callerFor(db, staff.agent, at(3)).tickets.reply({ ticketId: id, body: "Which iOS version?" });
    // Not sent inside the write: the row exists, unsent, when the procedure returns.
    const row = db.select().from(outbox).where(eq(outbox.subject, subject)).get()!;
    expect(row).toMatchObject({ to: customer.email, sentAt: null });
    await until(() => smtp.received.some((m) => m.data.includes(`Subject: ${subject}`)));
    const message = smtp.received.find((m) => m.data.includes(`Subject: ${subject}`))!;
    expect(message.to).toEqual([customer.email]);
    await until(() => db.select().from(outbox).where(eq(outbox.id, row.id)).get()!.sentAt !== null);
    const admin = await callerFor(db, staff.admin, at(4)).notifications.outbox({ limit: 50 });
    expect(admin.smtp).toBe(true);
    expect(admin.items.find((m) => m.id === row.id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

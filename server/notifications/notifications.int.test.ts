import { afterAll, describe, expect, it } from "vitest";
import { callerAs, createTestDb } from "@/server/testing/db";

const db = createTestDb();
afterAll(() => db.$client.close());

const FILED = new Date("2026-11-18T18:00:00Z");
const at = (m: number) => new Date(FILED.getTime() + m * 60_000);

describe("notifications", () => {
  it("the requester is notified of a staff reply, sees only their own notifications, and marks them read", async () => {
    const { id } = await callerAs(db, "dev@nimbus.example", FILED).tickets.create({
      subject: "Audio drops on Wi-Fi",
      description: "Audio drops for 3 seconds.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    });
    await callerAs(db, "agent@attain.test", at(5)).tickets.reply({ ticketId: id, body: "Looking into it." });
    const mine = await callerAs(db, "dev@nimbus.example", at(6)).notifications.list({ limit: 10 });
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    expect(mine.items[0]).toMatchObject({ kind: "reply", ticketId: id, subject: "Audio drops on Wi-Fi", readAt: null });
    const other = await callerAs(db, "ops@orbit.example", at(6)).notifications.list({ limit: 100 });
    expect(other.items.some((n) => n.ticketId === id)).toBe(false);
    const { updated } = await callerAs(db, "dev@nimbus.example", at(7)).notifications.markAllRead();
    expect(updated).toBe(mine.unread);
    expect((await callerAs(db, "dev@nimbus.example", at(8)).notifications.list({ limit: 10 })).unread).toBe(0);
    expect(
      (await callerAs(db, "cto@nimbus.example", at(8)).notifications.list({ limit: 10 })).items.some(
        (n) => n.ticketId === id,
      ),
    ).toBe(false);
  });

  it("the outbox holds the email of each notification and only admins may read it", async () => {
    const mail = await callerAs(db, "admin@attain.test").notifications.outbox({ limit: 200 });
    expect(mail.smtp).toBe(false);
    expect(
      mail.items.find((m) => m.to === "dev@nimbus.example" && m.subject.includes("Audio drops on Wi-Fi")),
    ).toMatchObject({ status: "pending", attempts: 0, sentAt: null });
    for (const email of ["manager@attain.test", "agent@attain.test", "exec@attain.test", "dev@nimbus.example"]) {
      await expect(callerAs(db, email).notifications.outbox({ limit: 10 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("anonymous callers are refused and bad input changes nothing", async () => {
    await expect(callerAs(db, null).notifications.list({ limit: 10 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(db, null).notifications.markAllRead()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(db, "dev@nimbus.example").notifications.list({ limit: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

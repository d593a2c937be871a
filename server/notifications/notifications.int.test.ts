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

  it("one notification is marked read at a time, only by its own user; the others stay unread", async () => {
    const dev = callerAs(db, "dev@nimbus.example", at(20));
    const { id } = await dev.tickets.create({
      subject: "Video stutters on iOS",
      description: "Video stutters every minute.",
      productArea: "video_calling",
      category: "functional_bug",
      priority: "P2",
    });
    await callerAs(db, "agent@attain.test", at(21)).tickets.reply({ ticketId: id, body: "Which SDK version?" });
    await callerAs(db, "agent@attain.test", at(22)).tickets.reply({ ticketId: id, body: "And which device?" });
    const before = await callerAs(db, "dev@nimbus.example", at(23)).notifications.list({ limit: 10 });
    const [newest, older] = before.items.filter((n) => n.ticketId === id);
    expect(newest?.readAt).toBeNull();
    expect(older?.readAt).toBeNull();
    // Somebody else's notification "does not exist" and stays unread.
    await expect(
      callerAs(db, "ops@orbit.example", at(24)).notifications.markRead({ id: newest!.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      callerAs(db, "cto@nimbus.example", at(24)).notifications.markRead({ id: newest!.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await callerAs(db, "dev@nimbus.example", at(25)).notifications.markRead({ id: newest!.id })).toEqual({
      updated: 1,
    });
    // Again: already read, nothing changes (the first reading time stays).
    expect(await callerAs(db, "dev@nimbus.example", at(26)).notifications.markRead({ id: newest!.id })).toEqual({
      updated: 0,
    });
    const after = await callerAs(db, "dev@nimbus.example", at(27)).notifications.list({ limit: 10 });
    expect(after.items.find((n) => n.id === newest!.id)?.readAt).toEqual(at(25));
    expect(after.items.find((n) => n.id === older!.id)?.readAt).toBeNull();
    expect(after.unread).toBe(before.unread - 1);
    await expect(callerAs(db, "dev@nimbus.example").notifications.markRead({ id: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(callerAs(db, null).notifications.markRead({ id: newest!.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
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

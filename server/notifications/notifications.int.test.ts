import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

// Everyone here is made for this file: a requester and a colleague in one organization, a
// customer of another, and one staff member of each role.
const [requester, colleague] = createOrganization(db, { tier: "enterprise", region: "americas", customers: 2 })
  .customers as [SessionUser, SessionUser];
const outsider = createOrganization(db, { tier: "basic", region: "china" }).customers[0]!;
const staff = createStaffTeam(db);
const callerAs = (user: SessionUser | null, now?: Date) => callerFor(db, user, now);

const FILED = new Date("2026-11-18T18:00:00Z");
const at = (m: number) => new Date(FILED.getTime() + m * 60_000);

describe("notifications", () => {
  it("the requester is notified of a staff reply, sees only their own notifications, and marks them read", async () => {
    const { id } = await callerAs(requester, FILED).tickets.create({
      subject: "Audio drops on Wi-Fi",
      description: "Audio drops for 3 seconds.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    });
    await callerAs(staff.agent, at(5)).tickets.reply({ ticketId: id, body: "Looking into it." });
    const mine = await callerAs(requester, at(6)).notifications.list({ limit: 10 });
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    expect(mine.items[0]).toMatchObject({ kind: "reply", ticketId: id, subject: "Audio drops on Wi-Fi", readAt: null });
    const other = await callerAs(outsider, at(6)).notifications.list({ limit: 100 });
    expect(other.items.some((n) => n.ticketId === id)).toBe(false);
    const { updated } = await callerAs(requester, at(7)).notifications.markAllRead();
    expect(updated).toBe(mine.unread);
    expect((await callerAs(requester, at(8)).notifications.list({ limit: 10 })).unread).toBe(0);
    expect(
      (await callerAs(colleague, at(8)).notifications.list({ limit: 10 })).items.some((n) => n.ticketId === id),
    ).toBe(false);
  });

  it("one notification is marked read at a time, only by its own user; the others stay unread", async () => {
    const dev = callerAs(requester, at(20));
    const { id } = await dev.tickets.create({
      subject: "Video stutters on iOS",
      description: "Video stutters every minute.",
      productArea: "video_calling",
      category: "functional_bug",
      priority: "P2",
    });
    await callerAs(staff.agent, at(21)).tickets.reply({ ticketId: id, body: "Which SDK version?" });
    await callerAs(staff.agent, at(22)).tickets.reply({ ticketId: id, body: "And which device?" });
    const before = await callerAs(requester, at(23)).notifications.list({ limit: 10 });
    const [newest, older] = before.items.filter((n) => n.ticketId === id);
    expect(newest?.readAt).toBeNull();
    expect(older?.readAt).toBeNull();
    // Somebody else's notification "does not exist" and stays unread.
    await expect(callerAs(outsider, at(24)).notifications.markRead({ id: newest!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(colleague, at(24)).notifications.markRead({ id: newest!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await callerAs(requester, at(25)).notifications.markRead({ id: newest!.id })).toEqual({
      updated: 1,
    });
    // Again: already read, nothing changes (the first reading time stays).
    expect(await callerAs(requester, at(26)).notifications.markRead({ id: newest!.id })).toEqual({
      updated: 0,
    });
    const after = await callerAs(requester, at(27)).notifications.list({ limit: 10 });
    expect(after.items.find((n) => n.id === newest!.id)?.readAt).toEqual(at(25));
    expect(after.items.find((n) => n.id === older!.id)?.readAt).toBeNull();
    expect(after.unread).toBe(before.unread - 1);
    await expect(callerAs(requester).notifications.markRead({ id: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(callerAs(null).notifications.markRead({ id: newest!.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("the outbox holds the email of each notification and only admins may read it", async () => {
    const mail = await callerAs(staff.admin).notifications.outbox({ limit: 200 });
    expect(mail.smtp).toBe(false);
    expect(
      mail.items.find((m) => m.to === requester.email && m.subject.includes("Audio drops on Wi-Fi")),
    ).toMatchObject({ status: "pending", attempts: 0, sentAt: null });
    for (const user of [staff.manager, staff.agent, staff.executive, requester]) {
      await expect(callerAs(user).notifications.outbox({ limit: 10 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("anonymous callers are refused and bad input changes nothing", async () => {
    await expect(callerAs(null).notifications.list({ limit: 10 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(null).notifications.markAllRead()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(requester).notifications.list({ limit: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

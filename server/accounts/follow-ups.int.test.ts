import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { auditLog, followUps, users } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createStaffTeam } from "@/server/testing/factories";
import { MAX_OPEN_FOLLOW_UPS } from "./follow-up-rules";

const db = createTestDb();
afterAll(() => db.$client.close());

/**
 * This file's people and organizations: an account manager in Los Angeles with an organization,
 * another account manager with one, a manager, an agent, an executive and a customer.
 */
const staff = createStaffTeam(db);
const am = staff.account_manager;
const am2 = createStaff(db, "account_manager");
db.update(users).set({ timeZone: "America/Los_Angeles" }).where(eq(users.id, am.id)).run();
const mine = createOrganization(db, { tier: "enterprise", region: "americas", accountManager: am });
const theirs = createOrganization(db, { tier: "advanced", region: "china", accountManager: am2 });
const customer = mine.customers[0]!;
const as = (user: SessionUser, now: Date = TEST_ANCHOR) => callerFor(db, user, now);
const at = (iso: string) => new Date(iso);
async function expectCode(p: Promise<unknown>, code: string, messageKey?: string) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code });
  if (messageKey) expect(messageKeyOf(error)).toBe(messageKey);
}
/** The translated sentence's key a refusal carries: a domain error's own, or a schema refinement's. */
function messageKeyOf(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof ZodError)
    return cause.issues
      .map((i) => (i.code === "custom" ? (i.params as { messageKey?: string } | undefined)?.messageKey : undefined))
      .find(Boolean);
  return (cause as { messageKey?: string } | undefined)?.messageKey;
}
const openCount = (organizationId: number) =>
  (
    db.$client
      .prepare("select count(*) n from follow_ups where organization_id = ? and completed_at is null")
      .get(organizationId) as { n: number }
  ).n;

describe("follow-up tasks", () => {
  it("a follow-up keeps the day the account manager picked and is overdue from the next day in their own zone", async () => {
    // TEST_ANCHOR is 2026-11-20 12:00 UTC: 04:00 on the 20th in Los Angeles.
    const { id } = await as(am).accounts.addFollowUp({
      organizationId: mine.id,
      title: "  Send the Q4 upgrade plan  ",
      dueOn: "2026-11-21",
    });
    const row = db.select().from(followUps).where(eq(followUps.id, id)).get()!;
    expect(row).toMatchObject({ dueOn: "2026-11-21", title: "Send the Q4 upgrade plan", createdById: am.id });
    const stateAt = async (iso: string) =>
      (await as(am, at(iso)).accounts.followUps({ organizationId: mine.id })).open.find((f) => f.id === id)!.state;
    expect(await stateAt("2026-11-20T12:00:00Z")).toBe("upcoming");
    // 23:00 on the 21st in Los Angeles, already the 22nd in UTC: still due today for this viewer.
    expect(await stateAt("2026-11-22T07:00:00Z")).toBe("today");
    expect(await stateAt("2026-11-22T08:30:00Z")).toBe("overdue");
    const list = await as(am).accounts.followUps({ organizationId: mine.id });
    expect(list).toMatchObject({ today: "2026-11-20", canManage: true });
    expect(list.open[0]).toMatchObject({ dueOn: "2026-11-21", organizationName: mine.name, createdBy: am.name });
  });

  it("completes, reopens and deletes a follow-up; completing twice keeps the first completion; each change is audited", async () => {
    const { id } = await as(am).accounts.addFollowUp({
      organizationId: mine.id,
      title: "Book the QBR",
      dueOn: "2026-12-04",
    });
    await as(am, at("2026-11-21T10:00:00Z")).accounts.completeFollowUp({ id });
    await as(staff.manager, at("2026-11-22T10:00:00Z")).accounts.completeFollowUp({ id });
    let row = db.select().from(followUps).where(eq(followUps.id, id)).get()!;
    expect(row.completedAt).toEqual(at("2026-11-21T10:00:00Z"));
    expect(row.completedById).toBe(am.id);
    const list = await as(am).accounts.followUps({ organizationId: mine.id });
    expect(list.open.map((f) => f.id)).not.toContain(id);
    expect(list.done.find((f) => f.id === id)).toMatchObject({ state: "done", completedBy: am.name });

    await as(am).accounts.reopenFollowUp({ id });
    row = db.select().from(followUps).where(eq(followUps.id, id)).get()!;
    expect(row).toMatchObject({ completedAt: null, completedById: null });
    expect((await as(am).accounts.followUps({ organizationId: mine.id })).open.map((f) => f.id)).toContain(id);

    await as(am).accounts.deleteFollowUp({ id });
    expect(db.select().from(followUps).where(eq(followUps.id, id)).get()).toBeUndefined();
    await expectCode(as(am).accounts.completeFollowUp({ id }), "NOT_FOUND");
    const actions = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(mine.id)))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["followUp.add", "followUp.complete", "followUp.reopen", "followUp.delete"]),
    );
  });

  it("another account manager's organization: its follow-ups can be read, not changed; customers and agents get none", async () => {
    const { id } = await as(am2).accounts.addFollowUp({
      organizationId: theirs.id,
      title: "Renewal call",
      dueOn: "2026-12-01",
    });
    const read = await as(am).accounts.followUps({ organizationId: theirs.id });
    expect(read.canManage).toBe(false);
    expect(read.open.map((f) => f.id)).toEqual([id]);
    const refused = "accounts.errors.notYourPortfolio";
    await expectCode(
      as(am).accounts.addFollowUp({ organizationId: theirs.id, title: "Sneak in", dueOn: "2026-12-01" }),
      "FORBIDDEN",
      refused,
    );
    await expectCode(as(am).accounts.completeFollowUp({ id }), "FORBIDDEN", refused);
    await expectCode(as(am).accounts.reopenFollowUp({ id }), "FORBIDDEN", refused);
    await expectCode(as(am).accounts.deleteFollowUp({ id }), "FORBIDDEN", refused);
    expect(db.select().from(followUps).where(eq(followUps.id, id)).get()).toMatchObject({ completedAt: null });
    // Managers change any organization's.
    await as(staff.manager).accounts.completeFollowUp({ id });
    for (const outsider of [customer, staff.agent, staff.executive]) {
      await expectCode(as(outsider).accounts.followUps({ organizationId: mine.id }), "FORBIDDEN");
      await expectCode(as(outsider).accounts.myFollowUps({}), "FORBIDDEN");
      await expectCode(
        as(outsider).accounts.addFollowUp({ organizationId: mine.id, title: "Hello", dueOn: "2026-12-01" }),
        "FORBIDDEN",
      );
    }
    await expectCode(as(am).accounts.followUps({ organizationId: 999_999 }), "NOT_FOUND");
  });

  it("refuses a bad title or day with a translated reason and saves nothing", async () => {
    const before = openCount(mine.id);
    const add = (title: string, dueOn: string) =>
      as(am).accounts.addFollowUp({ organizationId: mine.id, title, dueOn });
    await expectCode(add("ok", "2026-12-01"), "BAD_REQUEST");
    await expectCode(add("x".repeat(201), "2026-12-01"), "BAD_REQUEST");
    await expectCode(add("Valid title", "2026-02-30"), "BAD_REQUEST", "accounts.errors.badDay");
    await expectCode(add("Valid title", "12/01/2026"), "BAD_REQUEST", "accounts.errors.badDay");
    // The 18th is two days before the Los Angeles today (the 20th); the 19th is within a day's slack.
    await expectCode(add("Valid title", "2026-11-18"), "BAD_REQUEST", "accounts.errors.followUpPast");
    await expectCode(add("Valid title", "2028-12-01"), "BAD_REQUEST", "accounts.errors.followUpTooFar");
    expect(openCount(mine.id)).toBe(before);
    await add("Yesterday's call notes", "2026-11-19");
    expect(openCount(mine.id)).toBe(before + 1);
  });

  it(`an organization holds at most ${MAX_OPEN_FOLLOW_UPS} open follow-ups; reopening past that is refused too`, async () => {
    const full = createOrganization(db, { tier: "basic", region: "emea", accountManager: am });
    const first = await as(am).accounts.addFollowUp({ organizationId: full.id, title: "Task 0", dueOn: "2026-12-01" });
    await as(am).accounts.completeFollowUp({ id: first.id });
    for (let i = 1; i <= MAX_OPEN_FOLLOW_UPS; i++)
      await as(am).accounts.addFollowUp({ organizationId: full.id, title: `Task ${i}`, dueOn: "2026-12-01" });
    await expectCode(
      as(am).accounts.addFollowUp({ organizationId: full.id, title: "One too many", dueOn: "2026-12-01" }),
      "CONFLICT",
      "accounts.errors.tooManyFollowUps",
    );
    await expectCode(as(am).accounts.reopenFollowUp({ id: first.id }), "CONFLICT", "accounts.errors.tooManyFollowUps");
    expect(openCount(full.id)).toBe(MAX_OPEN_FOLLOW_UPS);
    expect((await as(am).accounts.followUps({ organizationId: full.id })).open).toHaveLength(MAX_OPEN_FOLLOW_UPS);
  });

  it("'follow-ups due' lists the open ones of the account manager's own portfolio soonest first, with the overdue count", async () => {
    const team = createStaff(db, "account_manager");
    const a = createOrganization(db, { tier: "enterprise", region: "americas", accountManager: team });
    const b = createOrganization(db, { tier: "advanced", region: "emea", technicalAccountManager: team });
    const foreign = createOrganization(db, { tier: "advanced", region: "emea", accountManager: am2 });
    const add = (who: SessionUser, organizationId: number, title: string, dueOn: string, now = TEST_ANCHOR) =>
      as(who, now).accounts.addFollowUp({ organizationId, title, dueOn });
    // Added a week earlier, so that two of them are overdue today (the 20th, UTC for this person).
    const weekAgo = at("2026-11-13T12:00:00Z");
    await add(team, a.id, "Later", "2026-12-10");
    await add(team, b.id, "Overdue TAM task", "2026-11-15", weekAgo);
    await add(team, a.id, "Overdue AM task", "2026-11-17", weekAgo);
    const done = await add(team, a.id, "Done already", "2026-11-14", weekAgo);
    await as(team).accounts.completeFollowUp({ id: done.id });
    await add(am2, foreign.id, "Not theirs", "2026-11-16", weekAgo);
    const due = await as(team).accounts.myFollowUps({});
    expect(due).toMatchObject({ today: "2026-11-20", total: 3, overdue: 2 });
    expect(due.items.map((f) => [f.title, f.state])).toEqual([
      ["Overdue TAM task", "overdue"],
      ["Overdue AM task", "overdue"],
      ["Later", "upcoming"],
    ]);
    expect((await as(team).accounts.myFollowUps({ limit: 1 })).items).toHaveLength(1);
    await expectCode(as(team).accounts.myFollowUps({ limit: 51 }), "BAD_REQUEST");
    // A manager's portfolio is every organization's.
    const all = await as(staff.manager).accounts.myFollowUps({ limit: 50 });
    expect(all.items.map((f) => f.title)).toEqual(expect.arrayContaining(["Overdue TAM task", "Not theirs"]));

    const grid = await as(team).accounts.portfolio({ sort: "followUp" });
    expect(grid.items.map((r) => [r.id, r.nextFollowUpOn, r.openFollowUps])).toEqual([
      [b.id, "2026-11-15", 1],
      [a.id, "2026-11-17", 2],
    ]);
  });
});

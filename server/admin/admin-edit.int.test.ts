import { and, asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, calendars, holidays, targets, targetVersions, tickets, tiers } from "@/db/schema";
import { METRICS, PRIORITIES } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";
import { TEST_ANCHOR } from "@/server/testing/constants";

const db = createTestDb();
afterAll(() => db.$client.close());

// The people here are made for this file (the tiers, targets and calendars are the shared reference data).
const staff = createStaffTeam(db);
const chinaCustomer = createOrganization(db, { tier: "basic", region: "china" }).customers[0]!;
const ADMIN = staff.admin;
const OTHERS: [string, SessionUser][] = [
  ["the executive", staff.executive],
  ["the manager", staff.manager],
  ["the agent", staff.agent],
  ["the account manager", staff.account_manager],
  ["a customer", chinaCustomer],
];
const LATER = new Date(TEST_ANCHOR.getTime() + 60 * 60 * 1000);

const chinaId = () => db.select({ id: calendars.id }).from(calendars).where(eq(calendars.code, "china")).get()!.id;
const basicId = () => db.select({ id: tiers.id }).from(tiers).where(eq(tiers.code, "basic")).get()!.id;

/** Everything an edit could touch, to prove a refused edit wrote nothing. */
function snapshot() {
  return {
    calendars: db.select().from(calendars).orderBy(asc(calendars.id)).all(),
    holidays: db.select().from(holidays).orderBy(asc(holidays.id)).all(),
    versions: db.select().from(targetVersions).orderBy(asc(targetVersions.id)).all(),
    targets: db
      .select()
      .from(targets)
      .orderBy(asc(targets.versionId), asc(targets.priority), asc(targets.metric))
      .all(),
    audit: db.select().from(auditLog).orderBy(asc(auditLog.id)).all(),
  };
}

type Cells = {
  priority: "P0" | "P1" | "P2" | "P3";
  metric: "firstResponse" | "workaround" | "resolution";
  minutes: number | null;
  calendarMode: "business" | "always";
}[];

/** The version in force as the editor sends it: every cell of the matrix, empty ones as no target. */
async function basicCells(): Promise<{ version: number; cells: Cells }> {
  const { versions } = await callerFor(db, ADMIN).admin.targetVersions({ tierCode: "basic" });
  const stored = versions[0]!.cells;
  const cells: Cells = PRIORITIES.flatMap((priority) =>
    METRICS.map(
      (metric) =>
        stored.find((c) => c.priority === priority && c.metric === metric) ?? {
          priority,
          metric,
          minutes: null,
          calendarMode: "business" as const,
        },
    ),
  );
  return { version: versions[0]!.version, cells };
}

describe("[ADMIN] target matrix versions", () => {
  it("the admin saves Basic targets as version 2; version 1's cells are unchanged and tickets keep it", async () => {
    const before = snapshot();
    const v1 = db
      .select()
      .from(targetVersions)
      .where(and(eq(targetVersions.tierId, basicId()), eq(targetVersions.version, 1)))
      .get()!;
    const v1Cells = db
      .select()
      .from(targets)
      .where(eq(targets.versionId, v1.id))
      .orderBy(asc(targets.priority), asc(targets.metric))
      .all();

    const { version, cells } = await basicCells();
    expect(version).toBe(1);
    const edited = cells.map((c) =>
      c.priority === "P0" && c.metric === "firstResponse"
        ? { ...c, minutes: 120 }
        : c.priority === "P2" && c.metric === "workaround"
          ? { ...c, minutes: 2040, calendarMode: "business" as const }
          : c,
    );
    const saved = await callerFor(db, ADMIN, LATER).admin.saveTargets({
      tierCode: "basic",
      baseVersion: 1,
      note: "Faster first response for P0",
      cells: edited,
    });
    expect(saved).toMatchObject({ version: 2, changes: 2, createdAt: LATER });

    const v2 = db.select().from(targetVersions).where(eq(targetVersions.id, saved.id)).get()!;
    expect(v2).toMatchObject({ tierId: basicId(), version: 2, note: "Faster first response for P0" });
    expect(v2.createdById).not.toBeNull();
    expect(
      db
        .select()
        .from(targets)
        .where(eq(targets.versionId, v1.id))
        .orderBy(asc(targets.priority), asc(targets.metric))
        .all(),
    ).toEqual(v1Cells);
    const v2Cells = db.select().from(targets).where(eq(targets.versionId, v2.id)).all();
    expect(v2Cells).toHaveLength(v1Cells.length + 1);
    expect(v2Cells.find((c) => c.priority === "P0" && c.metric === "firstResponse")).toMatchObject({
      minutes: 120,
      calendarMode: "business",
    });

    const after = snapshot();
    expect(after.calendars).toEqual(before.calendars);
    expect(after.audit.slice(before.audit.length)).toMatchObject([
      {
        action: "targets.version_create",
        entity: "tier",
        entityId: "basic",
        detail: { version: 2, previousVersion: 1 },
      },
    ]);

    const matrix = (await callerFor(db, ADMIN).admin.tiers()).find((t) => t.code === "basic")!;
    expect(matrix.version).toBe(2);
    const history = await callerFor(db, ADMIN).admin.targetVersions({ tierCode: "basic" });
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(history.versions[0]).toMatchObject({ createdByName: ADMIN.name, note: "Faster first response for P0" });
    expect(history.versions[0]!.changes).toEqual([
      {
        priority: "P0",
        metric: "firstResponse",
        before: { minutes: 240, calendarMode: "business" },
        after: { minutes: 120, calendarMode: "business" },
      },
      { priority: "P2", metric: "workaround", before: null, after: { minutes: 2040, calendarMode: "business" } },
    ]);
    expect(history.versions[1]!.changes).toBeNull();
  });

  it.each([
    ["zero", 0],
    ["negative", -15],
    ["fractional", 12.5],
  ])("%s minutes are refused with BAD_REQUEST and nothing is saved", async (_label, minutes) => {
    const { version, cells } = await basicCells();
    const before = snapshot();
    const edited = cells.map((c) => (c.priority === "P1" && c.metric === "resolution" ? { ...c, minutes } : c));
    const error = await callerFor(db, ADMIN)
      .admin.saveTargets({ tierCode: "basic", baseVersion: version, note: "bad", cells: edited })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((error as Error).message)).toMatch(/greater than zero|whole minutes/);
    expect(snapshot()).toEqual(before);
  });

  it("saving over a version someone else replaced is refused as a conflict; an unchanged matrix is refused", async () => {
    const { version, cells } = await basicCells();
    const before = snapshot();
    await expect(
      callerFor(db, ADMIN).admin.saveTargets({ tierCode: "basic", baseVersion: version - 1, note: "stale", cells }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      callerFor(db, ADMIN).admin.saveTargets({ tierCode: "basic", baseVersion: version, note: "same", cells }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(db, ADMIN).admin.saveTargets({
        tierCode: "basic",
        baseVersion: version,
        note: "  ",
        cells: cells.slice(1),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(snapshot()).toEqual(before);
  });

  it("a real change with a one-character note, or a good note with one cell missing, is refused on the server and saves nothing", async () => {
    const { version, cells } = await basicCells();
    const before = snapshot();
    const changed = cells.map((c) => (c.priority === "P1" && c.metric === "resolution" ? { ...c, minutes: 600 } : c));
    const save = (note: string, sent: typeof cells) =>
      callerFor(db, ADMIN)
        .admin.saveTargets({ tierCode: "basic", baseVersion: version, note, cells: sent })
        .catch((e: unknown) => e);
    const shortNote = await save("x", changed);
    expect(shortNote).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((shortNote as Error).message)).toMatch(/note/i);
    const missing = changed.filter((c) => !(c.priority === "P0" && c.metric === "firstResponse"));
    expect(missing).toHaveLength(cells.length - 1);
    const missingCell = await save("Longer resolution for P1", missing);
    expect(missingCell).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((missingCell as Error).message)).toContain("P0 firstResponse is missing");
    expect(snapshot()).toEqual(before);
  });

  it("a target can be removed (empty) in a new version", async () => {
    const { version, cells } = await basicCells();
    const saved = await callerFor(db, ADMIN).admin.saveTargets({
      tierCode: "basic",
      baseVersion: version,
      note: "No workaround target for P1",
      cells: cells.map((c) => (c.priority === "P1" && c.metric === "workaround" ? { ...c, minutes: null } : c)),
    });
    expect(saved.version).toBe(version + 1);
    expect(
      db
        .select()
        .from(targets)
        .where(and(eq(targets.versionId, saved.id), eq(targets.priority, "P1"), eq(targets.metric, "workaround")))
        .get(),
    ).toBeUndefined();
  });
});

describe("[ADMIN] calendar editing", () => {
  const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));

  it("the admin splits the China weekdays into two periods and renames it; the change is audited and updated_at bumped", async () => {
    const id = chinaId();
    // Filed Friday 20:00 Shanghai, after hours: its first response is due on Monday until Saturday opens.
    const ticketId = await createTicket(db, chinaCustomer, { priority: "P2" });
    const dueBefore = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!.frDueAt!;
    const before = snapshot();
    const hours = [
      ...weekdays("13:00", "18:00"),
      ...weekdays("09:00", "12:00"),
      { day: 6 as const, start: "10:00", end: "24:00" },
    ];
    const res = await callerFor(db, ADMIN, LATER).admin.updateCalendar({
      id,
      name: " China support (split) ",
      timeZone: "Asia/Shanghai",
      hours,
    });
    expect(res.calendar.name).toBe("China support (split)");
    expect(res.calendar.hours.slice(0, 2)).toEqual([
      { day: 1, start: "09:00", end: "12:00" },
      { day: 1, start: "13:00", end: "18:00" },
    ]);
    expect(res.calendar.hours.at(-1)).toEqual({ day: 6, start: "10:00", end: "24:00" });
    expect(res.calendar.updatedAt).toEqual(LATER);
    expect(res.ticketsRefreshed).toBeGreaterThan(0);
    const dueAfter = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!.frDueAt!;
    expect(dueAfter.getTime()).toBeLessThan(dueBefore.getTime());
    const audit = snapshot().audit.slice(before.audit.length);
    expect(audit).toMatchObject([
      {
        action: "calendar.update",
        entity: "calendar",
        entityId: String(id),
        detail: { before: { name: "China support" } },
      },
    ]);
  });

  it.each([
    [
      "periods that overlap",
      {
        timeZone: "Asia/Shanghai",
        hours: [
          { day: 1 as const, start: "09:00", end: "13:00" },
          { day: 1 as const, start: "12:00", end: "18:00" },
        ],
      },
      /overlaps 09:00-13:00/,
    ],
    [
      "an end before the start",
      { timeZone: "Asia/Shanghai", hours: [{ day: 1 as const, start: "17:30", end: "09:00" }] },
      /must be after the start/,
    ],
    [
      "an unknown time zone",
      { timeZone: "Mars/Olympus", hours: [{ day: 1 as const, start: "09:00", end: "17:30" }] },
      /not a time zone/,
    ],
    [
      "a malformed time",
      { timeZone: "Asia/Shanghai", hours: [{ day: 1 as const, start: "9:00", end: "17:30" }] },
      /HH:MM/,
    ],
    ["no opening hours", { timeZone: "Asia/Shanghai", hours: [] }, /at least one opening period/],
  ])(
    "a calendar with %s is refused with a message on the field and nothing is saved",
    async (_label, edit, message) => {
      const before = snapshot();
      const error = await callerFor(db, ADMIN)
        .admin.updateCalendar({ id: chinaId(), name: "Broken", ...edit })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      const issues = (error as { cause?: { issues?: { message: string }[] } }).cause?.issues ?? [];
      expect(issues.map((i) => i.message).join(" ")).toMatch(message);
      expect(snapshot()).toEqual(before);
    },
  );

  it("the admin adds a holiday with its name and source, then removes it; both are audited", async () => {
    const id = chinaId();
    const before = snapshot();
    const added = await callerFor(db, ADMIN).admin.addHoliday({
      calendarId: id,
      date: "2027-12-31",
      name: " Company day ",
      source: "Internal notice",
    });
    expect(added.holiday).toMatchObject({ date: "2027-12-31", name: "Company day", source: "Internal notice" });
    const detail = await callerFor(db, ADMIN).admin.calendar({ id });
    expect(detail.holidays.at(-1)).toEqual(added.holiday);
    expect(detail.holidays.map((h) => h.date)).toEqual([...detail.holidays.map((h) => h.date)].sort());

    await callerFor(db, ADMIN).admin.removeHoliday({ calendarId: id, holidayId: added.holiday.id });
    expect((await callerFor(db, ADMIN).admin.calendar({ id })).holidays).toHaveLength(
      before.holidays.filter((h) => h.calendarId === id).length,
    );
    expect(
      snapshot()
        .audit.slice(before.audit.length)
        .map((a) => a.action),
    ).toEqual(["calendar.holiday_add", "calendar.holiday_remove"]);
  });

  it("the calendar overview counts each calendar's own holidays", async () => {
    const overview = await callerFor(db, ADMIN).admin.calendars();
    for (const c of overview) {
      expect(c.holidays).toBe(db.select().from(holidays).where(eq(holidays.calendarId, c.id)).all().length);
    }
    expect(overview.find((c) => c.code === "china")!.holidays).toBeGreaterThan(50);
  });

  it("a duplicate or impossible holiday date is refused and nothing is saved", async () => {
    const id = chinaId();
    const before = snapshot();
    await expect(
      callerFor(db, ADMIN).admin.addHoliday({ calendarId: id, date: "2026-10-01", name: "Again", source: "x" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "2026-10-01 is already a holiday in this calendar.",
    });
    await expect(
      callerFor(db, ADMIN).admin.addHoliday({ calendarId: id, date: "2026-02-30", name: "Nope", source: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(db, ADMIN).admin.addHoliday({ calendarId: id, date: "2026-12-01", name: "", source: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(snapshot()).toEqual(before);
  });

  it("a holiday of another calendar, or a calendar that does not exist, is not found", async () => {
    const other = db
      .select()
      .from(holidays)
      .where(eq(holidays.calendarId, chinaId() + 1))
      .get()!;
    await expect(
      callerFor(db, ADMIN).admin.removeHoliday({ calendarId: chinaId(), holidayId: other.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, ADMIN).admin.calendar({ id: 9999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("[ADMIN] only admins edit", () => {
  it.each(OTHERS)("%s is refused every editing procedure and nothing changes", async (_, user) => {
    const before = snapshot();
    const api = callerFor(db, user);
    const id = chinaId();
    const hours = [{ day: 1 as const, start: "09:00", end: "17:30" }];
    const attempts = [
      api.admin.calendar({ id }),
      api.admin.updateCalendar({ id, name: "Hijacked", timeZone: "Asia/Shanghai", hours }),
      api.admin.addHoliday({ calendarId: id, date: "2027-12-30", name: "x", source: "y" }),
      api.admin.removeHoliday({ calendarId: id, holidayId: before.holidays[0]!.id }),
      api.admin.targetVersions({ tierCode: "basic" }),
      api.admin.saveTargets({
        tierCode: "basic",
        baseVersion: 1,
        note: "x",
        cells: [{ priority: "P0", metric: "firstResponse", minutes: 1, calendarMode: "always" }],
      }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(snapshot()).toEqual(before);
  });

  it("an anonymous caller is asked to sign in", async () => {
    await expect(callerFor(db, null).admin.targetVersions({ tierCode: "basic" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { calendars, holidays, organizations, targets, targetVersions, tickets, tiers, users } from "@/db/schema";
import { OPEN_TICKET_STATUSES, type TierCode } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { currentTargetVersionId, TARGET_CELL } from "@/server/sla/load";
import { recordAudit } from "@/server/audit/service";
import { DomainError, notFound } from "@/server/errors";
import { refreshTicketSla } from "@/server/sla/service";
import {
  CALENDAR_ISSUE_MESSAGES,
  issueMessage,
  sortOpeningHours,
  validateCalendarEdit,
  validateHoliday,
  type AddHolidayInput,
  type Issue,
  type UpdateCalendarInput,
} from "./calendars";
import {
  diffTargetCells,
  TARGET_ISSUE_MESSAGES,
  toStoredCells,
  validateTargetSave,
  type SaveTargetsInput,
  type TargetCell,
} from "./target-matrix";

/** Every tier with its current target version and matrix, as the admin sees it. */
export function getTierMatrix(db: Db) {
  return db
    .select()
    .from(tiers)
    .orderBy(tiers.rank)
    .all()
    .map((tier) => {
      const versionId = currentTargetVersionId(db, tier.id);
      const version = db.select().from(targetVersions).where(eq(targetVersions.id, versionId)).get()!;
      const cells = db.select(TARGET_CELL).from(targets).where(eq(targets.versionId, versionId)).all();
      return {
        code: tier.code,
        channels: tier.channels,
        availabilityCommitment: tier.availabilityCommitment,
        creditSchedule: tier.creditSchedule,
        version: version.version,
        versionCreatedAt: version.createdAt,
        cells,
      };
    });
}

/** The support calendars with their weekly hours and holiday counts. */
export function listCalendars(db: Db) {
  // Counted apart: in a correlated subquery drizzle leaves columns unqualified, and "id" would bind to holidays.id.
  const counts = new Map(
    db
      .select({ calendarId: holidays.calendarId, n: sql<number>`count(*)` })
      .from(holidays)
      .groupBy(holidays.calendarId)
      .all()
      .map((r) => [r.calendarId, r.n]),
  );
  return db
    .select({
      id: calendars.id,
      code: calendars.code,
      name: calendars.name,
      timeZone: calendars.timeZone,
      hours: calendars.hours,
    })
    .from(calendars)
    .orderBy(calendars.id)
    .all()
    .map((c) => ({ ...c, holidays: counts.get(c.id) ?? 0 }));
}

// Editing ---------------------------------------------------------------------------------------

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Who makes a change, for the audit log. */
export type Actor = { id: number; ip: string | null };

/** Refuses an edit with problems, naming the first in English and its message key for the UI. */
function assertNoIssues<Code extends string>(
  issues: readonly Issue<Code>[],
  messages: Record<Code, (v: Record<string, string | number>) => string>,
): void {
  const first = issues[0];
  if (first)
    throw new DomainError(
      "INVALID",
      issues.map((i) => issueMessage(i, messages)).join(" "),
      `adminEdit.issues.${first.code}`,
      first.values,
    );
}

/** One calendar with its holidays (by date) and the number of organizations it serves. */
export function getCalendar(db: Pick<Db, "select">, id: number) {
  const row = db.select().from(calendars).where(eq(calendars.id, id)).get();
  if (!row) throw notFound("Calendar");
  const days = db
    .select({ id: holidays.id, date: holidays.date, name: holidays.name, source: holidays.source })
    .from(holidays)
    .where(eq(holidays.calendarId, id))
    .orderBy(asc(holidays.date))
    .all();
  const served = db
    .select({ n: sql<number>`count(*)` })
    .from(organizations)
    .where(eq(organizations.calendarId, id))
    .get();
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    region: row.region,
    timeZone: row.timeZone,
    hours: row.hours,
    updatedAt: row.updatedAt,
    organizations: served?.n ?? 0,
    holidays: days,
  };
}

/**
 * Re-derives the stored SLA state of every open ticket served by a calendar, in the transaction
 * that changed it, so the queue's due times follow the new hours or holidays at once.
 */
function refreshOpenTickets(tx: Tx, calendarId: number, now: Date): number {
  const open = tx
    .select({ id: tickets.id })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .where(and(eq(organizations.calendarId, calendarId), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
    .all();
  for (const t of open) refreshTicketSla(tx, t.id, now);
  return open.length;
}

function touchCalendar(tx: Tx, id: number, now: Date): void {
  tx.update(calendars).set({ updatedAt: now }).where(eq(calendars.id, id)).run();
}

/**
 * Changes a calendar's name, time zone and weekly hours in one transaction with its audit entry;
 * invalid input (bad times, overlapping periods, unknown zone) saves nothing.
 */
export function updateCalendar(db: Db, input: UpdateCalendarInput, actor: Actor, now: Date) {
  assertNoIssues(validateCalendarEdit(input), CALENDAR_ISSUE_MESSAGES);
  const refreshed = db.transaction((tx) => {
    const before = tx.select().from(calendars).where(eq(calendars.id, input.id)).get();
    if (!before) throw notFound("Calendar");
    const after = { name: input.name.trim(), timeZone: input.timeZone, hours: sortOpeningHours(input.hours) };
    tx.update(calendars)
      .set({ ...after, updatedAt: now })
      .where(eq(calendars.id, input.id))
      .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "calendar.update",
      entity: "calendar",
      entityId: String(input.id),
      detail: { before: { name: before.name, timeZone: before.timeZone, hours: before.hours }, after },
      at: now,
      ip: actor.ip,
    });
    return refreshOpenTickets(tx, input.id, now);
  });
  return { calendar: getCalendar(db, input.id), ticketsRefreshed: refreshed };
}

/** Adds a holiday (a date on which the calendar is closed); a date already closed is refused. */
export function addHoliday(db: Db, input: AddHolidayInput, actor: Actor, now: Date) {
  return db.transaction((tx) => {
    if (!tx.select({ id: calendars.id }).from(calendars).where(eq(calendars.id, input.calendarId)).get())
      throw notFound("Calendar");
    const existing = tx
      .select({ date: holidays.date })
      .from(holidays)
      .where(eq(holidays.calendarId, input.calendarId))
      .all();
    assertNoIssues(
      validateHoliday(
        input,
        existing.map((h) => h.date),
      ),
      CALENDAR_ISSUE_MESSAGES,
    );
    const holiday = tx
      .insert(holidays)
      .values({ calendarId: input.calendarId, date: input.date, name: input.name.trim(), source: input.source.trim() })
      .returning({ id: holidays.id, date: holidays.date, name: holidays.name, source: holidays.source })
      .get();
    touchCalendar(tx, input.calendarId, now);
    recordAudit(tx, {
      actorId: actor.id,
      action: "calendar.holiday_add",
      entity: "calendar",
      entityId: String(input.calendarId),
      detail: { ...holiday },
      at: now,
      ip: actor.ip,
    });
    return { holiday, ticketsRefreshed: refreshOpenTickets(tx, input.calendarId, now) };
  });
}

/** Removes one holiday of a calendar; a holiday of another calendar "does not exist" here. */
export function removeHoliday(db: Db, input: { calendarId: number; holidayId: number }, actor: Actor, now: Date) {
  return db.transaction((tx) => {
    const holiday = tx
      .select({ id: holidays.id, date: holidays.date, name: holidays.name, source: holidays.source })
      .from(holidays)
      .where(and(eq(holidays.id, input.holidayId), eq(holidays.calendarId, input.calendarId)))
      .get();
    if (!holiday) throw notFound("Holiday");
    tx.delete(holidays).where(eq(holidays.id, holiday.id)).run();
    touchCalendar(tx, input.calendarId, now);
    recordAudit(tx, {
      actorId: actor.id,
      action: "calendar.holiday_remove",
      entity: "calendar",
      entityId: String(input.calendarId),
      detail: { ...holiday },
      at: now,
      ip: actor.ip,
    });
    return { holiday, ticketsRefreshed: refreshOpenTickets(tx, input.calendarId, now) };
  });
}

function tierByCode(db: Pick<Db, "select">, code: TierCode) {
  const tier = db.select({ id: tiers.id, code: tiers.code }).from(tiers).where(eq(tiers.code, code)).get();
  if (!tier) throw notFound("Tier");
  return tier;
}

function cellsOf(db: Pick<Db, "select">, versionId: number): TargetCell[] {
  return toStoredCells(db.select(TARGET_CELL).from(targets).where(eq(targets.versionId, versionId)).all());
}

/**
 * Every target version of a tier, newest (the one in force) first, each with its matrix, who made
 * it and why, and what changed from the version before it (null for the first).
 */
export function listTargetVersions(db: Pick<Db, "select">, tierCode: TierCode) {
  const tier = tierByCode(db, tierCode);
  const versions = db
    .select({
      id: targetVersions.id,
      version: targetVersions.version,
      createdAt: targetVersions.createdAt,
      note: targetVersions.note,
      createdByName: users.name,
    })
    .from(targetVersions)
    .leftJoin(users, eq(users.id, targetVersions.createdById))
    .where(eq(targetVersions.tierId, tier.id))
    .orderBy(asc(targetVersions.version))
    .all();
  const all = versions.length
    ? db
        .select({ versionId: targets.versionId, ...TARGET_CELL })
        .from(targets)
        .where(
          inArray(
            targets.versionId,
            versions.map((v) => v.id),
          ),
        )
        .all()
    : [];
  let previous: TargetCell[] | null = null;
  const out = versions.map((v) => {
    const cells = toStoredCells(all.filter((c) => c.versionId === v.id));
    const changes = previous ? diffTargetCells(previous, cells) : null;
    previous = cells;
    return { ...v, cells, changes };
  });
  return { tierCode: tier.code, versions: out.reverse() };
}

/**
 * Saves an edited matrix as a new version (version + 1) of the tier's targets; existing versions
 * are never touched, since tickets keep the version they were filed under. Refused when the matrix
 * is unchanged, or when someone saved a newer version since the admin opened the editor.
 */
export function saveTargetVersion(db: Db, input: SaveTargetsInput, actor: Actor, now: Date) {
  assertNoIssues(validateTargetSave(input), TARGET_ISSUE_MESSAGES);
  return db.transaction((tx) => {
    const tier = tierByCode(tx, input.tierCode);
    const currentId = currentTargetVersionId(tx, tier.id);
    const current = tx
      .select({ version: targetVersions.version })
      .from(targetVersions)
      .where(eq(targetVersions.id, currentId))
      .get()!;
    if (current.version !== input.baseVersion) {
      throw new DomainError(
        "CONFLICT",
        `These targets were changed since you opened them: version ${current.version} is now in force. Reload to see it before saving.`,
        "adminEdit.issues.staleVersion",
      );
    }
    const after = toStoredCells(input.cells);
    const changes = diffTargetCells(cellsOf(tx, currentId), after);
    if (changes.length === 0)
      throw new DomainError(
        "INVALID",
        "Nothing changed: the targets are the same as the version in force.",
        "adminEdit.issues.noChanges",
      );
    const note = input.note.trim();
    const created = tx
      .insert(targetVersions)
      .values({ tierId: tier.id, version: current.version + 1, createdAt: now, createdById: actor.id, note })
      .returning({ id: targetVersions.id, version: targetVersions.version, createdAt: targetVersions.createdAt })
      .get();
    if (after.length)
      tx.insert(targets)
        .values(after.map((c) => ({ ...c, versionId: created.id })))
        .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "targets.version_create",
      entity: "tier",
      entityId: tier.code,
      detail: { version: created.version, previousVersion: current.version, note, changes },
      at: now,
      ip: actor.ip,
    });
    return { ...created, changes: changes.length };
  });
}

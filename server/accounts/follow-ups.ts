import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { followUps, organizations, users } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/service";
import { perDatabase, type Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import {
  assertCanManageOrganization,
  assertCanReadOrganization,
  canManageOrganization,
  portfolioScope,
} from "./access";
import {
  dayIn,
  dueDayRefusal,
  followUpState,
  MAX_OPEN_FOLLOW_UPS,
  RECENT_DONE_FOLLOW_UPS,
  type FollowUpState,
} from "./follow-up-rules";
import type { NewFollowUp } from "./inputs";

export type FollowUpItem = {
  id: number;
  organizationId: number;
  organizationName: string;
  title: string;
  dueOn: string;
  state: FollowUpState;
  createdBy: string | null;
  completedAt: Date | null;
  completedBy: string | null;
};

/**
 * The follow-up reads of an organization's page and the viewer's profile zone, prepared once per
 * database: built by Drizzle on every view they cost about 0.2 ms each (issue 25).
 */
const followUpReads = perDatabase((db: Db) => {
  const organization = sql.placeholder("organization");
  return {
    zone: db
      .select({ timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, sql.placeholder("user")))
      .prepare(),
    organization: db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, organization))
      .prepare(),
    open: selectItems(db)
      .where(and(eq(followUps.organizationId, organization), isNull(followUps.completedAt)))
      .orderBy(asc(followUps.dueOn), asc(followUps.id))
      .limit(MAX_OPEN_FOLLOW_UPS)
      .prepare(),
    done: selectItems(db)
      .where(and(eq(followUps.organizationId, organization), isNotNull(followUps.completedAt)))
      .orderBy(desc(followUps.completedAt), desc(followUps.id))
      .limit(RECENT_DONE_FOLLOW_UPS)
      .prepare(),
  };
});

/** The viewer's today ("YYYY-MM-DD") in the time zone of their profile (UTC when they have none). */
export function viewerToday(db: Db, userId: number, now: Date): string {
  const profile = followUpReads(db).zone.get({ user: userId });
  return dayIn(now, profile?.timeZone ?? "UTC");
}

function selectItems(db: Db) {
  const creator = sql<string | null>`(select name from users where users.id = ${followUps.createdById})`;
  const completer = sql<string | null>`(select name from users where users.id = ${followUps.completedById})`;
  return db
    .select({
      id: followUps.id,
      organizationId: followUps.organizationId,
      organizationName: organizations.name,
      title: followUps.title,
      dueOn: followUps.dueOn,
      createdBy: creator,
      completedAt: followUps.completedAt,
      completedBy: completer,
    })
    .from(followUps)
    .innerJoin(organizations, eq(organizations.id, followUps.organizationId));
}

type Row = Omit<FollowUpItem, "state">;
const withState = (today: string) => (r: Row) => ({
  ...r,
  state: followUpState(r.dueOn, r.completedAt !== null, today),
});

/**
 * One organization's follow-ups for its staff page: every open one (at most MAX_OPEN_FOLLOW_UPS,
 * soonest due first) and the latest completed ones, each with where it stands against the viewer's
 * today, and whether the viewer may change them (the account team, managers and admins).
 */
export function listFollowUps(db: Db, user: SessionUser, organizationId: number, now: Date) {
  assertCanReadOrganization(user, organizationId);
  const reads = followUpReads(db);
  if (!reads.organization.get({ organization: organizationId })) throw notFound("Organization");
  const today = viewerToday(db, user.id, now);
  const open = reads.open.all({ organization: organizationId });
  const done = reads.done.all({ organization: organizationId });
  return {
    today,
    canManage: canManageOrganization(db, user, organizationId),
    open: open.map(withState(today)),
    done: done.map(withState(today)),
  };
}

/**
 * The open follow-ups across the user's portfolio (an account manager's organizations; everyone's
 * for managers and admins), soonest due first: at most `limit`, with how many are open and overdue.
 */
export function myFollowUps(db: Db, user: SessionUser, now: Date, limit = 20) {
  const today = viewerToday(db, user.id, now);
  const open = and(isNull(followUps.completedAt), portfolioScope(user));
  const counts = db
    .select({
      total: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(case when ${followUps.dueOn} < ${today} then 1 else 0 end), 0)`,
    })
    .from(followUps)
    .innerJoin(organizations, eq(organizations.id, followUps.organizationId))
    .where(open)
    .get();
  const items = selectItems(db).where(open).orderBy(asc(followUps.dueOn), asc(followUps.id)).limit(limit).all();
  return {
    today,
    total: counts?.total ?? 0,
    overdue: counts?.overdue ?? 0,
    items: items.map(withState(today)),
  };
}

/** A follow-up change in the audit log, under its organization. */
function audit(
  db: Pick<Db, "insert">,
  user: SessionUser,
  action: "followUp.add" | "followUp.complete" | "followUp.reopen" | "followUp.delete",
  followUp: { id: number; organizationId: number },
  now: Date,
  extra: Record<string, string> = {},
): void {
  recordAudit(db, {
    actorId: user.id,
    action,
    entity: "organization",
    entityId: String(followUp.organizationId),
    detail: { followUpId: followUp.id, ...extra },
    at: now,
  });
}

/**
 * Adds a follow-up to an organization the user manages, due on the day they picked (kept as that
 * day). Refused when the day lies before the viewer's today or over two years ahead, and when the
 * organization already holds MAX_OPEN_FOLLOW_UPS open ones.
 */
export function addFollowUp(db: Db, user: SessionUser, input: NewFollowUp, now: Date): { id: number } {
  assertCanManageOrganization(db, user, input.organizationId);
  refuseIf(dueDayRefusal(input.dueOn, viewerToday(db, user.id, now)));
  return db.transaction(
    (tx) => {
      assertRoomFor(tx, input.organizationId);
      const row = tx
        .insert(followUps)
        .values({
          organizationId: input.organizationId,
          title: input.title.trim(),
          dueOn: input.dueOn,
          createdById: user.id,
          createdAt: now,
        })
        .returning({ id: followUps.id })
        .get();
      audit(tx, user, "followUp.add", { organizationId: input.organizationId, id: row.id }, now, {
        dueOn: input.dueOn,
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Refuses one more open follow-up for an organization that holds MAX_OPEN_FOLLOW_UPS already. */
function assertRoomFor(db: Pick<Db, "select">, organizationId: number): void {
  const open = db
    .select({ n: sql<number>`count(*)` })
    .from(followUps)
    .where(and(eq(followUps.organizationId, organizationId), isNull(followUps.completedAt)))
    .get();
  if ((open?.n ?? 0) >= MAX_OPEN_FOLLOW_UPS)
    throw new DomainError(
      "CONFLICT",
      `An organization holds at most ${MAX_OPEN_FOLLOW_UPS} open follow-ups: complete or delete one first.`,
      "accounts.errors.tooManyFollowUps",
      { max: MAX_OPEN_FOLLOW_UPS },
    );
}

/** The follow-up, if the user may change it (else NOT_FOUND, or the organization's refusal). */
function loadManaged(db: Pick<Db, "select">, user: SessionUser, id: number) {
  const row = db
    .select({ id: followUps.id, organizationId: followUps.organizationId, completedAt: followUps.completedAt })
    .from(followUps)
    .where(eq(followUps.id, id))
    .get();
  if (!row) throw notFound("Follow-up");
  assertCanManageOrganization(db, user, row.organizationId);
  return row;
}

/**
 * Marks a follow-up done (`done`) or open again. Idempotent: completing a completed one keeps its
 * first completion; reopening an open one changes nothing. Audited when it changes.
 */
export function setFollowUpDone(
  db: Db,
  user: SessionUser,
  input: { id: number; done: boolean },
  now: Date,
): { id: number; done: boolean } {
  return db.transaction(
    (tx) => {
      const row = loadManaged(tx, user, input.id);
      if ((row.completedAt !== null) === input.done) return { id: row.id, done: input.done };
      if (!input.done) assertRoomFor(tx, row.organizationId);
      tx.update(followUps)
        .set(input.done ? { completedAt: now, completedById: user.id } : { completedAt: null, completedById: null })
        .where(eq(followUps.id, row.id))
        .run();
      audit(tx, user, input.done ? "followUp.complete" : "followUp.reopen", row, now);
      return { id: row.id, done: input.done };
    },
    { behavior: "immediate" },
  );
}

/** Deletes a follow-up of an organization the user manages (audited). */
export function deleteFollowUp(db: Db, user: SessionUser, id: number, now: Date): void {
  db.transaction(
    (tx) => {
      const row = loadManaged(tx, user, id);
      tx.delete(followUps).where(eq(followUps.id, row.id)).run();
      audit(tx, user, "followUp.delete", row, now);
    },
    { behavior: "immediate" },
  );
}

/**
 * Managers' rotas: create and edit a rota, add and remove shifts and overrides, and read a rota with
 * its coverage, gaps and overlaps. Every change is one transaction with its audit entry.
 */
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { onCallPageEvents, onCallPages, rotaMembers, rotas, rotaShifts, tickets, users } from "@/db/schema";
import {
  REGIONS,
  type OnCallRole,
  type ProductArea,
  type Region,
  type RotaKind,
  type RotaShiftKind,
} from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import { loadPlan, onCallEligible, whoIsOnCall, type Reader } from "./load";
import { coverage, findGaps, findOverlaps, weekdayOf } from "./rota";
import { rotaRefusal, shiftRefusal } from "./rota-rules";

const DAY = 86_400_000;
/** How far ahead the rota page shows coverage and looks for gaps. */
export const LOOKAHEAD_DAYS = 28;

export type SaveRotaInput = {
  id?: number;
  name: string;
  region: Region;
  productArea: ProductArea | null;
  timeZone: string;
  kind: RotaKind;
  startDate: string;
  handoverTime: string;
  managerId: number;
  ackMinutesP0: number;
  ackMinutesP1: number;
  members: number[];
};

/** People who may be on call (active support staff), for the rota form. */
export function onCallCandidates(db: Reader) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(onCallEligible())
    .orderBy(asc(users.name))
    .all();
}

function assertCandidates(tx: Reader, ids: number[]): void {
  if (ids.length === 0) return;
  const found = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), onCallEligible()))
    .all();
  if (found.length !== new Set(ids).size)
    throw new DomainError("INVALID", "Only active support staff can be on call.", "onCall.errors.notSupportStaff");
}

/** Creates or updates a rota (settings and rotation order) for a region and optional product area. */
export function saveRota(db: Db, actor: SessionUser, input: SaveRotaInput, now: Date): { id: number } {
  refuseIf(rotaRefusal(input));
  return db.transaction((tx) => {
    assertCandidates(tx, input.members);
    const manager = tx.select({ role: users.role }).from(users).where(eq(users.id, input.managerId)).get();
    if (manager?.role !== "manager")
      throw new DomainError("INVALID", "The rota's manager must be a support manager.", "onCall.errors.manager");
    const clash = tx
      .select({ id: rotas.id })
      .from(rotas)
      .where(
        and(
          eq(rotas.region, input.region),
          input.productArea === null ? isNull(rotas.productArea) : eq(rotas.productArea, input.productArea),
          input.id ? ne(rotas.id, input.id) : sql`1 = 1`,
        ),
      )
      .get();
    if (clash)
      throw new DomainError(
        "CONFLICT",
        "This region and product area already have a rota; edit that one.",
        "onCall.errors.duplicateRota",
      );
    const values = {
      name: input.name,
      region: input.region,
      productArea: input.productArea,
      timeZone: input.timeZone,
      kind: input.kind,
      startDate: input.startDate,
      handoverTime: input.handoverTime,
      handoverWeekday: weekdayOf(input.startDate),
      managerId: input.managerId,
      ackMinutesP0: input.ackMinutesP0,
      ackMinutesP1: input.ackMinutesP1,
      updatedAt: now,
    };
    let id: number;
    let before: unknown = null;
    if (input.id) {
      const old = tx.select().from(rotas).where(eq(rotas.id, input.id)).get();
      if (!old) throw notFound("Rota");
      before = {
        ...old,
        members: tx
          .select()
          .from(rotaMembers)
          .where(eq(rotaMembers.rotaId, old.id))
          .all()
          .map((m) => m.userId),
      };
      tx.update(rotas).set(values).where(eq(rotas.id, input.id)).run();
      tx.delete(rotaMembers).where(eq(rotaMembers.rotaId, input.id)).run();
      id = input.id;
    } else
      id = tx
        .insert(rotas)
        .values({ ...values, createdAt: now })
        .returning({ id: rotas.id })
        .get().id;
    input.members.forEach((userId, position) => tx.insert(rotaMembers).values({ rotaId: id, position, userId }).run());
    recordAudit(tx, {
      actorId: actor.id,
      action: input.id ? "rota.update" : "rota.create",
      entity: "rota",
      entityId: String(id),
      detail: { before, after: { ...values, members: input.members } },
      at: now,
    });
    return { id };
  });
}

export type AddShiftInput = {
  rotaId: number;
  kind: RotaShiftKind;
  role: OnCallRole;
  userId: number;
  startsLocal: string;
  endsLocal: string;
  note: string | null;
};

/**
 * Adds a custom rota's shift or any rota's override (a holiday, a swap), entered in the rota's
 * zone. Overlapping another entry of the same kind and role is refused; an override may cover a shift.
 */
export function addShift(db: Db, actor: SessionUser, input: AddShiftInput, now: Date): { id: number } {
  return db.transaction((tx) => {
    const rota = tx.select().from(rotas).where(eq(rotas.id, input.rotaId)).get();
    if (!rota) throw notFound("Rota");
    if (input.kind === "shift" && rota.kind !== "custom")
      throw new DomainError(
        "INVALID",
        "A weekly rota follows its rotation; use an override to change who is on call.",
        "onCall.errors.shiftOnWeekly",
      );
    assertCandidates(tx, [input.userId]);
    const sameKind = tx
      .select()
      .from(rotaShifts)
      .where(and(eq(rotaShifts.rotaId, rota.id), eq(rotaShifts.kind, input.kind), eq(rotaShifts.role, input.role)))
      .all()
      .map((s) => ({ role: s.role, userId: s.userId, startsAt: s.startsAt, endsAt: s.endsAt }));
    const checked = shiftRefusal(input, rota.timeZone, sameKind);
    if ("refusal" in checked) refuseIf(checked.refusal);
    const { startsAt, endsAt } = checked as { startsAt: Date; endsAt: Date };
    const row = tx
      .insert(rotaShifts)
      .values({
        rotaId: rota.id,
        kind: input.kind,
        role: input.role,
        userId: input.userId,
        startsAt,
        endsAt,
        note: input.note,
        createdById: actor.id,
        createdAt: now,
      })
      .returning({ id: rotaShifts.id })
      .get();
    tx.update(rotas).set({ updatedAt: now }).where(eq(rotas.id, rota.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: `rota.${input.kind}.add`,
      entity: "rota",
      entityId: String(rota.id),
      detail: {
        before: null,
        after: { id: row.id, role: input.role, userId: input.userId, startsAt, endsAt, note: input.note },
      },
      at: now,
    });
    return row;
  });
}

/** Removes a shift or override. */
export function removeShift(db: Db, actor: SessionUser, shiftId: number, now: Date): { ok: true } {
  return db.transaction((tx) => {
    const row = tx.select().from(rotaShifts).where(eq(rotaShifts.id, shiftId)).get();
    if (!row) throw notFound("Shift");
    tx.delete(rotaShifts).where(eq(rotaShifts.id, shiftId)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: `rota.${row.kind}.remove`,
      entity: "rota",
      entityId: String(row.rotaId),
      detail: { before: row, after: null },
      at: now,
    });
    return { ok: true as const };
  });
}

function names(db: Reader, ids: number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, unique))
      .all()
      .map((u) => [u.id, u.name]),
  );
}

/** Every rota with who is on call now, its gaps in the next LOOKAHEAD_DAYS, and regions without a rota. */
export function listRotas(db: Reader, now: Date) {
  const until = new Date(now.getTime() + LOOKAHEAD_DAYS * DAY);
  const onCall = whoIsOnCall(db, now);
  const rows = db.select().from(rotas).all();
  const gaps = new Map(rows.map((r) => [r.id, findGaps(loadPlan(db, r, now, until), now, until)]));
  return {
    rotas: onCall.map((r) => ({ ...r, gaps: gaps.get(r.rotaId) ?? [] })),
    regionsWithoutRota: REGIONS.filter((region) => !rows.some((r) => r.region === region && r.productArea === null)),
  };
}

/** One rota: settings, rotation, shifts and overrides ahead, coverage, gaps and overlaps. */
export function getRota(db: Reader, rotaId: number, now: Date) {
  const rota = db.select().from(rotas).where(eq(rotas.id, rotaId)).get();
  if (!rota) throw notFound("Rota");
  const until = new Date(now.getTime() + LOOKAHEAD_DAYS * DAY);
  const plan = loadPlan(db, rota, now, until);
  const entries = db
    .select()
    .from(rotaShifts)
    .where(and(eq(rotaShifts.rotaId, rota.id), sql`${rotaShifts.endsAt} > ${now.getTime()}`))
    .orderBy(asc(rotaShifts.startsAt))
    .all();
  const cover = coverage(plan, now, until);
  const who = names(db, [
    ...plan.members,
    rota.managerId,
    ...entries.map((e) => e.userId),
    ...cover.flatMap((c) => [c.primary, c.secondary]).filter((x): x is number => x !== null),
  ]);
  const person = (id: number | null) => (id === null ? null : { id, name: who.get(id) ?? "" });
  const overlaps = findOverlaps(plan.shifts).concat(findOverlaps(plan.overrides));
  return {
    rota: {
      id: rota.id,
      name: rota.name,
      region: rota.region,
      productArea: rota.productArea,
      timeZone: rota.timeZone,
      kind: rota.kind,
      startDate: rota.startDate,
      handoverTime: rota.handoverTime,
      managerId: rota.managerId,
      manager: who.get(rota.managerId) ?? "",
      ackMinutesP0: rota.ackMinutesP0,
      ackMinutesP1: rota.ackMinutesP1,
    },
    // A member who may no longer be on call (deactivated, or not support staff) is a gap in the rotation.
    members: plan.members.map((id) => ({
      id,
      name: who.get(id) ?? "",
      available: !(plan.unavailable ?? []).includes(id),
    })),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      role: e.role,
      person: person(e.userId)!,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      note: e.note,
    })),
    coverage: cover.map((c) => ({
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      primary: person(c.primary),
      secondary: person(c.secondary),
    })),
    gaps: findGaps(plan, now, until),
    overlaps: overlaps.map(([a, b]) => ({ startsAt: b.startsAt, endsAt: a.endsAt < b.endsAt ? a.endsAt : b.endsAt })),
  };
}

/** Pages waiting for the user's acknowledgement, and the paging log (newest first) with latencies. */
export function pagesFor(db: Reader, user: SessionUser, opts: { limit: number }) {
  const select = () =>
    db
      .select({
        id: onCallPages.id,
        ticketId: onCallPages.ticketId,
        subject: tickets.subject,
        priority: onCallPages.priority,
        reason: onCallPages.reason,
        level: onCallPages.level,
        userId: onCallPages.userId,
        attempts: onCallPages.attempts,
        triggeredAt: onCallPages.triggeredAt,
        acknowledgedAt: onCallPages.acknowledgedAt,
        acknowledgedById: onCallPages.acknowledgedById,
      })
      .from(onCallPages)
      .innerJoin(tickets, eq(tickets.id, onCallPages.ticketId));
  const latest = select().orderBy(desc(onCallPages.triggeredAt), desc(onCallPages.id)).limit(opts.limit).all();
  // Uses on_call_pages_user_open_idx: however old, a page waiting for this user is listed.
  const waitingRows = select()
    .where(and(eq(onCallPages.userId, user.id), isNull(onCallPages.acknowledgedAt)))
    .orderBy(desc(onCallPages.triggeredAt))
    .limit(100)
    .all();
  const mine = waitingRows.map((p) => p.id);
  const rows = [...waitingRows.filter((w) => !latest.some((l) => l.id === w.id)), ...latest];
  const pageIds = rows.map((r) => r.id);
  const events =
    pageIds.length === 0
      ? []
      : db
          .select()
          .from(onCallPageEvents)
          .where(inArray(onCallPageEvents.pageId, pageIds))
          .orderBy(asc(onCallPageEvents.id))
          .all();
  const who = names(db, [
    ...rows.flatMap((r) => [r.userId, r.acknowledgedById]).filter((x): x is number => x !== null),
    ...events.map((e) => e.userId).filter((x): x is number => x !== null),
  ]);
  const log = rows.map((r) => ({
    id: r.id,
    ticketId: r.ticketId,
    subject: r.subject,
    priority: r.priority,
    reason: r.reason,
    level: r.level,
    person: r.userId === null ? null : (who.get(r.userId) ?? ""),
    triggeredAt: r.triggeredAt,
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedBy: r.acknowledgedById === null ? null : (who.get(r.acknowledgedById) ?? ""),
    ackLatencyMs: r.acknowledgedAt ? r.acknowledgedAt.getTime() - r.triggeredAt.getTime() : null,
    mine: mine.includes(r.id),
    events: events
      .filter((e) => e.pageId === r.id)
      .map((e) => ({
        kind: e.kind,
        level: e.level,
        person: e.userId === null ? null : (who.get(e.userId) ?? ""),
        at: e.at,
        latencyMs: e.latencyMs,
      })),
  }));
  return { waiting: log.filter((p) => p.mine && !p.acknowledgedAt), log };
}

/**
 * Reads rotas into the pure plan of ./rota.ts, for one instant or a range, reading only the shifts
 * and overrides that touch it (rota_shifts_rota_idx).
 */
import { and, asc, eq, gt, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { organizations, rotaMembers, rotas, rotaShifts, tickets, users } from "@/db/schema";
import { SUPPORT_ROLES } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { chooseRota, onCallAt, type OnCallNow, type RotaPlan, type Shift } from "./rota";

export type Reader = Pick<Db, "select">;
export type Rota = typeof rotas.$inferSelect;

/** Who may be on call: active support staff (the rota form's candidates, and who a page reaches). */
export const onCallEligible = (): SQL =>
  and(inArray(users.role, [...SUPPORT_ROLES]), eq(users.active, true), isNull(users.deactivatedAt))!;

/** Of `ids`, those who may not be on call (deactivated, or no longer support staff). */
export function unavailableOf(db: Reader, ids: readonly (number | null)[]): number[] {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return [];
  const eligible = new Set(
    db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, unique), onCallEligible()))
      .all()
      .map((u) => u.id),
  );
  return unique.filter((id) => !eligible.has(id));
}

/** A rota's plan with the shifts and overrides that touch [from, to). */
export function loadPlan(db: Reader, rota: Rota, from: Date, to: Date): RotaPlan {
  const members = db
    .select({ userId: rotaMembers.userId })
    .from(rotaMembers)
    .where(eq(rotaMembers.rotaId, rota.id))
    .orderBy(asc(rotaMembers.position))
    .all()
    .map((m) => m.userId);
  const rows = db
    .select()
    .from(rotaShifts)
    .where(and(eq(rotaShifts.rotaId, rota.id), gt(rotaShifts.endsAt, from), lt(rotaShifts.startsAt, to)))
    .all();
  const toShift = (r: (typeof rows)[number]): Shift => ({
    role: r.role,
    userId: r.userId,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
  });
  return {
    unavailable: unavailableOf(db, [...members, ...rows.map((r) => r.userId)]),
    kind: rota.kind,
    timeZone: rota.timeZone,
    startDate: rota.startDate,
    handoverTime: rota.handoverTime,
    members,
    shifts: rows.filter((r) => r.kind === "shift").map(toShift),
    overrides: rows.filter((r) => r.kind === "override").map(toShift),
  };
}

/** Who is on call in a rota at an instant. */
export function onCallInRota(db: Reader, rota: Rota, at: Date): OnCallNow {
  return onCallAt(loadPlan(db, rota, at, new Date(at.getTime() + 1)), at);
}

/** The rota that covers a ticket (its organization's region and its product area), or null. */
export function rotaForTicket(db: Reader, ticketId: number): Rota | null {
  const t = db
    .select({ region: organizations.region, productArea: tickets.productArea })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .where(eq(tickets.id, ticketId))
    .get();
  if (!t) return null;
  return chooseRota(db.select().from(rotas).where(eq(rotas.region, t.region)).all(), t.region, t.productArea);
}

export type OnCallSummary = {
  rotaId: number;
  name: string;
  region: Rota["region"];
  productArea: Rota["productArea"];
  timeZone: string;
  primary: { id: number; name: string } | null;
  secondary: { id: number; name: string } | null;
};

/** Every rota with who is on call now (the queue header and the staff home). */
export function whoIsOnCall(db: Reader, now: Date): OnCallSummary[] {
  const all = db.select().from(rotas).orderBy(asc(rotas.region), asc(rotas.name)).all();
  const who = all.map((r) => ({ rota: r, ...onCallInRota(db, r, now) }));
  const ids = [...new Set(who.flatMap((w) => [w.primary, w.secondary]).filter((x): x is number => x !== null))];
  const names = new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, ids))
          .all()
          .map((u) => [u.id, u.name]),
  );
  const person = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? "" });
  return who.map((w) => ({
    rotaId: w.rota.id,
    name: w.rota.name,
    region: w.rota.region,
    productArea: w.rota.productArea,
    timeZone: w.rota.timeZone,
    primary: person(w.primary),
    secondary: person(w.secondary),
  }));
}

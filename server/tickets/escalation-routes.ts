/**
 * Escalation routes per product area (issue #22): loading what `chooseL2Assignee` needs, and the
 * administrators' settings. The choice itself is the pure rule in ./escalation-route.ts.
 */
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import { escalationRouteExperts, escalationRoutes, tickets, users } from "@/db/schema";
import {
  OPEN_TICKET_STATUSES,
  PRODUCT_AREAS,
  SUPPORT_ROLES,
  type EscalationRouteMode,
  type ProductArea,
} from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { onCallInRota, rotaForTicket } from "@/server/on-call/load";
import { chooseL2Assignee, type Candidate } from "./escalation-route";

type Reader = Pick<Db, "select">;

/** Open tickets held by each of `ids` (through tickets_assignee_idx). */
function openLoads(db: Reader, ids: number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: tickets.assigneeId, n: count() })
    .from(tickets)
    .where(and(inArray(tickets.assigneeId, ids), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
    .groupBy(tickets.assigneeId)
    .all();
  return new Map(rows.map((r) => [r.id!, r.n]));
}

const activeSupport = (db: Reader, ids: number[]) =>
  ids.length === 0
    ? []
    : db
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(and(inArray(users.id, ids), eq(users.active, true), inArray(users.role, [...SUPPORT_ROLES])))
        .all();

/** Whom a ticket escalated to L2 now goes to, by its product area's route. */
export function l2AssigneeFor(db: Reader, ticket: { id: number; productArea: ProductArea }, now: Date) {
  const route = db.select().from(escalationRoutes).where(eq(escalationRoutes.productArea, ticket.productArea)).get();
  let onCall: number | null = null;
  if (route?.mode === "on_call") {
    const rota = rotaForTicket(db, ticket.id);
    if (rota) onCall = onCallInRota(db, rota, now).primary;
  }
  const areaIds = db
    .select({ id: escalationRouteExperts.userId })
    .from(escalationRouteExperts)
    .where(eq(escalationRouteExperts.productArea, ticket.productArea))
    .all()
    .map((r) => r.id);
  const area = activeSupport(db, areaIds);
  const allExperts = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "expert"), eq(users.active, true)))
    .all()
    .map((r) => r.id);
  const loads = openLoads(db, [...new Set([...area.map((a) => a.id), ...allExperts])]);
  const withLoad = (ids: number[]): Candidate[] => ids.map((id) => ({ id, openTickets: loads.get(id) ?? 0 }));
  return chooseL2Assignee({
    mode: route?.mode ?? null,
    onCall,
    onCallEligible: onCall !== null && activeSupport(db, [onCall]).length === 1,
    areaExperts: withLoad(area.map((a) => a.id)),
    allExperts: withLoad(allExperts),
  });
}

/** Every product area's route (none set: least loaded) with its experts, for the admin page. */
export function listEscalationRoutes(db: Reader) {
  const routes = new Map(
    db
      .select()
      .from(escalationRoutes)
      .all()
      .map((r) => [r.productArea, r]),
  );
  const experts = db
    .select({ area: escalationRouteExperts.productArea, id: users.id, name: users.name })
    .from(escalationRouteExperts)
    .innerJoin(users, eq(users.id, escalationRouteExperts.userId))
    .orderBy(asc(users.name))
    .all();
  return PRODUCT_AREAS.map((area) => ({
    productArea: area,
    mode: routes.get(area)?.mode ?? ("least_loaded" as EscalationRouteMode),
    experts: experts.filter((e) => e.area === area).map((e) => ({ id: e.id, name: e.name })),
  }));
}

/** Sets one product area's route and its experts (support staff only), audited with before and after. */
export function saveEscalationRoute(
  db: Db,
  actor: SessionUser,
  input: { productArea: ProductArea; mode: EscalationRouteMode; expertIds: number[] },
  now: Date,
) {
  const ids = [...new Set(input.expertIds)];
  return db.transaction(
    (tx) => {
      if (activeSupport(tx, ids).length !== ids.length)
        throw new DomainError(
          "INVALID",
          "Choose active support staff as the area's experts.",
          "escalationRoutes.errors.experts",
        );
      const before = listEscalationRoutes(tx).find((r) => r.productArea === input.productArea)!;
      tx.insert(escalationRoutes)
        .values({ productArea: input.productArea, mode: input.mode, updatedById: actor.id, updatedAt: now })
        .onConflictDoUpdate({
          target: escalationRoutes.productArea,
          set: { mode: input.mode, updatedById: actor.id, updatedAt: now },
        })
        .run();
      tx.delete(escalationRouteExperts).where(eq(escalationRouteExperts.productArea, input.productArea)).run();
      for (const userId of ids)
        tx.insert(escalationRouteExperts).values({ productArea: input.productArea, userId }).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "escalationRoute.save",
        entity: "escalation_route",
        entityId: input.productArea,
        detail: {
          before: { mode: before.mode, expertIds: before.experts.map((e) => e.id) },
          after: { mode: input.mode, expertIds: ids },
        },
        at: now,
      });
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}

/** Support staff who may be named an area's expert. */
export function routeCandidates(db: Reader) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...SUPPORT_ROLES]), isNotNull(users.name)))
    .orderBy(asc(users.name))
    .all();
}

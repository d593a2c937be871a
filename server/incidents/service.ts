import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import {
  incidentOrganizations,
  incidents,
  incidentUpdates,
  organizations,
  preventionActions,
  tiers,
  users,
} from "@/db/schema";
import type { Region, TierCode } from "@/db/schema/enums";
import { ACTION_STATUSES } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import { readableOrganization } from "@/server/api/scope";
import { can } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import { perDatabase, type Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { countsAsDowntime } from "@/server/availability/availability";
import { announceIncident, syncReminder } from "./notices";
import { downtimeRule, incidentPhase, incidentProblem } from "./rules";
import { shortNotice } from "./subscription-rules";
import type { IncidentInput, IncidentListFilters } from "./input";
import { INCIDENT_COLUMNS } from "./columns";

export type { IncidentInput, IncidentListFilters } from "./input";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * The SQL condition "this incident affected organization X": all organizations in its regions, or
 * X is on its list. The SQL twin of `incidentAffects` in the availability service.
 */
export function affectsOrganizationSql(org: { id: number; region: Region }): SQL {
  return or(
    and(
      eq(incidents.allOrganizations, true),
      sql`exists (select 1 from json_each(${incidents.regions}) where value = ${org.region})`,
    ),
    sql`exists (select 1 from ${incidentOrganizations} where ${incidentOrganizations.incidentId} = ${incidents.id} and ${incidentOrganizations.organizationId} = ${org.id})`,
  )!;
}

/** organizationOf's read, prepared once per database: a customer's every incident list asks (issue 25). */
const organizationRead = perDatabase((db: Db) =>
  db
    .select({ id: organizations.id, name: organizations.name, region: organizations.region, tierCode: tiers.code })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .where(eq(organizations.id, sql.placeholder("organization")))
    .prepare(),
);

function organizationOf(db: Db, organizationId: number) {
  const org = organizationRead(db).get({ organization: organizationId });
  if (!org) throw notFound("Organization");
  return org;
}

/** A customer's condition on incidents: only those that affected their organization; staff: none. */
function customerScope(db: Db, user: SessionUser): SQL | undefined {
  if (user.role !== "customer") return undefined;
  return affectsOrganizationSql(organizationOf(db, readableOrganization(user)!));
}

function assertWriter(user: SessionUser) {
  if (!can(user, "incidents.write"))
    throw new DomainError("FORBIDDEN", "You do not have permission to do this.", "errors.forbidden");
}

/**
 * Incidents a user may see, ongoing first (then scheduled maintenance, then ended, newest first).
 * A customer sees only incidents that affected their organization, whatever filter they pass.
 */
export function listIncidents(db: Db, user: SessionUser, filters: IncidentListFilters, now: Date) {
  const conditions: (SQL | undefined)[] = [customerScope(db, user)];
  if (filters.productArea) conditions.push(eq(incidents.productArea, filters.productArea));
  if (filters.severity) conditions.push(eq(incidents.severity, filters.severity));
  if (filters.kind) conditions.push(eq(incidents.planned, filters.kind === "maintenance"));
  if (filters.region)
    conditions.push(sql`exists (select 1 from json_each(${incidents.regions}) where value = ${filters.region})`);
  if (filters.organizationId !== undefined && user.role !== "customer")
    conditions.push(affectsOrganizationSql(organizationOf(db, filters.organizationId)));
  const t = now.getTime();
  if (filters.phase === "scheduled") conditions.push(gt(incidents.startedAt, now));
  if (filters.phase === "ongoing")
    conditions.push(lte(incidents.startedAt, now), or(isNull(incidents.endedAt), gt(incidents.endedAt, now)));
  if (filters.phase === "ended") conditions.push(isNotNull(incidents.endedAt), lte(incidents.endedAt, now));
  const phaseRank = sql<number>`case when ${incidents.startedAt} <= ${t} and (${incidents.endedAt} is null or ${incidents.endedAt} > ${t}) then 0 when ${incidents.startedAt} > ${t} then 1 else 2 end`;
  const rows = db
    .select({
      ...INCIDENT_COLUMNS,
      listed: sql<number>`(select count(*) from ${incidentOrganizations} where ${incidentOrganizations.incidentId} = ${incidents.id})`,
    })
    .from(incidents)
    .where(and(...conditions))
    .orderBy(phaseRank, desc(incidents.startedAt), desc(incidents.id))
    .limit(filters.limit)
    .all();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    productArea: r.productArea,
    regions: r.regions,
    severity: r.severity,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    planned: r.planned,
    announcedAt: r.announcedAt,
    phase: incidentPhase(r, now),
    countsAsDowntime: countsAsDowntime(r),
    // Customers never learn which other organizations were on a list.
    scope: r.allOrganizations ? ("regions" as const) : ("list" as const),
    listedOrganizations: user.role === "customer" ? null : r.listed,
  }));
}

/**
 * One incident with its updates and post-incident review. Customers get it only if it affected
 * their organization (otherwise it "does not exist"), and without the list of affected
 * organizations or the internal owners of prevention actions. Updates come newest first, as on a
 * status page: the incident's latest state leads.
 */
export function getIncident(db: Db, user: SessionUser, id: number, now: Date) {
  const row = db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), customerScope(db, user)))
    .get();
  if (!row) throw notFound("Incident");
  const staff = user.role !== "customer";
  const affected = staff
    ? db
        .select({ id: organizations.id, name: organizations.name, region: organizations.region, tierCode: tiers.code })
        .from(incidentOrganizations)
        .innerJoin(organizations, eq(organizations.id, incidentOrganizations.organizationId))
        .innerJoin(tiers, eq(tiers.id, organizations.tierId))
        .where(eq(incidentOrganizations.incidentId, id))
        .orderBy(asc(organizations.name))
        .all()
    : [];
  const updates = db
    .select({ id: incidentUpdates.id, at: incidentUpdates.at, body: incidentUpdates.body })
    .from(incidentUpdates)
    .where(eq(incidentUpdates.incidentId, id))
    .orderBy(desc(incidentUpdates.at), desc(incidentUpdates.id))
    .all();
  const actions = db
    .select()
    .from(preventionActions)
    .where(eq(preventionActions.incidentId, id))
    .orderBy(asc(preventionActions.dueDate), asc(preventionActions.id))
    .all();
  const author = row.createdById
    ? db.select({ name: users.name }).from(users).where(eq(users.id, row.createdById)).get()
    : undefined;
  return {
    id: row.id,
    title: row.title,
    productArea: row.productArea,
    regions: row.regions,
    severity: row.severity,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    planned: row.planned,
    announcedAt: row.announcedAt,
    allOrganizations: row.allOrganizations,
    summary: row.summary,
    rootCause: row.rootCause,
    reviewTimeline: row.reviewTimeline,
    createdAt: row.createdAt,
    createdBy: staff ? (author?.name ?? null) : null,
    phase: incidentPhase(row, now),
    downtimeRule: downtimeRule(row),
    affectedOrganizations: affected,
    updates,
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: staff ? a.owner : null,
      dueDate: a.dueDate,
      status: a.status,
    })),
  };
}

function checkOrganizations(tx: Pick<Db, "select">, ids: number[]) {
  if (ids.length === 0) return;
  const found = tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids)).all();
  if (found.length !== new Set(ids).size)
    throw new DomainError(
      "INVALID",
      "One of the chosen organizations does not exist.",
      "incidents.errors.unknownOrganization",
    );
}

function validate(input: IncidentInput, now: Date) {
  const problem = incidentProblem(input, now);
  if (problem) throw new DomainError("INVALID", problem.message, problem.messageKey);
}

function writeOrganizations(tx: Tx, incidentId: number, input: IncidentInput) {
  tx.delete(incidentOrganizations).where(eq(incidentOrganizations.incidentId, incidentId)).run();
  if (input.allOrganizations) return;
  for (const organizationId of [...new Set(input.organizationIds)])
    tx.insert(incidentOrganizations).values({ incidentId, organizationId }).run();
}

const columns = (input: IncidentInput) => ({
  title: input.title,
  productArea: input.productArea,
  regions: [...new Set(input.regions)],
  severity: input.severity,
  startedAt: input.startedAt,
  endedAt: input.endedAt,
  planned: input.planned,
  announcedAt: input.planned ? input.announcedAt : null,
  allOrganizations: input.allOrganizations,
  summary: input.summary,
});

/**
 * Staff record an outage or maintenance window. The incident, its list of organizations, the
 * notices to subscribed customers (and the "incident" webhook event), the maintenance reminder and
 * the audit entry commit together; an inconsistent record (see `incidentProblem`) writes nothing.
 * Maintenance starting less than 72 hours ahead is announced but flagged `shortNotice` (it counts
 * as downtime under the availability rule).
 */
export function createIncident(
  db: Db,
  actor: SessionUser,
  input: IncidentInput,
  now: Date,
): { id: number; notified: number; shortNotice: boolean } {
  assertWriter(actor);
  validate(input, now);
  return db.transaction((tx) => {
    checkOrganizations(tx, input.allOrganizations ? [] : input.organizationIds);
    const row = tx
      .insert(incidents)
      .values({ ...columns(input), createdById: actor.id, createdAt: now })
      .returning({ id: incidents.id })
      .get();
    writeOrganizations(tx, row.id, input);
    syncReminder(tx, { id: row.id, ...input }, now);
    const notified = announceIncident(tx, row.id, "declared", now);
    const flagged = input.planned && shortNotice(input.startedAt, now);
    recordAudit(tx, {
      actorId: actor.id,
      action: "incident.create",
      entity: "incident",
      entityId: String(row.id),
      detail: { title: input.title, planned: input.planned, notified, shortNotice: flagged },
      at: now,
    });
    return { id: row.id, notified, shortNotice: flagged };
  });
}

/**
 * Staff correct an incident (times, scope, summary); availability figures follow at once. Subscribers
 * are told of the change (and webhooks get it) unless the incident was and stays over.
 */
export function updateIncident(db: Db, actor: SessionUser, id: number, input: IncidentInput, now: Date): void {
  assertWriter(actor);
  validate(input, now);
  db.transaction((tx) => {
    const before = tx.select().from(incidents).where(eq(incidents.id, id)).get();
    if (!before) throw notFound("Incident");
    checkOrganizations(tx, input.allOrganizations ? [] : input.organizationIds);
    tx.update(incidents).set(columns(input)).where(eq(incidents.id, id)).run();
    writeOrganizations(tx, id, input);
    syncReminder(tx, { id, ...input }, now);
    // A correction of an incident long over (its times, for availability) is not news to customers.
    if (incidentPhase(before, now) !== "ended" || incidentPhase(input, now) !== "ended")
      announceIncident(tx, id, "changed", now);
    recordAudit(tx, {
      actorId: actor.id,
      action: "incident.update",
      entity: "incident",
      entityId: String(id),
      detail: {
        startedAt: before.startedAt.toISOString(),
        endedAt: before.endedAt?.toISOString() ?? null,
        newStartedAt: input.startedAt.toISOString(),
        newEndedAt: input.endedAt?.toISOString() ?? null,
      },
      at: now,
    });
  });
}

/** Ends an ongoing incident now, with a customer-facing update saying so. */
export function endIncident(db: Db, actor: SessionUser, input: { incidentId: number; body: string }, now: Date): void {
  assertWriter(actor);
  db.transaction((tx) => {
    const row = tx.select().from(incidents).where(eq(incidents.id, input.incidentId)).get();
    if (!row) throw notFound("Incident");
    if (incidentPhase(row, now) !== "ongoing")
      throw new DomainError("CONFLICT", "Only an ongoing incident can be ended.", "incidents.errors.notOngoing");
    tx.update(incidents).set({ endedAt: now }).where(eq(incidents.id, row.id)).run();
    tx.insert(incidentUpdates).values({ incidentId: row.id, at: now, body: input.body }).run();
    syncReminder(tx, row, now);
    announceIncident(tx, row.id, "ended", now, input.body);
    recordAudit(tx, {
      actorId: actor.id,
      action: "incident.end",
      entity: "incident",
      entityId: String(row.id),
      at: now,
    });
  });
}

/** A timestamped, customer-facing update on an incident (what is known, what is being done). */
export function addIncidentUpdate(
  db: Db,
  actor: SessionUser,
  input: { incidentId: number; body: string },
  now: Date,
): { id: number } {
  assertWriter(actor);
  return db.transaction((tx) => {
    const row = tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, input.incidentId)).get();
    if (!row) throw notFound("Incident");
    const u = tx
      .insert(incidentUpdates)
      .values({ incidentId: row.id, at: now, body: input.body })
      .returning({ id: incidentUpdates.id })
      .get();
    announceIncident(tx, row.id, "update_posted", now, input.body);
    recordAudit(tx, {
      actorId: actor.id,
      action: "incident.addUpdate",
      entity: "incident",
      entityId: String(row.id),
      detail: { updateId: u.id },
      at: now,
    });
    return { id: u.id };
  });
}

/** The post-incident review's narrative: root cause and timeline (either may be cleared). */
export function saveIncidentReview(
  db: Db,
  actor: SessionUser,
  input: { incidentId: number; rootCause: string | null; reviewTimeline: string | null },
  now: Date,
): void {
  assertWriter(actor);
  db.transaction((tx) => {
    const row = tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, input.incidentId)).get();
    if (!row) throw notFound("Incident");
    tx.update(incidents)
      .set({ rootCause: input.rootCause || null, reviewTimeline: input.reviewTimeline || null })
      .where(eq(incidents.id, row.id))
      .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "incident.review",
      entity: "incident",
      entityId: String(row.id),
      at: now,
    });
  });
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
function checkDueDate(dueDate: string) {
  const d = new Date(`${dueDate}T00:00:00Z`);
  if (!DATE_RE.test(dueDate) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== dueDate)
    throw new DomainError("INVALID", "Give the due date as a calendar date.", "incidents.errors.badDueDate");
}

/** Adds a prevention action (owner, due date, status) to an incident's review. */
export function addPreventionAction(
  db: Db,
  actor: SessionUser,
  input: { incidentId: number; title: string; owner: string; dueDate: string; status: ActionStatus },
  now: Date,
): { id: number } {
  assertWriter(actor);
  checkDueDate(input.dueDate);
  return db.transaction((tx) => {
    const row = tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, input.incidentId)).get();
    if (!row) throw notFound("Incident");
    const a = tx
      .insert(preventionActions)
      .values({
        incidentId: row.id,
        title: input.title,
        owner: input.owner,
        dueDate: input.dueDate,
        status: input.status,
      })
      .returning({ id: preventionActions.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "incident.addAction",
      entity: "prevention_action",
      entityId: String(a.id),
      detail: { incidentId: row.id, title: input.title },
      at: now,
    });
    return { id: a.id };
  });
}

/** Moves a prevention action along (open, in progress, done), or changes its owner or due date. */
export function updatePreventionAction(
  db: Db,
  actor: SessionUser,
  input: { actionId: number; owner: string; dueDate: string; status: ActionStatus },
  now: Date,
): void {
  assertWriter(actor);
  checkDueDate(input.dueDate);
  db.transaction((tx) => {
    const a = tx.select().from(preventionActions).where(eq(preventionActions.id, input.actionId)).get();
    if (!a) throw notFound("Prevention action");
    tx.update(preventionActions)
      .set({ owner: input.owner, dueDate: input.dueDate, status: input.status })
      .where(eq(preventionActions.id, a.id))
      .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "incident.updateAction",
      entity: "prevention_action",
      entityId: String(a.id),
      detail: { from: a.status, to: input.status },
      at: now,
    });
  });
}

/** Organizations for the staff pickers (incident scope, status page, proactive alerts). */
export function organizationChoices(db: Db) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      region: organizations.region,
      tierCode: tiers.code,
      proactiveAlerts: tiers.proactiveAlerts,
    })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .orderBy(asc(organizations.name))
    .all() as { id: number; name: string; region: Region; tierCode: TierCode; proactiveAlerts: boolean }[];
}

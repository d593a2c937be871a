/**
 * Organizations as the administrator keeps them: the list, one record, and its creation and
 * edits, each write in one transaction with its audit entry. A tier change takes effect for
 * tickets filed afterwards only: a ticket keeps the target version it was filed under
 * (`tickets.target_version_id`, chosen by `fileTicket` from the organization's tier at filing).
 */
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { calendars, organizations, tickets, tiers, users } from "@/db/schema";
import { OPEN_TICKET_STATUSES, type TierCode } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { refreshTicketSla } from "@/server/sla/service";
import {
  normalizeOrganization,
  organizationIssueMessage,
  REGION_ZONES,
  slugForName,
  validateOrganization,
  type OrganizationInput,
  type OrganizationIssue,
  type UpdateOrganizationInput,
} from "./rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;
/** Who makes a change, for the audit log. */
export type Actor = { id: number; ip: string | null };

export type OrganizationListFilter = { search?: string; page: number; pageSize: number };

/** The LIKE pattern for `text` anywhere, with its own wildcards escaped (for `escape '\\'`). */
const contains = (text: string) => `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Active customers per organization: the people the organization page counts. */
function customerCounts(db: Reader, ids: number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ organizationId: users.organizationId, n: count() })
      .from(users)
      .where(
        and(
          inArray(users.organizationId, ids),
          eq(users.role, "customer"),
          eq(users.active, true),
          isNull(users.deactivatedAt),
        ),
      )
      .groupBy(users.organizationId)
      .all()
      .map((r) => [r.organizationId!, r.n]),
  );
}

/**
 * One page of organizations by name, optionally those whose name contains `search` (any case),
 * with tier, region, account manager, active customers and contract end.
 */
export function listOrganizations(db: Db, filter: OrganizationListFilter) {
  const search = filter.search?.trim();
  const where = search ? sql`lower(${organizations.name}) like ${contains(search)} escape '\\'` : undefined;
  const total = db.select({ n: count() }).from(organizations).where(where).get()?.n ?? 0;
  const am = alias(users, "am");
  const rows = db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      tierCode: tiers.code,
      region: organizations.region,
      contractEnd: organizations.contractEnd,
      accountManagerName: am.name,
    })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .leftJoin(am, eq(am.id, organizations.accountManagerId))
    .where(where)
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  const counts = customerCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...r, customers: counts.get(r.id) ?? 0 })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** One organization as the admin form edits it, with what its tier would give where it names nothing of its own. */
export function getOrganizationRecord(db: Reader, id: number) {
  const row = db
    .select({ org: organizations, tier: tiers })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .where(eq(organizations.id, id))
    .get();
  if (!row) throw notFound("Organization");
  const o = row.org;
  const open =
    db
      .select({ n: count() })
      .from(tickets)
      .where(and(eq(tickets.organizationId, id), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
      .get()?.n ?? 0;
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    tierCode: row.tier.code,
    region: o.region,
    calendarId: o.calendarId,
    timeZone: o.timeZone,
    contractStart: o.contractStart,
    contractEnd: o.contractEnd,
    availabilityCommitment: o.availabilityCommitment,
    accountManagerId: o.accountManagerId,
    technicalAccountManagerId: o.technicalAccountManagerId,
    hotline: o.hotline,
    supportEmail: o.supportEmail,
    chatHandle: o.chatHandle,
    groupLink: o.groupLink,
    ssoRequired: o.ssoRequired,
    customers: customerCounts(db, [id]).get(id) ?? 0,
    openTickets: open,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** Active account managers (technical account managers hold the same role): who may be named on an account. */
function activeAccountManagers(db: Reader) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, title: users.title })
    .from(users)
    .where(and(eq(users.role, "account_manager"), eq(users.active, true), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name))
    .all();
}

/** What the organization form offers: tiers (with what each gives by default), calendars, account managers. */
export function organizationFormChoices(db: Db) {
  return {
    tiers: db
      .select({
        code: tiers.code,
        availabilityCommitment: tiers.availabilityCommitment,
        hotline: tiers.hotline,
        namedContacts: tiers.namedContacts,
        channels: tiers.channels,
      })
      .from(tiers)
      .orderBy(asc(tiers.rank))
      .all(),
    calendars: db
      .select({ id: calendars.id, name: calendars.name, region: calendars.region, timeZone: calendars.timeZone })
      .from(calendars)
      .orderBy(asc(calendars.id))
      .all(),
    accountManagers: activeAccountManagers(db),
  };
}

/** Refuses a record with problems: the first one's sentence, translated key and field (for the form). */
function refuseIssues(issues: readonly OrganizationIssue[]): void {
  const first = issues[0];
  if (!first) return;
  throw new DomainError(
    first.code === "nameTaken" || first.code === "slugTaken" ? "CONFLICT" : "INVALID",
    issues.map(organizationIssueMessage).join(" "),
    `organizationsAdmin.issues.${first.code}`,
    { ...first.values, field: first.field },
  );
}

/**
 * The rules that read the database: the name and slug are free (another organization's, any case),
 * the calendar exists, and each named account manager is an active one. Returns the slug to store.
 */
function checkAgainstDatabase(
  tx: Reader,
  o: OrganizationInput,
  self: { id: number; name: string; slug: string } | null,
): string {
  const issues: OrganizationIssue[] = [];
  const others = self === null ? undefined : ne(organizations.id, self.id);
  const sameName = tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(sql`lower(${organizations.name}) = ${o.name.toLowerCase()}`, others))
    .get();
  if (sameName) issues.push({ field: "name", code: "nameTaken", values: { name: sameName.name } });
  const wanted = slugForName(o.name);
  // A record whose name is unchanged keeps its slug, whatever it was made from.
  let slug = self !== null && self.name === o.name ? self.slug : wanted.slug;
  if (!sameName && slug !== self?.slug) {
    const taken = (s: string) =>
      tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.slug, s), others))
        .get();
    const clash = taken(slug);
    if (clash && wanted.derived) issues.push({ field: "name", code: "slugTaken", values: { slug, other: clash.name } });
    // A name without Latin letters gets "organization-N": a numbered fallback is nobody's name.
    for (let n = 2; clash && !wanted.derived && taken(slug); n++) slug = `${wanted.slug}-${n}`;
  }
  if (
    o.calendarId !== null &&
    !tx.select({ id: calendars.id }).from(calendars).where(eq(calendars.id, o.calendarId)).get()
  )
    issues.push({ field: "calendarId", code: "calendarUnknown" });
  const named = [
    ["accountManagerId", o.accountManagerId],
    ["technicalAccountManagerId", o.technicalAccountManagerId],
  ] as const;
  const managers = new Set(activeAccountManagers(tx).map((m) => m.id));
  for (const [field, id] of named)
    if (id !== null && !managers.has(id)) issues.push({ field, code: "notAccountManager" });
  refuseIssues(issues);
  return slug;
}

function tierId(tx: Reader, code: TierCode): number {
  const row = tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.code, code)).get();
  if (!row) throw notFound("Tier");
  return row.id;
}

/** The stored columns of a valid record. */
function columns(o: OrganizationInput, slug: string, tier: number) {
  return {
    name: o.name,
    slug,
    tierId: tier,
    region: o.region,
    calendarId: o.calendarId!,
    timeZone: REGION_ZONES[o.region],
    contractStart: o.contractStart,
    contractEnd: o.contractEnd,
    availabilityCommitment: o.availabilityCommitment,
    accountManagerId: o.accountManagerId,
    technicalAccountManagerId: o.technicalAccountManagerId,
    hotline: o.hotline,
    supportEmail: o.supportEmail,
    chatHandle: o.chatHandle,
    groupLink: o.groupLink,
  };
}

/** What the audit log keeps of a record: the fields the admin edits, the tier by its code. */
function auditView(c: ReturnType<typeof columns>, tierCode: TierCode) {
  const { tierId: _tier, ...rest } = c;
  return { ...rest, tierCode };
}

/**
 * Creates an organization (slug from its name, time zone from its region) with its audit entry;
 * any problem refuses the whole record and writes nothing.
 */
export function createOrganization(db: Db, input: OrganizationInput, actor: Actor, now: Date) {
  const o = normalizeOrganization(input);
  refuseIssues(validateOrganization(o));
  const id = db.transaction(
    (tx) => {
      const slug = checkAgainstDatabase(tx, o, null);
      const values = columns(o, slug, tierId(tx, o.tierCode!));
      const created = tx
        .insert(organizations)
        .values({ ...values, createdAt: now, updatedAt: now })
        .returning({ id: organizations.id })
        .get();
      recordAudit(tx, {
        actorId: actor.id,
        action: "organization_created",
        entity: "organization",
        entityId: String(created.id),
        detail: { before: null, after: auditView(values, o.tierCode!) },
        at: now,
        ip: actor.ip,
      });
      return created.id;
    },
    { behavior: "immediate" },
  );
  return getOrganizationRecord(db, id);
}

/**
 * Changes an organization in one transaction, audited with the fields before and after. A tier
 * change is also audited on its own (`organization_tier_changed`, from and to) and applies to
 * tickets filed from now on; open tickets keep the target version they were filed under. A
 * calendar change re-derives the stored SLA state of the open tickets, which count in it.
 */
export function updateOrganization(db: Db, input: UpdateOrganizationInput, actor: Actor, now: Date) {
  const { id, ...rest } = input;
  const o = normalizeOrganization(rest);
  refuseIssues(validateOrganization(o));
  const result = db.transaction(
    (tx) => {
      const before = tx
        .select({ org: organizations, tierCode: tiers.code })
        .from(organizations)
        .innerJoin(tiers, eq(tiers.id, organizations.tierId))
        .where(eq(organizations.id, id))
        .get();
      if (!before) throw notFound("Organization");
      const slug = checkAgainstDatabase(tx, o, { id, name: before.org.name, slug: before.org.slug });
      const after = columns(o, slug, tierId(tx, o.tierCode!));
      const old = columns(
        { ...before.org, tierCode: before.tierCode, calendarId: before.org.calendarId },
        before.org.slug,
        before.org.tierId,
      );
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== old[k]);
      const openIds = () =>
        tx
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(eq(tickets.organizationId, id), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
          .all()
          .map((t) => t.id);
      if (changed.length === 0) return { changed, openTicketsKeepingTargets: 0, ticketsRefreshed: 0 };
      tx.update(organizations)
        .set({ ...after, updatedAt: now })
        .where(eq(organizations.id, id))
        .run();
      const pick = (c: typeof after, tierCode: TierCode) =>
        Object.fromEntries(changed.map((k) => [k === "tierId" ? "tierCode" : k, k === "tierId" ? tierCode : c[k]]));
      recordAudit(tx, {
        actorId: actor.id,
        action: "organization_updated",
        entity: "organization",
        entityId: String(id),
        detail: { before: pick(old, before.tierCode), after: pick(after, o.tierCode!), changed },
        at: now,
        ip: actor.ip,
      });
      let openTicketsKeepingTargets = 0;
      if (after.tierId !== old.tierId) {
        openTicketsKeepingTargets = openIds().length;
        recordAudit(tx, {
          actorId: actor.id,
          action: "organization_tier_changed",
          entity: "organization",
          entityId: String(id),
          detail: { from: before.tierCode, to: o.tierCode!, openTicketsKeepingTargets },
          at: now,
          ip: actor.ip,
        });
      }
      let ticketsRefreshed = 0;
      if (after.calendarId !== old.calendarId) {
        const open = openIds();
        for (const ticketId of open) refreshTicketSla(tx as Tx, ticketId, now);
        ticketsRefreshed = open.length;
      }
      return { changed, openTicketsKeepingTargets, ticketsRefreshed };
    },
    { behavior: "immediate" },
  );
  return {
    organization: getOrganizationRecord(db, id),
    changed: result.changed.map((k) => (k === "tierId" ? "tierCode" : k)),
    openTicketsKeepingTargets: result.openTicketsKeepingTargets,
    ticketsRefreshed: result.ticketsRefreshed,
  };
}

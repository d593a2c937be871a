import { and, asc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { incidentOrganizations, incidents, organizations, tiers } from "@/db/schema";
import {
  PRODUCT_AREAS,
  type INCIDENT_SEVERITIES,
  type ProductArea,
  type Region,
  type TierCode,
} from "@/db/schema/enums";
import { cachedRead, minuteOf } from "@/server/cache/read-cache";
import { perDatabase, type Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { creditCents } from "./support-credits";
import { isMonth, lastMonths, monthPeriod } from "@/server/periods/periods";
import {
  assessMonth,
  availabilityPercent,
  commitmentTerms,
  dailyDowntime,
  downtimeMs,
  type CreditStep,
  type DayDowntime,
  type DowntimeIncident,
  type MonthAvailability,
} from "./availability";
import { INCIDENT_COLUMNS } from "@/server/incidents/columns";
import { incidentPhase } from "@/server/incidents/rules";

/** One organization's month, as every availability figure in the product shows it. */
export type OrganizationMonth = MonthAvailability;

export type TierMonth = {
  tierCode: TierCode;
  month: string;
  /** Mean of the tier's organizations' availability (percent); 100 for a tier with no organizations. */
  availability: number;
  commitment: number;
  organizations: number;
  organizationsBelowCommitment: number;
  /** How many of the tier's organizations are owed a credit for the month. */
  creditsOwed: number;
};

export type CreditOwed = {
  organizationId: number;
  organizationName: string;
  tierCode: TierCode;
  month: string;
  availability: number;
  commitment: number;
  creditPercent: number;
  /** The credit in money: `creditPercent` of the organization's monthly fee, in cents (USD). */
  creditCents: number;
  downtimeMinutes: number;
  incidentIds: number[];
};

type OrgRow = {
  id: number;
  name: string;
  region: Region;
  tierCode: TierCode;
  availabilityCommitment: number;
  creditSchedule: CreditStep[];
  monthlyFeeCents: number;
};

type LoadedIncident = DowntimeIncident & {
  title: string;
  productArea: ProductArea;
  severity: (typeof INCIDENT_SEVERITIES)[number];
  allOrganizations: boolean;
  regions: Region[];
  organizationIds: Set<number>;
};

function validMonths(months: string[]): { from: Date; to: Date } {
  if (months.length === 0)
    throw new DomainError("INVALID", "Choose at least one month.", "availability.errors.noMonths");
  for (const m of months) {
    if (!isMonth(m))
      throw new DomainError("INVALID", `"${m}" is not a month (YYYY-MM).`, "availability.errors.badMonth");
  }
  const bounds = months.map(monthPeriod);
  return {
    from: new Date(Math.min(...bounds.map((b) => b.from.getTime()))),
    to: new Date(Math.max(...bounds.map((b) => b.to.getTime()))),
  };
}

/**
 * The reads of an assessment, prepared once per database (issue 25: building each with Drizzle
 * cost more than running it, on every customer home, status page and service page).
 */
const reads = perDatabase((db: Db) => {
  // Incidents started before `end` and not ended by `from` (instants in ms).
  const window = and(
    lt(incidents.startedAt, sql.placeholder("end")),
    or(isNull(incidents.endedAt), gt(incidents.endedAt, sql.placeholder("from"))),
  );
  const orgColumns = {
    id: organizations.id,
    name: organizations.name,
    region: organizations.region,
    tierId: organizations.tierId,
    ownCommitment: organizations.availabilityCommitment,
    monthlyFeeCents: organizations.monthlyFeeCents,
  };
  return {
    tiers: db
      .select({
        id: tiers.id,
        code: tiers.code,
        availabilityCommitment: tiers.availabilityCommitment,
        creditSchedule: tiers.creditSchedule,
      })
      .from(tiers)
      .prepare(),
    organizations: db.select(orgColumns).from(organizations).orderBy(asc(organizations.name)).prepare(),
    organization: db
      .select(orgColumns)
      .from(organizations)
      .where(eq(organizations.id, sql.placeholder("id")))
      .prepare(),
    incidents: db
      .select(INCIDENT_COLUMNS)
      .from(incidents)
      .where(window)
      .orderBy(asc(incidents.startedAt), asc(incidents.id))
      .prepare(),
    // The organizations listed on those of the incidents that are not "all organizations".
    listed: db
      .select({ incidentId: incidentOrganizations.incidentId, organizationId: incidentOrganizations.organizationId })
      .from(incidentOrganizations)
      .innerJoin(incidents, eq(incidents.id, incidentOrganizations.incidentId))
      .where(and(window, eq(incidents.allOrganizations, false)))
      .prepare(),
  };
});

/** Incidents started before `startedBefore` and not ended by `from`, with the organizations listed on them. */
function loadIncidents(db: Db, from: Date, startedBefore: Date): LoadedIncident[] {
  const window = { end: startedBefore.getTime(), from: from.getTime() };
  const rows = reads(db).incidents.all(window);
  const listed = new Map<number, Set<number>>();
  if (rows.some((r) => !r.allOrganizations)) {
    for (const link of reads(db).listed.all(window)) {
      const set = listed.get(link.incidentId) ?? new Set<number>();
      set.add(link.organizationId);
      listed.set(link.incidentId, set);
    }
  }
  return rows.map((r) => ({ ...r, organizationIds: listed.get(r.id) ?? new Set<number>() }));
}

/**
 * The one rule for whom an incident affected: every organization in its regions when it is marked
 * "all organizations", otherwise exactly the organizations listed on it.
 */
export function incidentAffects(
  incident: { allOrganizations: boolean; regions: Region[]; organizationIds: Set<number> },
  org: { id: number; region: Region },
): boolean {
  return incident.allOrganizations ? incident.regions.includes(org.region) : incident.organizationIds.has(org.id);
}

function loadOrganizations(db: Db, organizationId?: number): OrgRow[] {
  // Tiers once rather than joined per organization: their credit schedules are JSON, parsed per row.
  const tierById = new Map(
    reads(db)
      .tiers.all()
      .map((t) => [t.id, t]),
  );
  const rows =
    organizationId === undefined ? reads(db).organizations.all() : reads(db).organization.all({ id: organizationId });
  return rows.flatMap((o) => {
    const tier = tierById.get(o.tierId);
    if (!tier) return [];
    return [
      {
        id: o.id,
        name: o.name,
        region: o.region,
        tierCode: tier.code,
        monthlyFeeCents: o.monthlyFeeCents,
        ...commitmentTerms(o.ownCommitment, {
          availabilityCommitment: tier.availabilityCommitment,
          creditSchedule: tier.creditSchedule,
        }),
      },
    ];
  });
}

function assessAll(
  db: Db,
  months: string[],
  now: Date,
  organizationId?: number,
): { org: OrgRow; months: OrganizationMonth[] }[] {
  const { from, to } = validMonths(months);
  const orgs = loadOrganizations(db, organizationId);
  const loaded = loadIncidents(db, from, to < now ? to : now);
  // Organizations of one region and tier with no listed incident share every figure: compute once.
  const listed = new Set(loaded.flatMap((i) => (i.allOrganizations ? [] : [...i.organizationIds])));
  const shared = new Map<string, OrganizationMonth[]>();
  return orgs.map((org) => {
    const assess = () => {
      const affecting = loaded.filter((i) => incidentAffects(i, org));
      return months.map((m) => assessMonth(affecting, m, now, org));
    };
    if (listed.has(org.id)) return { org, months: assess() };
    // The tier decides the credit schedule, and the commitment unless the organization has its own.
    const key = `${org.region}|${org.tierCode}|${org.availabilityCommitment}`;
    let figures = shared.get(key);
    if (!figures) {
      figures = assess();
      shared.set(key, figures);
    }
    return { org, months: figures };
  });
}

/**
 * Monthly availability of one organization against its commitment (its own, else its tier's), with the credit owed and
 * the incidents behind each figure (unplanned downtime; maintenance announced >= 72 h ahead is
 * listed separately as excused). One entry per requested month, in the order given.
 * Callers enforce tenancy: a customer may only be passed their own organization.
 * @throws DomainError NOT_FOUND for an unknown organization, INVALID for a malformed month.
 */
export function organizationAvailability(
  db: Db,
  organizationId: number,
  months: string[],
  now: Date,
): OrganizationMonth[] {
  const [one] = assessAll(db, months, now, organizationId);
  if (!one) throw new DomainError("NOT_FOUND", "Organization was not found.", "errors.notFound");
  return one.months;
}

/**
 * Availability per tier and month: the mean of the tier's organizations' monthly availability, how
 * many fell below the tier's commitment and how many are owed a credit. Ordered by tier rank, then
 * month as given. Tiers with no organizations report availability 100 and zero counts.
 * @throws DomainError INVALID for a malformed month.
 */
export function tierAvailability(db: Db, months: string[], now: Date): TierMonth[] {
  return tierFigures(db, months, assessAll(db, months, now));
}

/**
 * tierAvailability and creditsOwed for the same months, assessing every organization once (the
 * assessment is what both cost): what /sla shows side by side.
 * @throws DomainError INVALID for a malformed month.
 */
export function availabilityOverview(
  db: Db,
  months: string[],
  now: Date,
): { tiers: TierMonth[]; credits: CreditOwed[] } {
  const assessed = assessAll(db, months, now);
  return { tiers: tierFigures(db, months, assessed), credits: creditRows(assessed) };
}

type Assessed = ReturnType<typeof assessAll>;

function tierFigures(db: Db, months: string[], assessed: Assessed): TierMonth[] {
  const tierRows = db
    .select({ code: tiers.code, commitment: tiers.availabilityCommitment })
    .from(tiers)
    .orderBy(asc(tiers.rank))
    .all();
  return tierRows.flatMap((tier) => {
    const members = assessed.filter((a) => a.org.tierCode === tier.code);
    return months.map((month, i) => {
      const figures = members.map((m) => m.months[i]!);
      const n = figures.length;
      return {
        tierCode: tier.code,
        month,
        availability: n === 0 ? 100 : figures.reduce((s, f) => s + f.availability, 0) / n,
        commitment: tier.commitment,
        organizations: n,
        organizationsBelowCommitment: figures.filter((f) => f.belowCommitment).length,
        creditsOwed: figures.filter((f) => f.creditPercent > 0).length,
      };
    });
  });
}

/**
 * Every service credit owed in the given months, across all organizations: one row per organization
 * and month whose availability fell below its tier's commitment. Ordered by month (newest first),
 * then credit (largest first), then organization name. Staff only: it names every organization.
 * @throws DomainError INVALID for a malformed month.
 */
export function creditsOwed(db: Db, months: string[], now: Date): CreditOwed[] {
  return creditRows(assessAll(db, months, now));
}

function creditRows(assessed: Assessed): CreditOwed[] {
  const rows: CreditOwed[] = [];
  for (const { org, months: figures } of assessed) {
    for (const f of figures) {
      if (f.creditPercent <= 0) continue;
      rows.push({
        organizationId: org.id,
        organizationName: org.name,
        tierCode: org.tierCode,
        month: f.month,
        availability: f.availability,
        commitment: f.commitment,
        creditPercent: f.creditPercent,
        creditCents: creditCents(org.monthlyFeeCents, f.creditPercent),
        downtimeMinutes: f.downtimeMinutes,
        incidentIds: f.incidentIds,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      b.month.localeCompare(a.month) ||
      b.creditPercent - a.creditPercent ||
      a.organizationName.localeCompare(b.organizationName),
  );
}

const DAY_MS = 86_400_000;
/** Days of history in the status page's bars. */
export const STATUS_DAYS = 90;
/** Months of availability on the status page (the current month and the five before it). */
export const STATUS_MONTHS = 6;

export type StatusIncident = {
  id: number;
  title: string;
  productArea: ProductArea;
  severity: (typeof INCIDENT_SEVERITIES)[number];
  startedAt: Date;
  endedAt: Date | null;
  planned: boolean;
  announcedAt: Date | null;
};

export type OrganizationStatus = {
  organization: { id: number; name: string; region: Region; tierCode: TierCode; commitment: number };
  /** Ongoing incidents and maintenance not yet started, that affect the organization. */
  current: (StatusIncident & { phase: "ongoing" | "scheduled" })[];
  /** One row per product area: daily unplanned downtime over the last 90 UTC days. */
  areas: { productArea: ProductArea; availability: number; downtimeMinutes: number; days: DayDowntime[] }[];
  /** The last six months, newest first. */
  months: OrganizationMonth[];
  /** Every incident named by `current`, `areas` or `months`, so each figure links to its causes. */
  incidents: StatusIncident[];
};

/**
 * Everything the status page shows for one organization, computed by the same rules as every
 * availability figure: what is happening now, 90 days of bars per product area, and each of the
 * last six months against the commitment with the credit owed. Only incidents that affected the
 * organization appear. Callers enforce tenancy (customers: their own organization only).
 * @throws DomainError NOT_FOUND for an unknown organization.
 */
export function organizationStatus(db: Db, organizationId: number, now: Date): OrganizationStatus {
  const org = loadOrganizations(db, organizationId)[0];
  if (!org) throw new DomainError("NOT_FOUND", "Organization was not found.", "errors.notFound");
  const months = lastMonths(now, STATUS_MONTHS).reverse();
  const barsFrom = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (STATUS_DAYS - 1) * DAY_MS,
  );
  const from = new Date(Math.min(barsFrom.getTime(), monthPeriod(months.at(-1)!).from.getTime()));
  // Scheduled maintenance lies ahead of now; look a year ahead for it.
  const affecting = loadIncidents(db, from, new Date(now.getTime() + 365 * DAY_MS)).filter((i) =>
    incidentAffects(i, org),
  );
  const happened = affecting.filter((i) => i.startedAt.getTime() <= now.getTime());
  const figures = months.map((m) => assessMonth(happened, m, now, org));
  const barsTo = new Date(barsFrom.getTime() + STATUS_DAYS * DAY_MS);
  const periodMs = Math.min(barsTo.getTime(), now.getTime()) - barsFrom.getTime();
  const areas = PRODUCT_AREAS.map((productArea) => {
    const list = happened.filter((i) => i.productArea === productArea);
    const down = downtimeMs(list, barsFrom, barsTo, now);
    return {
      productArea,
      availability: availabilityPercent(down, periodMs),
      downtimeMinutes: down / 60_000,
      days: dailyDowntime(list, now, STATUS_DAYS),
    };
  });
  const current = affecting
    .map((i) => ({ i, phase: incidentPhase(i, now) }))
    .filter((x): x is { i: LoadedIncident; phase: "ongoing" | "scheduled" } => x.phase !== "ended")
    .map(({ i, phase }) => ({ ...summary(i), phase }));
  const named = new Set<number>([
    ...current.map((c) => c.id),
    ...figures.flatMap((f) => [...f.incidentIds, ...f.excusedMaintenanceIds]),
    ...areas.flatMap((a) => a.days.flatMap((d) => d.incidentIds)),
  ]);
  return {
    organization: {
      id: org.id,
      name: org.name,
      region: org.region,
      tierCode: org.tierCode,
      commitment: org.availabilityCommitment,
    },
    current,
    areas,
    months: figures,
    incidents: affecting.filter((i) => named.has(i.id)).map(summary),
  };
}

/**
 * organizationStatus as of the start of `now`'s minute, held in the read cache until the next
 * committed write: the status page is read far more often than incidents change (issue 25).
 */
export function cachedOrganizationStatus(db: Db, organizationId: number, now: Date): OrganizationStatus {
  const at = minuteOf(now);
  return cachedRead(
    db,
    "availability.status",
    { organizationId, at: at.getTime() },
    (from) => organizationStatus(from, organizationId, at),
    { readOnly: true },
  );
}

function summary(i: LoadedIncident): StatusIncident {
  return {
    id: i.id,
    title: i.title,
    productArea: i.productArea,
    severity: i.severity,
    startedAt: i.startedAt,
    endedAt: i.endedAt,
    planned: i.planned,
    announcedAt: i.announcedAt,
  };
}

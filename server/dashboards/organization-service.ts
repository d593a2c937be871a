import { eq, sql } from "drizzle-orm";
import { organizations, tiers } from "@/db/schema";
import type { TierCode } from "@/db/schema/enums";
import { organizationAvailability } from "@/server/availability/service";
import { creditCents, supportCredit, type SupportCreditTerms } from "@/server/availability/support-credits";
import { perDatabase, type Db } from "@/server/db";
import { cachedRead, minuteOf } from "@/server/cache/read-cache";
import { DomainError } from "@/server/errors";
import { monthStart, monthsOfQuarter, quarterOf, quarterPeriod, type PeriodSelection } from "@/server/periods/periods";
import { METRICS, PRIORITIES, type Metric, type Priority } from "@/server/sla/evaluate";
import { figures, type Figures } from "./attainment";
import { getSlaDashboard } from "./service";

type ByMetric = Record<Metric, Figures>;

/** One column of the service page: a month of the quarter, or the quarter itself. */
export type ServiceColumn = {
  key: string;
  kind: "month" | "quarter";
  /** The period as the executive dashboard's filter names it (the drill-down and the CSV reuse it). */
  period: PeriodSelection;
  byMetric: ByMetric;
  byPriority: Record<Priority, ByMetric>;
};

export type ServiceMonthCredit = {
  month: string;
  /** False for the month still in progress: its figures are so far, not final. */
  complete: boolean;
  availability: number;
  commitment: number;
  downtimeMinutes: number;
  incidentIds: number[];
  availabilityCreditPercent: number;
  availabilityCreditCents: number;
  supportBreaches: number;
  supportCreditPercent: number;
  supportCreditCents: number;
};

/** How many quarters back the service page offers (the current one included). */
export const SERVICE_QUARTERS = 8;

const sumFigures = (list: Figures[]): Figures =>
  figures(
    list.reduce((s, f) => s + f.met, 0),
    list.reduce((s, f) => s + f.breached, 0),
    list.reduce((s, f) => s + f.excluded, 0),
  );

/** The quarters the page offers: the current one and the seven before it, newest first. */
export function serviceQuarters(now: Date): string[] {
  const out: string[] = [];
  let q = quarterOf(now);
  for (let i = 0; i < SERVICE_QUARTERS; i++) {
    out.push(q);
    q = quarterOf(new Date(quarterPeriod(q).from.getTime() - 1));
  }
  return out;
}

/**
 * One column from the executive dashboard's own figures for the organization and period
 * (getSlaDashboard with the organization as its filter): the tiles give the per-metric figures,
 * the heatmap (summed over tiers, for an organization that changed tier) the per-priority ones. So
 * every figure on the customer's page equals the one leadership reads for that organization.
 */
function column(db: Db, organizationId: number, period: PeriodSelection, now: Date): ServiceColumn {
  const d = getSlaDashboard(db, { period, organizationId }, now);
  const byPriority = Object.fromEntries(
    PRIORITIES.map((p) => {
      const rows = d.heatmap.filter((h) => h.priority === p);
      return [p, Object.fromEntries(METRICS.map((m) => [m, sumFigures(rows.map((r) => r.byMetric[m]))]))];
    }),
  ) as Record<Priority, ByMetric>;
  return {
    key: period.kind === "month" ? period.month : period.kind === "quarter" ? period.quarter : "",
    kind: period.kind === "month" ? "month" : "quarter",
    period,
    byMetric: d.tiles.attainment.current,
    byPriority,
  };
}

/**
 * The quarter's columns: the months begun by `now`, and the quarter. Held in the read cache as one
 * small result (issue 25): each column reads a held executive dashboard, but copying four whole
 * dashboards out of the cache cost more than the page's every other read. The dashboard reads a
 * period as of the start of the current minute (readAt), and months begin on a minute, so the
 * columns at `now` are those at the start of its minute, which is the key.
 */
function serviceColumns(db: Db, organizationId: number, quarter: string, now: Date) {
  const at = minuteOf(now).getTime();
  return cachedRead(
    db,
    "sla.ourService.columns",
    { organizationId, quarter, at },
    (from) => {
      const begun = monthsOfQuarter(quarter).filter((m) => monthStart(m) <= now);
      return {
        begun,
        months: begun.map((month) => column(from, organizationId, { kind: "month", month }, now)),
        total: column(from, organizationId, { kind: "quarter", quarter }, now),
      };
    },
    { readOnly: true },
  );
}

/** The organization the service page is about, prepared once per database. */
const organizationRead = perDatabase((db: Db) =>
  db
    .select({
      id: organizations.id,
      name: organizations.name,
      tierCode: tiers.code,
      monthlyFeeCents: organizations.monthlyFeeCents,
      supportCreditTerms: organizations.supportCreditTerms,
      timeZone: organizations.timeZone,
    })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .where(eq(organizations.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * "Our service": one organization's SLA results for a quarter, month by month and for the quarter,
 * per metric and priority, with the availability of each month against its commitment and the
 * service credits due (availability, and missed support targets where the contract grants them).
 * Nothing of another organization is read into it. Callers enforce tenancy (a customer: their own
 * organization, from the session).
 * @throws DomainError NOT_FOUND for an unknown organization.
 */
export function organizationService(db: Db, organizationId: number, quarter: string, now: Date) {
  const org = organizationRead(db).get({ id: organizationId });
  if (!org) throw new DomainError("NOT_FOUND", "Organization was not found.", "errors.notFound");
  const { begun, months, total } = serviceColumns(db, organizationId, quarter, now);
  const terms = (org.supportCreditTerms ?? null) as SupportCreditTerms | null;
  const availability = begun.length === 0 ? [] : organizationAvailability(db, organizationId, begun, now);
  const credits: ServiceMonthCredit[] = availability.map((a, i) => {
    const col = months[i]!;
    const breached = Object.fromEntries(
      PRIORITIES.map((p) => [p, METRICS.reduce((s, m) => s + col.byPriority[p][m].breached, 0)]),
    ) as Record<Priority, number>;
    const support = supportCredit(breached, terms);
    return {
      month: a.month,
      complete: monthStart(a.month, 1) <= now,
      availability: a.availability,
      commitment: a.commitment,
      downtimeMinutes: a.downtimeMinutes,
      incidentIds: a.incidentIds,
      availabilityCreditPercent: a.creditPercent,
      availabilityCreditCents: creditCents(org.monthlyFeeCents, a.creditPercent),
      supportBreaches: support.breaches,
      supportCreditPercent: support.creditPercent,
      supportCreditCents: creditCents(org.monthlyFeeCents, support.creditPercent),
    };
  });
  return {
    // The columns are read as of the start of the minute (serviceColumns): drill-downs read as of it too.
    asOf: minuteOf(now),
    organization: {
      id: org.id,
      name: org.name,
      tierCode: org.tierCode as TierCode,
      monthlyFeeCents: org.monthlyFeeCents,
      timeZone: org.timeZone,
      supportCreditTerms: terms,
    },
    quarter,
    quarters: serviceQuarters(now),
    columns: [...months, total],
    credits,
  };
}

export type OrganizationService = ReturnType<typeof organizationService>;

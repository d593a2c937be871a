import {
  PRIORITIES,
  PRODUCT_AREAS,
  REGIONS,
  TICKET_CATEGORIES,
  TIER_CODES,
  METRICS,
  type Metric,
  type Priority,
  type ProductArea,
  type Region,
  type TicketCategory,
  type TierCode,
} from "@/db/schema/enums";
import { isMonth, isQuarter, quarterOf, type PeriodSelection } from "@/server/periods/periods";

/**
 * The /sla filters as URL search parameters and back, so every view is a shareable link. Pure.
 * Unknown or malformed values are dropped (the default applies), never an error page.
 */

export type { Metric, PeriodSelection, Priority };
export type SlaFilter = {
  period: PeriodSelection;
  tierCode?: TierCode;
  productArea?: ProductArea;
  region?: Region;
  priority?: Priority;
  organizationId?: number;
  /** The instant the figures on the page were read at (ms): the drill-down links carry it as `at`. */
  asOf?: number;
};
export type SlaDrill = SlaFilter & {
  metric?: Metric;
  outcome?: "met" | "breached" | "excluded";
  category?: TicketCategory;
  band?: number;
  month?: string;
};

const pick = <T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined =>
  (allowed as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

/** The period in the URL, or the current quarter. */
export function parsePeriod(sp: Record<string, string | undefined>, now: Date): PeriodSelection {
  if (sp.period === "month" && isMonth(sp.m ?? "")) return { kind: "month", month: sp.m! };
  if (sp.period === "custom" && isMonth(sp.from ?? "") && isMonth(sp.to ?? "") && sp.from! <= sp.to!)
    return { kind: "custom", fromMonth: sp.from!, toMonth: sp.to! };
  if (isQuarter(sp.q ?? "")) return { kind: "quarter", quarter: sp.q! };
  return { kind: "quarter", quarter: quarterOf(now) };
}

/** The dashboard filter in the URL. */
export function parseFilter(sp: Record<string, string | undefined>, now: Date): SlaFilter {
  const org = Number(sp.org);
  return {
    period: parsePeriod(sp, now),
    tierCode: pick(sp.tier, TIER_CODES),
    productArea: pick(sp.area, PRODUCT_AREAS),
    region: pick(sp.region, REGIONS),
    priority: pick(sp.priority, PRIORITIES),
    organizationId: Number.isInteger(org) && org > 0 ? org : undefined,
  };
}

/** A drill-down in the URL: the filter plus what was clicked. */
export function parseDrill(sp: Record<string, string | undefined>, now: Date): SlaDrill {
  const band = Number(sp.band);
  return {
    ...parseFilter(sp, now),
    metric: pick(sp.metric, METRICS),
    outcome: pick(sp.outcome, ["met", "breached", "excluded"] as const),
    category: pick(sp.category, TICKET_CATEGORIES),
    band: sp.band !== undefined && Number.isInteger(band) && band >= 0 && band <= 6 ? band : undefined,
    month: isMonth(sp.month ?? "") ? sp.month : undefined,
    asOf: /^\d{1,15}$/.test(sp.at ?? "") ? Number(sp.at) : undefined,
  };
}

/** URL search parameters for a filter (and drill-down), omitting what is unset. */
export function toSearch(f: SlaDrill): URLSearchParams {
  const out = new URLSearchParams();
  const p = f.period;
  out.set("period", p.kind);
  if (p.kind === "month") out.set("m", p.month);
  if (p.kind === "quarter") out.set("q", p.quarter);
  if (p.kind === "custom") {
    out.set("from", p.fromMonth);
    out.set("to", p.toMonth);
  }
  const rest: [string, string | number | undefined][] = [
    ["tier", f.tierCode],
    ["area", f.productArea],
    ["region", f.region],
    ["priority", f.priority],
    ["org", f.organizationId],
    ["metric", f.metric],
    ["outcome", f.outcome],
    ["category", f.category],
    ["band", f.band],
    ["month", f.month],
    ["at", f.asOf],
  ];
  for (const [k, v] of rest) if (v !== undefined) out.set(k, String(v));
  return out;
}

/** The /sla/tickets link for a drill-down. */
export function drillHref(f: SlaDrill): string {
  return `/sla/tickets?${toSearch(f).toString()}`;
}

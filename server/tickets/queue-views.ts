/**
 * Saved queue views (issue #22): which columns a view shows, its filters and its order, read from
 * and written to the queue's URL, so a view, a link and the page are one thing. Pure: a view stored
 * in the database is passed through `cleanView` on every read, so a column or filter this version
 * no longer knows is dropped rather than trusted.
 */
import {
  ESCALATION_LEVELS,
  OPEN_TICKET_STATUSES,
  PRODUCT_AREAS,
  QUEUE_SORTS,
  REGIONS,
  TIER_CODES,
  type QueueSort,
} from "@/db/schema/enums";
import type { QueueFilters } from "./queue";

export const QUEUE_COLUMNS = [
  "requester",
  "organization",
  "status",
  "age",
  "updated",
  "assignee",
  "priority",
  "level",
  "due",
  "appId",
] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

/** The columns of the queue before anyone chooses. */
export const DEFAULT_COLUMNS: readonly QueueColumn[] = ["organization", "assignee", "priority", "level", "due"];

const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

/** The filter keys a view keeps, each with the values it accepts. */
const FILTER_VALUES = {
  tier: TIER_CODES,
  priority: PRIORITIES,
  level: ESCALATION_LEVELS,
  productArea: PRODUCT_AREAS,
  region: REGIONS,
  status: OPEN_TICKET_STATUSES,
} as const;

export type QueueViewSettings = { columns: QueueColumn[]; filters: QueueFilters; sort: QueueSort };

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Keeps the known columns, in the queue's own order; none known means the default columns. */
export function cleanColumns(value: readonly unknown[] | undefined): QueueColumn[] {
  const chosen = QUEUE_COLUMNS.filter((c) => value?.includes(c));
  return chosen.length > 0 ? chosen : [...DEFAULT_COLUMNS];
}

/** Keeps the known filters with values they accept; an assignee is "mine", "unassigned" or a user id. */
export function cleanFilters(raw: Record<string, unknown>): QueueFilters {
  const f: QueueFilters = {};
  for (const key of Object.keys(FILTER_VALUES) as (keyof typeof FILTER_VALUES)[]) {
    const v = pick(raw[key], FILTER_VALUES[key] as readonly string[]);
    if (v) (f as Record<string, string>)[key] = v;
  }
  const a = raw.assignee;
  if (a === "mine" || a === "unassigned") f.assignee = a;
  else if (typeof a === "number" && Number.isSafeInteger(a) && a > 0) f.assignee = a;
  else if (typeof a === "string" && /^\d{1,12}$/.test(a) && Number(a) > 0) f.assignee = Number(a);
  if (typeof raw.appId === "string" && raw.appId.trim()) f.appId = raw.appId.trim().slice(0, 100);
  return f;
}

/** A stored view as the page may use it. */
export function cleanView(v: { columns: unknown; filters: unknown; sort: unknown }): QueueViewSettings {
  return {
    columns: cleanColumns(Array.isArray(v.columns) ? v.columns : undefined),
    filters: cleanFilters(v.filters && typeof v.filters === "object" ? (v.filters as Record<string, unknown>) : {}),
    sort: pick(v.sort, QUEUE_SORTS) ?? "urgency",
  };
}

/** The queue page's URL parameters as view settings (`cols` is a comma-separated list). */
export function viewFromSearch(sp: Record<string, string | string[] | undefined>): QueueViewSettings {
  const one = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const raw: Record<string, unknown> = {};
  for (const k of [...Object.keys(FILTER_VALUES), "assignee", "appId"]) raw[k] = one(k);
  const cols = one("cols");
  return cleanView({
    columns: cols ? cols.split(",").slice(0, QUEUE_COLUMNS.length) : [],
    filters: raw,
    sort: one("sort"),
  });
}

/**
 * The URL parameters of view settings: only what differs from the defaults, so no empty
 * parameter is ever left in a link.
 */
export function searchOfView(v: QueueViewSettings, extra: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, value] of Object.entries(v.filters))
    if (value !== undefined && value !== "") params.set(k, String(value));
  if (v.sort !== "urgency") params.set("sort", v.sort);
  const cols = cleanColumns(v.columns);
  if (cols.join(",") !== DEFAULT_COLUMNS.join(",")) params.set("cols", cols.join(","));
  for (const [k, value] of Object.entries(extra)) if (value) params.set(k, value);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * The page entries of `npm run bench` (issue 25): what a person waits for. Each entry is a main
 * page as its usual role, fetched as server-rendered HTML (a first load) and as a client navigation
 * (the RSC request the router sends when a link is followed), with the tRPC calls that fetch the
 * page's data, so that each page is also read as a ratio to those calls (the page's own overhead:
 * rendering, serialization, the payload).
 */
import type Database from "better-sqlite3";
import type { DemoEmail, EntryContext } from "./entries";

/** The rows a page needs an id of, picked from the dataset before the server starts. */
export type PageIds = {
  /** The ticket of the customer's organization with the most timeline events. */
  longTicketId: number;
  /** A published English article. */
  articleSlug: string;
  /** The customer's organization (dev@nimbus.example's). */
  organizationId: number;
  /** A service review of that organization. */
  reviewId: number | null;
};

export type PageContext = EntryContext & { ids: PageIds };

/** A tRPC query the page makes to fetch its data (GET, superjson input). */
export type PageCall = { name: string; input?: (ctx: PageContext) => unknown };

export type PageEntry = {
  name: string;
  what: string;
  as: DemoEmail | null;
  path: (ctx: PageContext) => string;
  /** The tRPC queries the page makes (its data); the page's p50 is shown as a ratio to their sum. */
  calls: PageCall[];
  /** A list page: its HTML is held to the list size budget. */
  list?: boolean;
  /** Compared with osTicket by scripts/bench/compare-osticket.ts (its key there). */
  osticket?: OsTicketPage;
};

export type OsTicketPage = "queue" | "ticket" | "organization" | "kbSearch" | "dashboard" | "newTicket";

/** The page budgets of issue 25, at 1,000,000 tickets. */
export const PAGE_BUDGETS = {
  /** Server time of every page at one connection. */
  p95Ms: 25,
  /** Every page at 10 connections with one worker per core. */
  p95MsLoaded: 60,
  /** HTML of a list page, gzip. */
  listGzipKb: 60,
  /** /sla at 1,000,000 tickets against /sla at 10,000. */
  slaScaleRatio: 1.2,
} as const;

const KB_QUERY = "android quick start";

/** The main pages, each as the role that usually opens it. */
export const PAGE_ENTRIES: PageEntry[] = [
  {
    name: "home (customer)",
    what: "a customer's home: organization, open tickets, this quarter's service",
    as: "dev@nimbus.example",
    path: () => "/",
    calls: [
      { name: "home.customer" },
      { name: "tickets.list", input: () => ({ status: "open", sort: "due", limit: 5 }) },
      { name: "sla.ourService", input: () => ({}) },
    ],
  },
  {
    name: "home (agent)",
    what: "an agent's home: the open queue's figures and who is on call",
    as: "agent@attain.test",
    path: () => "/",
    calls: [{ name: "home.staff" }, { name: "onCall.now" }],
  },
  {
    name: "home (executive)",
    what: "an executive's home: attainment per tier",
    as: "exec@attain.test",
    path: () => "/",
    calls: [{ name: "home.tiers" }],
  },
  {
    name: "queue",
    what: "an agent's queue, first page",
    as: "agent@attain.test",
    path: () => "/queue",
    calls: [{ name: "tickets.queue", input: () => ({ limit: 25 }) }],
    list: true,
    osticket: "queue",
  },
  {
    name: "ticket list",
    what: "a customer's tickets, first page",
    as: "dev@nimbus.example",
    path: () => "/tickets",
    calls: [{ name: "tickets.colleagues" }, { name: "tickets.list", input: () => ({ limit: 25 }) }],
    list: true,
    osticket: "organization",
  },
  {
    name: "ticket (long timeline)",
    what: "an agent opens the customer's ticket with the longest timeline",
    as: "agent@attain.test",
    path: (c) => `/tickets/${c.ids.longTicketId}`,
    calls: [{ name: "tickets.get", input: (c) => ({ id: c.ids.longTicketId }) }],
    osticket: "ticket",
  },
  {
    name: "new ticket",
    what: "a customer's form to file a ticket",
    as: "dev@nimbus.example",
    path: () => "/tickets/new",
    calls: [],
    osticket: "newTicket",
  },
  {
    name: "KB front page",
    what: "the knowledge base's front page",
    as: "dev@nimbus.example",
    path: () => "/kb",
    calls: [
      { name: "kb.browse", input: () => ({ locale: "en", page: 1 }) },
      { name: "knownIssues.list", input: () => ({}) },
      { name: "incidents.list", input: () => ({ phase: "ongoing", limit: 5 }) },
    ],
    list: true,
  },
  {
    name: "KB search",
    what: `a knowledge base search with hits ("${KB_QUERY}")`,
    as: "dev@nimbus.example",
    path: () => `/kb?q=${encodeURIComponent(KB_QUERY)}`,
    calls: [
      { name: "kb.search", input: () => ({ q: KB_QUERY, preferLocale: "en", limit: 20, page: 1, correct: true }) },
    ],
    list: true,
    osticket: "kbSearch",
  },
  {
    name: "KB article",
    what: "one article",
    as: "dev@nimbus.example",
    path: (c) => `/kb/${c.ids.articleSlug}`,
    calls: [{ name: "kb.article", input: (c) => ({ slug: c.ids.articleSlug, preferLocale: "en" }) }],
  },
  {
    name: "organization",
    what: "an account manager opens a customer organization",
    as: "am@attain.test",
    path: (c) => `/organizations/${c.ids.organizationId}`,
    calls: [
      { name: "accounts.organization", input: (c) => ({ organizationId: c.ids.organizationId }) },
      { name: "accounts.timeline", input: (c) => ({ organizationId: c.ids.organizationId }) },
      { name: "accounts.health", input: (c) => ({ organizationId: c.ids.organizationId }) },
      { name: "reviews.list", input: (c) => ({ organizationId: c.ids.organizationId }) },
    ],
  },
  {
    name: "portfolio",
    what: "an account manager's portfolio",
    as: "am@attain.test",
    path: () => "/portfolio",
    calls: [
      { name: "accounts.portfolio", input: () => ({ page: 1 }) },
      { name: "accounts.meetingRequests", input: () => ({ status: "requested" }) },
    ],
    list: true,
  },
  {
    name: "review",
    what: "an account manager opens a service review",
    as: "am@attain.test",
    path: (c) => `/reviews/${c.ids.reviewId ?? 1}`,
    calls: [{ name: "reviews.get", input: (c) => ({ id: c.ids.reviewId ?? 1 }) }],
  },
  {
    name: "/sla",
    what: "the executive dashboard, this quarter",
    as: "exec@attain.test",
    path: () => "/sla",
    calls: [
      { name: "sla.dashboard", input: (c) => ({ period: currentQuarter(c.now) }) },
      { name: "sla.availability", input: (c) => ({ period: currentQuarter(c.now) }) },
      { name: "sla.atRisk", input: () => ({}) },
      { name: "sla.trend", input: (c) => ({ period: currentQuarter(c.now) }) },
      { name: "sla.reports" },
    ],
    osticket: "dashboard",
  },
  {
    name: "status",
    what: "a customer's service status",
    as: "dev@nimbus.example",
    path: () => "/status",
    calls: [{ name: "availability.status", input: () => ({}) }],
  },
  {
    name: "/organization/sla",
    what: "a customer's own service levels (Our service)",
    as: "dev@nimbus.example",
    path: () => "/organization/sla",
    calls: [{ name: "sla.ourService", input: () => ({}) }],
  },
];

/** The quarter containing `now`, as /sla's default period. */
export function currentQuarter(now: number): { kind: "quarter"; quarter: string } {
  const d = new Date(now);
  return { kind: "quarter", quarter: `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}` };
}

/** The quarter before the one containing `now` ("2026-Q3" on 2026-12-05). */
export function previousQuarter(now: number): string {
  const d = new Date(now);
  const n = d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3) - 1;
  return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}

/** The GET path of a tRPC query (no input: the bare path; superjson rejects `{"json":null}`). */
export function trpcGetPath(name: string, input: unknown): string {
  return input === undefined
    ? `/api/trpc/${name}`
    : `/api/trpc/${name}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** Picks the rows the pages open, as the customer dev@nimbus.example's organization holds them. */
export function pageIds(sqlite: Database.Database): PageIds {
  const org = sqlite.prepare(`SELECT organization_id AS id FROM users WHERE email = 'dev@nimbus.example'`).get() as
    { id: number } | undefined;
  if (!org) throw new Error("the dataset has no dev@nimbus.example");
  const ticket = sqlite
    .prepare(
      `SELECT e.ticket_id AS id FROM ticket_events e WHERE e.ticket_id IN (SELECT id FROM tickets WHERE organization_id = ?)
       GROUP BY e.ticket_id ORDER BY count(*) DESC, e.ticket_id LIMIT 1`,
    )
    .get(org.id) as { id: number } | undefined;
  const article = sqlite
    .prepare(
      `SELECT slug FROM articles WHERE status = 'published' AND internal = 0 AND locale = 'en' ORDER BY id LIMIT 1`,
    )
    .get() as { slug: string } | undefined;
  const review = sqlite.prepare(`SELECT id FROM reviews WHERE organization_id = ? ORDER BY id LIMIT 1`).get(org.id) as
    { id: number } | undefined;
  return {
    longTicketId: ticket?.id ?? 1,
    articleSlug: article?.slug ?? "missing",
    organizationId: org.id,
    reviewId: review?.id ?? null,
  };
}

/**
 * The Next-Router-State-Tree of a client on the home page (the root layout, the portal group, its
 * page): following a link from there, the server renders only the segments that differ.
 */
export const HOME_ROUTER_STATE = JSON.stringify(["", { children: ["(portal)", { children: ["__PAGE__", {}] }] }]);

/**
 * The request headers and the `_rsc` search parameter of a client navigation. Next.js (next start)
 * answers an RSC request whose `_rsc` does not match the hash of its headers with a redirect, so
 * the hash is computed with Next's own function.
 */
export async function rscNavigation(pagePath: string): Promise<{ path: string; headers: Record<string, string> }> {
  const { computeCacheBustingSearchParam } =
    (await import("next/dist/shared/lib/router/utils/cache-busting-search-param.js")) as {
      computeCacheBustingSearchParam: (p?: string, s?: string, t?: string, u?: string) => Promise<string>;
    };
  const tree = encodeURIComponent(HOME_ROUTER_STATE);
  const hash = await computeCacheBustingSearchParam(undefined, undefined, tree, undefined);
  const sep = pagePath.includes("?") ? "&" : "?";
  return { path: `${pagePath}${sep}_rsc=${hash}`, headers: { rsc: "1", "next-router-state-tree": tree } };
}

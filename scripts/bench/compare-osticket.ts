/**
 * The standing comparison with osTicket (issue 25): the same six pages on a running osTicket and a
 * running Attain, one after another on this machine, each fetched sequentially (one connection)
 * after a warm-up; prints the median and p95 of each, the bytes, and Attain's time as a ratio.
 *
 *   OSTICKET_URL=http://127.0.0.1:8080 OSTICKET_USER=agent OSTICKET_PASSWORD=... \
 *   OSTICKET_TICKET_ID=123 OSTICKET_ORG_ID=4 ATTAIN_URL=http://127.0.0.1:3000 \
 *   npx tsx scripts/bench/compare-osticket.ts [--samples 21]
 *
 * Without OSTICKET_URL and its credentials it says so and exits 0 (the comparison is optional).
 * Attain's ids default to those of the scale dataset (ATTAIN_DB, else data/scale.db); see
 * docs/BENCHMARKS.md, "Comparison with osTicket", for what differs between the two pages.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { getCsrf, signIn } from "./http";
import { PAGE_ENTRIES, pageIds, type OsTicketPage, type PageIds } from "./pages";
import { compareRows, renderComparison, type Timed } from "./compare";

const KB_QUERY = "android quick start";

/** osTicket's page for each compared page (staff control panel, except the public KB search). */
export const OSTICKET_PATHS: Record<OsTicketPage, (env: { ticketId: string; orgId: string }) => string> = {
  queue: () => "/scp/tickets.php",
  ticket: (e) => `/scp/tickets.php?id=${e.ticketId}`,
  organization: (e) => `/scp/orgs.php?id=${e.orgId}`,
  kbSearch: () => `/kb/faq.php?q=${encodeURIComponent(KB_QUERY)}`,
  dashboard: () => "/scp/dashboard.php",
  newTicket: () => "/scp/tickets.php?a=open",
};

async function osTicketSession(base: string, user: string, password: string): Promise<string> {
  const page = await fetch(`${base}/scp/login.php`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = /name="__CSRFToken__" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error("osTicket's login page has no CSRF token");
  const res = await fetch(`${base}/scp/login.php`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ __CSRFToken__: token, do: "scplogin", userid: user, passwd: password }),
    redirect: "manual",
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (res.status !== 302) throw new Error(`osTicket sign-in as ${user} failed: HTTP ${res.status}`);
  return session || cookie;
}

async function timePage(url: string, cookie: string | null, samples: number): Promise<Timed> {
  const fetchOnce = async () => {
    const started = performance.now();
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const body = Buffer.from(await res.arrayBuffer());
    return { ms: performance.now() - started, status: res.status, body };
  };
  for (let i = 0; i < 3; i++) await fetchOnce();
  const ms: number[] = [];
  let last = await fetchOnce();
  for (let i = 0; i < samples; i++) {
    last = await fetchOnce();
    ms.push(last.ms);
  }
  return { samplesMs: ms, status: last.status, bytes: last.body.length, gzipBytes: gzipSync(last.body).length };
}

async function main() {
  const { values } = parseArgs({ options: { samples: { type: "string", default: "21" } } });
  const samples = Math.max(5, Math.min(200, Number(values.samples) || 21));
  const { OSTICKET_URL, OSTICKET_USER, OSTICKET_PASSWORD } = process.env;
  if (!OSTICKET_URL || !OSTICKET_USER || !OSTICKET_PASSWORD) {
    console.log(
      "compare-osticket: skipped, set OSTICKET_URL, OSTICKET_USER and OSTICKET_PASSWORD (and OSTICKET_TICKET_ID, OSTICKET_ORG_ID) to compare with a running osTicket.",
    );
    return;
  }
  const attain = process.env.ATTAIN_URL ?? "http://127.0.0.1:3000";
  const dbFile = path.resolve(process.env.ATTAIN_DB ?? path.join("data", "scale.db"));
  let ids: PageIds = { longTicketId: 1, articleSlug: "missing", organizationId: 1, reviewId: null };
  if (fs.existsSync(dbFile)) {
    const sqlite = new Database(dbFile, { readonly: true });
    ids = pageIds(sqlite);
    sqlite.close();
  }
  const osEnv = { ticketId: process.env.OSTICKET_TICKET_ID ?? "1", orgId: process.env.OSTICKET_ORG_ID ?? "1" };
  const osCookie = await osTicketSession(OSTICKET_URL.replace(/\/$/, ""), OSTICKET_USER, OSTICKET_PASSWORD);
  const csrf = await getCsrf(attain);
  const cookies = new Map<string, string>();
  const rows = [];
  for (const page of PAGE_ENTRIES.filter((p) => p.osticket)) {
    const as = page.as;
    if (as && !cookies.has(as)) cookies.set(as, await signIn(attain, csrf, as));
    const ctx = { now: Date.now(), user: null, ids };
    const attainTimed = await timePage(`${attain}${page.path(ctx)}`, as ? cookies.get(as)! : csrf.cookie, samples);
    const osTimed = await timePage(
      `${OSTICKET_URL.replace(/\/$/, "")}${OSTICKET_PATHS[page.osticket!](osEnv)}`,
      osCookie,
      samples,
    );
    rows.push({ page: page.name, attain: attainTimed, osticket: osTimed });
    console.log(`${page.name}: measured (${samples} samples each)`);
  }
  console.log(`\n${renderComparison(compareRows(rows)).join("\n")}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});

/**
 * Where /sla's time goes at scale (issue 25): each read behind the page, uncached, in-process on a
 * dataset file. `npx tsx scripts/bench/profile-sla.ts data/scale.db` (read-only).
 */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import type { Db } from "@/server/db";
import { computeSlaDashboard, computeSlaAvailability, computeSlaTrend, countAtRisk } from "@/server/dashboards/service";
import { listSlaReports } from "@/server/dashboards/reports";
import { agedBreaches, slaCells } from "@/server/dashboards/attainment";
import { resolvePeriod } from "@/server/periods/periods";
import { parseFilter } from "@/components/sla/url";
const file = process.argv[2]!;
const sqlite = new Database(file, { readonly: true });
sqlite.pragma("cache_size = -65536");
const db = drizzle(sqlite, { schema }) as unknown as Db;
const now = new Date();
const f = parseFilter({}, now);
console.log(JSON.stringify(f));
const { period: _p, ...wo } = f;
const p = resolvePeriod(f.period);
function time(name: string, fn: () => unknown) {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(name.padEnd(24), ts[2]!.toFixed(2), "ms");
}
time("dashboard", () => computeSlaDashboard(db, f, now));
time("availability", () => computeSlaAvailability(db, f, now));
time("atRisk", () => countAtRisk(db, wo, now));
time("trend", () => computeSlaTrend(db, f, now));
time("reports", () => listSlaReports(db));
time("slaCells period", () => slaCells(db, { from: p.from, to: p.to, now }));
time("agedBreaches period", () => agedBreaches(db, { from: p.from, to: p.to, now }));
console.log("aged", agedBreaches(db, { from: p.from, to: p.to, now }).length);
console.log("aged 24mo", agedBreaches(db, { from: new Date(p.to.getTime() - 730 * 864e5), to: p.to, now }).length);

import { migrateDb } from "@/db/migrate";
import { openDb } from "@/server/db";
import { getAttainment } from "@/server/dashboards/attainment";
import { rebuildRollups } from "@/server/dashboards/rollup-service";
import { getSlaDashboard, getSlaTrend, listSlaTickets } from "@/server/dashboards/service";
const db = openDb("/tmp/sla-scale.db");
migrateDb(db);
const n = (db.$client.prepare("select count(*) n from ticket_sla_facts").get() as { n: number }).n;
if (n === 0) console.log("rebuild", rebuildRollups(db.$client));
const now = new Date();
const time = (name: string, f: () => unknown) => {
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) { const t0 = performance.now(); f(); xs.push(performance.now() - t0); }
  xs.sort((a, b) => a - b);
  console.log(name, "median", xs[3]!.toFixed(1), "max", xs[6]!.toFixed(1), "ms");
};
const q = { kind: "quarter" as const, quarter: "2026-Q3" };
time("getAttainment Q3", () => getAttainment(db, { from: new Date("2026-07-01Z"), to: new Date("2026-10-01Z"), now }));
time("getAttainment org 1 Q3", () => getAttainment(db, { from: new Date("2026-07-01Z"), to: new Date("2026-10-01Z"), organizationId: 1, now }));
time("dashboard Q3", () => getSlaDashboard(db, { period: q }, now));
time("dashboard Q3 ent P0", () => getSlaDashboard(db, { period: q, tierCode: "enterprise", priority: "P0" }, now));
time("trend", () => getSlaTrend(db, { period: q }, now));
time("tickets ent P0 fr breached", () => listSlaTickets(db, { period: q, tierCode: "enterprise", priority: "P0", metric: "firstResponse", outcome: "breached", limit: 100 }, now));
time("tickets all breached", () => listSlaTickets(db, { period: q, outcome: "breached", limit: 100 }, now));

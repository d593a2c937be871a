import { migrateDb } from "@/db/migrate";
import { openDb } from "@/server/db";
import { getAttainment } from "@/server/dashboards/attainment";
import { rebuildRollups } from "@/server/dashboards/rollup-service";
const db = openDb("/tmp/sla-smoke.db");
migrateDb(db);
console.log(rebuildRollups(db.$client));
for (const f of [{ from: new Date("2026-07-01T00:00Z"), to: new Date("2026-10-01T00:00Z") }, { from: new Date("2026-07-01T00:00Z"), to: new Date("2026-10-01T00:00Z"), tierCode: "enterprise" as const, priority: "P0" as const }, { from: new Date("2026-07-01T07:00Z"), to: new Date("2026-10-01T07:00Z") }, { from: new Date("2026-07-01T00:00Z"), to: new Date("2026-10-01T00:00Z"), organizationId: 1 }]) {
  const t0 = performance.now();
  const r = getAttainment(db, f);
  console.log((performance.now() - t0).toFixed(1), "ms", JSON.stringify(r.byMetric));
}

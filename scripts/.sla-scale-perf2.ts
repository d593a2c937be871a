import { openDb } from "@/server/db";
import { agedBreaches, slaCells } from "@/server/dashboards/attainment";
import { countAtRisk } from "@/server/dashboards/service";
import { creditsOwed, tierAvailability } from "@/server/availability/service";
const db = openDb("/tmp/sla-scale.db");
const now = new Date();
const time = (name: string, f: () => unknown) => {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); f(); xs.push(performance.now() - t0); }
  xs.sort((a, b) => a - b);
  console.log(name, "median", xs[2]!.toFixed(1), "min", xs[0]!.toFixed(1), "ms");
};
const from = new Date("2026-07-01Z"), to = new Date("2026-10-01Z");
//time("slaCells Q3", () => slaCells(db, { from, to }));
//time("slaCells org1 Q3", () => slaCells(db, { from, to, organizationId: 1 }));
//time("aged Q3", () => agedBreaches(db, { from, to, now }));
//time("aged org1 Q3", () => agedBreaches(db, { from, to, now, organizationId: 1 }));
time("atRisk", () => countAtRisk(db, {}, now));
//time("tierAvailability Q3", () => tierAvailability(db, ["2026-07", "2026-08", "2026-09"], now));
//time("creditsOwed Q3", () => creditsOwed(db, ["2026-07", "2026-08", "2026-09"], now));

import { openDb } from "@/server/db";
import { loadCalendar, loadTargets } from "@/server/sla/service";
import { riskThreshold } from "@/server/dashboards/risk";
const db = openDb("/tmp/sla-scale.db");
const now = new Date();
for (let k = 0; k < 3; k++) {
  let t0 = performance.now();
  const cal = loadCalendar(db, 1);
  const tg = loadTargets(db, 1, cal);
  console.log("load", (performance.now() - t0).toFixed(1));
  t0 = performance.now();
  for (const p of ["P0", "P1", "P2", "P3"] as const) for (const m of ["firstResponse", "workaround", "resolution"] as const) { const t = tg[p][m]; if (t) riskThreshold(now, t); }
  console.log("thresholds", (performance.now() - t0).toFixed(1));
}
const t0 = performance.now();
const rows = db.$client.prepare(`select t.target_version_id, o.calendar_id, t.priority, t.fr_status, t.fr_achieved_at, t.fr_due_at, t.wa_status, t.wa_achieved_at, t.wa_due_at, t.res_status, t.res_achieved_at, t.res_due_at from tickets t cross join organizations o on o.id = t.organization_id where t.next_due_at is not null and t.outside_sla = 0 and t.next_due_at >= ? and t.next_due_at < ? and +t.status in ('new','open','pending_customer','workaround_provided') and t.exclusion_reason is null`).raw(true).all(now.getTime(), now.getTime() + 20 * 86400000);
console.log("rows", rows.length, (performance.now() - t0).toFixed(1));

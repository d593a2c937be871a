import Database from "better-sqlite3";
const db = new Database("/tmp/sla-scale.db", { readonly: true });
const q = (s: string, ...p: unknown[]) => { const t0 = performance.now(); const r = db.prepare(s).all(...p); console.log((performance.now() - t0).toFixed(1), "ms", JSON.stringify(r).slice(0, 400)); };
const now = Date.now();
q(`select count(*) from target_versions`);
q(`select count(*) from calendars`);
q(`select count(distinct target_version_id) from tickets where next_due_at >= ?`, now);
q(`select count(*) from tickets t where t.next_due_at is not null and t.outside_sla = 0 and t.next_due_at >= ? and t.next_due_at < ? and +t.status in ('new','open','pending_customer','workaround_provided') and t.exclusion_reason is null`, now, now + 20 * 86400000);

import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import { rebuildRollups } from "@/server/dashboards/rollup-service";
import type { BusinessCalendar } from "./clock";
import { classifyStateChange, type StateChange } from "./drift";
import { evaluateSla, type SlaTargets } from "./evaluate";
import { toSlaEvents, type StoredEvent } from "./events";
import { loadCalendar, loadTargets } from "./load";
import { toStoredSlaState, type StoredSlaState } from "./state";

export type RecomputeProgress = { done: number; total: number; elapsedMs: number };
export type RecomputeSample = {
  ticketId: number;
  change: Exclude<StateChange, "same">;
  columns: (keyof StoredSlaState)[];
};
export type RecomputeReport = {
  tickets: number;
  events: number;
  same: number;
  aged: number;
  drift: number;
  /** Rows rewritten (drift and aged), 0 unless `fix`. */
  fixed: number;
  seconds: number;
  /** The first few tickets that differed, with the columns that did. */
  samples: RecomputeSample[];
};

export type RecomputeOptions = {
  /** The instant to evaluate at. */
  now: Date;
  /** Write the fresh state of every ticket that differs (drift and aged) and rebuild the dashboards' rollups; otherwise only report. */
  fix?: boolean;
  /** Tickets per read window and per write transaction. */
  chunkSize?: number;
  maxSamples?: number;
  onProgress?: (p: RecomputeProgress) => void;
};

const STATE_COLUMNS = [
  "frDueAt",
  "frAchievedAt",
  "frStatus",
  "waDueAt",
  "waAchievedAt",
  "waStatus",
  "resDueAt",
  "resAchievedAt",
  "resStatus",
  "nextDueAt",
] as const;
type Status = StoredSlaState["frStatus"];
type Row = [
  id: number,
  versionId: number,
  calendarId: number,
  frDue: number | null,
  frAch: number | null,
  frStatus: Status,
  waDue: number | null,
  waAch: number | null,
  waStatus: Status,
  resDue: number | null,
  resAch: number | null,
  resStatus: Status,
  nextDue: number | null,
  at: number | null,
  type: string | null,
  data: string | null,
  outsideSla: 0 | 1,
];

const date = (v: number | null) => (v === null ? null : new Date(v));
const ms = (d: Date | null) => (d === null ? null : d.getTime());

function storedOf(r: Row): StoredSlaState {
  return {
    frDueAt: date(r[3]),
    frAchievedAt: date(r[4]),
    frStatus: r[5],
    waDueAt: date(r[6]),
    waAchievedAt: date(r[7]),
    waStatus: r[8],
    resDueAt: date(r[9]),
    resAchievedAt: date(r[10]),
    resStatus: r[11],
    nextDueAt: date(r[12]),
  };
}

function differingColumns(a: StoredSlaState, b: StoredSlaState): (keyof StoredSlaState)[] {
  return STATE_COLUMNS.filter((k) => {
    const x = a[k];
    const y = b[k];
    return x instanceof Date || y instanceof Date ? ms(x as Date | null) !== ms(y as Date | null) : x !== y;
  });
}

/**
 * Re-derives every ticket's SLA state from its event log at `now` and compares it with the stored
 * columns: the check behind `npm run sla:recompute` and its benchmark. It streams tickets with their
 * events through one JOIN ordered by ticket id (in id windows, so fixes can be written between
 * windows on the same connection), loads calendars and target versions once, and evaluates with the
 * same evaluateSla / toStoredSlaState as every ticket write. Raw prepared statements rather than
 * Drizzle, because at a million tickets the row mapping would dominate.
 *
 * At the instant the state was written, a healthy database has no differences at all; at a later
 * `now`, open metrics legitimately age (see classifyStateChange), and only `drift` means a bug.
 */
export function recomputeAll(sqlite: Database.Database, opts: RecomputeOptions): RecomputeReport {
  const started = Date.now();
  const chunkSize = opts.chunkSize ?? 20_000;
  const maxSamples = opts.maxSamples ?? 20;
  const db = drizzle(sqlite, { schema });

  const calendars = new Map<number, BusinessCalendar>();
  const targets = new Map<string, SlaTargets>();
  const targetsFor = (versionId: number, calendarId: number): SlaTargets => {
    const key = `${versionId}:${calendarId}`;
    let t = targets.get(key);
    if (!t) {
      let calendar = calendars.get(calendarId);
      if (!calendar) {
        calendar = loadCalendar(db, calendarId);
        calendars.set(calendarId, calendar);
      }
      t = loadTargets(db, versionId, calendar);
      targets.set(key, t);
    }
    return t;
  };

  // Tickets outside the SLA (custom development, feature requests) run no clock (server/sla/service.ts).
  const NO_TARGETS: SlaTargets = { P0: {}, P1: {}, P2: {}, P3: {} };
  const bounds = sqlite.prepare(`SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM tickets`).get() as {
    lo: number | null;
    hi: number | null;
    n: number;
  };
  const select = sqlite
    .prepare(
      `SELECT t.id, t.target_version_id, o.calendar_id,
              t.fr_due_at, t.fr_achieved_at, t.fr_status, t.wa_due_at, t.wa_achieved_at, t.wa_status,
              t.res_due_at, t.res_achieved_at, t.res_status, t.next_due_at,
              e.at, e.type, e.data, t.outside_sla
         FROM tickets t
         JOIN organizations o ON o.id = t.organization_id
         LEFT JOIN ticket_events e ON e.ticket_id = t.id
        WHERE t.id >= ? AND t.id < ?
        ORDER BY t.id, e.at, e.id`,
    )
    .raw(true);
  const update = sqlite.prepare(
    `UPDATE tickets SET fr_due_at = ?, fr_achieved_at = ?, fr_status = ?, wa_due_at = ?, wa_achieved_at = ?, wa_status = ?,
            res_due_at = ?, res_achieved_at = ?, res_status = ?, next_due_at = ? WHERE id = ?`,
  );
  const writeFixes = sqlite.transaction((fixes: { id: number; s: StoredSlaState }[]) => {
    for (const { id, s } of fixes) {
      update.run(
        ms(s.frDueAt),
        ms(s.frAchievedAt),
        s.frStatus,
        ms(s.waDueAt),
        ms(s.waAchievedAt),
        s.waStatus,
        ms(s.resDueAt),
        ms(s.resAchievedAt),
        s.resStatus,
        ms(s.nextDueAt),
        id,
      );
    }
  });

  const report: RecomputeReport = {
    tickets: 0,
    events: 0,
    same: 0,
    aged: 0,
    drift: 0,
    fixed: 0,
    seconds: 0,
    samples: [],
  };
  let fixes: { id: number; s: StoredSlaState }[] = [];
  let current: Row | null = null;
  let events: StoredEvent[] = [];

  const finish = () => {
    if (current === null) return;
    const stored = storedOf(current);
    const fresh = toStoredSlaState(
      evaluateSla(toSlaEvents(events), current[16] === 1 ? NO_TARGETS : targetsFor(current[1], current[2]), opts.now),
    );
    report.tickets++;
    const change = classifyStateChange(stored, fresh);
    report[change]++;
    if (change !== "same") {
      if (report.samples.length < maxSamples)
        report.samples.push({ ticketId: current[0], change, columns: differingColumns(stored, fresh) });
      if (opts.fix) fixes.push({ id: current[0], s: fresh });
    }
  };

  if (bounds.lo !== null && bounds.hi !== null) {
    for (let lo = bounds.lo; lo <= bounds.hi; lo += chunkSize) {
      for (const r of select.iterate(lo, lo + chunkSize) as IterableIterator<Row>) {
        if (current === null || r[0] !== current[0]) {
          finish();
          current = r;
          events = [];
        }
        if (r[13] !== null && r[14] !== null) {
          report.events++;
          events.push({
            at: new Date(r[13]),
            type: r[14],
            data: r[15] === null ? null : (JSON.parse(r[15]) as StoredEvent["data"]),
          });
        }
      }
      finish();
      current = null;
      if (fixes.length > 0) {
        writeFixes(fixes);
        report.fixed += fixes.length;
        fixes = [];
      }
      opts.onProgress?.({ done: report.tickets, total: bounds.n, elapsedMs: Date.now() - started });
    }
  }
  // Rewritten state moves tickets between the dashboards' cells: rebuild the rollups from it (always
  // when fixing, so a database migrated from before the rollups existed gets them too).
  if (opts.fix) rebuildRollups(sqlite);
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

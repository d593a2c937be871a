/** In-process measurements: domain functions with tinybench, raw SQL of each entry, the full SLA recompute. */
import type Database from "better-sqlite3";
import { Bench } from "tinybench";
import { CALENDAR_DEFAULTS, TARGET_DEFAULTS } from "@/db/seed/reference";
import { addBusinessMinutes, type BusinessCalendar } from "@/server/sla/clock";
import { evaluateSla, type Metric, type Priority, type SlaEvent } from "@/server/sla/evaluate";
import { recomputeAll, type RecomputeReport } from "@/server/sla/recompute";
import { buildSlaTargets } from "@/server/sla/targets";
import { RENDER_BUDGET_MS, renderMarkdown } from "@/server/kb/markdown";
import { atLimitInputs, NO_RENDER_GUARD } from "@/server/kb/markdown-corpus";
import type { MarkdownKind } from "@/server/kb/markdown-limits";
import type { BenchEntry, EntryContext } from "./entries";

export type TimedTask = {
  name: string;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  opsPerSec: number;
  samples: number;
};

async function runTasks(tasks: { name: string; fn: () => unknown }[], timeMs: number): Promise<TimedTask[]> {
  const bench = new Bench({ time: timeMs, iterations: 10, warmupTime: Math.min(200, timeMs / 4) });
  for (const t of tasks) bench.add(t.name, t.fn);
  await bench.run();
  return bench.tasks.map((task) => {
    const r = task.result;
    if (r.state !== "completed")
      throw new Error(
        `micro-benchmark ${task.name} did not complete: ${r.state === "errored" ? r.error.message : r.state}`,
      );
    return {
      name: task.name,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      meanMs: r.latency.mean,
      opsPerSec: r.throughput.mean,
      samples: r.latency.samples?.length ?? r.latency.df + 1,
    };
  });
}

const chinaDefaults = CALENDAR_DEFAULTS.find((c) => c.region === "china")!;
const CHINA: BusinessCalendar = {
  timeZone: chinaDefaults.timeZone,
  hours: chinaDefaults.hours,
  holidays: chinaDefaults.holidays.map((h) => h.date),
};

/** An Enterprise ticket's life in 20 events: pauses, a raise of priority, workaround, a reopen. */
export function twentyEventTicket(): SlaEvent[] {
  const t0 = Date.parse("2026-03-02T02:00:00Z");
  const h = (hours: number) => new Date(t0 + hours * 3_600_000);
  return [
    { at: h(0), type: "created", priority: "P2" },
    { at: h(0.5), type: "staffReplied" },
    { at: h(1), type: "paused" },
    { at: h(20), type: "resumed" },
    { at: h(22), type: "paused" },
    { at: h(26), type: "resumed" },
    { at: h(27), type: "priorityChanged", priority: "P1" },
    { at: h(28), type: "paused" },
    { at: h(30), type: "resumed" },
    { at: h(31), type: "workaround" },
    { at: h(48), type: "paused" },
    { at: h(70), type: "resumed" },
    { at: h(72), type: "paused" },
    { at: h(75), type: "resumed" },
    { at: h(96), type: "resolved" },
    { at: h(120), type: "reopened" },
    { at: h(121), type: "paused" },
    { at: h(140), type: "resumed" },
    { at: h(150), type: "priorityChanged", priority: "P2" },
    { at: h(170), type: "resolved" },
  ];
}

export function enterpriseChinaTargets() {
  const cells = Object.entries(TARGET_DEFAULTS.enterprise).flatMap(([priority, metrics]) =>
    Object.entries(metrics).map(([metric, cell]) => ({
      priority: priority as Priority,
      metric: metric as Metric,
      ...cell,
    })),
  );
  return buildSlaTargets(cells, CHINA);
}

/**
 * The slowest input of the pathological Markdown corpus within a kind's limits
 * (server/kb/markdown-corpus.ts), found by rendering each once: its time against RENDER_BUDGET_MS is
 * the renderer's speed target (server/kb/markdown-bounds.test.ts checks only the outcome). Rendered
 * with NO_RENDER_GUARD, so the renderer's own guard never turns it into plain text.
 */
function slowestAtLimit(kind: MarkdownKind) {
  let slowest = { name: "", markdown: "", ms: -1 };
  for (const input of atLimitInputs(kind)) {
    const t = performance.now();
    renderMarkdown(input.markdown, kind, NO_RENDER_GUARD);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { name: input.name, markdown: input.markdown, ms };
  }
  return {
    name: `renderMarkdown: slowest ${kind} text at the limits (${slowest.name}), budget ${RENDER_BUDGET_MS[kind]} ms`,
    fn: () => renderMarkdown(slowest.markdown, kind, NO_RENDER_GUARD),
  };
}

/**
 * The Markdown renderer's speed against RENDER_BUDGET_MS: the slowest ticket and article texts of
 * the corpus at the limits. Apart from domainMicroBenchmarks because finding them renders the whole
 * corpus (about 40 s), which the bench's smoke test should not pay.
 */
export async function markdownMicroBenchmarks(timeMs = 2000): Promise<TimedTask[]> {
  return runTasks([slowestAtLimit("ticket"), slowestAtLimit("article")], timeMs);
}

/** addBusinessMinutes for a 40-business-day target and evaluateSla for a 20-event ticket. */
export async function domainMicroBenchmarks(timeMs = 2000): Promise<TimedTask[]> {
  const start = new Date("2026-03-06T10:00:00Z");
  const events = twentyEventTicket();
  const targets = enterpriseChinaTargets();
  const now = new Date("2026-04-30T00:00:00Z");
  return runTasks(
    [
      {
        name: "addBusinessMinutes: 40 business days (20,400 min), China calendar",
        fn: () => addBusinessMinutes(start, 20_400, CHINA),
      },
      {
        name: "evaluateSla: 20 events, Enterprise targets, China calendar",
        fn: () => evaluateSla(events, targets, now),
      },
    ],
    timeMs,
  );
}

/** The demo account's id and organization, for raw SQL parameters. */
export function entryContext(sqlite: Database.Database, email: string | null, now: number): EntryContext {
  if (!email) return { now, user: null };
  const row = sqlite
    .prepare(`SELECT id, organization_id AS organizationId FROM users WHERE lower(email) = ?`)
    .get(email) as { id: number; organizationId: number | null } | undefined;
  if (!row) throw new Error(`the dataset has no user ${email}`);
  return { now, user: { ...row, email } };
}

export type RawTiming = { entry: string; task: TimedTask | null; plans: string[][] };

/** Each entry's raw SQL, prepared once and run in sequence per iteration; with its query plans. */
export async function rawSqlTimings(
  sqlite: Database.Database,
  entries: readonly BenchEntry[],
  now: number,
  timeMs = 1000,
): Promise<RawTiming[]> {
  const out: RawTiming[] = [];
  for (const entry of entries) {
    if (entry.rawSql.length === 0) {
      out.push({ entry: entry.name, task: null, plans: [] });
      continue;
    }
    const ctx = entryContext(sqlite, entry.as ?? (entry.name === "sign-in" ? "dev@nimbus.example" : null), now);
    const statements = entry.rawSql.map((q) => ({ stmt: sqlite.prepare(q.sql), params: q.params?.(ctx) ?? [] }));
    const plans = entry.rawSql.map((q, i) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...statements[i]!.params) as { detail: string }[]).map(
        (r) => r.detail,
      ),
    );
    const [task] = await runTasks(
      [
        {
          name: entry.name,
          fn: () => statements.forEach(({ stmt, params }) => (stmt.reader ? stmt.all(...params) : stmt.run(...params))),
        },
      ],
      timeMs,
    );
    out.push({ entry: entry.name, task: task ?? null, plans });
  }
  return out;
}

/** A full SLA recompute over the dataset at its anchor, check only: time, rate and drift. */
export function recomputeBenchmark(
  sqlite: Database.Database,
  anchor: Date,
  onProgress?: (done: number, total: number) => void,
): RecomputeReport {
  return recomputeAll(sqlite, { now: anchor, onProgress: onProgress ? (p) => onProgress(p.done, p.total) : undefined });
}

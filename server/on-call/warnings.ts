/**
 * What a warning pass says of one target: at risk (`percent` % or less of its time left in open
 * time, by `riskThreshold` in server/sla/risk.ts) or breached in the pass's window. Pure: the job
 * computes one threshold per target version, calendar, priority and metric and reads the tickets due
 * before it by index (the queue's partial index on next_due_at).
 */
export type MetricState = { status: string | null; achievedAt: number | null; dueAt: number | null };

/** What to warn about for one metric at `now`: at risk (running, not yet due, inside the share), breached (due passed in the window), or nothing. */
export function warningFor(
  m: MetricState,
  now: number,
  threshold: number | undefined,
  breachWindowStart: number,
): "at_risk" | "breach" | null {
  if (m.status !== "running" && m.status !== "breached") return null; // paused or met: never
  if (m.achievedAt !== null || m.dueAt === null) return null;
  if (m.dueAt <= now && m.dueAt > breachWindowStart) return "breach";
  if (m.status === "running" && m.dueAt > now && threshold !== undefined && m.dueAt < threshold) return "at_risk";
  return null;
}

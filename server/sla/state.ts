import type { Metric, MetricOutcome } from "./evaluate";

type Status = MetricOutcome["status"];

/** The SLA columns stored on a ticket row, so lists and dashboards read them instead of recomputing. */
export type StoredSlaState = {
  frDueAt: Date | null;
  frAchievedAt: Date | null;
  frStatus: Status | null;
  waDueAt: Date | null;
  waAchievedAt: Date | null;
  waStatus: Status | null;
  resDueAt: Date | null;
  resAchievedAt: Date | null;
  resStatus: Status | null;
  nextDueAt: Date | null;
};

const PREFIX: Record<Metric, "fr" | "wa" | "res"> = { firstResponse: "fr", workaround: "wa", resolution: "res" };

/**
 * Flattens an evaluation into the stored columns. `nextDueAt` is the nearest due time of a metric
 * not yet achieved (breached ones included, as they are the most urgent), or null when none is open.
 */
export function toStoredSlaState(outcomes: Partial<Record<Metric, MetricOutcome>>): StoredSlaState {
  const state: StoredSlaState = {
    frDueAt: null,
    frAchievedAt: null,
    frStatus: null,
    waDueAt: null,
    waAchievedAt: null,
    waStatus: null,
    resDueAt: null,
    resAchievedAt: null,
    resStatus: null,
    nextDueAt: null,
  };
  for (const metric of Object.keys(PREFIX) as Metric[]) {
    const o = outcomes[metric];
    if (!o) continue;
    const p = PREFIX[metric];
    state[`${p}DueAt`] = o.dueAt;
    state[`${p}AchievedAt`] = o.achievedAt;
    state[`${p}Status`] = o.status;
    if (o.achievedAt === null && (state.nextDueAt === null || o.dueAt < state.nextDueAt)) state.nextDueAt = o.dueAt;
  }
  return state;
}

/** True when two stored states differ in any column (drift check of `sla:recompute`). */
export function storedStateDiffers(a: StoredSlaState, b: StoredSlaState): boolean {
  return (Object.keys(a) as (keyof StoredSlaState)[]).some((k) => {
    const x = a[k];
    const y = b[k];
    if (x instanceof Date || y instanceof Date) return (x as Date | null)?.getTime() !== (y as Date | null)?.getTime();
    return x !== y;
  });
}

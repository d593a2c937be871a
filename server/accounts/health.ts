/**
 * The health score of an account: 0-100, red / yellow / green, from weighted factors that each say
 * what they measured and how many points they gave. Pure: plain data in, plain data out; the
 * service gathers the inputs (with `now` as an argument) and the portfolio shows every factor.
 */

export const HEALTH_FACTORS = [
  "slaBreaches",
  "openUrgent",
  "satisfaction",
  "escalations",
  "engagement",
  "renewal",
] as const;
export type HealthFactorKey = (typeof HEALTH_FACTORS)[number];

/** The weights, in points out of 100; the one place to change them. They must sum to 100. */
export const HEALTH_WEIGHTS: Record<HealthFactorKey, number> = {
  slaBreaches: 25,
  openUrgent: 20,
  satisfaction: 20,
  escalations: 10,
  engagement: 15,
  renewal: 10,
};

/** Score bands: green at or above `green`, yellow at or above `yellow`, red below. */
export const HEALTH_BANDS = { green: 75, yellow: 50 } as const;
export type HealthBand = "green" | "yellow" | "red";

export type HealthInputs = {
  /** Breached SLA targets whose due time fell in the last 90 days (excluded tickets not counted). */
  breaches90d: number;
  /** Open P0/P1 tickets now, and the age in days of the oldest of them (0 when none). */
  openUrgent: number;
  oldestUrgentAgeDays: number;
  /** Average satisfaction (1-5) over the last 90 days and the 90 days before; null = no ratings. */
  satisfaction90d: number | null;
  satisfactionPrevious90d: number | null;
  /** Escalations (ticket_events of type escalated) in the last 90 days. */
  escalations90d: number;
  /** Days since the latest engagement on the timeline; null = never. */
  daysSinceEngagement: number | null;
  /** Days until the contract ends (negative once past). */
  daysToRenewal: number;
};

export type HealthFactor = {
  key: HealthFactorKey;
  weight: number;
  /** 0 (worst) to 1 (best). */
  subscore: number;
  /** Points this factor adds to the score: weight x subscore. */
  contribution: number;
  /** The measured values the explanation is written from (the UI words them). */
  detail: Record<string, number | null>;
};

export type Health = { score: number; band: HealthBand; factors: HealthFactor[] };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Each factor's rule: measured value to a subscore between 0 and 1. */
function subscores(
  i: HealthInputs,
): Record<HealthFactorKey, { subscore: number; detail: Record<string, number | null> }> {
  // Five breaches in a quarter is as bad as it gets; each one costs a fifth.
  const slaBreaches = { subscore: clamp01(1 - i.breaches90d / 5), detail: { breaches: i.breaches90d } };
  // Four open urgent tickets, or one open for two weeks, each cost the full half they stand for.
  const openUrgent = {
    subscore:
      i.openUrgent === 0
        ? 1
        : clamp01(1 - 0.5 * Math.min(1, i.openUrgent / 4) - 0.5 * Math.min(1, i.oldestUrgentAgeDays / 14)),
    detail: { open: i.openUrgent, oldestDays: i.openUrgent === 0 ? null : Math.floor(i.oldestUrgentAgeDays) },
  };
  // The level (1-5 mapped to 0-1) moved by the trend; no ratings at all is treated as middling.
  const level = i.satisfaction90d === null ? 0.6 : (i.satisfaction90d - 1) / 4;
  const trend =
    i.satisfaction90d !== null && i.satisfactionPrevious90d !== null
      ? i.satisfaction90d - i.satisfactionPrevious90d
      : 0;
  const satisfaction = {
    subscore: clamp01(level + 0.25 * trend),
    detail: {
      average: i.satisfaction90d,
      previous: i.satisfactionPrevious90d,
      trend: i.satisfaction90d !== null && i.satisfactionPrevious90d !== null ? trend : null,
    },
  };
  const escalations = { subscore: clamp01(1 - i.escalations90d / 4), detail: { escalations: i.escalations90d } };
  // A touch point within a month is healthy; four months of silence is not.
  const engagement = {
    subscore:
      i.daysSinceEngagement === null
        ? 0
        : i.daysSinceEngagement <= 30
          ? 1
          : clamp01(1 - (i.daysSinceEngagement - 30) / 90),
    detail: { days: i.daysSinceEngagement },
  };
  // A renewal within four months is a risk to prepare for; a lapsed contract is the worst case.
  const renewal = {
    subscore: i.daysToRenewal < 0 ? 0 : i.daysToRenewal >= 120 ? 1 : 0.4 + (0.6 * i.daysToRenewal) / 120,
    detail: { days: i.daysToRenewal },
  };
  return { slaBreaches, openUrgent, satisfaction, escalations, engagement, renewal };
}

/** The band a score falls in. */
export function healthBand(score: number): HealthBand {
  return score >= HEALTH_BANDS.green ? "green" : score >= HEALTH_BANDS.yellow ? "yellow" : "red";
}

/**
 * The account's health: the sum of each factor's weight times its subscore, rounded to a whole
 * number. Invariants: 0 <= score <= 100; the factors' contributions sum to the unrounded score; a
 * factor never adds more than its weight.
 */
export function computeHealth(inputs: HealthInputs): Health {
  const s = subscores(inputs);
  const factors = HEALTH_FACTORS.map((key) => {
    const weight = HEALTH_WEIGHTS[key];
    const subscore = Math.round(s[key].subscore * 1000) / 1000;
    return { key, weight, subscore, contribution: Math.round(weight * subscore * 10) / 10, detail: s[key].detail };
  });
  const score = Math.round(factors.reduce((sum, f) => sum + f.weight * f.subscore, 0));
  return { score, band: healthBand(score), factors };
}

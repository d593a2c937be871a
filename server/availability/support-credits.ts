/**
 * Service credits a contract grants for missed support targets, beside the availability credits
 * of availability.ts. Pure: plain data in, plain data out.
 *
 * Only contracts that grant them carry terms (organizations.support_credit_terms); the default is
 * none. A breached target counts once per metric (one ticket may breach up to three targets);
 * excluded tickets never count, as they do not count in attainment.
 */
import type { Priority } from "@/server/sla/evaluate";

export type SupportCreditTerms = {
  /** Percent of the monthly fee for each breached target of a listed priority. */
  percentPerBreach: number;
  /** At most this percent of the monthly fee in one month. */
  capPercent: number;
  priorities: Priority[];
};

export type SupportCredit = {
  /** Breached, not excluded targets of the listed priorities in the month. */
  breaches: number;
  creditPercent: number;
};

/**
 * The support-target credit of one month: `percentPerBreach` for each breached target of a listed
 * priority, capped at `capPercent`. No terms (null) grants nothing, whatever was breached.
 */
export function supportCredit(
  breachedByPriority: Partial<Record<Priority, number>>,
  terms: SupportCreditTerms | null,
): SupportCredit {
  if (!terms) return { breaches: 0, creditPercent: 0 };
  const breaches = terms.priorities.reduce((s, p) => s + (breachedByPriority[p] ?? 0), 0);
  return { breaches, creditPercent: Math.min(terms.capPercent, breaches * terms.percentPerBreach) };
}

/** A percentage of a monthly fee in whole cents (rounded half up). */
export function creditCents(monthlyFeeCents: number, percent: number): number {
  return Math.round((monthlyFeeCents * percent) / 100);
}

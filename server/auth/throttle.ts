/**
 * Sign-in throttling, decided here and stored in the shared `rate_counters` table (one row per
 * key, read and written in one IMMEDIATE transaction by throttle-service.ts, so every server
 * process counts together and parallel attempts cannot all pass a limit at once).
 *
 * An attempt is *reserved* before the password is checked: it counts against three limits, and
 * once a limit is reached the next attempt is refused without any password check. A successful
 * sign-in gives the reservation back (the address) or clears the count (the account).
 * - account and address: 5 attempts per 15 minutes, then a lock (15 min, doubling per repeat up
 *   to 4 h). This is what stops one attacker; it never touches the owner on another network.
 * - address (any account): 20 per 15 minutes, then a lock (15 min doubling, up to 1 h).
 *   Loopback and unknown addresses are not limited this way: behind a same-host proxy that does
 *   not forward the client (or without our server's peer header) one attacker would lock out
 *   everybody.
 * - account (any address): 10 per hour, then a lock (15 min doubling, up to 1 h) that the owner
 *   is told about by email. It does not apply to an address the account signed in from in the
 *   last 30 days, so a distributed attack can slow the owner down, never lock them out: from a
 *   familiar network they get in at once, from anywhere else after at most an hour.
 * Repeats are forgotten a day after a lock ends. Pure: `now` is an argument.
 */
export type Counter = { windowStart: Date; count: number; strikes: number; blockedUntil: Date | null };

export type LimitRule = {
  /** Attempts allowed in a window. */
  limit: number;
  windowMs: number;
  /** The first lock; each repeat doubles it, up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
  /** How long after a lock ends its repeats still count. */
  forgetMs: number;
};

export type ThrottleRules = {
  accountAddress: LimitRule;
  address: LimitRule;
  account: LimitRule;
  /** A successful sign-in from an address makes it familiar for this long. */
  knownAddressMs: number;
  /** A refused attempt is audited once per this long per account and per address. */
  refusalAuditMs: number;
};

const MIN = 60_000;
const HOUR = 60 * MIN;

export const SIGN_IN_RULES: ThrottleRules = {
  accountAddress: { limit: 5, windowMs: 15 * MIN, lockMs: 15 * MIN, maxLockMs: 4 * HOUR, forgetMs: 24 * HOUR },
  address: { limit: 20, windowMs: 15 * MIN, lockMs: 15 * MIN, maxLockMs: HOUR, forgetMs: 24 * HOUR },
  account: { limit: 10, windowMs: HOUR, lockMs: 15 * MIN, maxLockMs: HOUR, forgetMs: 24 * HOUR },
  knownAddressMs: 30 * 24 * HOUR,
  refusalAuditMs: 15 * MIN,
};

/** Every key of sign-in throttling starts with this (the table is shared with other limits). */
export const SIGN_IN_KEY_PREFIX = "signin:";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i;

/** The address to limit on its own, or null when it is not limited (unknown or loopback). */
export function limitedAddress(address: string | null): string | null {
  return address && !LOOPBACK.test(address) ? address : null;
}

export type SignInKeys = {
  accountAddress: string;
  address: string | null;
  account: string;
  known: string | null;
  refusedAccount: string;
  refusedAddress: string | null;
};

/** The rate_counters keys one attempt reads and writes. */
export function signInKeys(account: string, address: string | null): SignInKeys {
  const limited = limitedAddress(address);
  const p = SIGN_IN_KEY_PREFIX;
  return {
    accountAddress: `${p}aa:${account}|${address ?? "-"}`,
    address: limited ? `${p}ip:${limited}` : null,
    account: `${p}a:${account}`,
    known: address ? `${p}known:${account}|${address}` : null,
    refusedAccount: `${p}ra:${account}`,
    refusedAddress: limited ? `${p}rip:${limited}` : null,
  };
}

export const allSignInKeys = (k: SignInKeys): string[] =>
  [k.accountAddress, k.address, k.account, k.known, k.refusedAccount, k.refusedAddress].filter(
    (x): x is string => x !== null,
  );

/** Counter changes to store: a new value, or null to delete the row. */
export type CounterWrites = Map<string, Counter | null>;

export type Reservation =
  | { allowed: true; writes: CounterWrites }
  | {
      allowed: false;
      /** When an attempt will be accepted again (the latest of the locks that refused it). */
      retryAt: Date;
      /** Whether this refusal goes to the audit log (once per window per account and address). */
      audit: boolean;
      /** Set when this attempt started a lock of the whole account: the owner is told. */
      accountLock: { until: Date; attempts: number } | null;
      writes: CounterWrites;
    };

type Step = { counter: Counter; refusedUntil: Date | null; lockStarted: boolean };

/** One limit's answer to one more attempt: take it, refuse it (locked), or start a lock. */
function step(current: Counter | undefined, rule: LimitRule, now: Date): Step {
  const c = current ?? { windowStart: now, count: 0, strikes: 0, blockedUntil: null };
  if (c.blockedUntil && c.blockedUntil > now) return { counter: c, refusedUntil: c.blockedUntil, lockStarted: false };
  const remembered = c.blockedUntil && now.getTime() - c.blockedUntil.getTime() < rule.forgetMs ? c.strikes : 0;
  const fresh = now.getTime() >= c.windowStart.getTime() + rule.windowMs;
  const count = fresh ? 0 : c.count;
  const windowStart = fresh ? now : c.windowStart;
  if (count >= rule.limit) {
    const until = new Date(now.getTime() + Math.min(rule.lockMs * 2 ** remembered, rule.maxLockMs));
    return {
      counter: { windowStart: until, count: 0, strikes: remembered + 1, blockedUntil: until },
      refusedUntil: until,
      lockStarted: true,
    };
  }
  return {
    counter: { windowStart, count: count + 1, strikes: remembered, blockedUntil: c.blockedUntil },
    refusedUntil: null,
    lockStarted: false,
  };
}

/** Whether an account has signed in from this address recently (so the account-wide lock spares it). */
export function isKnownAddress(
  state: ReadonlyMap<string, Counter>,
  keys: SignInKeys,
  now: Date,
  rules: ThrottleRules = SIGN_IN_RULES,
): boolean {
  const known = keys.known ? state.get(keys.known) : undefined;
  return known !== undefined && now.getTime() - known.windowStart.getTime() < rules.knownAddressMs;
}

/**
 * Reserves one sign-in attempt for an account (the email as typed, normalized) from an address,
 * given the current counters of `signInKeys(account, address)`: allowed (every limit counted
 * it), or refused with when to come back. Refused attempts count nothing, so a flood of them
 * cannot extend a lock; only reaching a limit again after a lock does (and doubles the next one).
 */
export function reserveSignIn(
  state: ReadonlyMap<string, Counter>,
  account: string,
  address: string | null,
  now: Date,
  rules: ThrottleRules = SIGN_IN_RULES,
): Reservation {
  const keys = signInKeys(account, address);
  const limits: [string, LimitRule][] = [[keys.accountAddress, rules.accountAddress]];
  if (keys.address) limits.push([keys.address, rules.address]);
  if (!isKnownAddress(state, keys, now, rules)) limits.push([keys.account, rules.account]);
  const steps = limits.map(([key, rule]) => ({ key, ...step(state.get(key), rule, now) }));
  const writes: CounterWrites = new Map();
  const refusals = steps.filter((s) => s.refusedUntil !== null);
  if (refusals.length === 0) {
    for (const s of steps) writes.set(s.key, s.counter);
    return { allowed: true, writes };
  }
  for (const s of steps) if (s.lockStarted) writes.set(s.key, s.counter);
  const accountStep = steps.find((s) => s.key === keys.account);
  const recent = (key: string | null) => {
    const c = key ? state.get(key) : undefined;
    return c !== undefined && now.getTime() - c.windowStart.getTime() < rules.refusalAuditMs;
  };
  const audit = !recent(keys.refusedAccount) && !recent(keys.refusedAddress);
  if (audit)
    for (const key of [keys.refusedAccount, keys.refusedAddress])
      if (key) writes.set(key, { windowStart: now, count: 1, strikes: 0, blockedUntil: null });
  return {
    allowed: false,
    retryAt: new Date(Math.max(...refusals.map((s) => s.refusedUntil!.getTime()))),
    audit,
    accountLock: accountStep?.lockStarted
      ? { until: accountStep.counter.blockedUntil!, attempts: state.get(keys.account)?.count ?? 0 }
      : null,
    writes,
  };
}

/**
 * After a successful sign-in: the account's failures from this address are forgotten, the
 * account-wide count starts again (a lock in force stays: the owner got in from a familiar
 * address, the attack may go on), the address gets its reservation back (so an office signing in
 * correctly is never limited), and the address becomes familiar to the account.
 */
export function afterSignIn(
  state: ReadonlyMap<string, Counter>,
  account: string,
  address: string | null,
  now: Date,
): CounterWrites {
  const keys = signInKeys(account, address);
  const writes: CounterWrites = new Map([[keys.accountAddress, null]]);
  const acc = state.get(keys.account);
  if (acc) writes.set(keys.account, { ...acc, count: 0 });
  const ip = keys.address ? state.get(keys.address) : undefined;
  if (keys.address && ip) writes.set(keys.address, { ...ip, count: Math.max(0, ip.count - 1) });
  if (keys.known) writes.set(keys.known, { windowStart: now, count: 0, strikes: 0, blockedUntil: null });
  return writes;
}

/** Whole minutes to wait until `retryAt`, at least one (what the sign-in form shows). */
export function minutesToWait(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MIN));
}

/**
 * Sign-in throttling: after too many failed attempts for one account, or from one address,
 * within a sliding window, further attempts are refused until the oldest failure leaves the
 * window. Only failures count, so a busy office behind one address signing in correctly is
 * never throttled; a success clears the account's failures. In-process state: it resets on
 * restart and is per server process, which is enough for a single-node deployment (SQLite).
 * Loopback addresses are not limited per address: they are local tooling, or a reverse proxy on the
 * same host that does not forward the client address, where one attacker would otherwise lock
 * every user out; the per-account limit still applies to them.
 */
export type ThrottleLimits = { windowMs: number; maxPerAccount: number; maxPerAddress: number; maxKeys: number };

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerAddress: 20,
  maxKeys: 50_000,
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i;

/** The address to count failures against, or null when it is not limited (absent or loopback). */
function limitedAddress(address: string | null): string | null {
  return address && !LOOPBACK.test(address) ? address : null;
}

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  /** When the next attempt for this account from this address will be accepted, or null if now. */
  blockedUntil(account: string, address: string | null, now: Date): Date | null {
    const ip = limitedAddress(address);
    const until = [
      this.until(`a:${account}`, this.limits.maxPerAccount, now),
      ip ? this.until(`ip:${ip}`, this.limits.maxPerAddress, now) : null,
    ];
    const latest = Math.max(...until.map((u) => u ?? 0));
    return latest > 0 ? new Date(latest) : null;
  }

  recordFailure(account: string, address: string | null, now: Date): void {
    this.push(`a:${account}`, now);
    const ip = limitedAddress(address);
    if (ip) this.push(`ip:${ip}`, now);
  }

  /**
   * Whether a refused attempt should be written to the audit log: once per window for an account
   * and for an address, so a flood of refused attempts cannot flood the log (or the disk).
   */
  shouldAuditRefusal(account: string, address: string | null, now: Date): boolean {
    const keys = [`ra:${account}`, ...(limitedAddress(address) ? [`rip:${limitedAddress(address)}`] : [])];
    if (keys.some((k) => this.recent(k, now).length > 0)) return false;
    for (const k of keys) this.push(k, now);
    return true;
  }

  recordSuccess(account: string): void {
    this.failures.delete(`a:${account}`);
  }

  private recent(key: string, now: Date): number[] {
    const from = now.getTime() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > from);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private until(key: string, max: number, now: Date): number | null {
    const list = this.recent(key, now);
    return list.length >= max ? list[list.length - max]! + this.limits.windowMs : null;
  }

  private push(key: string, now: Date): void {
    const list = this.recent(key, now);
    list.push(now.getTime());
    this.failures.delete(key); // re-insert so the map's order is least recently failed first
    this.failures.set(key, list.slice(-Math.max(this.limits.maxPerAccount, this.limits.maxPerAddress)));
    while (this.failures.size > this.limits.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }
}

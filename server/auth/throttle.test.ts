import { describe, expect, it } from "vitest";
import {
  afterSignIn,
  minutesToWait,
  reserveSignIn,
  signInKeys,
  type Counter,
  type CounterWrites,
  type Reservation,
} from "./throttle";

const T0 = new Date("2026-11-20T12:00:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

/** The rate_counters table as a map, with the writes each decision asks for. */
class Store {
  readonly rows = new Map<string, Counter>();
  apply(writes: CounterWrites) {
    for (const [k, v] of writes)
      if (v === null) this.rows.delete(k);
      else this.rows.set(k, v);
  }
  try(account: string, address: string | null, now: Date): Reservation {
    const r = reserveSignIn(this.rows, account, address, now);
    this.apply(r.writes);
    return r;
  }
  succeed(account: string, address: string | null, now: Date) {
    this.apply(afterSignIn(this.rows, account, address, now));
  }
}

const refusedUntil = (r: Reservation) => (r.allowed ? null : r.retryAt);

describe("sign-in throttling: one account from one address", () => {
  it("five attempts pass; the sixth is refused for 15 minutes; the owner on another network is not touched", () => {
    const s = new Store();
    for (let i = 0; i < 5; i++) expect(s.try("dev@nimbus.example", "203.0.113.1", at(i)).allowed).toBe(true);
    expect(refusedUntil(s.try("dev@nimbus.example", "203.0.113.1", at(5)))).toEqual(at(20));
    expect(refusedUntil(s.try("dev@nimbus.example", "203.0.113.1", at(19)))).toEqual(at(20));
    expect(s.try("dev@nimbus.example", "198.51.100.7", at(6)).allowed).toBe(true);
    expect(s.try("dev@nimbus.example", "203.0.113.1", at(20)).allowed).toBe(true);
  });

  it("each repeated lock doubles (15, 30, 60 minutes ...) up to 4 hours, and is forgotten a day after it ends", () => {
    const s = new Store();
    const locks: number[] = [];
    let now = at(0);
    for (let round = 0; round < 7; round++) {
      for (let i = 0; i < 5; i++) expect(s.try("cto@nimbus.example", "203.0.113.2", now).allowed).toBe(true);
      const until = refusedUntil(s.try("cto@nimbus.example", "203.0.113.2", now))!;
      locks.push((until.getTime() - now.getTime()) / 60_000);
      now = until;
    }
    expect(locks).toEqual([15, 30, 60, 120, 240, 240, 240]);
    const muchLater = new Date(now.getTime() + 24 * 3_600_000);
    for (let i = 0; i < 5; i++) s.try("cto@nimbus.example", "203.0.113.2", muchLater);
    const until = refusedUntil(s.try("cto@nimbus.example", "203.0.113.2", muchLater))!;
    expect((until.getTime() - muchLater.getTime()) / 60_000).toBe(15);
  });

  it("refused attempts count nothing: hammering a lock does not extend it", () => {
    const s = new Store();
    for (let i = 0; i < 5; i++) s.try("qa@nimbus.example", "203.0.113.3", at(0));
    expect(refusedUntil(s.try("qa@nimbus.example", "203.0.113.3", at(1)))).toEqual(at(16));
    for (let i = 0; i < 100; i++)
      expect(refusedUntil(s.try("qa@nimbus.example", "203.0.113.3", at(2)))).toEqual(at(16));
    expect(s.try("qa@nimbus.example", "203.0.113.3", at(16)).allowed).toBe(true);
  });

  it("the form says whole minutes, at least one", () => {
    expect(minutesToWait(at(15), at(0))).toBe(15);
    expect(minutesToWait(new Date(at(14).getTime() + 1), at(0))).toBe(15);
    expect(minutesToWait(at(0), at(0))).toBe(1);
  });
});

describe("sign-in throttling: one address, many accounts", () => {
  it("twenty attempts on different accounts pass; the next is refused for 15 minutes, on any account", () => {
    const s = new Store();
    for (let i = 0; i < 20; i++) expect(s.try(`user${i}@x.example`, "192.0.2.9", at(0)).allowed).toBe(true);
    expect(refusedUntil(s.try("new@x.example", "192.0.2.9", at(1)))).toEqual(at(16));
    expect(s.try("new@x.example", "192.0.2.10", at(1)).allowed).toBe(true);
  });

  it("loopback and unknown addresses are limited per account only, never per address", () => {
    const s = new Store();
    for (let i = 0; i < 30; i++) expect(s.try(`user${i}@x.example`, "127.0.0.1", at(0)).allowed).toBe(true);
    for (let i = 0; i < 30; i++) expect(s.try(`other${i}@x.example`, null, at(0)).allowed).toBe(true);
    expect(s.try("new@x.example", "::1", at(1)).allowed).toBe(true);
    for (let i = 0; i < 5; i++) s.try("dev@nimbus.example", "127.0.0.1", at(2));
    expect(refusedUntil(s.try("dev@nimbus.example", "127.0.0.1", at(3)))).toEqual(at(18));
  });
});

describe("sign-in throttling: one account from many addresses", () => {
  it("ten attempts within an hour lock the account for 15 minutes, and the attempt that locks it says so once", () => {
    const s = new Store();
    for (let i = 0; i < 10; i++) expect(s.try("dev@nimbus.example", `203.0.113.${10 + i}`, at(i)).allowed).toBe(true);
    const locking = s.try("dev@nimbus.example", "203.0.113.50", at(10));
    expect(locking).toMatchObject({ allowed: false, retryAt: at(25), accountLock: { until: at(25), attempts: 10 } });
    const next = s.try("dev@nimbus.example", "203.0.113.51", at(11));
    expect(next).toMatchObject({ allowed: false, retryAt: at(25), accountLock: null });
    expect(s.try("dev@nimbus.example", "203.0.113.51", at(25)).allowed).toBe(true);
  });

  it("repeated account locks double up to one hour: the owner from a new network waits at most an hour", () => {
    const s = new Store();
    let now = at(0);
    const locks: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 10; i++) s.try("dev@nimbus.example", `198.51.100.${round * 10 + i}`, now);
      const r = s.try("dev@nimbus.example", "198.51.100.200", now);
      if (r.allowed || !r.accountLock) throw new Error("expected a new account lock");
      locks.push((r.retryAt.getTime() - now.getTime()) / 60_000);
      now = r.retryAt;
    }
    expect(locks).toEqual([15, 30, 60, 60, 60]);
  });

  it("an address the account signed in from in the last 30 days is spared the account lock", () => {
    const s = new Store();
    s.try("dev@nimbus.example", "198.51.100.77", at(-60 * 24 * 20));
    s.succeed("dev@nimbus.example", "198.51.100.77", at(-60 * 24 * 20));
    for (let i = 0; i < 11; i++) s.try("dev@nimbus.example", `203.0.113.${100 + i}`, at(0));
    expect(s.try("dev@nimbus.example", "203.0.113.200", at(1)).allowed).toBe(false);
    expect(s.try("dev@nimbus.example", "198.51.100.77", at(1)).allowed).toBe(true);
    // ... but not 30 days after that sign-in
    const later = at(60 * 24 * 11);
    for (let i = 0; i < 11; i++) s.try("dev@nimbus.example", `203.0.114.${i}`, later);
    expect(s.try("dev@nimbus.example", "198.51.100.77", later).allowed).toBe(false);
  });
});

describe("sign-in throttling: success and the audit log", () => {
  it("a successful sign-in clears the account's failures from that address and gives the address its attempt back", () => {
    const s = new Store();
    const keys = signInKeys("qa@nimbus.example", "203.0.113.4");
    for (let i = 0; i < 4; i++) s.try("qa@nimbus.example", "203.0.113.4", at(0));
    s.try("qa@nimbus.example", "203.0.113.4", at(1));
    s.succeed("qa@nimbus.example", "203.0.113.4", at(1));
    expect(s.rows.has(keys.accountAddress)).toBe(false);
    expect(s.rows.get(keys.account)?.count).toBe(0);
    expect(s.rows.get(keys.address!)?.count).toBe(4);
    for (let i = 0; i < 5; i++) expect(s.try("qa@nimbus.example", "203.0.113.4", at(2)).allowed).toBe(true);
  });

  it("a refused attempt is audited once per 15 minutes per account and per address, not once per attempt", () => {
    const s = new Store();
    for (let i = 0; i < 5; i++) s.try("dev@nimbus.example", "10.0.0.1", at(0));
    const audited = (account: string, address: string, now: Date) => {
      const r = s.try(account, address, now);
      return !r.allowed && r.audit;
    };
    expect(audited("dev@nimbus.example", "10.0.0.1", at(0))).toBe(true);
    expect(audited("dev@nimbus.example", "10.0.0.1", at(1))).toBe(false);
    for (let i = 0; i < 5; i++) s.try("other@nimbus.example", "10.0.0.1", at(1));
    expect(audited("other@nimbus.example", "10.0.0.1", at(1))).toBe(false); // same address, within the window
    for (let i = 0; i < 5; i++) s.try("other@nimbus.example", "10.0.0.2", at(1));
    expect(audited("other@nimbus.example", "10.0.0.2", at(2))).toBe(true);
    for (let i = 0; i < 5; i++) s.try("dev@nimbus.example", "10.0.0.1", at(16));
    expect(audited("dev@nimbus.example", "10.0.0.1", at(16))).toBe(true);
  });
});

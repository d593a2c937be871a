import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./throttle";

const T0 = new Date("2026-11-20T12:00:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const limits = { windowMs: 15 * 60_000, maxPerAccount: 5, maxPerAddress: 20, maxKeys: 100 };

describe("SignInThrottle", () => {
  it("the sixth attempt on one account within 15 minutes waits until the first failure is 15 minutes old", () => {
    const t = new SignInThrottle(limits);
    for (let i = 0; i < 5; i++) {
      expect(t.blockedUntil("dev@nimbus.example", "10.0.0.1", at(i))).toBeNull();
      t.recordFailure("dev@nimbus.example", "10.0.0.1", at(i));
    }
    expect(t.blockedUntil("dev@nimbus.example", "10.0.0.9", at(5))).toEqual(at(15));
    expect(t.blockedUntil("dev@nimbus.example", "10.0.0.9", at(15))).toBeNull();
    expect(t.blockedUntil("cto@nimbus.example", "10.0.0.9", at(5))).toBeNull();
  });

  it("one address failing on many accounts is throttled after 20 failures", () => {
    const t = new SignInThrottle(limits);
    for (let i = 0; i < 20; i++) t.recordFailure(`user${i}@x.example`, "10.0.0.2", at(0));
    expect(t.blockedUntil("new@x.example", "10.0.0.2", at(1))).toEqual(at(15));
    expect(t.blockedUntil("new@x.example", "10.0.0.3", at(1))).toBeNull();
  });

  it("loopback addresses are limited per account only, never per address", () => {
    const t = new SignInThrottle(limits);
    for (let i = 0; i < 30; i++) t.recordFailure(`user${i}@x.example`, "127.0.0.1", at(0));
    expect(t.blockedUntil("new@x.example", "127.0.0.1", at(1))).toBeNull();
    expect(t.blockedUntil("new@x.example", "::1", at(1))).toBeNull();
    for (let i = 0; i < 5; i++) t.recordFailure("dev@nimbus.example", "127.0.0.1", at(0));
    expect(t.blockedUntil("dev@nimbus.example", "127.0.0.1", at(1))).toEqual(at(15));
  });

  it("a successful sign-in clears the account's failures", () => {
    const t = new SignInThrottle(limits);
    for (let i = 0; i < 4; i++) t.recordFailure("qa@nimbus.example", null, at(0));
    t.recordSuccess("qa@nimbus.example");
    t.recordFailure("qa@nimbus.example", null, at(1));
    expect(t.blockedUntil("qa@nimbus.example", null, at(1))).toBeNull();
  });

  it("a refused attempt is audited once per window per account and address, not once per attempt", () => {
    const t = new SignInThrottle(limits);
    expect(t.shouldAuditRefusal("dev@nimbus.example", "10.0.0.1", at(0))).toBe(true);
    expect(t.shouldAuditRefusal("dev@nimbus.example", "10.0.0.1", at(1))).toBe(false);
    expect(t.shouldAuditRefusal("other@nimbus.example", "10.0.0.1", at(1))).toBe(false);
    expect(t.shouldAuditRefusal("other@nimbus.example", "10.0.0.2", at(1))).toBe(true);
    expect(t.shouldAuditRefusal("dev@nimbus.example", "10.0.0.1", at(16))).toBe(true);
  });

  it("memory stays bounded however many accounts are tried", () => {
    const t = new SignInThrottle({ ...limits, maxKeys: 10 });
    for (let i = 0; i < 1000; i++) t.recordFailure(`u${i}@x.example`, null, at(0));
    expect((t as unknown as { failures: Map<string, number[]> }).failures.size).toBeLessThanOrEqual(10);
  });
});

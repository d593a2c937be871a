import { describe, expect, it } from "vitest";
import { isDue, isHeld, JOB_NAME, mayStart } from "./due";

const at = (iso: string) => new Date(iso);

describe("scheduled job due rules", () => {
  it("a job that never ran is due at once", () => {
    expect(isDue(null, 60_000, at("2026-03-01T00:00:00Z"))).toBe(true);
    expect(isDue({ runUpTo: null, leaseHolder: null, leaseExpiresAt: null }, 60_000, at("2026-03-01T00:00:00Z"))).toBe(
      true,
    );
  });

  it("a job that ran at 00:00 every minute is due again at 00:01, not at 00:00:59", () => {
    const state = { runUpTo: at("2026-03-01T00:00:00Z"), leaseHolder: null, leaseExpiresAt: null };
    expect(isDue(state, 60_000, at("2026-03-01T00:00:59.999Z"))).toBe(false);
    expect(isDue(state, 60_000, at("2026-03-01T00:01:00Z"))).toBe(true);
  });

  it("after three hours of downtime a minutely job is due once (one catch-up pass), not 180 times", () => {
    const state = { runUpTo: at("2026-03-01T00:00:00Z"), leaseHolder: null, leaseExpiresAt: null };
    expect(isDue(state, 60_000, at("2026-03-01T03:00:00Z"))).toBe(true);
  });

  it("a lease held by another worker blocks the start until it runs out", () => {
    const state = { runUpTo: null, leaseHolder: "w1", leaseExpiresAt: at("2026-03-01T00:05:00Z") };
    expect(isHeld(state, at("2026-03-01T00:04:59Z"))).toBe(true);
    expect(mayStart(state, 60_000, at("2026-03-01T00:04:59Z"))).toBe(false);
    expect(isHeld(state, at("2026-03-01T00:05:00Z"))).toBe(false);
    expect(mayStart(state, 60_000, at("2026-03-01T00:05:00Z"))).toBe(true);
  });

  it("job names are dotted lower-case words", () => {
    expect(JOB_NAME.test("paging.escalate")).toBe(true);
    expect(JOB_NAME.test("email.imap-poll")).toBe(true);
    expect(JOB_NAME.test("Paging")).toBe(false);
    expect(JOB_NAME.test("a..b")).toBe(false);
  });
});

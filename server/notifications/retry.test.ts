import { describe, expect, it } from "vitest";
import { deliveryStatus, isDeliveryDue, MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from "./retry";

// Instants are UTC; the retry policy does not depend on any time zone.
const created = new Date("2026-11-20T12:00:00Z");
const min = (m: number) => new Date(created.getTime() + m * 60_000);
const base = { createdAt: created, sentAt: null, attempts: 0, lastAttemptAt: null, lastError: null };

describe("outbox retry policy (UTC)", () => {
  it("a message never tried is pending and due at once", () => {
    expect(deliveryStatus(base)).toBe("pending");
    expect(isDeliveryDue(base, created)).toBe(true);
  });

  it("after a failure the message is failed and waits 1, then 2, then 4 minutes from the last attempt", () => {
    const once = { ...base, attempts: 1, lastAttemptAt: min(0), lastError: "ECONNREFUSED" };
    expect(deliveryStatus(once)).toBe("failed");
    expect(nextAttemptAt(once)).toEqual(min(1));
    expect(isDeliveryDue(once, min(0.5))).toBe(false);
    expect(isDeliveryDue(once, min(1))).toBe(true);
    expect(nextAttemptAt({ ...once, attempts: 2, lastAttemptAt: min(1) })).toEqual(min(3));
    expect(nextAttemptAt({ ...once, attempts: 3, lastAttemptAt: min(3) })).toEqual(min(7));
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} attempts and never retries a sent message`, () => {
    const spent = { ...base, attempts: MAX_DELIVERY_ATTEMPTS, lastAttemptAt: min(15), lastError: "timeout" };
    expect(nextAttemptAt(spent)).toBeNull();
    expect(isDeliveryDue(spent, min(600))).toBe(false);
    const sent = { ...base, attempts: 1, sentAt: min(0), lastAttemptAt: min(0) };
    expect(deliveryStatus(sent)).toBe("sent");
    expect(isDeliveryDue(sent, min(10))).toBe(false);
  });

  it("a message older than a day is left in the outbox, not picked up", () => {
    expect(isDeliveryDue(base, min(24 * 60 + 1))).toBe(false);
  });
});

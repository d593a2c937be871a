import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeHealth, HEALTH_FACTORS, HEALTH_WEIGHTS, healthBand, type HealthInputs } from "./health";

const healthy: HealthInputs = {
  breaches90d: 0,
  openUrgent: 0,
  oldestUrgentAgeDays: 0,
  satisfaction90d: 5,
  satisfactionPrevious90d: 5,
  escalations90d: 0,
  daysSinceEngagement: 10,
  daysToRenewal: 300,
};

const byKey = (inputs: HealthInputs) => Object.fromEntries(computeHealth(inputs).factors.map((f) => [f.key, f]));

describe("health score", () => {
  it("the weights are in one place and sum to 100", () => {
    expect(HEALTH_FACTORS.reduce((s, k) => s + HEALTH_WEIGHTS[k], 0)).toBe(100);
  });

  it("an account with no problems scores 100 and is green", () => {
    expect(computeHealth(healthy)).toMatchObject({ score: 100, band: "green" });
  });

  it("each breach in the last 90 days costs a fifth of the breach weight (5 breaches = 0 points)", () => {
    expect(byKey({ ...healthy, breaches90d: 2 }).slaBreaches!.contribution).toBe(15);
    expect(byKey({ ...healthy, breaches90d: 7 }).slaBreaches!.contribution).toBe(0);
    expect(computeHealth({ ...healthy, breaches90d: 2 }).score).toBe(90);
  });

  it("open P0/P1 tickets cost by count and by the age of the oldest", () => {
    const f = byKey({ ...healthy, openUrgent: 2, oldestUrgentAgeDays: 7 }).openUrgent!;
    expect(f.subscore).toBe(0.5);
    expect(f.detail).toEqual({ open: 2, oldestDays: 7 });
    expect(byKey({ ...healthy, openUrgent: 4, oldestUrgentAgeDays: 30 }).openUrgent!.contribution).toBe(0);
  });

  it("a falling satisfaction trend lowers the factor below its level", () => {
    const steady = byKey({ ...healthy, satisfaction90d: 4, satisfactionPrevious90d: 4 }).satisfaction!;
    const falling = byKey({ ...healthy, satisfaction90d: 4, satisfactionPrevious90d: 5 }).satisfaction!;
    expect(steady.subscore).toBe(0.75);
    expect(falling.subscore).toBe(0.5);
    expect(falling.detail.trend).toBe(-1);
  });

  it("no engagement ever gives no engagement points; 75 days of silence gives half", () => {
    expect(byKey({ ...healthy, daysSinceEngagement: null }).engagement!.contribution).toBe(0);
    expect(byKey({ ...healthy, daysSinceEngagement: 75 }).engagement!.subscore).toBe(0.5);
  });

  it("a contract renewing in 60 days is a partial risk; a lapsed one gives no renewal points", () => {
    expect(byKey({ ...healthy, daysToRenewal: 60 }).renewal!.subscore).toBe(0.7);
    expect(byKey({ ...healthy, daysToRenewal: -1 }).renewal!.contribution).toBe(0);
  });

  it("bands: 75 and above green, 50 to 74 yellow, below 50 red", () => {
    expect([healthBand(75), healthBand(74), healthBand(50), healthBand(49)]).toEqual([
      "green",
      "yellow",
      "yellow",
      "red",
    ]);
    const troubled = computeHealth({
      ...healthy,
      breaches90d: 6,
      openUrgent: 3,
      oldestUrgentAgeDays: 20,
      escalations90d: 4,
      daysSinceEngagement: 200,
    });
    expect(troubled.band).toBe("red");
  });

  it("property: the score stays in 0-100, no factor exceeds its weight, contributions add up to the score", () => {
    const inputs = fc.record({
      breaches90d: fc.nat(50),
      openUrgent: fc.nat(20),
      oldestUrgentAgeDays: fc.nat(400),
      satisfaction90d: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
      satisfactionPrevious90d: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
      escalations90d: fc.nat(30),
      daysSinceEngagement: fc.option(fc.nat(1000)),
      daysToRenewal: fc.integer({ min: -400, max: 1000 }),
    });
    fc.assert(
      fc.property(inputs, (i) => {
        const h = computeHealth(i);
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(100);
        for (const f of h.factors) expect(f.contribution).toBeLessThanOrEqual(f.weight);
        const sum = h.factors.reduce((s, f) => s + f.contribution, 0);
        expect(Math.abs(sum - h.score)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

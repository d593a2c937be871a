import { describe, expect, it } from "vitest";
import { creditCents, supportCredit } from "./support-credits";

const TERMS = { percentPerBreach: 2, capPercent: 10, priorities: ["P0", "P1"] as ("P0" | "P1")[] };

describe("support-target credits", () => {
  it("a contract without support-credit terms grants nothing, however many targets were breached", () => {
    expect(supportCredit({ P0: 4, P1: 3 }, null)).toEqual({ breaches: 0, creditPercent: 0 });
  });

  it("each breached P0 or P1 target earns 2 % of the monthly fee; P2 and P3 breaches earn nothing", () => {
    expect(supportCredit({ P0: 1, P1: 2, P2: 5, P3: 1 }, TERMS)).toEqual({ breaches: 3, creditPercent: 6 });
  });

  it("the credit stops at the contract's monthly cap of 10 %", () => {
    expect(supportCredit({ P0: 4, P1: 4 }, TERMS)).toEqual({ breaches: 8, creditPercent: 10 });
  });

  it("a month with no breaches earns no credit", () => {
    expect(supportCredit({}, TERMS)).toEqual({ breaches: 0, creditPercent: 0 });
  });

  it("a 10 % credit on a 40,000.00 monthly fee is 4,000.00 (in cents)", () => {
    expect(creditCents(4_000_000, 10)).toBe(400_000);
    expect(creditCents(1_999, 2.5)).toBe(50);
  });
});

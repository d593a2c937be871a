import { describe, expect, it } from "vitest";
import { filingProblems, type FilingForm } from "./filing-check";

// 2026-11-20 12:00 UTC (20:00 in Asia/Shanghai): the form's "now".
const NOW = new Date("2026-11-20T12:00:00Z");
const valid: FilingForm = {
  subject: "Calls drop after two minutes",
  description: "Every call drops after two minutes on Android.",
  productArea: "voice_calling",
  category: "functional_bug",
  priority: "P2",
  watchers: ["cto@nimbus.example"],
  startedAt: new Date("2026-11-20T09:00:00Z"),
  requesterId: null,
  staff: false,
};

describe("what the new-ticket form finds before sending", () => {
  it("a complete form has no problem", () => {
    expect(filingProblems(valid, NOW)).toEqual({});
  });

  it("an empty form names every field to fix at once, as the server would", () => {
    const empty = {
      ...valid,
      subject: "",
      description: " ",
      productArea: "",
      category: "",
      watchers: [],
      startedAt: null,
    };
    expect(filingProblems(empty, NOW)).toEqual({
      subject: [{ key: "errors.field.tooShort", values: { min: 5 } }],
      productArea: [{ key: "errors.field.choose" }],
      category: [{ key: "errors.field.choose" }],
      description: [{ key: "errors.field.tooShort", values: { min: 10 } }],
    });
  });

  it("a bad CC address and a fault start an hour ahead (21:00 Shanghai at 20:00) are both reported by one submit", () => {
    const form = {
      ...valid,
      watchers: ["cto@nimbus.example", "not an address"],
      startedAt: new Date("2026-11-20T13:00:00Z"),
    };
    expect(filingProblems(form, NOW)).toEqual({
      watchers: [{ key: "errors.field.email" }],
      fault: [{ key: "tickets.errors.faultStartFuture" }],
    });
  });

  it("a security vulnerability below P1 and more than 20 watchers are refused", () => {
    const many = Array.from({ length: 21 }, (_, i) => `person${i}@nimbus.example`);
    expect(filingProblems({ ...valid, category: "security_vulnerability", watchers: many }, NOW)).toEqual({
      watchers: [{ key: "errors.field.tooMany", values: { max: 20 } }],
      priority: [{ key: "tickets.errors.securityFloor" }],
    });
  });

  it("staff logging a ticket must name the customer it is for", () => {
    expect(filingProblems({ ...valid, staff: true }, NOW)).toEqual({
      requesterId: [{ key: "tickets.errors.requesterRequired" }],
    });
    expect(filingProblems({ ...valid, staff: true, requesterId: 7 }, NOW)).toEqual({});
  });
});

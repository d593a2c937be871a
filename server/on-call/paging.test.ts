import { describe, expect, it } from "vitest";
import { ackMinutesFor, firstStep, nextStep } from "./paging";

const people = { primary: 1, secondary: 2, manager: 3 };

describe("paging ladder", () => {
  it("a page goes to the primary, again to the primary, then to the secondary, then to the manager, then stops", () => {
    const s1 = firstStep(people)!;
    expect(s1).toEqual({ level: "primary", userId: 1, attempt: 1, kind: "paged" });
    const s2 = nextStep(s1, people)!;
    expect(s2).toEqual({ level: "primary", userId: 1, attempt: 2, kind: "repaged" });
    const s3 = nextStep(s2, people)!;
    expect(s3).toEqual({ level: "secondary", userId: 2, attempt: 1, kind: "escalated" });
    const s4 = nextStep(s3, people)!;
    expect(s4).toEqual({ level: "manager", userId: 3, attempt: 1, kind: "escalated" });
    expect(nextStep(s4, people)).toBeNull();
  });

  it("with nobody primary (a gap) the first page goes to the secondary; with nobody at all, to the manager", () => {
    expect(firstStep({ ...people, primary: null })?.level).toBe("secondary");
    expect(firstStep({ primary: null, secondary: null, manager: 3 })?.level).toBe("manager");
    expect(firstStep({ primary: null, secondary: null, manager: null })).toBeNull();
  });

  it("a manager who is also the secondary is paged once", () => {
    const same = { primary: 1, secondary: 3, manager: 3 };
    expect(nextStep({ level: "secondary", userId: 3, attempt: 1 }, same)).toBeNull();
  });

  it("P0 waits 5 minutes and P1 15 by default; a rota may set its own", () => {
    expect(ackMinutesFor("P0", null)).toBe(5);
    expect(ackMinutesFor("P1", null)).toBe(15);
    expect(ackMinutesFor("P0", { ackMinutesP0: 3, ackMinutesP1: 10 })).toBe(3);
  });
});

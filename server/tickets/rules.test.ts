import { describe, expect, it } from "vitest";
import { isRepeatedEscalation, isRepeatedTicket, priorityRefusal, reopenRefusal } from "./rules";

describe("ticket rules", () => {
  it("refuses a security vulnerability at P2 or P3 whoever proposes it, and a priority it already has", () => {
    expect(priorityRefusal({ category: "security_vulnerability" }, "P3")?.messageKey).toBe(
      "tickets.errors.securityFloor",
    );
    expect(priorityRefusal({ category: "security_vulnerability", priority: "P1" }, "P2")?.messageKey).toBe(
      "tickets.errors.securityFloor",
    );
    expect(priorityRefusal({ category: "functional_bug", priority: "P2" }, "P2")?.messageKey).toBe(
      "tickets.errors.samePriority",
    );
    expect(priorityRefusal({ category: "security_vulnerability", priority: "P1" }, "P0")).toBeNull();
  });

  it("a ticket resolved 2026-11-20 12:00 UTC can be reopened until 14 days later, not a millisecond after", () => {
    const resolvedAt = new Date("2026-11-20T12:00:00Z");
    const ticket = { status: "resolved" as const, resolvedAt };
    expect(reopenRefusal(ticket, new Date("2026-12-04T12:00:00Z"))).toBeNull();
    expect(reopenRefusal(ticket, new Date("2026-12-04T12:00:00.001Z"))?.messageKey).toBe("tickets.errors.reopenWindow");
    expect(reopenRefusal({ status: "open", resolvedAt: null }, resolvedAt)?.messageKey).toBe(
      "tickets.errors.notResolved",
    );
  });

  it("a ticket repeats one with the same subject and description filed less than 10 s before or after it (UTC instants)", () => {
    const filed = {
      subject: "Echo on Android 14",
      description: "Every call echoes.",
      createdAt: new Date("2026-11-18T18:00:00Z"),
    };
    const same = { subject: " Echo on Android 14 ", description: "Every call echoes.\n" };
    expect(isRepeatedTicket(filed, same, new Date("2026-11-18T18:00:09.999Z"))).toBe(true);
    expect(isRepeatedTicket(filed, same, new Date("2026-11-18T17:59:50.001Z"))).toBe(true);
    expect(isRepeatedTicket(filed, same, new Date("2026-11-18T18:00:10Z"))).toBe(false);
    expect(isRepeatedTicket(filed, { ...same, description: "Every call echoes twice." }, filed.createdAt)).toBe(false);
    expect(isRepeatedTicket(filed, { ...same, subject: "Echo on Android 15" }, filed.createdAt)).toBe(false);
  });

  it("an escalation repeats the same person's escalation of less than 10 s before (UTC instants)", () => {
    const at = new Date("2026-11-18T18:00:00Z");
    expect(isRepeatedEscalation(at, new Date("2026-11-18T18:00:09.999Z"))).toBe(true);
    expect(isRepeatedEscalation(at, new Date("2026-11-18T18:00:10Z"))).toBe(false);
    expect(isRepeatedEscalation(null, at)).toBe(false);
  });
});

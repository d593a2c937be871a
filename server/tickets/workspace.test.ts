import { describe, expect, it } from "vitest";
import { changedProperties, escalationChoices, statusChoices, updateRefusal, type TicketProperties } from "./workspace";

const TICKET: TicketProperties = {
  status: "open",
  priority: "P2",
  assigneeId: null,
  escalationLevel: "L1",
  category: "functional_bug",
  productArea: "voice_calling",
};

describe("the ticket page's properties panel", () => {
  it("an unchanged form has no changes, however many fields it sends", () => {
    expect(changedProperties(TICKET, { ...TICKET })).toEqual({});
    expect(changedProperties(TICKET, { priority: "P1", status: "open" })).toEqual({ priority: "P1" });
    expect(changedProperties({ ...TICKET, assigneeId: 3 }, { assigneeId: null })).toEqual({ assigneeId: null });
  });

  it("offers waiting or back to open, workaround and resolution on an open ticket, nothing on a resolved one", () => {
    expect(statusChoices("open")).toEqual(["open", "pending_customer", "workaround_provided", "resolved"]);
    expect(statusChoices("pending_customer")).toEqual(["pending_customer", "open", "workaround_provided", "resolved"]);
    expect(statusChoices("workaround_provided")).toEqual(["workaround_provided", "pending_customer", "resolved"]);
    expect(statusChoices("resolved")).toEqual(["resolved"]);
    expect(escalationChoices("L1")).toEqual(["L1", "L2"]);
    expect(escalationChoices("L3")).toEqual(["L3"]);
  });

  it("refuses a priority change or an escalation without a reason, and a workaround without a public reply", () => {
    const none = { publicReply: false };
    expect(updateRefusal(TICKET, { priority: "P1" }, none)?.messageKey).toBe("tickets.errors.reasonRequired");
    expect(updateRefusal(TICKET, { priority: "P1" }, { ...none, priorityReason: "Outage" })).toBeNull();
    expect(updateRefusal(TICKET, { escalationLevel: "L2" }, none)?.messageKey).toBe("tickets.errors.reasonRequired");
    expect(
      updateRefusal(TICKET, { escalationLevel: "L3" }, { ...none, escalationReason: "x".repeat(5) })?.messageKey,
    ).toBe("tickets.errors.escalationStep");
    expect(updateRefusal(TICKET, { status: "workaround_provided" }, none)?.messageKey).toBe(
      "tickets.errors.statusNeedsReply",
    );
    expect(updateRefusal(TICKET, { status: "workaround_provided" }, { publicReply: true })).toBeNull();
  });

  it("a category change keeps a security vulnerability at P1 or above and may move a ticket out of the SLA", () => {
    expect(updateRefusal(TICKET, { category: "security_vulnerability" }, { publicReply: false })?.messageKey).toBe(
      "tickets.errors.securityFloor",
    );
    expect(
      updateRefusal(
        TICKET,
        { category: "security_vulnerability", priority: "P1" },
        { publicReply: false, priorityReason: "Security" },
      ),
    ).toBeNull();
    // out of the bug SLA as if filed so (server/tickets/category-sla.int.test.ts)
    expect(updateRefusal(TICKET, { category: "custom_development" }, { publicReply: false })).toBeNull();
    expect(
      updateRefusal({ ...TICKET, status: "resolved" }, { productArea: "other" }, { publicReply: false })?.messageKey,
    ).toBe("tickets.errors.notOpen");
  });
});

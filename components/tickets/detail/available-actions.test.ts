import { describe, expect, it } from "vitest";
import { availableActions, offersAny, type ActionsInput } from "./available-actions";

type D = { id: number; status: string; kind: string };
type C = { id: number; status: string };

const now = new Date("2026-12-04T12:00:00Z");
const openTicket: ActionsInput<D, C> = {
  ticket: { status: "open", exclusionReason: null, escalationLevel: "L1", resolvedAt: null },
  disputes: [],
  complaints: [],
  rated: false,
};
const resolvedOn = (at: string, over: Partial<ActionsInput<D, C>> = {}): ActionsInput<D, C> => ({
  ...openTicket,
  ticket: { ...openTicket.ticket, status: "resolved", resolvedAt: new Date(at) },
  ...over,
});

describe("the actions a ticket page offers", () => {
  it("a customer on an open ticket may dispute its priority, escalate, complain and add a watcher, and nothing of staff's", () => {
    const a = availableActions(openTicket, "customer", now);
    expect(a).toMatchObject({ disputePriority: true, escalate: true, complain: true, watch: true });
    expect(a).toMatchObject({ changePriority: false, work: false, exclude: false, reopen: false, rate: false });
    expect(a.decide).toEqual([]);
  });

  it("a customer with a priority dispute still open cannot open another, but may dispute the exclusion", () => {
    const a = availableActions(
      {
        ...openTicket,
        ticket: { ...openTicket.ticket, exclusionReason: "third_party" },
        disputes: [{ id: 1, status: "open", kind: "priority" }],
      },
      "customer",
      now,
    );
    expect(a.disputePriority).toBe(false);
    expect(a.disputeExclusion).toBe(true);
  });

  it("a customer may reopen a ticket resolved 2026-11-20 12:00 UTC on 2026-12-04 12:00 UTC, not a day later", () => {
    expect(availableActions(resolvedOn("2026-11-20T12:00:00Z"), "customer", now).reopen).toBe(true);
    expect(availableActions(resolvedOn("2026-11-19T12:00:00Z"), "customer", now).reopen).toBe(false);
    expect(availableActions(resolvedOn("2026-11-20T12:00:00Z"), "agent", now).reopen).toBe(false);
  });

  it("a resolved ticket is rated once, by the customer", () => {
    expect(availableActions(resolvedOn("2026-12-01T00:00:00Z"), "customer", now).rate).toBe(true);
    expect(availableActions(resolvedOn("2026-12-01T00:00:00Z", { rated: true }), "customer", now).rate).toBe(false);
  });

  it("staff change the priority and work an open ticket, but not a resolved one; nobody escalates past L3", () => {
    expect(availableActions(openTicket, "expert", now)).toMatchObject({ changePriority: true, work: true });
    expect(availableActions(resolvedOn("2026-12-01T00:00:00Z"), "expert", now)).toMatchObject({
      changePriority: false,
      work: false,
      escalate: false,
    });
    const atL3 = { ...openTicket, ticket: { ...openTicket.ticket, escalationLevel: "L3" } };
    expect(availableActions(atL3, "agent", now).escalate).toBe(false);
  });

  it("a manager decides each open dispute and answers each complaint not yet resolved; a new complaint waits for them", () => {
    const a = availableActions(
      {
        ...openTicket,
        disputes: [
          { id: 1, status: "open", kind: "priority" },
          { id: 2, status: "rejected", kind: "exclusion" },
        ],
        complaints: [
          { id: 7, status: "acknowledged" },
          { id: 8, status: "resolved" },
        ],
      },
      "manager",
      now,
    );
    expect(a.decide.map((d) => d.id)).toEqual([1]);
    expect(a.answer.map((c) => c.id)).toEqual([7]);
    expect(a.complain).toBe(false);
    expect(a.exclude).toBe(true);
  });

  it("a customer is offered nothing on a closed, rated ticket past the reopen window with a complaint pending", () => {
    const a = availableActions(
      resolvedOn("2026-10-01T00:00:00Z", { rated: true, complaints: [{ id: 3, status: "open" }] }),
      "customer",
      now,
    );
    expect(offersAny(a)).toBe(false);
    expect(offersAny(availableActions(resolvedOn("2026-10-01T00:00:00Z", { rated: true }), "customer", now))).toBe(
      true,
    );
  });
});

import { describe, expect, it } from "vitest";
import { chooseL2Assignee, leastLoaded } from "./escalation-route";

const experts = [
  { id: 7, openTickets: 4 },
  { id: 3, openTickets: 2 },
  { id: 5, openTickets: 2 },
];

describe("who an L2 escalation goes to", () => {
  it("an area routed to on call goes to whoever is on call now", () => {
    expect(
      chooseL2Assignee({ mode: "on_call", onCall: 9, onCallEligible: true, areaExperts: experts, allExperts: [] }),
    ).toEqual({ assigneeId: 9, reason: "on_call" });
  });

  it("nobody on call (a gap in the rota) falls back to the area's least-loaded expert, not to nobody", () => {
    expect(
      chooseL2Assignee({ mode: "on_call", onCall: null, onCallEligible: false, areaExperts: experts, allExperts: [] }),
    ).toEqual({ assigneeId: 3, reason: "area_expert" });
  });

  it("someone on call who cannot hold tickets (deactivated, not support) is passed over", () => {
    expect(
      chooseL2Assignee({ mode: "on_call", onCall: 9, onCallEligible: false, areaExperts: experts, allExperts: [] })
        .assigneeId,
    ).toBe(3);
  });

  it("least loaded: the expert with the fewest open tickets, ties to the lower id", () => {
    expect(leastLoaded(experts)).toBe(3);
    expect(leastLoaded([])).toBeNull();
  });

  it("an area without a route or experts goes to the least-loaded expert of all", () => {
    expect(
      chooseL2Assignee({
        mode: null,
        onCall: 9,
        onCallEligible: true,
        areaExperts: [],
        allExperts: [{ id: 11, openTickets: 0 }, ...experts],
      }),
    ).toEqual({ assigneeId: 11, reason: "any_expert" });
  });

  it("with no expert anywhere the ticket stays unassigned, and says so", () => {
    expect(
      chooseL2Assignee({ mode: "least_loaded", onCall: null, onCallEligible: false, areaExperts: [], allExperts: [] }),
    ).toEqual({ assigneeId: null, reason: "none" });
  });
});

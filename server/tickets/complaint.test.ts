import { describe, expect, it } from "vitest";
import { answerRefusal, foldComplaints, type ComplaintEvent } from "./complaint";

// Instants in UTC; complaints do not depend on any calendar or zone.
const t = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
const raised = (id: number, h: number, reason = "Nobody answered for two days", ticketId = 7): ComplaintEvent => ({
  id,
  ticketId,
  at: t(h),
  actorId: 1,
  data: { phase: "raised", reason, onBehalf: false },
});
const answer = (
  id: number,
  h: number,
  complaintId: number,
  phase: "acknowledged" | "resolved",
  ticketId = 7,
): ComplaintEvent => ({
  id,
  ticketId,
  at: t(h),
  actorId: 9,
  data: { phase, complaintId, response: `${phase} answer` },
});

describe("complaints folded from the event log", () => {
  it("a raised complaint is open until a manager acknowledges and then resolves it, keeping every answer", () => {
    expect(foldComplaints([raised(1, 8)])).toMatchObject([
      { id: 1, status: "open", reason: "Nobody answered for two days", answers: [] },
    ]);
    const [c] = foldComplaints([answer(3, 10, 1, "resolved"), raised(1, 8), answer(2, 9, 1, "acknowledged")]);
    expect(c).toMatchObject({ id: 1, status: "resolved" });
    expect(c!.answers.map((a) => [a.outcome, a.response])).toEqual([
      ["acknowledged", "acknowledged answer"],
      ["resolved", "resolved answer"],
    ]);
  });

  it("an answer naming another ticket's complaint, or coming after resolution, is ignored", () => {
    const [c] = foldComplaints([
      raised(1, 8),
      answer(2, 9, 1, "acknowledged", 8),
      answer(3, 10, 1, "resolved"),
      answer(4, 11, 1, "acknowledged"),
    ]);
    expect(c!.status).toBe("resolved");
    expect(c!.answers).toHaveLength(1);
  });

  it("lists the newest complaint first", () => {
    expect(foldComplaints([raised(1, 8), raised(5, 12)]).map((c) => c.id)).toEqual([5, 1]);
  });

  it("a resolved complaint cannot be answered again; acknowledging twice is refused, resolving after acknowledging is fine", () => {
    expect(answerRefusal("resolved", "acknowledged")).toBe("resolved");
    expect(answerRefusal("resolved", "resolved")).toBe("resolved");
    expect(answerRefusal("acknowledged", "acknowledged")).toBe("acknowledged");
    expect(answerRefusal("acknowledged", "resolved")).toBeNull();
    expect(answerRefusal("open", "acknowledged")).toBeNull();
  });
});

/**
 * Complaints about how a ticket is handled. A complaint lives in the ticket's event log as
 * "complaint" events: one that raises it (phase "raised", with the reason) and the manager's answers
 * that refer to it by the raising event's id (phase "acknowledged", then "resolved", each with a
 * response the customer reads). Pure: folds those events into complaints with their current status.
 */

export const COMPLAINT_OUTCOMES = ["acknowledged", "resolved"] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export type ComplaintStatus = "open" | ComplaintOutcome;

export type ComplaintEvent = {
  id: number;
  ticketId: number;
  at: Date;
  actorId: number | null;
  data: Record<string, string | number | boolean | null> | null;
};

export type Complaint = {
  id: number;
  ticketId: number;
  reason: string;
  raisedAt: Date;
  raisedById: number | null;
  onBehalf: boolean;
  status: ComplaintStatus;
  answers: { outcome: ComplaintOutcome; response: string; at: Date; byId: number | null }[];
};

/** Whether an answer may be given now: a resolved complaint is closed; acknowledging twice says nothing new. */
export function answerRefusal(status: ComplaintStatus, outcome: ComplaintOutcome): "resolved" | "acknowledged" | null {
  if (status === "resolved") return "resolved";
  if (outcome === "acknowledged" && status === "acknowledged") return "acknowledged";
  return null;
}

/**
 * Folds complaint events (in any order) into complaints, newest raised first. An answer counts only
 * for a complaint raised earlier on the same ticket; a resolved complaint stays resolved.
 */
export function foldComplaints(events: ComplaintEvent[]): Complaint[] {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  const byId = new Map<number, Complaint>();
  for (const e of sorted) {
    const phase = e.data?.phase;
    if (phase === "raised") {
      byId.set(e.id, {
        id: e.id,
        ticketId: e.ticketId,
        reason: typeof e.data?.reason === "string" ? e.data.reason : "",
        raisedAt: e.at,
        raisedById: e.actorId,
        onBehalf: e.data?.onBehalf === true,
        status: "open",
        answers: [],
      });
    } else if (phase === "acknowledged" || phase === "resolved") {
      const c = typeof e.data?.complaintId === "number" ? byId.get(e.data.complaintId) : undefined;
      if (!c || c.ticketId !== e.ticketId || c.status === "resolved") continue;
      c.status = phase;
      c.answers.push({
        outcome: phase,
        response: typeof e.data?.response === "string" ? e.data.response : "",
        at: e.at,
        byId: e.actorId,
      });
    }
  }
  return [...byId.values()].sort((a, b) => b.raisedAt.getTime() - a.raisedAt.getTime() || b.id - a.id);
}

import { describe, expect, it } from "vitest";
import { DEFAULT_DIR, portfolioComparator, PORTFOLIO_SORTS, type SortableRow } from "./portfolio-sort";

const row = (name: string, over: Partial<SortableRow> = {}): SortableRow => ({
  name,
  tierRank: 1,
  score: 80,
  openTickets: 0,
  breachesThisQuarter: 0,
  nextFollowUpOn: null,
  daysSinceEngagement: null,
  daysToRenewal: 100,
  ...over,
});
const order = (rows: SortableRow[], sort: (typeof PORTFOLIO_SORTS)[number], dir: "asc" | "desc") =>
  [...rows].sort(portfolioComparator(sort, dir)).map((r) => r.name);

describe("the portfolio grid's order", () => {
  it("each column starts with what needs attention first: worst health, most open tickets, soonest renewal", () => {
    expect(DEFAULT_DIR).toMatchObject({ health: "asc", open: "desc", breaches: "desc", renewal: "asc", name: "asc" });
    const rows = [
      row("B", { score: 40, openTickets: 3 }),
      row("A", { score: 90, openTickets: 9 }),
      row("C", { score: 60 }),
    ];
    expect(order(rows, "health", DEFAULT_DIR.health)).toEqual(["B", "C", "A"]);
    expect(order(rows, "open", DEFAULT_DIR.open)).toEqual(["A", "B", "C"]);
    expect(order(rows, "name", "desc")).toEqual(["C", "B", "A"]);
  });

  it("an account without a follow-up comes after every account with one, in both directions", () => {
    const rows = [
      row("None"),
      row("Late", { nextFollowUpOn: "2026-12-20" }),
      row("Soon", { nextFollowUpOn: "2026-11-21" }),
    ];
    expect(order(rows, "followUp", "asc")).toEqual(["Soon", "Late", "None"]);
    expect(order(rows, "followUp", "desc")).toEqual(["Late", "Soon", "None"]);
  });

  it("ties are broken by name, so a page boundary never moves", () => {
    const rows = [row("Zeta"), row("Alpha"), row("Mu")];
    for (const sort of PORTFOLIO_SORTS)
      for (const dir of ["asc", "desc"] as const)
        if (sort !== "name") expect(order(rows, sort, dir)).toEqual(["Alpha", "Mu", "Zeta"]);
  });

  it("never engaged counts as the longest silence", () => {
    const rows = [row("Recent", { daysSinceEngagement: 3 }), row("Never"), row("Old", { daysSinceEngagement: 90 })];
    expect(order(rows, "engagement", "desc")).toEqual(["Never", "Old", "Recent"]);
  });
});

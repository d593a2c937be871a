import { describe, expect, it } from "vitest";
import { cleanView, DEFAULT_COLUMNS, searchOfView, viewFromSearch } from "./queue-views";

describe("queue views", () => {
  it("a view read from the URL keeps known filters, columns and order, and drops the rest", () => {
    const v = viewFromSearch({
      priority: "P1",
      tier: "platinum",
      assignee: "42",
      cols: "requester,age,bogus",
      sort: "age",
      appId: "  app-1 ",
    });
    expect(v).toEqual({
      columns: ["requester", "age"],
      filters: { priority: "P1", assignee: 42, appId: "app-1" },
      sort: "age",
    });
  });

  it("no columns chosen means the default columns, and the default order is urgency", () => {
    expect(viewFromSearch({})).toEqual({ columns: [...DEFAULT_COLUMNS], filters: {}, sort: "urgency" });
  });

  it("a link to a view carries no empty or default parameter", () => {
    expect(searchOfView(viewFromSearch({ priority: "", tier: "", sort: "urgency" }))).toBe("");
    expect(searchOfView(viewFromSearch({ assignee: "mine" }), { view: "3", after: null })).toBe(
      "?assignee=mine&view=3",
    );
  });

  it("a stored view with a column this version does not know loses only that column", () => {
    expect(cleanView({ columns: ["priority", "sla_magic"], filters: { status: "resolved" }, sort: "random" })).toEqual({
      columns: ["priority"],
      filters: {},
      sort: "urgency",
    });
  });
});

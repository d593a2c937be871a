import { describe, expect, it } from "vitest";
import { navItemsFor } from "./nav";

const keys = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.key);

describe("navigation", () => {
  it("a customer sees their tickets, organization and reviews, never staff pages", () => {
    expect(keys("customer")).toEqual(["home", "tickets", "organization", "ourService", "reviews", "status", "kb"]);
  });

  it("a customer administrator also has their organization's people; a plain customer does not", () => {
    expect(keys({ role: "customer", orgAdmin: true })).toEqual([
      "home",
      "tickets",
      "organization",
      "ourService",
      "reviews",
      "status",
      "people",
      "kb",
    ]);
    expect(navItemsFor({ role: "customer", orgAdmin: true }).find((i) => i.key === "people")?.href).toBe(
      "/organization/people",
    );
    expect(keys({ role: "customer", orgAdmin: false })).not.toContain("people");
    expect(keys({ role: "customer", orgAdmin: false })).toContain("organization");
  });

  it("a Basic customer (no service reviews in their tier) has no Reviews item; staff keep theirs", () => {
    expect(navItemsFor("customer", { reviews: false }).map((i) => i.key)).toEqual([
      "home",
      "tickets",
      "organization",
      "ourService",
      "status",
      "kb",
    ]);
    expect(navItemsFor("manager", { reviews: false }).map((i) => i.key)).toContain("reviews");
  });

  it("a manager works the queue, complaints and disputes and reads the dashboards; an admin has settings but no queue", () => {
    expect(keys("manager")).toEqual([
      "home",
      "tickets",
      "queue",
      "mail",
      "macros",
      "complaints",
      "disputes",
      "portfolio",
      "reviews",
      "incidents",
      "onCall",
      "sla",
      "status",
      "kb",
    ]);
    expect(keys("admin")).toEqual([
      "home",
      "macros",
      "portfolio",
      "reviews",
      "incidents",
      "sla",
      "status",
      "admin",
      "people",
      "kb",
    ]);
  });

  it("agents browse organizations and incidents but have no dashboards or reviews", () => {
    expect(keys("agent")).toEqual([
      "home",
      "tickets",
      "queue",
      "mail",
      "macros",
      "organizations",
      "incidents",
      "onCall",
      "status",
      "kb",
    ]);
  });
});

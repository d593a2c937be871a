import { describe, expect, it } from "vitest";
import { fillPlaceholders, macroValues, unknownPlaceholders } from "./placeholders";

describe("macro placeholders", () => {
  it("a macro names the customer, the ticket and its due time in the viewer's zone (Asia/Shanghai), with the zone named", () => {
    const values = macroValues({
      customerName: "Li Wei",
      ticketId: 42,
      due: new Date("2026-12-05T01:15:00Z"),
      locale: "en",
      timeZone: "Asia/Shanghai",
      none: "not due",
    });
    expect(fillPlaceholders("Hi {{customer.name}}, ticket {{ ticket.number }} is due {{ticket.due}}.", values)).toBe(
      "Hi Li Wei, ticket #42 is due 5 Dec 2026, 09:15 (Asia/Shanghai).",
    );
  });

  it("the same instant for a viewer in America/New_York reads the day before, in Chinese when asked", () => {
    const values = macroValues({
      customerName: "王芳",
      ticketId: 7,
      due: new Date("2026-12-05T01:15:00Z"),
      locale: "zh",
      timeZone: "America/New_York",
      none: "无",
    });
    expect(values["ticket.due"]).toContain("2026年12月4日");
    expect(values["ticket.due"]).toContain("(America/New_York)");
  });

  it("a ticket with nothing due says so instead of a date", () => {
    const values = macroValues({ customerName: "A", ticketId: 1, due: null, locale: "en", timeZone: "UTC", none: "—" });
    expect(values["ticket.due"]).toBe("—");
  });

  it("unknown placeholders are found (and left as written), known ones are not reported", () => {
    expect(unknownPlaceholders("{{customer.name}} {{custmer.name}} {{ticket.due}} {{custmer.name}}")).toEqual([
      "custmer.name",
    ]);
    expect(
      fillPlaceholders("{{custmer.name}}", { "customer.name": "x", "ticket.number": "#1", "ticket.due": "-" }),
    ).toBe("{{custmer.name}}");
  });
});

import { describe, expect, it } from "vitest";
import { downtimeRule, incidentPhase, incidentProblem, type IncidentTimes } from "./rules";

// All instants UTC.
const NOW = new Date("2026-11-20T12:00:00Z");
const at = (iso: string) => new Date(iso);
const base: IncidentTimes = {
  startedAt: at("2026-11-20T10:00:00Z"),
  endedAt: at("2026-11-20T11:00:00Z"),
  planned: false,
  announcedAt: null,
  allOrganizations: true,
  organizationIds: [],
};

describe("an incident record is consistent", () => {
  it("an outage 10:00-11:00 UTC recorded at 12:00 UTC is fine", () => {
    expect(incidentProblem(base, NOW)).toBeNull();
  });

  it.each([
    ["the end equals the start", { endedAt: at("2026-11-20T10:00:00Z") }, "incidents.errors.endBeforeStart"],
    [
      "an outage starts after now",
      { startedAt: at("2026-11-20T12:01:00Z"), endedAt: null },
      "incidents.errors.futureStart",
    ],
    ["an outage ends after now", { endedAt: at("2026-11-20T12:30:00Z") }, "incidents.errors.futureEnd"],
    ["maintenance has no announcement", { planned: true }, "incidents.errors.announcementRequired"],
    [
      "maintenance was announced after it started",
      { planned: true, announcedAt: at("2026-11-20T10:30:00Z") },
      "incidents.errors.announcedAfterStart",
    ],
    ["a chosen list is empty", { allOrganizations: false }, "incidents.errors.noOrganizations"],
  ])("refused when %s", (_label, over, key) => {
    expect(incidentProblem({ ...base, ...over }, NOW)?.messageKey).toBe(key);
  });

  it("maintenance may be scheduled ahead when announced now or earlier", () => {
    const ahead = {
      ...base,
      planned: true,
      startedAt: at("2026-11-25T02:00:00Z"),
      endedAt: at("2026-11-25T03:00:00Z"),
      announcedAt: at("2026-11-20T09:00:00Z"),
    };
    expect(incidentProblem(ahead, NOW)).toBeNull();
    expect(incidentProblem({ ...ahead, announcedAt: at("2026-11-21T09:00:00Z") }, NOW)?.messageKey).toBe(
      "incidents.errors.announcedInFuture",
    );
  });
});

describe("phase and downtime rule", () => {
  it("scheduled before its start, ongoing until its end, ended after", () => {
    expect(incidentPhase({ startedAt: at("2026-11-21T00:00:00Z"), endedAt: null }, NOW)).toBe("scheduled");
    expect(incidentPhase({ startedAt: at("2026-11-20T11:00:00Z"), endedAt: null }, NOW)).toBe("ongoing");
    expect(incidentPhase({ startedAt: at("2026-11-20T11:00:00Z"), endedAt: at("2026-11-20T12:00:00Z") }, NOW)).toBe(
      "ended",
    );
  });

  it("maintenance announced 72 h ahead is excused; 71 h is short notice", () => {
    const startedAt = at("2026-11-20T02:00:00Z");
    expect(downtimeRule({ planned: true, startedAt, announcedAt: at("2026-11-17T02:00:00Z") })).toBe("announced");
    expect(downtimeRule({ planned: true, startedAt, announcedAt: at("2026-11-17T03:00:00Z") })).toBe("shortNotice");
    expect(downtimeRule({ planned: false, startedAt, announcedAt: null })).toBe("outage");
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { incidentOrganizations, incidents, organizations, tiers } from "@/db/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { createTestDb } from "@/server/testing/db";
import {
  cachedOrganizationStatus,
  creditsOwed,
  organizationAvailability,
  organizationStatus,
  tierAvailability,
} from "./service";

// A month no demo incident touches, so every figure below comes from the incidents added here.
const MONTH = "2024-02"; // 29 days: 41,760 minutes
const NOW = new Date("2026-11-20T12:00:00Z");

let db: Db;
let nimbus: { id: number; region: string };
let sameRegionOther: { id: number; name: string };
let otherRegion: { id: number };

function addIncident(
  values: Partial<typeof incidents.$inferInsert> & { startedAt: Date; endedAt: Date | null },
  listed: number[] = [],
) {
  const row = db
    .insert(incidents)
    .values({
      title: "Test outage",
      productArea: "video_calling",
      regions: ["americas"],
      severity: "major",
      planned: false,
      allOrganizations: listed.length === 0,
      summary: "Test",
      createdAt: values.startedAt,
      ...values,
    })
    .returning({ id: incidents.id })
    .get();
  for (const organizationId of listed)
    db.insert(incidentOrganizations).values({ incidentId: row.id, organizationId }).run();
  return row.id;
}

beforeAll(() => {
  db = createTestDb();
  const orgs = db
    .select({ id: organizations.id, name: organizations.name, region: organizations.region, tier: tiers.code })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .all();
  nimbus = orgs.find((o) => o.id === 1)!;
  sameRegionOther = orgs.find((o) => o.region === "americas" && o.id !== 1)!;
  otherRegion = orgs.find((o) => o.region !== "americas")!;
});

describe("availability service", () => {
  it("counts region-wide incidents once, listed incidents only for the listed organization", () => {
    // Region-wide 60 minutes, plus a listed 30 minutes for Nimbus overlapping it by 15 minutes.
    const wide = addIncident({
      startedAt: new Date("2024-02-05T10:00:00Z"),
      endedAt: new Date("2024-02-05T11:00:00Z"),
    });
    const listed = addIncident(
      { startedAt: new Date("2024-02-05T10:45:00Z"), endedAt: new Date("2024-02-05T11:15:00Z") },
      [nimbus.id],
    );
    // Announced a week ahead: excused.
    const maint = addIncident({
      startedAt: new Date("2024-02-20T02:00:00Z"),
      endedAt: new Date("2024-02-20T06:00:00Z"),
      planned: true,
      announcedAt: new Date("2024-02-13T02:00:00Z"),
    });

    const [n] = organizationAvailability(db, nimbus.id, [MONTH], NOW);
    expect(n).toMatchObject({
      month: MONTH,
      downtimeMinutes: 75,
      commitment: 99.99,
      creditPercent: 10,
      incidentIds: [wide, listed],
      excusedMaintenanceIds: [maint],
    });
    expect(n!.availability).toBeCloseTo(100 * (1 - 75 / 41_760), 10);

    const [o] = organizationAvailability(db, sameRegionOther.id, [MONTH], NOW);
    expect(o).toMatchObject({ downtimeMinutes: 60, incidentIds: [wide] });
    const [far] = organizationAvailability(db, otherRegion.id, [MONTH], NOW);
    expect(far).toMatchObject({ downtimeMinutes: 0, availability: 100, creditPercent: 0, incidentIds: [] });
  });

  it("lists credits owed across organizations and sums them per tier", () => {
    db.update(organizations).set({ monthlyFeeCents: 2_500_000 }).where(eq(organizations.id, nimbus.id)).run();
    const owed = creditsOwed(db, [MONTH], NOW);
    const nimbusRow = owed.find((r) => r.organizationId === nimbus.id);
    expect(nimbusRow).toMatchObject({ tierCode: "enterprise", month: MONTH, creditPercent: 10, commitment: 99.99 });
    // The credit in money too: 10 % of the organization's monthly fee.
    expect(nimbusRow!.creditCents).toBe(250_000);
    expect(owed.some((r) => r.organizationId === otherRegion.id)).toBe(false);

    const perTier = tierAvailability(db, [MONTH], NOW);
    expect(perTier.map((t) => t.tierCode)).toEqual(["basic", "advanced", "enterprise"]);
    const total = perTier.reduce((s, t) => s + t.creditsOwed, 0);
    expect(total).toBe(owed.length);
    for (const t of perTier)
      expect(t.organizationsBelowCommitment).toBe(owed.filter((r) => r.tierCode === t.tierCode).length);
  });

  it("refuses a malformed month and an unknown organization", () => {
    expect(() => organizationAvailability(db, nimbus.id, ["2024-13"], NOW)).toThrow(DomainError);
    expect(() => organizationAvailability(db, 999_999, [MONTH], NOW)).toThrow(/not found/);
  });

  it("holds the status page's figures as of the minute until an incident is written", () => {
    // An outage still going on: its downtime grows by the second, so the minute's figures differ from now's.
    addIncident({ startedAt: new Date("2026-11-20T11:00:00Z"), endedAt: null });
    const minute = new Date("2026-11-20T12:00:00Z");
    const at = new Date("2026-11-20T12:00:37Z");
    const held = cachedOrganizationStatus(db, nimbus.id, at);
    expect(held).toEqual(organizationStatus(db, nimbus.id, minute));
    expect(held).not.toEqual(organizationStatus(db, nimbus.id, at));
    expect(cachedOrganizationStatus(db, nimbus.id, new Date("2026-11-20T12:00:59Z"))).toEqual(held);
    // An outage this morning: the next read sees it, though the minute is the same.
    const id = addIncident({ startedAt: new Date("2026-11-20T09:00:00Z"), endedAt: new Date("2026-11-20T09:30:00Z") });
    expect(cachedOrganizationStatus(db, nimbus.id, at).incidents.map((i) => i.id)).toContain(id);
    expect(held.incidents.map((i) => i.id)).not.toContain(id);
  });
});

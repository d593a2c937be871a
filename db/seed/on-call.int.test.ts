import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { listRotas } from "@/server/on-call/rota-service";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerAs } from "@/server/testing/db";
import { freshDemoDb } from "@/server/testing/demo-db";
import { insertDemoFixFlow } from "./fix-flow";

const demo = freshDemoDb("demo-rotas");
let db: Db;
beforeAll(() => {
  db = demo();
});

const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("the demo's duty rotas, known issues, advisory and feature requests", () => {
  it("every support region has a general rota with someone primary and secondary on call now", () => {
    const { rotas, regionsWithoutRota } = listRotas(db, TEST_ANCHOR);
    expect(regionsWithoutRota).toEqual([]);
    expect(rotas).toHaveLength(3);
    for (const r of rotas) {
      expect(r.primary, r.name).not.toBeNull();
      expect(r.secondary, r.name).not.toBeNull();
      expect(r.gaps, r.name).toEqual([]);
    }
    // The demo's known issues: one investigated, one with its fix scheduled, one fixed.
    expect(
      (db.$client.prepare("SELECT status FROM known_issues ORDER BY status").all() as { status: string }[]).map(
        (r) => r.status,
      ),
    ).toEqual(["fix_scheduled", "fixed", "investigating"]);
  });

  it("known issues are linked to open demo tickets: Nimbus Live is asked to verify a fix and waits on an investigation", async () => {
    const linked = db.$client
      .prepare(
        `SELECT k.status, t.organization_id AS org FROM tickets t JOIN known_issues k ON k.id = t.known_issue_id
         WHERE t.status NOT IN ('resolved', 'closed') ORDER BY k.status, t.organization_id`,
      )
      .all() as { status: string; org: number }[];
    expect(new Set(linked.filter((l) => l.status === "fixed").map((l) => l.org)).size).toBe(2);
    expect(linked.filter((l) => l.org === 1).map((l) => l.status)).toEqual(["fixed", "investigating"]);
    const nimbus = callerAs(db, "dev@nimbus.example");
    const fixed = db.$client
      .prepare(
        `SELECT t.id FROM tickets t JOIN known_issues k ON k.id = t.known_issue_id WHERE t.organization_id = 1 AND k.status = 'fixed'`,
      )
      .get() as { id: number };
    const ticket = await nimbus.tickets.get({ id: fixed.id });
    expect(ticket.ticket.knownIssue).toMatchObject({ status: "fixed", fixVersion: "4.4.3", verified: null });
  });

  it("a critical advisory for Android 4.2.0 to 4.4.x is published; some organizations acknowledged it, some not", async () => {
    const [advisory] = await callerAs(db, null).advisories.list();
    expect(advisory).toMatchObject({
      severity: "critical",
      cvssScore: 9.8,
      status: "published",
      affected: [{ platform: "android", range: ">=4.2.0 <4.5.0", fixedVersion: "4.5.1" }],
    });
    const staffView = await callerAs(db, "admin@attain.test").advisories.get({ id: advisory!.id });
    const acknowledged = staffView.organizations.filter((o) => o.acknowledgedAt !== null);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(staffView.organizations.length);
    expect(acknowledged.map((o) => o.name)).toContain("Nimbus Live");
    expect(await callerAs(db, "ops@orbit.example").advisories.pending()).toHaveLength(1);
    expect(await callerAs(db, "dev@nimbus.example").advisories.pending()).toEqual([]);
    expect(
      (await callerAs(db, "dev@nimbus.example").advisories.declarations({ organizationId: 1 })).map(
        (d) => `${d.platform} ${d.version}`,
      ),
    ).toEqual(["android 4.4.2", "ios 4.5.0", "web 4.3.1"]);
  });

  it("feature requests carry votes from two organizations or more, one planned on the public roadmap", async () => {
    const roadmap = await callerAs(db, null).requests.roadmap();
    expect(roadmap.planned).toEqual([
      expect.objectContaining({ title: "Noise suppression presets for music, speech and noisy rooms", votes: 4 }),
    ]);
    expect(roadmap.planned[0]!.organizations).toBeGreaterThanOrEqual(2);
    expect(roadmap.under_review[0]!.organizations).toBe(2);
    expect(roadmap.shipped).toHaveLength(1);
    const outside = db.$client
      .prepare("SELECT count(*) AS n FROM tickets WHERE category = 'feature_request' AND outside_sla = 1")
      .get() as { n: number };
    expect(outside.n).toBe(3);
  });

  it("writing the flow again on the same file changes nothing", () => {
    const tables = ["security_advisories", "advisory_organizations", "feature_requests", "feature_votes", "tickets"];
    const before = tables.map(count);
    const ids = db.$client.prepare("SELECT id FROM organizations ORDER BY id").all() as { id: number }[];
    db.transaction((tx) =>
      insertDemoFixFlow(tx, db.$client, {
        anchor: TEST_ANCHOR,
        organizationIds: ids.map((o) => o.id),
        staff: { adminId: 1, agentId: 1, managerId: 1 },
      }),
    );
    expect(tables.map(count)).toEqual(before);
  });
});

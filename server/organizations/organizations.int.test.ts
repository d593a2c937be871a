import { and, asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, calendars, organizations, targetVersions, tickets, tiers, users } from "@/db/schema";
import { organizationAvailability } from "@/server/availability/service";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createStaffTeam } from "@/server/testing/factories";
import type { OrganizationInput } from "./rules";

const db = createTestDb();
afterAll(() => db.$client.close());

const team = createStaffTeam(db);
/** A second account manager, the technical one of the organizations that name one. */
const tam = createStaff(db, "account_manager");
const admin = (now = TEST_ANCHOR) => callerFor(db, team.admin, now);
const LATER = new Date(TEST_ANCHOR.getTime() + 60 * 60_000);
const calendarId = (code: string) =>
  db.select({ id: calendars.id }).from(calendars).where(eq(calendars.code, code)).get()!.id;

let serial = 0;
/** A valid new organization with a unique name. */
function valid(extra: Partial<OrganizationInput> = {}): OrganizationInput {
  serial++;
  return {
    name: `Harbor Streams ${serial}`,
    tierCode: "advanced",
    region: "emea",
    calendarId: calendarId("emea"),
    contractStart: "2026-01-01",
    contractEnd: "2027-12-31",
    availabilityCommitment: null,
    accountManagerId: team.account_manager.id,
    technicalAccountManagerId: null,
    hotline: null,
    supportEmail: null,
    chatHandle: null,
    groupLink: null,
    ...extra,
  };
}

/** Everything a refused write could have touched. */
function snapshot() {
  return {
    organizations: db.select().from(organizations).orderBy(asc(organizations.id)).all(),
    audit: db.select().from(auditLog).orderBy(asc(auditLog.id)).all(),
  };
}

function auditOf(id: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "organization"), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id))
    .all();
}

describe("[ORGANIZATIONS] administration", () => {
  it("the admin creates an organization: slug from its name, zone from its region, audited with the record", async () => {
    const input = valid({
      name: "  Harbor   Streams Ltd ",
      hotline: "+44 20 5555 0100",
      supportEmail: "Support@Harbor.example",
      chatHandle: "@harbor-support",
      groupLink: "https://chat.example/harbor",
      technicalAccountManagerId: tam.id,
    });
    const org = await admin().organizations.create(input);
    expect(org).toMatchObject({
      name: "Harbor Streams Ltd",
      slug: "harbor-streams-ltd",
      tierCode: "advanced",
      region: "emea",
      timeZone: "Europe/London",
      contractStart: "2026-01-01",
      contractEnd: "2027-12-31",
      supportEmail: "support@harbor.example",
      groupLink: "https://chat.example/harbor",
      customers: 0,
      createdAt: TEST_ANCHOR,
    });
    const [entry] = auditOf(org.id);
    expect(entry).toMatchObject({ action: "organization_created", actorId: team.admin.id });
    expect(entry!.detail).toMatchObject({
      before: null,
      after: { name: "Harbor Streams Ltd", tierCode: "advanced", hotline: "+44 20 5555 0100" },
    });
    const list = await admin().organizations.list({ search: "harbor streams LTD", page: 1, pageSize: 10 });
    expect(list.items.map((i) => i.name)).toEqual(["Harbor Streams Ltd"]);
    expect(list.items[0]).toMatchObject({
      accountManagerName: team.account_manager.name,
      tierCode: "advanced",
      customers: 0,
    });
  });

  it("a duplicate name (any case) or a name with a taken slug is refused and nothing is written", async () => {
    const first = await admin().organizations.create(valid({ name: "Quartz Media" }));
    const before = snapshot();
    await expect(admin().organizations.create(valid({ name: "quartz media" }))).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { messageKey: "organizationsAdmin.issues.nameTaken", values: { field: "name" } },
    });
    await expect(admin().organizations.create(valid({ name: "Quartz-Media!" }))).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { messageKey: "organizationsAdmin.issues.slugTaken" },
    });
    // Renaming another organization onto it is refused the same way.
    const other = await admin().organizations.create(valid());
    await expect(
      admin().organizations.update({ ...pickInput(other), id: other.id, name: "QUARTZ MEDIA" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(snapshot().organizations).toEqual([...before.organizations, expect.objectContaining({ id: other.id })]);
    expect(first.slug).toBe("quartz-media");
  });

  it("a name without Latin letters gets a numbered fallback slug", async () => {
    const a = await admin().organizations.create(valid({ name: "云视互动" }));
    const b = await admin().organizations.create(valid({ name: "星河直播" }));
    expect(a.slug).toMatch(/^organization(-\d+)?$/);
    expect(b.slug).toMatch(/^organization-\d+$/);
    expect(a.slug).not.toBe(b.slug);
  });

  it.each([
    ["no tier", { tierCode: null }, "tierRequired", "tierCode"],
    ["a blank name", { name: "   " }, "nameRequired", "name"],
    ["a contract ending before it starts", { contractEnd: "2025-12-31" }, "endBeforeStart", "contractEnd"],
    ["a contract date that is not a date", { contractStart: "2026-02-30" }, "dateFormat", "contractStart"],
    ["a commitment below 90 %", { availabilityCommitment: 89.9 }, "commitmentRange", "availabilityCommitment"],
    ["a commitment above 100 %", { availabilityCommitment: 100.5 }, "commitmentRange", "availabilityCommitment"],
    ["a group link that is not http(s)", { groupLink: "javascript:alert(1)" }, "linkFormat", "groupLink"],
    ["a malformed support email", { supportEmail: "support at example" }, "emailFormat", "supportEmail"],
    ["a hotline with letters", { hotline: "call us" }, "hotlineFormat", "hotline"],
    ["an unknown calendar", { calendarId: 999_999 }, "calendarUnknown", "calendarId"],
  ] as const)("%s is refused with a translated message and nothing changes", async (_, extra, code, field) => {
    const before = snapshot();
    await expect(admin().organizations.create(valid(extra as Partial<OrganizationInput>))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { messageKey: `organizationsAdmin.issues.${code}`, values: { field } },
    });
    expect(snapshot()).toEqual(before);
  });

  it("an account manager or TAM who is not an active account manager is refused, on create and on edit", async () => {
    const agent = createStaff(db, "agent");
    const gone = createStaff(db, "account_manager");
    db.update(users).set({ active: false, deactivatedAt: TEST_ANCHOR }).where(eq(users.id, gone.id)).run();
    const org = await admin().organizations.create(valid());
    const before = snapshot();
    for (const extra of [
      { accountManagerId: agent.id },
      { technicalAccountManagerId: gone.id },
      { accountManagerId: 999_999 },
    ]) {
      await expect(admin().organizations.create(valid(extra))).rejects.toMatchObject({
        cause: { messageKey: "organizationsAdmin.issues.notAccountManager" },
      });
      await expect(
        admin().organizations.update({ ...valid(), name: org.name, id: org.id, ...extra }),
      ).rejects.toMatchObject({ cause: { messageKey: "organizationsAdmin.issues.notAccountManager" } });
    }
    expect(snapshot()).toEqual(before);
  });

  it("a tier change is audited and applies to tickets filed afterwards; an open ticket keeps its target version and due times", async () => {
    const org = createOrganization(db, { tier: "basic", region: "americas", customers: 1 });
    const customer = org.customers[0]!;
    const filed = await callerFor(db, customer, TEST_ANCHOR).tickets.create({
      subject: "Calls drop for every user",
      description: "Every call drops after a minute since this morning.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P1",
    });
    const versionOf = (code: "basic" | "enterprise") =>
      db
        .select({ id: targetVersions.id })
        .from(targetVersions)
        .innerJoin(tiers, eq(tiers.id, targetVersions.tierId))
        .where(eq(tiers.code, code))
        .orderBy(asc(targetVersions.version))
        .all()
        .at(-1)!.id;
    const ticketRow = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get()!;
    const openBefore = ticketRow(filed.id);
    expect(openBefore.targetVersionId).toBe(versionOf("basic"));

    const rest = await admin().organizations.get({ id: org.id });
    const res = await admin(LATER).organizations.update({ ...pickInput(rest), id: org.id, tierCode: "enterprise" });
    expect(res).toMatchObject({ changed: ["tierCode"], openTicketsKeepingTargets: 1, ticketsRefreshed: 0 });
    expect(res.organization.tierCode).toBe("enterprise");

    const audit = auditOf(org.id);
    expect(audit.map((a) => a.action)).toEqual(["organization_updated", "organization_tier_changed"]);
    expect(audit[0]!.detail).toMatchObject({ before: { tierCode: "basic" }, after: { tierCode: "enterprise" } });
    expect(audit[1]!.detail).toEqual({ from: "basic", to: "enterprise", openTicketsKeepingTargets: 1 });

    const openAfter = ticketRow(filed.id);
    expect(openAfter.targetVersionId).toBe(openBefore.targetVersionId);
    expect(openAfter.frDueAt).toEqual(openBefore.frDueAt);
    expect(openAfter.waDueAt).toEqual(openBefore.waDueAt);
    expect(openAfter.resDueAt).toEqual(openBefore.resDueAt);

    const next = await callerFor(db, customer, LATER).tickets.create({
      subject: "Calls drop again",
      description: "Calls drop after a minute again.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P1",
    });
    const fresh = ticketRow(next.id);
    expect(fresh.targetVersionId).toBe(versionOf("enterprise"));
    // Enterprise P1: first response within 30 minutes, 24x7.
    expect(fresh.frDueAt).toEqual(new Date(LATER.getTime() + 30 * 60_000));
  });

  it("saving without a change writes nothing; a calendar change re-derives the open tickets' due times", async () => {
    const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 1 });
    await callerFor(db, org.customers[0]!, TEST_ANCHOR).tickets.create({
      subject: "Question about recording",
      description: "How do we record a call?",
      productArea: "voice_calling",
      category: "integration_question",
      priority: "P3",
    });
    const rest = await admin().organizations.get({ id: org.id });
    const before = snapshot();
    const same = await admin().organizations.update({ ...pickInput(rest), id: org.id });
    expect(same).toMatchObject({ changed: [], openTicketsKeepingTargets: 0, ticketsRefreshed: 0 });
    expect(snapshot()).toEqual(before);
    const moved = await admin().organizations.update({
      ...pickInput(rest),
      id: org.id,
      calendarId: calendarId("china"),
    });
    expect(moved).toMatchObject({ changed: ["calendarId"], ticketsRefreshed: 1 });
  });

  it("the organization's own availability commitment is what availability and credits use, else its tier's", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const month = "2026-10";
    const [tierTerms] = organizationAvailability(db, org.id, [month], TEST_ANCHOR);
    expect(tierTerms!.commitment).toBe(99.99);
    const rest = await admin().organizations.get({ id: org.id });
    await admin().organizations.update({ ...pickInput(rest), id: org.id, availabilityCommitment: 99.5 });
    const [own] = organizationAvailability(db, org.id, [month], TEST_ANCHOR);
    expect(own!.commitment).toBe(99.5);
    const page = await callerFor(db, team.account_manager).accounts.organization({ organizationId: org.id });
    expect(page.availabilityCommitment).toBe(99.5);
    expect(page.tier.availabilityCommitment).toBe(99.99);
  });

  it("the customer pages show the organization's channels, its own hotline before the tier's", async () => {
    const org = await admin().organizations.create(
      valid({
        tierCode: "enterprise",
        hotline: null,
        supportEmail: "help@dune.example",
        chatHandle: "@dune",
        groupLink: "https://chat.example/dune",
      }),
    );
    const staffView = () => callerFor(db, team.account_manager).accounts.organization({ organizationId: org.id });
    const tierHotline = (await staffView()).tier.hotline;
    expect((await staffView()).contact).toEqual({
      hotline: tierHotline,
      supportEmail: "help@dune.example",
      chatHandle: "@dune",
      groupLink: "https://chat.example/dune",
    });
    const rest = await admin().organizations.get({ id: org.id });
    await admin().organizations.update({ ...pickInput(rest), id: org.id, hotline: "+44 800 555 0199" });
    expect((await staffView()).contact.hotline).toBe("+44 800 555 0199");
  });
});

/** The editable fields of a record, as the form sends them back. */
function pickInput(r: Awaited<ReturnType<ReturnType<typeof admin>["organizations"]["get"]>>): OrganizationInput {
  return {
    name: r.name,
    tierCode: r.tierCode,
    region: r.region,
    calendarId: r.calendarId,
    contractStart: r.contractStart,
    contractEnd: r.contractEnd,
    availabilityCommitment: r.availabilityCommitment,
    accountManagerId: r.accountManagerId,
    technicalAccountManagerId: r.technicalAccountManagerId,
    hotline: r.hotline,
    supportEmail: r.supportEmail,
    chatHandle: r.chatHandle,
    groupLink: r.groupLink,
  };
}

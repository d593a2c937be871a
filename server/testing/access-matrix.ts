/**
 * The authorization matrix: who may call each tRPC procedure of `appRouter`.
 *
 * `server/api/access-matrix.int.test.ts` enumerates every procedure from the router itself and
 * calls each one as every actor below, on a real seeded database (`createTestDb()`), inside a
 * transaction that is rolled back after each call, so every call sees the pristine demo data.
 * A procedure without an entry here fails the test, and so does an entry without a procedure.
 * `server/api/hostile-input.int.test.ts` uses the same entries to find a caller who is allowed,
 * then throws generated invalid inputs at the procedure.
 *
 * ## Adding your procedure
 *
 * Add one line per procedure path (`"<router key>.<procedure name>"`, exactly as in
 * `server/api/root.ts`) to `ACCESS_MATRIX`, keeping entries grouped by router:
 *
 *   "incidents.get": { allow: [...STAFF, ...NIMBUS_CUSTOMERS], input: (fx) => ({ id: fx.row<{ id: number }>(
 *     "select id from incidents where ... and organization_id = ?", NIMBUS_ORG_ID).id }) },
 *
 * - `allow`: the actors who must be let through. Everybody else must be refused with
 *   UNAUTHORIZED, FORBIDDEN or NOT_FOUND (a foreign row "does not exist"). Use the groups below
 *   (`ANYONE`, `SIGNED_IN`, `STAFF`, `SUPPORT`, `CUSTOMERS`, `NIMBUS_CUSTOMERS`, `PEOPLE_ADMINS`)
 *   or list actors.
 * - An allowed call must SUCCEED with the input you give: a BAD_REQUEST, CONFLICT or any other
 *   error fails the test, so the input must be valid for the demo data (this keeps the test able
 *   to fail: an allowed actor silently hitting a validation error would prove nothing).
 *   If the allowed outcome for some actor is legitimately a domain error (e.g. a customer asking
 *   for something that only exists for staff), list that code in `tolerate`.
 * - `input(fx)`: returns a valid input built from the demo fixtures. It runs inside the same
 *   rolled-back transaction as the call, once per actor, so it may create what the call needs
 *   (e.g. open a dispute so a manager can decide it) with `fx.caller(email)` or services.
 *   `fx.actor` tells which actor is about to call, for inputs that differ by role (staff name a
 *   requester when logging a ticket; customers do not).
 * - The data asked for is always Nimbus Live's (organization 1, the customer `dev@nimbus.example`).
 *   `otherOrgCustomer` (`ops@orbit.example`, Orbit Chat) asks for those same rows, so for every
 *   procedure taking a Nimbus Live id it must be refused. Where a procedure only ever acts on the
 *   caller's own organization (no id in the input: `tickets.list`, `home.customer`), it is allowed
 *   (`CUSTOMERS`: all four customer actors).
 * - Customer administrators: `customerAdmin` (`cto@nimbus.example`) is Nimbus Live's, a customer
 *   who also holds what server/auth/permissions.ts grants `customer_admin` (its people, its SDK
 *   versions, its tickets' watchers), so allow them wherever the customer is (`NIMBUS_CUSTOMERS`),
 *   except for rows that are the customer's own alone (a notification, a pending upload).
 *   `otherOrgAdmin` (`lead@orbit.example`) administers Orbit Chat and asks for the same Nimbus Live
 *   rows: every administrator-only procedure must refuse them.
 * - Procedures without input (`z.void()`) return `undefined` from `input`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll } from "vitest";
import { emailChanges, organizationSdks, passwordResets, queueViews } from "@/db/schema";
import { METRICS, PRIORITIES } from "@/db/schema/enums";
import { receiveUpload } from "@/server/attachments/service";
import { DiskAttachmentStore } from "@/server/attachments/store";
// aliased: a "use" name reads as a React hook to the linter
import { useAttachmentStore as serveFilesFrom } from "@/server/attachments/store-for";
import { startSession } from "@/server/auth/sessions";
import { newToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { sessionRef } from "@/server/identity/account-service";
import { callerAs, sessionFor } from "./db";
import { TEST_ANCHOR } from "./constants";

export const ACTORS = {
  anonymous: null,
  customer: "dev@nimbus.example",
  agent: "agent@attain.test",
  expert: "expert@attain.test",
  manager: "manager@attain.test",
  accountManager: "am@attain.test",
  executive: "exec@attain.test",
  admin: "admin@attain.test",
  otherOrgCustomer: "ops@orbit.example",
  customerAdmin: "cto@nimbus.example",
  otherOrgAdmin: "lead@orbit.example",
} as const satisfies Record<string, string | null>;

export type Actor = keyof typeof ACTORS;
export const ALL_ACTORS = Object.keys(ACTORS) as Actor[];

export const STAFF = [
  "agent",
  "expert",
  "manager",
  "accountManager",
  "executive",
  "admin",
] as const satisfies readonly Actor[];
export const SUPPORT = ["agent", "expert", "manager"] as const satisfies readonly Actor[];
/** The two Nimbus Live customers: the plain one and its customer administrator (who may do all a customer may). */
export const NIMBUS_CUSTOMERS = ["customer", "customerAdmin"] as const satisfies readonly Actor[];
/** Every customer, of either organization: for procedures acting only on the caller's own organization. */
export const CUSTOMERS = [...NIMBUS_CUSTOMERS, "otherOrgCustomer", "otherOrgAdmin"] as const satisfies readonly Actor[];
/** Who administers Nimbus Live's people: admins, account managers and its customer administrator (`people.customers`). */
export const PEOPLE_ADMINS = ["admin", "accountManager", "customerAdmin"] as const satisfies readonly Actor[];
export const SIGNED_IN = [...STAFF, ...CUSTOMERS] as const;
export const ANYONE = ALL_ACTORS;

/** Nimbus Live, the organization whose data every entry asks for. */
export const NIMBUS_ORG_ID = 1;
/** A third Nimbus Live customer, neither actor (a valid watcher / requester, a person to administer). */
export const NIMBUS_OTHER_CUSTOMER = "qa@nimbus.example";

/** What an entry's `input` function receives. */
export type Fixtures = {
  db: Db;
  /** The actor about to call. */
  actor: Actor;
  /** The demo's fixed "now" the call runs at. */
  now: Date;
  /** One row of a raw SQL query (throws if there is none, so a broken fixture fails loudly). */
  row<T>(sql: string, ...params: unknown[]): T;
  /** A caller for setting up data inside the rolled-back transaction. */
  caller(email: string): ReturnType<typeof callerAs>;
  /** An open Nimbus Live ticket (not excluded, not a security vulnerability). */
  openTicketId(): number;
  /** The id of a demo user. */
  userId(email: string): number;
};

export type TrpcErrorCode = "BAD_REQUEST" | "CONFLICT" | "UNPROCESSABLE_CONTENT" | "PRECONDITION_FAILED";

export type AccessEntry = {
  allow: readonly Actor[];
  input: (fx: Fixtures) => unknown;
  /** Error codes accepted as an "allowed" outcome for the allowed actors (rarely needed). */
  tolerate?: readonly TrpcErrorCode[];
  /**
   * For answers whose content depends on the actor (fields only some allowed actors may read):
   * checks an allowed actor's answer, returning what is wrong with it, or null.
   */
  answer?: (output: unknown, actor: Actor) => string | null;
};

/** Builds the fixtures for one call. */
export function fixtures(db: Db, actor: Actor): Fixtures {
  const row = <T>(sql: string, ...params: unknown[]): T => {
    const r = db.$client.prepare(sql).get(...params) as T | undefined;
    if (r === undefined) throw new Error(`access-matrix fixture found no row: ${sql}`);
    return r;
  };
  return {
    db,
    actor,
    now: TEST_ANCHOR,
    row,
    caller: (email) => callerAs(db, email),
    openTicketId: () =>
      row<{ id: number }>(
        "select id from tickets where organization_id = ? and status in ('new','open') and exclusion_reason is null and category <> 'security_vulnerability' order by id limit 1",
        NIMBUS_ORG_ID,
      ).id,
    userId: (email) => row<{ id: number }>("select id from users where email = ?", email).id,
  };
}

const none = () => undefined;

/** A usable password reset link of the Nimbus Live customer, made inside the rolled-back transaction. */
function resetToken(fx: Fixtures): string {
  const { token, hash } = newToken();
  fx.db
    .insert(passwordResets)
    .values({
      tokenHash: hash,
      userId: fx.userId(ACTORS.customer),
      createdAt: fx.now,
      expiresAt: new Date(fx.now.getTime() + 3_600_000),
    })
    .run();
  return token;
}

/** A usable address change link of the Nimbus Live customer, made inside the rolled-back transaction. */
function emailChangeToken(fx: Fixtures): string {
  const { token, hash } = newToken();
  fx.db
    .insert(emailChanges)
    .values({
      tokenHash: hash,
      userId: fx.userId(ACTORS.customer),
      newEmail: "dev-moved@nimbus.example",
      createdAt: fx.now,
      expiresAt: new Date(fx.now.getTime() + 3_600_000),
    })
    .run();
  return token;
}

/** A message from an unknown sender, held as unmatched mail (made inside the rolled-back transaction). */
function unmatchedMailId(fx: Fixtures): number {
  const raw = Buffer.from(
    "From: stranger@elsewhere.example\r\nTo: support@attain.test\r\nSubject: Pricing\r\nMessage-ID: <matrix@elsewhere.example>\r\n\r\nHow much is Enterprise?\r\n",
  );
  return fx.row<{ id: number }>(
    `insert into inbound_mail (received_at, via, message_id, from_address, recipients, subject, size, outcome, reason, raw)
     values (?, 'smtp', '<matrix@elsewhere.example>', 'stranger@elsewhere.example', 'support@attain.test', 'Pricing', ?, 'unmatched', 'unknown_sender', ?) returning id`,
    fx.now.getTime(),
    raw.length,
    raw,
  ).id;
}

/** A strong new password for the self-service procedures. */
const NEW_PASSWORD = "violet harbour lantern 2026";
const isStaffActor = (a: Actor) => (STAFF as readonly Actor[]).includes(a);

/** An invitation of a new Nimbus Live customer sent by the admin, with its token read from the email. */
async function invitedCustomer(fx: Fixtures): Promise<{ id: number; token: string }> {
  const email = `matrix-${fx.actor.toLowerCase()}@nimbus.example`;
  const { id } = await fx.caller(ACTORS.admin).people.invite({
    email,
    name: "Matrix Invitee",
    role: "customer",
    organizationId: NIMBUS_ORG_ID,
    orgAdmin: false,
    locale: "en",
  });
  const { body } = fx.row<{ body: string }>('select body from outbox where "to" = ? order by id desc limit 1', email);
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(body)?.[1];
  if (!token) throw new Error("the invitation email carries no link");
  return { id, token };
}

/** A resolved Nimbus Live ticket, resolved just now by an agent (so it is within the reopen window and unrated). */
async function freshlyResolvedTicket(fx: Fixtures): Promise<number> {
  const id = fx.openTicketId();
  await fx
    .caller(ACTORS.agent)
    .tickets.resolve({ ticketId: id, kind: "answer", body: "Resolved for the access matrix." });
  return id;
}

/** The fixtures' own attachment store in a temporary folder, so no fixture writes to ATTACHMENTS_DIR. */
let matrixStore: DiskAttachmentStore | null = null;
afterAll(() => {
  if (matrixStore) fs.rmSync(matrixStore.root, { recursive: true, force: true });
  matrixStore = null;
});

/** A pending upload of a small text log by `email` (its row rolls back with the call; its content stays in the temporary store). */
async function pendingUpload(fx: Fixtures, email: string): Promise<number> {
  matrixStore ??= new DiskAttachmentStore(fs.mkdtempSync(path.join(os.tmpdir(), "attain-matrix-files-")));
  serveFilesFrom(fx.db, matrixStore);
  const upload = await receiveUpload(
    fx.db,
    matrixStore,
    sessionFor(fx.db, email),
    Readable.from([Buffer.from("12:00:01 INFO joined channel demo\n12:00:31 WARN connection lost\n")]),
    { name: "sdk.log", declaredSize: null },
    fx.now,
  );
  return upload.id;
}

/** A text log the Nimbus Live customer attached to a public reply on an open ticket of theirs. */
/**
 * A security advisory for server SDK 9.9.x, published by the admin, after Nimbus Live declares it
 * ships server 9.9.1 (so it is sent to Nimbus Live only), for the advisories entries.
 */
async function advisoryId(fx: Fixtures, publish = true): Promise<number> {
  fx.db
    .insert(organizationSdks)
    .values({ organizationId: NIMBUS_ORG_ID, platform: "server", version: "9.9.1", declaredAt: fx.now })
    .onConflictDoNothing()
    .run();
  const admin = fx.caller(ACTORS.admin);
  const { id } = await admin.advisories.save({
    titleEn: "Token replay in the server SDK",
    titleZh: "服务端 SDK 令牌重放",
    bodyEn: "A token can be replayed.",
    bodyZh: "令牌可被重放。",
    productAreas: ["realtime_messaging"],
    affected: [{ platform: "server", range: "9.9.x", fixedVersion: "9.10.0" }],
    cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    upgradeStepsEn: "Upgrade to 9.10.0.",
    upgradeStepsZh: "升级到 9.10.0。",
  });
  if (publish) await admin.advisories.publish({ id });
  return id;
}

/** A public known issue written by the agent (status as given), for the knownIssues entries. */
async function knownIssueId(fx: Fixtures, status: "investigating" | "fixed" = "investigating"): Promise<number> {
  const { id } = await fx.caller(ACTORS.agent).knownIssues.save({
    titleEn: "Join times out on Android",
    titleZh: "Android 加入频道超时",
    productArea: "voice_calling",
    platforms: ["android"],
    affectedVersions: ">=4.2.0 <4.5.1",
    symptomsEn: "About one join in ten times out.",
    symptomsZh: "约十分之一的加入超时。",
    workaroundEn: "Retry the join.",
    workaroundZh: "重试加入。",
    status,
    fixVersion: status === "fixed" ? "4.5.1" : null,
    public: true,
    organizationIds: [],
  });
  return id;
}

async function nimbusAttachmentId(fx: Fixtures): Promise<number> {
  const uploadId = await pendingUpload(fx, ACTORS.customer);
  await fx
    .caller(ACTORS.customer)
    .tickets.reply({ ticketId: fx.openTicketId(), body: "The SDK log is attached.", attachmentIds: [uploadId] });
  return fx.row<{ id: number }>("select id from attachments order by id desc limit 1").id;
}

/** Cells of a tier's current target version, for a valid admin edit. */
async function currentTargets(fx: Fixtures) {
  const tiers = await fx.caller(ACTORS.admin).admin.tiers();
  const basic = tiers.find((t) => t.code === "basic")!;
  return { version: basic.version, cells: basic.cells };
}

/** Staff roles that record incidents (server/incidents/service.ts INCIDENT_WRITERS). */
const INCIDENT_WRITERS = ["agent", "expert", "manager", "admin"] as const satisfies readonly Actor[];

/** A demo incident listed for Nimbus Live only among the two customers (Orbit Chat is not affected). */
function nimbusOnlyIncidentId(fx: Fixtures): number {
  return fx.row<{ id: number }>(
    `select i.id from incidents i join incident_organizations o on o.incident_id = i.id
     where o.organization_id = ? and i.all_organizations = 0
       and not exists (select 1 from incident_organizations x where x.incident_id = i.id and x.organization_id = (select organization_id from users where email = ?))
     order by i.id limit 1`,
    NIMBUS_ORG_ID,
    ACTORS.otherOrgCustomer,
  ).id;
}

/** A valid outage for Nimbus Live that ended before the demo's "now". */
function incidentInput(fx: Fixtures) {
  return {
    title: "Elevated join failures for Nimbus Live",
    productArea: "video_calling" as const,
    regions: ["americas" as const],
    severity: "major" as const,
    startedAt: new Date(fx.now.getTime() - 90 * 60_000),
    endedAt: new Date(fx.now.getTime() - 45 * 60_000),
    planned: false,
    announcedAt: null,
    allOrganizations: false,
    organizationIds: [NIMBUS_ORG_ID],
    summary: "Calls failed to join for 45 minutes.",
  };
}

/** Account editors: the account manager of Nimbus Live, managers and admins (server/accounts/access.ts). */
const ACCOUNT_EDITORS = ["accountManager", "manager", "admin"] as const satisfies readonly Actor[];

/** A fresh open follow-up on Nimbus Live (added by its account manager) for the follow-up procedures to act on. */
async function nimbusFollowUp(fx: Fixtures): Promise<number> {
  const { id } = await fx.caller(ACTORS.accountManager).accounts.addFollowUp({
    organizationId: NIMBUS_ORG_ID,
    title: "Check the rollout",
    dueOn: "2026-11-27",
  });
  return id;
}

/** Who reads account health (server/accounts/access.ts HEALTH_READERS), wherever it is held. */
const HEALTH_READER_ACTORS = [...ACCOUNT_EDITORS, "executive"] as const satisfies readonly Actor[];

/** A fresh draft review of Nimbus Live for the last ended quarter, generated by its account manager. */
async function draftReviewId(fx: Fixtures): Promise<number> {
  return (
    await fx.caller(ACTORS.accountManager).reviews.generate({ organizationId: NIMBUS_ORG_ID, quarter: "2026-Q3" })
  ).id;
}

/** A demo review of Nimbus Live that the customer can read (shared and acknowledged in the seed). */
function sharedReviewId(fx: Fixtures): number {
  return fx.row<{ id: number }>(
    "select id from reviews where organization_id = ? and status != 'draft' order by quarter desc limit 1",
    NIMBUS_ORG_ID,
  ).id;
}

/** A valid organization record for the admin's organization procedures (Nimbus Live's own region and calendar). */
function organizationInput(fx: Fixtures, name: string) {
  const org = fx.row<{ calendar_id: number; contract_start: string; contract_end: string }>(
    "select calendar_id, contract_start, contract_end from organizations where id = ?",
    NIMBUS_ORG_ID,
  );
  return {
    name,
    tierCode: "enterprise" as const,
    region: "americas" as const,
    calendarId: org.calendar_id,
    contractStart: org.contract_start,
    contractEnd: org.contract_end,
    availabilityCommitment: null,
    accountManagerId: fx.userId(ACTORS.accountManager),
    technicalAccountManagerId: fx.userId("tam@attain.test"),
    hotline: null,
    supportEmail: "support@nimbus.example",
    chatHandle: null,
    groupLink: "https://chat.example/nimbus",
  };
}

/** A Nimbus Live region rota run by the demo manager, with the agent and the expert in rotation. */
async function nimbusRegionRota(fx: Fixtures): Promise<number> {
  const { region } = fx.row<{ region: "china" | "americas" | "emea" }>(
    "select region from organizations where id = ?",
    NIMBUS_ORG_ID,
  );
  const { id } = await fx.caller(ACTORS.manager).onCall.saveRota({
    name: "Matrix duty",
    region,
    productArea: null,
    timeZone: "Asia/Shanghai",
    kind: "weekly",
    startDate: "2026-01-05",
    handoverTime: "09:00",
    managerId: fx.userId(ACTORS.manager),
    ackMinutesP0: 5,
    ackMinutesP1: 15,
    members: [fx.userId(ACTORS.agent), fx.userId(ACTORS.expert)],
  });
  return id;
}

/** A page waiting for acknowledgement: a P0 filed by the Nimbus Live customer under that rota. */
async function waitingPageId(fx: Fixtures): Promise<number> {
  await nimbusRegionRota(fx);
  const { id } = await fx.caller(ACTORS.customer).tickets.create({
    subject: "Every call fails to connect",
    description: "Since 10:00 no call connects in any region.",
    productArea: "voice_calling",
    category: "functional_bug",
    priority: "P0",
  });
  return fx.row<{ id: number }>("select id from on_call_pages where ticket_id = ?", id).id;
}

/** A webhook the admin saved, for the procedures that change one. */
async function savedWebhook(fx: Fixtures, name: string): Promise<number> {
  const url = `https://${name.toLowerCase()}.example/hook`;
  return (await fx.caller(ACTORS.admin).webhooks.save({ name, url, events: ["page"], active: true })).id;
}

/**
 * One entry per procedure path. `input` may be async (for setup through other procedures).
 */
export const ACCESS_MATRIX: Record<string, AccessEntry> = {
  // health
  "health.ping": { allow: ANYONE, input: none },

  // me: every signed-in user, about themselves only
  "me.get": { allow: SIGNED_IN, input: none },
  "me.setLocale": { allow: SIGNED_IN, input: () => ({ locale: "zh" }) },
  "me.setTimeZone": { allow: SIGNED_IN, input: () => ({ timeZone: "Asia/Shanghai" }) },
  "me.updateProfile": {
    allow: SIGNED_IN,
    input: () => ({ name: "Renamed Person", locale: "zh", timeZone: "Asia/Shanghai" }),
  },
  "me.changePassword": {
    allow: SIGNED_IN,
    input: () => ({ currentPassword: "attain-demo", newPassword: NEW_PASSWORD }),
  },
  "me.sessions": { allow: SIGNED_IN, input: none },
  // A session of the caller's own (anonymous: of the customer; refused before it is looked at).
  "me.revokeSession": {
    allow: SIGNED_IN,
    input: (fx) => ({
      ref: sessionRef(startSession(fx.db, fx.userId(ACTORS[fx.actor] ?? ACTORS.customer), fx.now).id),
    }),
  },
  "me.revokeOtherSessions": { allow: SIGNED_IN, input: none },
  "me.emailChange": { allow: SIGNED_IN, input: none },
  "me.requestEmailChange": {
    allow: SIGNED_IN,
    input: (fx) => ({ newEmail: `moved-${fx.actor.toLowerCase()}@elsewhere.example`, currentPassword: "attain-demo" }),
  },

  // address change links (anonymous: the link reached the new mailbox)
  "emailChange.check": { allow: ANYONE, input: (fx) => ({ token: emailChangeToken(fx) }) },
  "emailChange.confirm": { allow: ANYONE, input: (fx) => ({ token: emailChangeToken(fx) }) },

  // password reset (anonymous; the same answer for any address)
  "passwordReset.request": { allow: ANYONE, input: () => ({ email: ACTORS.customer }) },
  "passwordReset.check": { allow: ANYONE, input: (fx) => ({ token: resetToken(fx) }) },
  "passwordReset.complete": { allow: ANYONE, input: (fx) => ({ token: resetToken(fx), password: NEW_PASSWORD }) },

  // organizations: administrators only (server/auth/permissions.ts "organizations.admin")
  "organizations.list": { allow: ["admin"], input: () => ({ search: "nimbus", page: 1, pageSize: 10 }) },
  "organizations.get": { allow: ["admin"], input: () => ({ id: NIMBUS_ORG_ID }) },
  "organizations.choices": { allow: ["admin"], input: none },
  "organizations.create": { allow: ["admin"], input: (fx) => organizationInput(fx, "Access Matrix Media") },
  "organizations.update": {
    allow: ["admin"],
    input: (fx) => ({ ...organizationInput(fx, "Nimbus Live"), id: NIMBUS_ORG_ID, chatHandle: "@nimbus-support" }),
  },

  // home
  "home.customer": { allow: CUSTOMERS, input: none },
  "home.staff": { allow: ["agent", "expert", "manager", "accountManager", "admin"], input: none },
  "home.tiers": { allow: ["executive", "manager", "admin"], input: none },

  // admin: administrators only
  "admin.tiers": { allow: ["admin"], input: none },
  "admin.calendars": { allow: ["admin"], input: none },
  "admin.calendar": {
    allow: ["admin"],
    input: (fx) => ({ id: fx.row<{ id: number }>("select id from calendars order by id limit 1").id }),
  },
  "admin.updateCalendar": {
    allow: ["admin"],
    input: (fx) => {
      const c = fx.row<{ id: number; name: string; time_zone: string; hours: string }>(
        "select id, name, time_zone, hours from calendars order by id limit 1",
      );
      return { id: c.id, name: `${c.name} (edited)`, timeZone: c.time_zone, hours: JSON.parse(c.hours) };
    },
  },
  "knownIssues.list": { allow: ANYONE, input: () => ({ q: "join", status: null }) },
  "knownIssues.get": { allow: ANYONE, input: async (fx) => ({ id: await knownIssueId(fx) }) },
  "knownIssues.save": {
    allow: SUPPORT,
    input: () => ({
      titleEn: "Echo on Windows",
      titleZh: "Windows 回声",
      productArea: "voice_calling",
      platforms: ["windows"],
      affectedVersions: "4.4.x",
      symptomsEn: "Remote users hear themselves.",
      symptomsZh: "远端用户听到自己的声音。",
      workaroundEn: "",
      workaroundZh: "",
      status: "investigating",
      fixVersion: null,
      public: true,
      organizationIds: [],
    }),
  },
  "knownIssues.link": {
    allow: SUPPORT,
    input: async (fx) => ({ ticketId: fx.openTicketId(), knownIssueId: await knownIssueId(fx) }),
  },
  "knownIssues.verify": {
    allow: [...NIMBUS_CUSTOMERS, ...SUPPORT],
    input: async (fx) => {
      const ticketId = fx.openTicketId();
      await fx.caller(ACTORS.agent).knownIssues.link({ ticketId, knownIssueId: await knownIssueId(fx, "fixed") });
      return { ticketId, works: true };
    },
  },
  "advisories.list": { allow: ANYONE, input: none },
  "advisories.get": { allow: ANYONE, input: async (fx) => ({ id: await advisoryId(fx) }) },
  "advisories.pending": { allow: CUSTOMERS, input: none },
  "advisories.save": {
    allow: ["manager", "admin"],
    input: () => ({
      titleEn: "Weak cipher in the web SDK",
      titleZh: "Web SDK 弱加密",
      bodyEn: "A weak cipher is negotiated.",
      bodyZh: "协商了弱加密算法。",
      productAreas: [],
      affected: [{ platform: "web", range: ">=4.2.0 <4.5.0", fixedVersion: null }],
      cvssVector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
      upgradeStepsEn: "",
      upgradeStepsZh: "",
    }),
  },
  "advisories.publish": {
    allow: ["manager", "admin"],
    input: async (fx) => ({ id: await advisoryId(fx, false) }),
  },
  "advisories.acknowledge": { allow: NIMBUS_CUSTOMERS, input: async (fx) => ({ id: await advisoryId(fx) }) },
  "lifecycle.list": { allow: ANYONE, input: none },
  "lifecycle.guides": { allow: ANYONE, input: () => ({ locale: "en" }) },
  "lifecycle.check": { allow: [...CUSTOMERS, ...SUPPORT], input: () => ({ platform: "android", version: "4.2.1" }) },
  "lifecycle.save": {
    allow: ["admin"],
    input: () => ({
      platform: "android",
      line: "4.6",
      releasedOn: "2026-12-01",
      fullSupportUntil: "2028-06-01",
      securityUntil: "2028-12-01",
      guideSlug: null,
    }),
  },
  "lifecycle.remove": {
    allow: ["admin"],
    input: (fx) => ({ id: fx.row<{ id: number }>("select id from sdk_versions order by id limit 1").id }),
  },
  "requests.roadmap": { allow: ANYONE, input: none },
  "requests.list": { allow: SIGNED_IN, input: none },
  "requests.vote": { allow: CUSTOMERS, input: async (fx) => ({ ticketId: await fileRequest(fx, "feature_request") }) },
  "requests.feature": {
    allow: [...NIMBUS_CUSTOMERS, ...STAFF],
    input: async (fx) => ({ ticketId: await fileRequest(fx, "feature_request") }),
  },
  "requests.setStatus": {
    allow: [...SUPPORT, "accountManager", "admin"],
    input: async (fx) => ({
      ticketId: await fileRequest(fx, "feature_request"),
      status: "planned",
      publicNote: "Next release.",
    }),
  },
  "requests.scope": {
    allow: [...NIMBUS_CUSTOMERS, ...STAFF],
    input: async (fx) => ({ ticketId: await fileRequest(fx, "custom_development") }),
  },
  "requests.saveScope": {
    allow: ["manager", "admin", "accountManager"],
    input: async (fx) => ({
      ticketId: await fileRequest(fx, "custom_development"),
      estimateDays: 12,
      quoteReference: "Q-2026-17",
      decision: null,
    }),
  },
  "requests.customQueue": { allow: ["manager", "admin", "accountManager"], input: () => ({ limit: 20 }) },
  "admin.addHoliday": {
    allow: ["admin"],
    input: (fx) => ({
      calendarId: fx.row<{ id: number }>("select id from calendars order by id limit 1").id,
      date: "2027-12-31",
      name: "Company day",
      source: "Internal notice",
    }),
  },
  "admin.removeHoliday": {
    allow: ["admin"],
    input: (fx) => {
      const h = fx.row<{ id: number; calendar_id: number }>("select id, calendar_id from holidays order by id limit 1");
      return { calendarId: h.calendar_id, holidayId: h.id };
    },
  },
  "admin.targetVersions": { allow: ["admin"], input: () => ({ tierCode: "basic" }) },
  "admin.saveTargets": {
    allow: ["admin"],
    input: async (fx) => {
      if (fx.actor !== "admin") return { tierCode: "basic", baseVersion: 1, note: "x", cells: [] };
      const { version, cells } = await currentTargets(fx);
      // The whole matrix, as the editor sends it (a missing cell is refused): empty cells as no target.
      const edited = PRIORITIES.flatMap((priority) =>
        METRICS.map((metric) => {
          const c = cells.find((x) => x.priority === priority && x.metric === metric);
          if (!c) return { priority, metric, minutes: null, calendarMode: "business" as const };
          return priority === "P0" && metric === "firstResponse" ? { ...c, minutes: c.minutes + 5 } : c;
        }),
      );
      return { tierCode: "basic", baseVersion: version, note: "Access matrix edit", cells: edited };
    },
  },

  // tickets: a customer sees their own organization's; staff see all; support staff work them
  "tickets.list": { allow: SIGNED_IN, input: () => ({}) },
  "tickets.get": { allow: [...STAFF, ...NIMBUS_CUSTOMERS], input: (fx) => ({ id: fx.openTicketId() }) },
  "tickets.create": {
    allow: [...CUSTOMERS, ...SUPPORT],
    input: (fx) => ({
      subject: "Calls drop after 30 seconds",
      description: "Every call drops after about thirty seconds on Android 14.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
      ...(isStaffActor(fx.actor) ? { channel: "email", requesterId: fx.userId(ACTORS.customer) } : {}),
    }),
  },
  "tickets.changePriority": {
    allow: SUPPORT,
    input: (fx) => ({ ticketId: fx.openTicketId(), priority: "P0", reason: "Production outage confirmed" }),
  },
  "tickets.exclude": {
    allow: ["manager"],
    input: (fx) => ({ ticketId: fx.openTicketId(), reason: "third_party", note: "Caused by the carrier network" }),
  },
  "tickets.openDispute": {
    allow: NIMBUS_CUSTOMERS,
    input: (fx) => ({
      ticketId: fx.openTicketId(),
      kind: "priority",
      proposedPriority: "P0",
      reason: "Our production is down",
    }),
  },
  "tickets.decideDispute": {
    allow: ["manager"],
    input: async (fx) => {
      const { id } = await fx.caller(ACTORS.customer).tickets.openDispute({
        ticketId: fx.openTicketId(),
        kind: "priority",
        proposedPriority: "P0",
        reason: "Our production is down",
      });
      return { disputeId: id, upheld: true, note: "Confirmed outage" };
    },
  },
  "tickets.queue": { allow: SUPPORT, input: () => ({}) },
  "tickets.reply": {
    allow: [...NIMBUS_CUSTOMERS, ...SUPPORT],
    input: (fx) => ({
      ticketId: fx.openTicketId(),
      body: "Here are the logs you asked for.",
      internal: isStaffActor(fx.actor) ? true : undefined,
    }),
  },
  "tickets.setWaiting": { allow: SUPPORT, input: (fx) => ({ ticketId: fx.openTicketId(), waiting: true }) },
  "tickets.workaround": {
    allow: SUPPORT,
    input: (fx) => ({ ticketId: fx.openTicketId(), body: "Restart the engine with audio profile 2." }),
  },
  "tickets.resolve": {
    allow: SUPPORT,
    input: (fx) => ({ ticketId: fx.openTicketId(), kind: "fix", body: "Fixed in 4.2.1." }),
  },
  "tickets.assign": {
    allow: SUPPORT,
    input: (fx) => ({ ticketId: fx.openTicketId(), assigneeId: fx.userId(ACTORS.expert) }),
  },
  "tickets.escalate": {
    allow: [...NIMBUS_CUSTOMERS, ...SUPPORT],
    input: (fx) => ({ ticketId: fx.openTicketId(), reason: "No progress for two days" }),
  },
  "tickets.reopen": {
    allow: NIMBUS_CUSTOMERS,
    input: async (fx) => ({ ticketId: await freshlyResolvedTicket(fx), reason: "It happens again" }),
  },
  "tickets.rate": {
    allow: NIMBUS_CUSTOMERS,
    input: async (fx) => ({ ticketId: await freshlyResolvedTicket(fx), score: 5, comment: "Quick and clear" }),
  },
  "tickets.update": {
    allow: SUPPORT,
    input: (fx) => {
      const ticketId = fx.openTicketId();
      const { v } = fx.row<{ v: number }>("select updated_at as v from tickets where id = ?", ticketId);
      return { ticketId, version: new Date(v), reply: { body: "Checked the SDK logs.", internal: true } };
    },
  },
  "tickets.takeNext": { allow: SUPPORT, input: () => ({ after: null }) },
  "tickets.bulk": {
    allow: SUPPORT,
    input: (fx) => ({
      ticketIds: [fx.openTicketId()],
      action: { kind: "note", body: "Checked in bulk from the queue." },
    }),
  },
  "tickets.views": { allow: SUPPORT, input: none },
  "tickets.disputes": { allow: ["manager"], input: () => ({}) },
  "tickets.escalationRoutes": { allow: ["admin"], input: none },
  "tickets.saveEscalationRoute": {
    allow: ["admin"],
    input: (fx) => ({ productArea: "voice_calling", mode: "on_call", expertIds: [fx.userId(ACTORS.expert)] }),
  },
  "tickets.saveView": {
    allow: SUPPORT,
    input: () => ({
      name: "My P1s",
      shared: false,
      columns: ["priority", "due"],
      filters: { priority: "P1" },
      sort: "urgency",
    }),
  },
  "tickets.deleteView": {
    allow: SUPPORT,
    input: (fx) => ({
      id: fx.db
        .insert(queueViews)
        .values({
          ownerId: fx.userId(ACTORS[fx.actor] ?? ACTORS.agent),
          name: "To delete",
          columns: ["priority"],
          filters: {},
          createdAt: fx.now,
          updatedAt: fx.now,
        })
        .returning({ id: queueViews.id })
        .get().id,
    }),
  },
  "macros.list": { allow: [...SUPPORT, "admin"], input: none },
  "macros.save": {
    allow: [...SUPPORT, "admin"],
    input: () => ({
      shared: false,
      titleEn: "Logs please",
      titleZh: "请提供日志",
      bodyEn: "Hi {{customer.name}}, please attach the SDK log to {{ticket.number}}.",
      bodyZh: "{{customer.name}}您好，请为 {{ticket.number}} 附上 SDK 日志。",
      setStatus: "pending_customer",
      setCategory: null,
      assignToMe: false,
    }),
  },
  "macros.delete": {
    allow: [...SUPPORT, "admin"],
    input: async (fx) => {
      // The actor's own personal macro; for those refused, someone else's (which they must not delete).
      const owner = (["agent", "expert", "manager", "admin"] as Actor[]).includes(fx.actor) ? fx.actor : "admin";
      const { id } = await fx.caller(ACTORS[owner]!).macros.save({
        shared: false,
        titleEn: "Mine",
        titleZh: "我的",
        bodyEn: "Thanks",
        bodyZh: "谢谢",
        setStatus: null,
        setCategory: null,
        assignToMe: false,
      });
      return { id };
    },
  },
  "tickets.addWatcher": {
    allow: [...NIMBUS_CUSTOMERS, ...SUPPORT],
    input: (fx) => ({ ticketId: fx.openTicketId(), email: NIMBUS_OTHER_CUSTOMER }),
  },
  // A colleague watching a ticket the Nimbus Live customer filed: the requester may take them off.
  "tickets.removeWatcher": {
    allow: [...NIMBUS_CUSTOMERS, ...SUPPORT],
    input: async (fx) => {
      const { id: ticketId } = fx.row<{ id: number }>(
        "select id from tickets where organization_id = ? and requester_id = ? order by id limit 1",
        NIMBUS_ORG_ID,
        fx.userId(ACTORS.customer),
      );
      await fx.caller(ACTORS.agent).tickets.addWatcher({ ticketId, email: NIMBUS_OTHER_CUSTOMER });
      return { ticketId, userId: fx.userId(NIMBUS_OTHER_CUSTOMER) };
    },
  },
  "tickets.requesters": { allow: SUPPORT, input: () => ({ query: "nimbus" }) },
  "tickets.colleagues": { allow: CUSTOMERS, input: none },
  "tickets.assignees": { allow: SUPPORT, input: () => ({ query: "agent" }) },
  "tickets.complain": {
    allow: [...NIMBUS_CUSTOMERS, ...SUPPORT],
    input: (fx) => ({ ticketId: fx.openTicketId(), reason: "Nobody has answered for two days" }),
  },
  "tickets.complaints": { allow: ["manager"], input: () => ({ status: "all" }) },
  "tickets.answerComplaint": {
    allow: ["manager"],
    input: async (fx) => {
      const { id } = await fx
        .caller(ACTORS.customer)
        .tickets.complain({ ticketId: fx.openTicketId(), reason: "Nobody has answered for two days" });
      return { complaintId: id, outcome: "resolved", response: "We looked at it and answered the same day." };
    },
  },
  "tickets.deflection": {
    allow: CUSTOMERS,
    input: (fx) => ({
      kind: "suggestion_opened",
      articleId: fx.row<{ id: number }>(
        "select id from articles where status = 'published' and internal = 0 order by id limit 1",
      ).id,
      query: "echo",
    }),
  },
  "tickets.preview": { allow: SIGNED_IN, input: () => ({ markdown: "**bold** <script>alert(1)</script>" }) },

  // attachments: exactly as the ticket is read; a pending upload is its uploader's alone; staff redact
  "attachments.limits": { allow: [...CUSTOMERS, ...SUPPORT, "admin"], input: none },
  "attachments.setLimits": {
    allow: ["admin"],
    input: () => ({ maxFileBytes: 50 * 1024 * 1024, maxTicketBytes: 200 * 1024 * 1024 }),
  },
  "attachments.text": {
    allow: [...NIMBUS_CUSTOMERS, ...STAFF],
    input: async (fx) => ({ id: await nimbusAttachmentId(fx), query: "connection" }),
  },
  "attachments.discard": {
    allow: ["customer", ...SUPPORT],
    // support staff discard their own upload; everybody else is handed the Nimbus Live customer's
    input: async (fx) => ({
      uploadId: await pendingUpload(
        fx,
        (SUPPORT as readonly Actor[]).includes(fx.actor) ? ACTORS[fx.actor]! : ACTORS.customer,
      ),
    }),
  },
  "attachments.remove": {
    allow: SUPPORT,
    input: async (fx) => ({
      attachmentId: await nimbusAttachmentId(fx),
      reason: "Contains the customer's App Certificate",
    }),
  },

  // knowledge base: public reading, signed-in feedback, staff report
  "kb.search": { allow: ANYONE, input: () => ({ q: "echo" }) },
  "kb.browse": { allow: ANYONE, input: () => ({ locale: "en" }) },
  "kb.article": {
    allow: ANYONE,
    input: (fx) => ({
      slug: fx.row<{ slug: string }>(
        "select slug from articles where status = 'published' and internal = 0 order by id limit 1",
      ).slug,
      locale: "en",
    }),
  },
  "kb.recordView": {
    allow: ANYONE,
    input: (fx) => ({
      articleId: fx.row<{ id: number }>(
        "select id from articles where status = 'published' and internal = 0 order by id limit 1",
      ).id,
      visitorId: "visitor-0001",
    }),
  },
  "kb.feedback": {
    allow: SIGNED_IN,
    input: (fx) => ({
      articleId: fx.row<{ id: number }>(
        "select id from articles where status = 'published' and internal = 0 order by id limit 1",
      ).id,
      helpful: false,
      reason: "inaccurate",
    }),
  },
  "kb.report": { allow: STAFF, input: none },
  // knowledge base editing: every staff role writes drafts; experts, managers and admins publish
  // and change published articles; the owner or a publisher marks an article reviewed
  "kb.editArticle": { allow: STAFF, input: () => ({ slug: "fixing-echo-during-calls", locale: "en" }) },
  "kb.editorOptions": { allow: STAFF, input: none },
  "kb.preview": { allow: STAFF, input: () => ({ body: "## Steps\n\n<script>alert(1)</script>" }) },
  "kb.desk": { allow: STAFF, input: () => ({ view: "mine" }) },
  "kb.createArticle": {
    allow: STAFF,
    input: (fx) => ({
      slug: "access-matrix-draft",
      locale: "en",
      translationOf: null,
      title: "Access matrix draft",
      summary: "",
      body: "A draft written for the access matrix.",
      productArea: "voice_calling",
      type: "faq",
      status: "draft",
      internal: false,
      ownerId: fx.userId(ACTORS.agent),
      tags: [],
      errorCodes: ["ERR_ACCESS_MATRIX"],
      sdkVersions: [],
    }),
  },
  "kb.updateArticle": {
    allow: ["expert", "manager", "admin"],
    input: async (fx) => {
      const a = await fx.caller(ACTORS.expert).kb.editArticle({ slug: "fixing-echo-during-calls", locale: "en" });
      const {
        id,
        slug,
        title,
        summary,
        body,
        productArea,
        type,
        status,
        internal,
        ownerId,
        tags,
        errorCodes,
        sdkVersions,
        updatedAt,
      } = a;
      return {
        id,
        slug,
        title: `${title} (edited)`,
        summary,
        body,
        productArea,
        type,
        status,
        internal,
        ownerId: ownerId ?? fx.userId(ACTORS.expert),
        tags,
        errorCodes,
        sdkVersions,
        baseUpdatedAt: updatedAt,
      };
    },
  },
  "kb.markReviewed": {
    allow: ["agent", "expert", "manager", "admin"],
    input: (fx) => ({
      id: fx.row<{ id: number }>(
        "select id from articles where owner_id = ? order by id limit 1",
        fx.userId(ACTORS.agent),
      ).id,
    }),
  },

  // notifications: one's own; the email outbox for admins
  "notifications.list": { allow: SIGNED_IN, input: () => ({}) },
  "notifications.markAllRead": { allow: SIGNED_IN, input: none },
  // A notification of the Nimbus Live customer: anybody else's "does not exist".
  "notifications.markRead": {
    allow: ["customer"],
    input: (fx) => ({
      id: Number(
        fx.db.$client
          .prepare("insert into notifications (user_id, ticket_id, kind, created_at) values (?, ?, 'reply', ?)")
          .run(fx.userId("dev@nimbus.example"), fx.openTicketId(), fx.now.getTime()).lastInsertRowid,
      ),
    }),
  },
  "notifications.outbox": { allow: ["admin"], input: () => ({}) },

  // audit log: administrators only
  "audit.list": { allow: ["admin"], input: () => ({ action: "sign_in", page: 1 }) },

  // incidents: everyone signed in reads (customers only those that affected them); support staff and admins write
  "incidents.list": { allow: SIGNED_IN, input: () => ({}) },
  "incidents.get": { allow: [...STAFF, ...NIMBUS_CUSTOMERS], input: (fx) => ({ id: nimbusOnlyIncidentId(fx) }) },
  "incidents.create": { allow: INCIDENT_WRITERS, input: (fx) => incidentInput(fx) },
  "incidents.update": {
    allow: INCIDENT_WRITERS,
    input: (fx) => ({ id: nimbusOnlyIncidentId(fx), ...incidentInput(fx) }),
  },
  "incidents.end": {
    allow: INCIDENT_WRITERS,
    input: async (fx) => {
      const { id } = await fx.caller(ACTORS.agent).incidents.create({ ...incidentInput(fx), endedAt: null });
      return { incidentId: id, body: "Service is fully restored." };
    },
  },
  "incidents.addUpdate": {
    allow: INCIDENT_WRITERS,
    input: (fx) => ({ incidentId: nimbusOnlyIncidentId(fx), body: "We are investigating." }),
  },
  "incidents.saveReview": {
    allow: INCIDENT_WRITERS,
    input: (fx) => ({
      incidentId: nimbusOnlyIncidentId(fx),
      rootCause: "A bad configuration push.",
      reviewTimeline: null,
    }),
  },
  "incidents.addAction": {
    allow: INCIDENT_WRITERS,
    input: (fx) => ({
      incidentId: nimbusOnlyIncidentId(fx),
      title: "Canary every configuration push",
      owner: "Morgan Lee",
      dueDate: "2026-12-31",
      status: "open",
    }),
  },
  "incidents.updateAction": {
    allow: INCIDENT_WRITERS,
    input: (fx) => ({
      actionId: fx.row<{ id: number }>(
        "select id from prevention_actions where incident_id = ? order by id limit 1",
        nimbusOnlyIncidentId(fx),
      ).id,
      owner: "Morgan Lee",
      dueDate: "2026-12-31",
      status: "done",
    }),
  },
  "incidents.organizations": { allow: STAFF, input: none },
  "incidents.subscription": { allow: CUSTOMERS, input: none },
  "incidents.subscribe": {
    allow: CUSTOMERS,
    input: () => ({ productAreas: ["video_calling"], regions: ["americas"], incidents: true, maintenance: false }),
  },

  // availability: a customer's status page is always their own organization; staff name one and see all credits
  "availability.status": { allow: SIGNED_IN, input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  "availability.credits": { allow: STAFF, input: () => ({ months: 6 }) },

  // proactive alerts: support staff, account managers and admins raise them; customers read their own
  "alerts.raise": {
    allow: ["agent", "expert", "manager", "accountManager", "admin"],
    input: (fx) => ({
      organizationId: NIMBUS_ORG_ID,
      productArea: "video_calling",
      description: "Join success rate fell to 82 % in US West.",
      detectedAt: new Date(fx.now.getTime() - 10 * 60_000),
    }),
  },
  "alerts.mine": { allow: CUSTOMERS, input: none },
  "alerts.forOrganization": { allow: STAFF, input: () => ({ organizationId: NIMBUS_ORG_ID }) },

  // SLA dashboards: executives, managers and admins read; executives and admins publish; anyone reads a published report
  "sla.dashboard": {
    allow: ["manager", "executive", "admin"],
    input: () => ({ period: { kind: "quarter", quarter: "2026-Q3" }, tierCode: "enterprise" }),
  },
  "sla.availability": {
    allow: ["manager", "executive", "admin"],
    input: () => ({ period: { kind: "quarter", quarter: "2026-Q3" } }),
  },
  "sla.atRisk": { allow: ["manager", "executive", "admin"], input: () => ({ tierCode: "enterprise" }) },
  "sla.trend": {
    allow: ["manager", "executive", "admin"],
    input: () => ({ period: { kind: "quarter", quarter: "2026-Q3" } }),
  },
  "sla.tickets": {
    allow: ["manager", "executive", "admin"],
    input: () => ({ period: { kind: "quarter", quarter: "2026-Q3" }, metric: "firstResponse", outcome: "breached" }),
  },
  "sla.organizations": {
    allow: ["manager", "executive", "admin"],
    input: () => ({ query: "nimbus", id: NIMBUS_ORG_ID }),
  },
  "sla.reports": { allow: ["manager", "executive", "admin"], input: none },
  "sla.publish": { allow: ["executive", "admin"], input: () => ({ quarter: "2026-Q3" }) },
  "sla.unpublish": {
    allow: ["executive", "admin"],
    input: async (fx) => {
      await fx.caller(ACTORS.executive).sla.publish({ quarter: "2026-Q2" });
      return { quarter: "2026-Q2" };
    },
  },
  "sla.publishedReports": { allow: ANYONE, input: none },
  "sla.serviceScope": { allow: ANYONE, input: () => ({ tier: "advanced" }) },
  "sla.ourTier": { allow: CUSTOMERS, input: none },
  // A tier change request: customers, for their own organization (Nimbus Live is Enterprise, Orbit Chat Basic)
  "sla.requestTierChange": { allow: CUSTOMERS, input: () => ({ tierCode: "advanced", note: "Growing fast" }) },
  // "Our service": a customer's own organization only (no organization in the input)
  "sla.ourService": { allow: CUSTOMERS, input: () => ({ quarter: "2026-Q3" }) },
  "sla.ourServiceTickets": {
    allow: CUSTOMERS,
    input: () => ({ quarter: "2026-Q3", metric: "firstResponse", outcome: "breached" }),
  },
  "sla.publishedReport": {
    allow: ANYONE,
    input: async (fx) => {
      await fx.caller(ACTORS.executive).sla.publish({ quarter: "2026-Q1" });
      return { quarter: "2026-Q1" };
    },
  },

  // accounts: customers read their own organization; staff any; the account team, managers and admins manage
  "accounts.organization": { allow: [...STAFF, ...NIMBUS_CUSTOMERS], input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  "accounts.organizations": { allow: STAFF, input: () => ({}) },
  "accounts.timeline": { allow: [...STAFF, ...NIMBUS_CUSTOMERS], input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  "accounts.addEngagement": {
    allow: ACCOUNT_EDITORS,
    input: (fx) => ({
      organizationId: NIMBUS_ORG_ID,
      kind: "meeting",
      at: new Date(fx.now.getTime() - 60 * 60_000),
      title: "Access matrix call",
      notes: "",
    }),
  },
  // Orbit Chat (Basic) has no account manager, so its customer's request is refused with CONFLICT.
  "accounts.requestMeeting": {
    allow: CUSTOMERS,
    tolerate: ["CONFLICT"],
    input: () => ({ topic: "Plan the SDK upgrade", preferredTimes: "Tuesday morning", channel: "video" }),
  },
  "accounts.meetingRequests": {
    allow: [...NIMBUS_CUSTOMERS, ...ACCOUNT_EDITORS],
    input: () => ({ organizationId: NIMBUS_ORG_ID }),
  },
  "accounts.answerMeeting": {
    allow: ACCOUNT_EDITORS,
    input: (fx) => ({
      id: fx.row<{ id: number }>(
        "select id from meeting_requests where organization_id = ? and status = 'requested' order by id limit 1",
        NIMBUS_ORG_ID,
      ).id,
      status: "scheduled",
      response: "Tuesday 10:00 PT on video.",
    }),
  },
  "accounts.portfolio": { allow: ACCOUNT_EDITORS, input: () => ({}) },
  "accounts.health": { allow: HEALTH_READER_ACTORS, input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  // follow-ups: account staff read any organization's; the account team, managers and admins change them
  "accounts.followUps": { allow: ACCOUNT_EDITORS, input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  "accounts.myFollowUps": { allow: ACCOUNT_EDITORS, input: () => ({}) },
  "accounts.addFollowUp": {
    allow: ACCOUNT_EDITORS,
    input: () => ({ organizationId: NIMBUS_ORG_ID, title: "Send the upgrade plan", dueOn: "2026-12-01" }),
  },
  "accounts.completeFollowUp": { allow: ACCOUNT_EDITORS, input: async (fx) => ({ id: await nimbusFollowUp(fx) }) },
  "accounts.reopenFollowUp": {
    allow: ACCOUNT_EDITORS,
    input: async (fx) => {
      const id = await nimbusFollowUp(fx);
      await fx.caller(ACTORS.manager).accounts.completeFollowUp({ id });
      return { id };
    },
  },
  "accounts.deleteFollowUp": { allow: ACCOUNT_EDITORS, input: async (fx) => ({ id: await nimbusFollowUp(fx) }) },

  // service reviews: customers read their organization's shared reviews and acknowledge them; the account team, managers and admins write
  "reviews.list": { allow: [...STAFF, ...NIMBUS_CUSTOMERS], input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  "reviews.get": {
    allow: [...STAFF, ...NIMBUS_CUSTOMERS],
    input: (fx) => ({ id: sharedReviewId(fx) }),
    // The snapshot's account health only for those accounts.health lets through.
    answer: (output, actor) => {
      const health = (output as { snapshot: { health: unknown } }).snapshot.health;
      const reader = (HEALTH_READER_ACTORS as readonly Actor[]).includes(actor);
      return reader === (health !== null) ? null : reader ? "health is missing" : "health is included";
    },
  },
  "reviews.preview": { allow: ACCOUNT_EDITORS, input: () => ({ organizationId: NIMBUS_ORG_ID, quarter: "2026-Q3" }) },
  "reviews.generate": { allow: ACCOUNT_EDITORS, input: () => ({ organizationId: NIMBUS_ORG_ID, quarter: "2026-Q3" }) },
  "reviews.updateNarrative": {
    allow: ACCOUNT_EDITORS,
    input: async (fx) => ({ id: await draftReviewId(fx), narrative: "A calm quarter." }),
  },
  "reviews.saveActionItem": {
    allow: ACCOUNT_EDITORS,
    input: (fx) => ({
      reviewId: sharedReviewId(fx),
      title: "Adopt SDK 4.2",
      side: "customer",
      owner: "Nimbus engineering",
      dueDate: "2026-12-31",
      status: "open",
    }),
  },
  "reviews.deleteActionItem": {
    allow: ACCOUNT_EDITORS,
    input: async (fx) => {
      const reviewId = await draftReviewId(fx);
      return {
        reviewId,
        id: fx.row<{ id: number }>("select id from action_items where review_id = ? order by id limit 1", reviewId).id,
      };
    },
  },
  "reviews.share": { allow: ACCOUNT_EDITORS, input: async (fx) => ({ id: await draftReviewId(fx) }) },
  "reviews.acknowledge": {
    allow: NIMBUS_CUSTOMERS,
    input: async (fx) => {
      const id = await draftReviewId(fx);
      await fx.caller(ACTORS.accountManager).reviews.share({ id });
      return { id };
    },
  },
  // People administration: admins, account managers and Nimbus Live's customer administrator for its
  // customers (Orbit Chat's customer administrator is refused: another organization's people);
  // staff roles for admins only.
  "people.list": { allow: PEOPLE_ADMINS, input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  "people.invite": {
    allow: PEOPLE_ADMINS,
    input: (fx) => ({
      email: `invited-${fx.actor.toLowerCase()}@nimbus.example`,
      name: "Invited Person",
      role: "customer",
      organizationId: NIMBUS_ORG_ID,
      orgAdmin: false,
      locale: "en",
    }),
  },
  "people.resendInvitation": {
    allow: PEOPLE_ADMINS,
    input: async (fx) => ({ id: (await invitedCustomer(fx)).id, locale: "zh" }),
  },
  "people.revokeInvitation": {
    allow: PEOPLE_ADMINS,
    input: async (fx) => ({ id: (await invitedCustomer(fx)).id }),
  },
  "people.setActive": {
    allow: PEOPLE_ADMINS,
    input: (fx) => ({ userId: fx.userId(NIMBUS_OTHER_CUSTOMER), active: false }),
  },
  "people.setOrgAdmin": {
    allow: PEOPLE_ADMINS,
    input: (fx) => ({ userId: fx.userId(NIMBUS_OTHER_CUSTOMER), orgAdmin: true }),
  },
  // Correcting an address: administrators, and a customer administrator for their own organization.
  // Staff administrators only: a customer administrator who could set a colleague's address to a
  // mailbox of their own could then reset the password and take the account (decision 042).
  "people.correctEmail": {
    allow: ["admin"],
    input: (fx) => ({ userId: fx.userId(NIMBUS_OTHER_CUSTOMER), email: "qa-moved@nimbus.example" }),
  },
  "people.changeRole": {
    allow: ["admin"],
    input: (fx) => ({ userId: fx.userId("agent2@attain.test"), role: "expert" }),
  },
  // Anonymous identity steps. Setup is refused to everyone once an administrator exists.
  "installation.status": { allow: ANYONE, input: none },
  "installation.setup": {
    allow: [],
    input: () => ({
      token: "a-setup-token-that-is-long-enough",
      name: "Second Admin",
      email: "second-admin@attain.test",
      password: "a long and unusual passphrase",
      locale: "en",
      timeZone: "UTC",
    }),
  },
  "installation.invitation": { allow: ANYONE, input: () => ({ token: "t".repeat(43) }) },
  "installation.acceptInvitation": {
    allow: ANYONE,
    input: async (fx) => ({
      token: (await invitedCustomer(fx)).token,
      name: "Accepted Person",
      password: "a long and unusual passphrase",
      locale: "en",
      timeZone: "UTC",
    }),
  },
  "sso.lookup": { allow: ANYONE, input: () => ({ email: "dev@nimbus.example" }) },
  "sso.provider": { allow: ["admin"], input: () => ({ organizationId: NIMBUS_ORG_ID }) },
  "sso.save": {
    allow: ["admin"],
    input: () => ({
      organizationId: NIMBUS_ORG_ID,
      issuer: "https://login.nimbus.example",
      clientId: "attain",
      clientSecret: "a-client-secret",
      emailDomains: ["nimbus.example"],
      ssoRequired: false,
    }),
  },
  "sso.remove": {
    allow: ["admin"],
    input: async (fx) => {
      await fx.caller(ACTORS.admin).sso.save({
        organizationId: NIMBUS_ORG_ID,
        issuer: "https://login.nimbus.example",
        clientId: "attain",
        clientSecret: "a-client-secret",
        emailDomains: ["nimbus.example"],
        ssoRequired: true,
      });
      return { organizationId: NIMBUS_ORG_ID };
    },
  },
  // Port 9 on this machine refuses at once: the answer is "unreachable", quickly, without a network.
  "sso.testConnection": {
    allow: ["admin"],
    input: () => ({
      organizationId: NIMBUS_ORG_ID,
      issuer: "http://127.0.0.1:9",
      clientId: "attain",
      clientSecret: "x",
    }),
  },
  "onCall.now": { allow: SUPPORT, input: none },
  "onCall.rotas": { allow: SUPPORT, input: none },
  "onCall.rota": { allow: SUPPORT, input: async (fx) => ({ id: await nimbusRegionRota(fx) }) },
  "onCall.candidates": { allow: ["manager"], input: none },
  "onCall.saveRota": {
    allow: ["manager"],
    input: (fx) => ({
      name: "Matrix EMEA live streaming",
      region: "emea",
      productArea: "live_streaming",
      timeZone: "Europe/Berlin",
      kind: "weekly",
      startDate: "2026-03-02",
      handoverTime: "09:00",
      managerId: fx.userId(ACTORS.manager),
      ackMinutesP0: 5,
      ackMinutesP1: 15,
      members: [fx.userId(ACTORS.agent)],
    }),
  },
  "onCall.addShift": {
    allow: ["manager"],
    input: async (fx) => ({
      rotaId: await nimbusRegionRota(fx),
      kind: "override",
      role: "primary",
      userId: fx.userId(ACTORS.expert),
      startsLocal: "2026-12-24T18:00",
      endsLocal: "2026-12-26T09:00",
      note: "Holiday swap",
    }),
  },
  "onCall.removeShift": {
    allow: ["manager"],
    input: async (fx) => {
      const rotaId = await nimbusRegionRota(fx);
      const { id } = await fx.caller(ACTORS.manager).onCall.addShift({
        rotaId,
        kind: "override",
        role: "secondary",
        userId: fx.userId(ACTORS.agent),
        startsLocal: "2026-12-24T18:00",
        endsLocal: "2026-12-26T09:00",
        note: null,
      });
      return { id };
    },
  },
  "onCall.pages": { allow: SUPPORT, input: () => ({}) },
  "onCall.acknowledge": { allow: SUPPORT, input: async (fx) => ({ pageId: await waitingPageId(fx) }) },
  "onCall.settings": { allow: SUPPORT, input: none },
  "onCall.setAtRiskPercent": { allow: ["manager"], input: () => ({ percent: 20 }) },
  "webhooks.list": { allow: ["admin"], input: none },
  "webhooks.save": {
    allow: ["admin"],
    input: () => ({ name: "Chat", url: "https://chat.example/hooks/attain", events: ["page"], active: true }),
  },
  "webhooks.rotateSecret": { allow: ["admin"], input: async (fx) => ({ id: await savedWebhook(fx, "Rotated") }) },
  "webhooks.delete": { allow: ["admin"], input: async (fx) => ({ id: await savedWebhook(fx, "Old") }) },

  // the SDK versions a customer organization declares (issue #20)
  "advisories.declarations": {
    allow: [...STAFF, ...NIMBUS_CUSTOMERS],
    input: () => ({ organizationId: NIMBUS_ORG_ID }),
  },
  // declared by the customer administrator for their own organization, or account staff for them
  "advisories.declare": {
    allow: ["customerAdmin", "accountManager", "admin"],
    input: () => ({ organizationId: NIMBUS_ORG_ID, platform: "android", version: "4.3.1" }),
  },
  "advisories.undeclare": {
    allow: ["customerAdmin", "accountManager", "admin"],
    input: () => ({ organizationId: NIMBUS_ORG_ID, platform: "android", version: "4.3.1" }),
  },

  // the inbound monitoring endpoint's signing key (decision 028)
  "monitoring.status": { allow: ["admin"], input: none },
  "monitoring.rotate": { allow: ["admin"], input: none },
  "monitoring.endPrevious": { allow: ["admin"], input: none },

  // email channel: unmatched mail and the mail log for support staff; preferences for everyone
  "email.unmatched": { allow: SUPPORT, input: () => ({}) },
  "email.recent": { allow: SUPPORT, input: () => ({}) },
  "email.attach": {
    allow: SUPPORT,
    input: (fx) => ({ id: unmatchedMailId(fx), requesterEmail: ACTORS.customer }),
  },
  "email.discard": { allow: SUPPORT, input: (fx) => ({ id: unmatchedMailId(fx) }) },
  "email.retryOutbox": {
    allow: ["admin"],
    input: (fx) => ({
      id: fx.row<{ id: number }>(
        `insert into outbox ("to", subject, body, created_at) values ('dev@nimbus.example', 'Matrix', 'Body', ?) returning id`,
        fx.now.getTime(),
      ).id,
    }),
  },
  "email.preferences": { allow: SIGNED_IN, input: none },
  "email.setPreferences": { allow: SIGNED_IN, input: () => ({ choices: [{ topic: "reply", delivery: "digest" }] }) },
};

/** A Nimbus Live feature request or custom development request, filed by another Nimbus Live customer. */
async function fileRequest(fx: Fixtures, category: "feature_request" | "custom_development"): Promise<number> {
  const { id } = await fx.caller(NIMBUS_OTHER_CUSTOMER).tickets.create({
    subject: category === "feature_request" ? "Noise suppression presets" : "Custom recording layout",
    description: "We would like this for our next release.",
    productArea: "voice_calling",
    category,
    priority: "P3",
  });
  return id;
}

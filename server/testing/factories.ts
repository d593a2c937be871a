/**
 * Test data that a test creates for itself, through the same factories as the demo seed and the
 * same procedures as the product: organizations of a given tier and region with their own people,
 * staff of each role, tickets filed by a customer and knowledge-base articles written by staff, so
 * what a test asserts on does not depend on the demo's contents. Only the reference data (tiers,
 * targets, calendars) is shared.
 */
import { eq } from "drizzle-orm";
import { calendars, tiers, users } from "@/db/schema";
import { STAFF_ROLES, type Locale, type Region, type Role, type TierCode } from "@/db/schema/enums";
import { insertOrganization, insertUser } from "@/db/seed/people";
import { hashPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session";
import type { CreateArticleInput } from "@/server/kb/article-input";
import type { Db } from "@/server/db";
import { TEST_ANCHOR } from "./constants";
import { callerFor } from "./db";

const DAY_MS = 86_400_000;
let serial = 0;
const unique = () => `${process.pid}-${++serial}`;

/** A password hash no password matches: factory people sign in through sessions, not the form. */
const NO_PASSWORD = "factory:no-password";

export type TestOrganization = { id: number; name: string; customers: SessionUser[] };
export type StaffRole = Exclude<Role, "customer">;

/** A fresh organization with `customers` people in it, on its region's calendar and its tier's targets. */
export function createOrganization(
  db: Db,
  opts: {
    tier: TierCode;
    region: Region;
    /** A distinctive name, for tests that search by it ("Test Org <n>" unless given). */
    name?: string;
    customers?: number;
    now?: Date;
    /** Days from `now` to the contract's end (165 unless given). */
    daysToRenewal?: number;
    accountManager?: SessionUser;
    technicalAccountManager?: SessionUser;
  },
): TestOrganization {
  const now = opts.now ?? TEST_ANCHOR;
  const tier = db.select({ id: tiers.id }).from(tiers).where(eq(tiers.code, opts.tier)).get();
  const calendar = db.select({ id: calendars.id }).from(calendars).where(eq(calendars.region, opts.region)).get();
  if (!tier || !calendar) throw new Error(`no ${opts.tier} tier or ${opts.region} calendar in the test database`);
  const name = opts.name ?? `Test Org ${unique()}`;
  return db.transaction((tx) => {
    const id = insertOrganization(tx, {
      name,
      tierId: tier.id,
      region: opts.region,
      calendarId: calendar.id,
      contractStart: new Date(now.getTime() - 200 * DAY_MS),
      contractEnd: new Date(now.getTime() + (opts.daysToRenewal ?? 165) * DAY_MS),
      accountManagerId: opts.accountManager?.id ?? null,
      technicalAccountManagerId: opts.technicalAccountManager?.id ?? null,
    });
    const customers = Array.from({ length: opts.customers ?? 1 }, () => person(tx, "customer", id, now));
    return { id, name, customers };
  });
}

/** One more customer in an existing organization, optionally reading another language in another zone. */
export function createCustomer(
  db: Db,
  organization: { id: number },
  now: Date = TEST_ANCHOR,
  opts: PersonOptions = {},
): SessionUser {
  return person(db, "customer", organization.id, now, opts);
}

/** How a factory person reads the portal (English in UTC unless given). */
export type PersonOptions = { locale?: Locale; timeZone?: string };

/**
 * Gives a factory person a password, for tests of signing in with one (factory people have none).
 * Hashed as the product hashes, so `authenticate` checks it for real.
 */
export async function setPassword(db: Db, user: { id: number }, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  db.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
}

/** A fresh staff member of a role (no organization). */
export function createStaff(db: Db, role: StaffRole, now: Date = TEST_ANCHOR): SessionUser {
  return person(db, role, null, now);
}

/** A fresh staff member of every staff role, for tests that act as, or refuse, each of them. */
export function createStaffTeam(db: Db, now: Date = TEST_ANCHOR): Record<StaffRole, SessionUser> {
  return Object.fromEntries(STAFF_ROLES.map((role) => [role, createStaff(db, role, now)])) as Record<
    StaffRole,
    SessionUser
  >;
}

type NewTicket = Parameters<ReturnType<typeof callerFor>["tickets"]["create"]>[0];

/** What a factory ticket is about unless the test says otherwise: a functional bug at P2. */
export const TICKET_DEFAULTS = {
  subject: "Calls drop when switching networks",
  description: "Calls drop when the phone switches from Wi-Fi to 5G.",
  productArea: "voice_calling",
  category: "functional_bug",
  priority: "P2",
} as const satisfies NewTicket;

/**
 * A ticket filed the way the product files one: by `filer` (a customer, or staff logging it for a
 * customer with `requesterId`) through the tickets.create procedure at `now`. Returns its id. Unless
 * the test gives one, the description ends with a number of its own: the product refuses a ticket
 * that repeats the requester's ticket of a moment ago, and tests file many at one instant.
 */
export async function createTicket(
  db: Db,
  filer: SessionUser,
  input: Partial<NewTicket> = {},
  now: Date = TEST_ANCHOR,
): Promise<number> {
  const description = `${TICKET_DEFAULTS.description} (${unique()})`;
  const { id } = await callerFor(db, filer, now).tickets.create({ ...TICKET_DEFAULTS, description, ...input });
  return id;
}

/**
 * A knowledge-base article written by `author` through kb.createArticle at `now`: published,
 * public, in English, with a unique slug and title unless the test gives them. Returns its id and slug.
 */
export async function createArticle(
  db: Db,
  author: SessionUser,
  input: Partial<CreateArticleInput> = {},
  now: Date = TEST_ANCHOR,
): Promise<{ id: number; slug: string }> {
  const key = unique();
  const saved = await callerFor(db, author, now).kb.createArticle({
    slug: `factory-article-${key}`,
    locale: "en",
    translationOf: null,
    title: `Factory article ${key}`,
    summary: "An article a test wrote for itself.",
    body: "## Symptom\n\nSomething a test describes.\n\n## Fix\n\nWhat the test expects readers to do.",
    productArea: "video_calling",
    type: "faq",
    status: "published",
    internal: false,
    ownerId: author.id,
    tags: [],
    errorCodes: [],
    sdkVersions: [],
    ...input,
  });
  return { id: saved.id, slug: saved.slug };
}

function person(
  tx: Pick<Db, "insert">,
  role: Role,
  organizationId: number | null,
  now: Date,
  opts: PersonOptions = {},
): SessionUser {
  const key = unique();
  const email = `person-${key}@factory.example`;
  const name = `Person ${key}`;
  const id = insertUser(tx, { email, name, passwordHash: NO_PASSWORD, role, organizationId, createdAt: now, ...opts });
  return { id, role, organizationId, name, email };
}

/**
 * Test data that a test creates for itself, through the same factories as the demo seed: an
 * organization of a given tier and region with its own people, so what a test asserts on does not
 * depend on the demo's contents. Only the reference data (tiers, targets, calendars) is shared.
 */
import { eq } from "drizzle-orm";
import { calendars, tiers } from "@/db/schema";
import type { Region, Role, TierCode } from "@/db/schema/enums";
import { insertOrganization, insertUser } from "@/db/seed/people";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { TEST_ANCHOR } from "./constants";

const DAY_MS = 86_400_000;
let serial = 0;
const unique = () => `${process.pid}-${++serial}`;

/** A password hash no password matches: factory people sign in through sessions, not the form. */
const NO_PASSWORD = "factory:no-password";

export type TestOrganization = { id: number; name: string; customers: SessionUser[] };

/** A fresh organization with `customers` people in it, on its region's calendar and its tier's targets. */
export function createOrganization(
  db: Db,
  opts: { tier: TierCode; region: Region; customers?: number; now?: Date },
): TestOrganization {
  const now = opts.now ?? TEST_ANCHOR;
  const tier = db.select({ id: tiers.id }).from(tiers).where(eq(tiers.code, opts.tier)).get();
  const calendar = db.select({ id: calendars.id }).from(calendars).where(eq(calendars.region, opts.region)).get();
  if (!tier || !calendar) throw new Error(`no ${opts.tier} tier or ${opts.region} calendar in the test database`);
  const name = `Test Org ${unique()}`;
  return db.transaction((tx) => {
    const id = insertOrganization(tx, {
      name,
      tierId: tier.id,
      region: opts.region,
      calendarId: calendar.id,
      contractStart: new Date(now.getTime() - 200 * DAY_MS),
      contractEnd: new Date(now.getTime() + 165 * DAY_MS),
    });
    const customers = Array.from({ length: opts.customers ?? 1 }, () => person(tx, "customer", id, now));
    return { id, name, customers };
  });
}

/** A fresh staff member of a role (no organization). */
export function createStaff(db: Db, role: Exclude<Role, "customer">, now: Date = TEST_ANCHOR): SessionUser {
  return person(db, role, null, now);
}

function person(tx: Pick<Db, "insert">, role: Role, organizationId: number | null, now: Date): SessionUser {
  const key = unique();
  const email = `person-${key}@factory.example`;
  const name = `Person ${key}`;
  const id = insertUser(tx, { email, name, passwordHash: NO_PASSWORD, role, organizationId, createdAt: now });
  return { id, role, organizationId, name, email };
}

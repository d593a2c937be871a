/**
 * Factories for organizations and the people in them, shared by the demo seed, the scale seed and
 * the tests, so each writes these rows the same way.
 */
import type { Db } from "@/server/db";
import { REGION_ZONES, slugify } from "@/server/organizations/rules";
import { organizations, users, type Organization } from "../schema";
import type { Locale, Region, Role } from "../schema/enums";

type Tx = Pick<Db, "insert">;

// One home for both rules (the admin's organization form uses them too): server/organizations/rules.ts.
export { REGION_ZONES, slugify };

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export type NewOrganization = {
  name: string;
  tierId: number;
  region: Region;
  calendarId: number;
  contractStart: Date;
  contractEnd: Date;
  timeZone?: string;
  monthlyFeeCents?: number;
  accountManagerId?: number | null;
  technicalAccountManagerId?: number | null;
  /** Service credits the contract grants for missed support targets (none when absent). */
  supportCreditTerms?: Organization["supportCreditTerms"];
  /** Where the organization reaches support, per its tier's channels (none when absent). */
  supportEmail?: string | null;
  chatHandle?: string | null;
  groupLink?: string | null;
};

/** Writes an organization (slug from its name, zone from its region unless given); returns its id. */
export function insertOrganization(tx: Tx, o: NewOrganization): number {
  return tx
    .insert(organizations)
    .values({
      name: o.name,
      slug: slugify(o.name),
      tierId: o.tierId,
      region: o.region,
      calendarId: o.calendarId,
      timeZone: o.timeZone ?? REGION_ZONES[o.region],
      contractStart: isoDate(o.contractStart),
      contractEnd: isoDate(o.contractEnd),
      monthlyFeeCents: o.monthlyFeeCents ?? 0,
      accountManagerId: o.accountManagerId ?? null,
      technicalAccountManagerId: o.technicalAccountManagerId ?? null,
      supportCreditTerms: o.supportCreditTerms ?? null,
      supportEmail: o.supportEmail ?? null,
      chatHandle: o.chatHandle ?? null,
      groupLink: o.groupLink ?? null,
      createdAt: o.contractStart,
    })
    .returning({ id: organizations.id })
    .get().id;
}

export type NewUser = {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  organizationId?: number | null;
  locale?: Locale | null;
  timeZone?: string;
  title?: string | null;
  phone?: string | null;
  chatHandle?: string | null;
  workingHours?: string | null;
  /** A customer who administers their organization's people. */
  orgAdmin?: boolean;
  createdAt: Date;
};

/** Writes a person (staff without an organization, customers in theirs); returns their id. */
export function insertUser(tx: Tx, u: NewUser): number {
  return tx
    .insert(users)
    .values({ ...u, organizationId: u.organizationId ?? null, timeZone: u.timeZone ?? "UTC" })
    .returning({ id: users.id })
    .get().id;
}

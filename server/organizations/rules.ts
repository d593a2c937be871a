/**
 * The rules an administrator's organization record must keep: a name (from which its slug is
 * derived), a tier, a support calendar, a contract that ends after it starts, an availability
 * commitment in a sensible range when the contract names its own, and channel details a customer
 * can use (a dialable hotline, an email address, an http(s) link for the dedicated group). Pure:
 * the router validates the shape, the service re-checks these before writing, and the edit form
 * runs the same function to show each problem beside its field before anything is sent.
 */
import { REGIONS, TIER_CODES, type Region } from "@/db/schema/enums";
import { z } from "@/server/zod";

/** The time zone each support region's organizations are in (the seed and the admin form alike). */
export const REGION_ZONES: Record<Region, string> = {
  china: "Asia/Shanghai",
  americas: "America/Los_Angeles",
  emea: "Europe/London",
};

/** A URL-safe slug of a name ("Nimbus Live" -> "nimbus-live"); empty for a name without Latin letters or digits. */
export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");

export const ORGANIZATION_NAME_MAX = 120;
export const HOTLINE_MAX = 40;
export const EMAIL_MAX = 254;
export const CHAT_HANDLE_MAX = 80;
export const GROUP_LINK_MAX = 500;
/** An availability commitment is a percentage in this range (inclusive); below 90 % is not a commitment. */
export const COMMITMENT_MIN = 90;
export const COMMITMENT_MAX = 100;

const optionalText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .nullable();

/**
 * What the admin form sends to create an organization or change one. The shape only: every rule
 * with a sentence of its own is in `validateOrganization`, so a refusal reads in the admin's
 * language and points at its field. `tierCode` may be null (nothing chosen) to be refused by name.
 */
export const ZOrganizationInput = z.object({
  name: z.string().max(ORGANIZATION_NAME_MAX * 2),
  tierCode: z.enum(TIER_CODES).nullable(),
  region: z.enum(REGIONS),
  calendarId: z.number().int().positive().nullable(),
  contractStart: z.string().max(20),
  contractEnd: z.string().max(20),
  availabilityCommitment: z.number().finite().nullable(),
  accountManagerId: z.number().int().positive().nullable(),
  technicalAccountManagerId: z.number().int().positive().nullable(),
  hotline: optionalText(HOTLINE_MAX),
  supportEmail: optionalText(EMAIL_MAX),
  chatHandle: optionalText(CHAT_HANDLE_MAX),
  groupLink: optionalText(GROUP_LINK_MAX),
});
export type OrganizationInput = z.infer<typeof ZOrganizationInput>;
export const ZUpdateOrganizationInput = ZOrganizationInput.extend({ id: z.number().int().positive() });
export type UpdateOrganizationInput = z.infer<typeof ZUpdateOrganizationInput>;

export type OrganizationField = keyof OrganizationInput;

export type OrganizationIssueCode =
  | "nameRequired"
  | "nameTooLong"
  | "nameTaken"
  | "slugTaken"
  | "tierRequired"
  | "calendarRequired"
  | "calendarUnknown"
  | "contractStartRequired"
  | "contractEndRequired"
  | "dateFormat"
  | "endBeforeStart"
  | "commitmentRange"
  | "commitmentPrecision"
  | "notAccountManager"
  | "hotlineFormat"
  | "emailFormat"
  | "chatHandleFormat"
  | "linkFormat"
  | "textTooLong";

/** A problem with one field: `code` names a message in `organizationsAdmin.issues`. */
export type OrganizationIssue = {
  field: OrganizationField;
  code: OrganizationIssueCode;
  values?: Record<string, string | number>;
};

/** English wording of each issue: the API's message; the form shows the translated one. */
export const ORGANIZATION_ISSUE_MESSAGES: Record<
  OrganizationIssueCode,
  (v: Record<string, string | number>) => string
> = {
  nameRequired: () => "Enter the organization's name.",
  nameTooLong: (v) => `Keep the name to ${v.max} characters or fewer.`,
  nameTaken: (v) => `Another organization is already called "${v.name}". Choose a different name.`,
  slugTaken: (v) => `"${v.other}" already has the short name ${v.slug}. Choose a more distinct name.`,
  tierRequired: () => "Choose the organization's tier.",
  calendarRequired: () => "Choose the support calendar.",
  calendarUnknown: () => "That support calendar no longer exists. Choose one from the list.",
  contractStartRequired: () => "Enter the date the contract starts.",
  contractEndRequired: () => "Enter the date the contract ends.",
  dateFormat: () => "Enter the date as YYYY-MM-DD.",
  endBeforeStart: (v) => `The contract must end after it starts (${v.start}).`,
  commitmentRange: (v) =>
    `Enter an availability commitment from ${v.min} % to ${v.max} %, or leave it empty to use the tier's.`,
  commitmentPrecision: () => "Use at most three decimal places, such as 99.995.",
  notAccountManager: () => "Choose an active account manager from the list.",
  hotlineFormat: () => "Enter a phone number of digits, spaces and + ( ) - only, such as +86 400 820 1234.",
  emailFormat: () => "Enter an email address such as support@example.com.",
  chatHandleFormat: () => "Enter the chat handle without spaces, such as @attain-support.",
  linkFormat: () => "Enter a full web link starting with https:// (or http://).",
  textTooLong: (v) => `Keep this to ${v.max} characters or fewer.`,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOTLINE = /^\+?[0-9][0-9 ()\-.]*[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HANDLE = /^\S+$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** True for an absolute http: or https: link with a host: the only links the customer pages render as links. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Blank text is no value: the form's empty fields and the API's nulls mean the same. */
export const blankToNull = (v: string | null | undefined): string | null => {
  const t = v?.trim() ?? "";
  return t === "" ? null : t;
};

/** The record as it will be stored: names and channels trimmed, blanks as null. */
export function normalizeOrganization(input: OrganizationInput): OrganizationInput {
  return {
    ...input,
    name: input.name.trim().replace(/\s+/g, " "),
    contractStart: input.contractStart.trim(),
    contractEnd: input.contractEnd.trim(),
    hotline: blankToNull(input.hotline),
    supportEmail: blankToNull(input.supportEmail)?.toLowerCase() ?? null,
    chatHandle: blankToNull(input.chatHandle),
    groupLink: blankToNull(input.groupLink),
  };
}

/**
 * Every problem with an organization record that needs no database: each names its field. The
 * service adds those that do (a taken name or slug, an unknown calendar, an account manager who
 * is not one) with the same codes, so the form places them beside the same fields.
 */
export function validateOrganization(raw: OrganizationInput): OrganizationIssue[] {
  const o = normalizeOrganization(raw);
  const issues: OrganizationIssue[] = [];
  if (o.name === "") issues.push({ field: "name", code: "nameRequired" });
  else if (o.name.length > ORGANIZATION_NAME_MAX)
    issues.push({ field: "name", code: "nameTooLong", values: { max: ORGANIZATION_NAME_MAX } });
  if (o.tierCode === null) issues.push({ field: "tierCode", code: "tierRequired" });
  if (o.calendarId === null) issues.push({ field: "calendarId", code: "calendarRequired" });
  const startOk = isIsoDay(o.contractStart);
  const endOk = isIsoDay(o.contractEnd);
  // An empty date is a missing one, not a badly written one.
  if (!startOk)
    issues.push({ field: "contractStart", code: o.contractStart === "" ? "contractStartRequired" : "dateFormat" });
  if (!endOk) issues.push({ field: "contractEnd", code: o.contractEnd === "" ? "contractEndRequired" : "dateFormat" });
  if (startOk && endOk && o.contractEnd <= o.contractStart)
    issues.push({ field: "contractEnd", code: "endBeforeStart", values: { start: o.contractStart } });
  const c = o.availabilityCommitment;
  if (c !== null) {
    if (!(c >= COMMITMENT_MIN && c <= COMMITMENT_MAX))
      issues.push({
        field: "availabilityCommitment",
        code: "commitmentRange",
        values: { min: COMMITMENT_MIN, max: COMMITMENT_MAX },
      });
    else if (Math.abs(Math.round(c * 1000) - c * 1000) > 1e-6)
      issues.push({ field: "availabilityCommitment", code: "commitmentPrecision" });
  }
  const text = (
    field: OrganizationField,
    value: string | null,
    max: number,
    ok: (v: string) => boolean,
    code: OrganizationIssueCode,
  ) => {
    if (value === null) return;
    if (value.length > max) issues.push({ field, code: "textTooLong", values: { max } });
    else if (!ok(value)) issues.push({ field, code });
  };
  text("hotline", o.hotline, HOTLINE_MAX, (v) => HOTLINE.test(v), "hotlineFormat");
  text("supportEmail", o.supportEmail, EMAIL_MAX, (v) => EMAIL.test(v), "emailFormat");
  text("chatHandle", o.chatHandle, CHAT_HANDLE_MAX, (v) => HANDLE.test(v), "chatHandleFormat");
  text("groupLink", o.groupLink, GROUP_LINK_MAX, isWebLink, "linkFormat");
  return issues;
}

/**
 * The slug a name gets: its slugify, or "organization" for a name with no Latin letters or digits
 * (a Chinese name), numbered by the caller when that fallback is taken.
 */
export function slugForName(name: string): { slug: string; derived: boolean } {
  const slug = slugify(name);
  return slug ? { slug, derived: true } : { slug: "organization", derived: false };
}

/** The sentence of an issue in English (the API's message). */
export function organizationIssueMessage(issue: OrganizationIssue): string {
  return ORGANIZATION_ISSUE_MESSAGES[issue.code](issue.values ?? {});
}

/** The inputs of people administration, invitations and setup: named zod schemas, their types inferred. */
import { z } from "@/server/zod";
import { LOCALES, ROLES } from "@/db/schema/enums";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password-length";
import { NAME_MAX_LENGTH, nameProblem } from "@/server/identity/account-rules";
import { EMAIL_SHAPE } from "@/server/identity/email";

/** An email address as typed: trimmed, lower case, of the usual shape. */
export const ZEmail = z
  .string()
  .max(1000)
  .trim()
  .toLowerCase()
  .refine((s) => s.length <= 254 && EMAIL_SHAPE.test(s), {
    message: "Enter an email address such as mei@example.com.",
    params: { messageKey: "errors.field.email" },
  });
const ZName = z
  .string()
  .max(1000)
  .trim()
  .refine((s) => nameProblem(s) === null, {
    message: `Enter a name of at most ${NAME_MAX_LENGTH} characters.`,
    params: { messageKey: "errors.people.name" },
  });
/** Length and strength are the policy's (password-policy.ts), checked by the service with its translated reasons. */
const ZNewPassword = z.string().max(PASSWORD_MAX_LENGTH * 4);
export const ZTimeZone = z
  .string()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: "Choose a time zone from the list.", params: { messageKey: "errors.people.timeZone" } },
  );
const ZToken = z
  .string()
  .max(200)
  .refine((s) => /^[A-Za-z0-9_-]{20,100}$/.test(s), {
    message: "This link is not complete.",
    params: { messageKey: "errors.people.token" },
  });

export const ZInviteInput = z.object({
  email: ZEmail,
  name: ZName,
  role: z.enum(ROLES),
  organizationId: z.number().int().positive().nullable(),
  orgAdmin: z.boolean().default(false),
  locale: z.enum(LOCALES),
});
export type InviteInput = z.infer<typeof ZInviteInput>;

export const ZPeopleListInput = z.object({
  /** null: the staff. */
  organizationId: z.number().int().positive().nullable(),
  q: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type PeopleListInput = z.infer<typeof ZPeopleListInput>;

export const ZAcceptInvitationInput = z.object({
  token: ZToken,
  name: ZName,
  password: ZNewPassword,
  locale: z.enum(LOCALES),
  timeZone: ZTimeZone,
});
export type AcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

export const ZSetupInput = z.object({
  token: z
    .string()
    .max(200)
    .trim()
    .refine((s) => s.length >= 20 && s.length <= 100, {
      message: "Enter the setup token from the server log.",
      params: { messageKey: "errors.setup.token" },
    }),
  name: ZName,
  email: ZEmail,
  password: ZNewPassword,
  locale: z.enum(LOCALES),
  timeZone: ZTimeZone,
});
export type SetupInput = z.infer<typeof ZSetupInput>;

export const ZCorrectEmailInput = z.object({ userId: z.number().int().positive(), email: ZEmail });
export type CorrectEmailInput = z.infer<typeof ZCorrectEmailInput>;

export const ZTokenInput = z.object({ token: ZToken });

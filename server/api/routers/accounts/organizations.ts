import { z } from "zod";
import { ENGAGEMENT_KINDS, TIER_CODES } from "@/db/schema/enums";
import { assertCanReadOrganization, canManageOrganization } from "@/server/accounts/access";
import { addEngagement, getTimeline } from "@/server/accounts/engagements";
import { ZId, ZNewEngagement } from "@/server/accounts/inputs";
import { searchOrganizations } from "@/server/accounts/portfolio";
import { getOrganizationOverview } from "@/server/accounts/service";
import { authedProcedure, permittedProcedure } from "../../trpc";
import { ZAlertFacts, ZRegion, ZTierCode } from "../../schemas";
import { ZOrganization } from "./schemas";

/** Organizations: their page, the staff search, and the engagement timeline. */
export const accountOrganizations = {
  /** An organization's page: customers their own (another's "does not exist"), staff any. */
  organization: authedProcedure
    .input(z.object({ organizationId: ZId }))
    .output(ZOrganization)
    .query(({ ctx, input }) => {
      assertCanReadOrganization(ctx.user, input.organizationId);
      return {
        ...getOrganizationOverview(ctx.db, input.organizationId, ctx.now()),
        canManage: canManageOrganization(ctx.db, ctx.user, input.organizationId),
      };
    }),
  organizations: permittedProcedure("organizations.read")
    .input(z.object({ q: z.string().trim().max(100).optional(), tier: z.enum(TIER_CODES).optional() }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          tier: ZTierCode,
          region: ZRegion,
          contractEnd: z.string(),
          accountManager: z.string().nullable(),
          daysToRenewal: z.number(),
        }),
      ),
    )
    .query(({ ctx, input }) => searchOrganizations(ctx.db, input, ctx.now())),
  timeline: authedProcedure
    .input(z.object({ organizationId: ZId, limit: z.number().int().min(1).max(100).optional() }))
    .output(
      z.array(
        z.object({
          key: z.string(),
          kind: z.enum(ENGAGEMENT_KINDS),
          at: z.date(),
          /** A logged engagement's picked day ("YYYY-MM-DD"), shown as is in every zone; null for timed entries. */
          day: z.string().nullable(),
          title: z.string(),
          notes: z.string(),
          by: z.string().nullable(),
          ticketId: z.number().nullable(),
          level: z.string().nullable(),
          automatic: z.boolean(),
          /** A shared review's entry: shown as "Service review <quarter> shared" in the reader's language. */
          review: z.object({ id: z.number(), quarter: z.string() }).nullable(),
          /** A monitoring alert's metric and App ID, worded in the reader's language. */
          alert: ZAlertFacts.nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => getTimeline(ctx.db, ctx.user, input.organizationId, ctx.now(), input.limit)),
  addEngagement: permittedProcedure("accounts.edit")
    .input(ZNewEngagement)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => addEngagement(ctx.db, ctx.user, input, ctx.now())),
};

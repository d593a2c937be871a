import { z } from "zod";
import { ENGAGEMENT_KINDS, MEETING_CHANNELS, MEETING_STATUSES, TIER_CODES } from "@/db/schema/enums";
import { assertCanReadOrganization, canManageOrganization } from "@/server/accounts/access";
import { addEngagement, getTimeline } from "@/server/accounts/engagements";
import { HEALTH_FACTORS } from "@/server/accounts/health";
import { answerMeeting, listMeetingRequests, requestMeeting } from "@/server/accounts/meetings";
import {
  listPortfolio,
  organizationHealth,
  PORTFOLIO_PAGE_SIZE,
  searchOrganizations,
} from "@/server/accounts/portfolio";
import { getOrganizationOverview } from "@/server/accounts/service";
import { authedProcedure, createTRPCRouter, customerProcedure, permittedProcedure } from "../trpc";
import { ZOrganizationOverview, ZRegion, ZTierCode } from "../schemas";

const ZId = z.number().int().positive();
const ZHealth = z.object({
  score: z.number(),
  band: z.enum(["green", "yellow", "red"]),
  factors: z.array(
    z.object({
      key: z.enum(HEALTH_FACTORS),
      weight: z.number(),
      subscore: z.number(),
      contribution: z.number(),
      detail: z.record(z.string(), z.number().nullable()),
    }),
  ),
});

const ZOrganization = ZOrganizationOverview.extend({ canManage: z.boolean() });

const ZMeetingRequest = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  requestedBy: z.string(),
  topic: z.string(),
  preferredTimes: z.string(),
  channel: z.enum(MEETING_CHANNELS),
  status: z.enum(MEETING_STATUSES),
  response: z.string().nullable(),
  createdAt: z.date(),
  answeredAt: z.date().nullable(),
  canAnswer: z.boolean(),
});

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const accountsRouter = createTRPCRouter({
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
    .input(z.object({ organizationId: ZId }))
    .output(
      z.array(
        z.object({
          key: z.string(),
          kind: z.enum(ENGAGEMENT_KINDS),
          at: z.date(),
          title: z.string(),
          notes: z.string(),
          by: z.string().nullable(),
          ticketId: z.number().nullable(),
          level: z.string().nullable(),
          automatic: z.boolean(),
        }),
      ),
    )
    .query(({ ctx, input }) => getTimeline(ctx.db, ctx.user, input.organizationId, ctx.now())),
  addEngagement: permittedProcedure("accounts.edit")
    .input(
      z.object({
        organizationId: ZId,
        kind: z.enum(["meeting", "training", "check_in", "review"]),
        at: z.date(),
        title: text(3, 200),
        notes: z.string().trim().max(5000).default(""),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => addEngagement(ctx.db, ctx.user, input, ctx.now())),
  requestMeeting: customerProcedure
    .input(z.object({ topic: text(3, 200), preferredTimes: text(3, 500), channel: z.enum(MEETING_CHANNELS) }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => requestMeeting(ctx.db, ctx.user, ctx.organizationId, input, ctx.now())),
  meetingRequests: permittedProcedure("meetings.read")
    .input(z.object({ organizationId: ZId.optional(), status: z.enum(MEETING_STATUSES).optional() }))
    .output(z.array(ZMeetingRequest))
    .query(({ ctx, input }) => listMeetingRequests(ctx.db, ctx.user, input)),
  answerMeeting: permittedProcedure("accounts.edit")
    .input(z.object({ id: ZId, status: z.enum(["scheduled", "declined"]), response: text(3, 1000) }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => answerMeeting(ctx.db, ctx.user, input, ctx.now())),
  portfolio: permittedProcedure("accounts.edit")
    .input(
      z.object({
        tier: z.enum(TIER_CODES).optional(),
        band: z.enum(["green", "yellow", "red"]).optional(),
        sort: z.enum(["health", "renewal", "name", "tier"]).optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(PORTFOLIO_PAGE_SIZE),
      }),
    )
    .output(
      z.object({
        total: z.number(),
        page: z.number(),
        pageSize: z.number(),
        counts: z.object({ red: z.number(), yellow: z.number(), green: z.number() }),
        items: z.array(
          z.object({
            id: z.number(),
            name: z.string(),
            tier: ZTierCode,
            region: z.string(),
            accountManager: z.string().nullable(),
            contractEnd: z.string(),
            daysToRenewal: z.number(),
            health: ZHealth,
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listPortfolio(ctx.db, ctx.user, input, ctx.now())),
  /** Health internals are for the vendor's account staff and executives only (server/accounts/access). */
  health: permittedProcedure("accounts.health")
    .input(z.object({ organizationId: ZId }))
    .output(ZHealth)
    .query(({ ctx, input }) => {
      const org = getOrganizationOverview(ctx.db, input.organizationId, ctx.now());
      return organizationHealth(ctx.db, { id: org.id, contractEnd: org.contractEnd }, ctx.now());
    }),
});

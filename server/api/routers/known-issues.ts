import { z } from "zod";
import { KNOWN_ISSUE_STATUSES, PRODUCT_AREAS, SDK_PLATFORMS } from "@/db/schema/enums";
import { getKnownIssue, linkTicket, listKnownIssues, saveKnownIssue, verifyFix } from "@/server/known-issues/service";
import { createTRPCRouter, permittedProcedure, publicProcedure } from "../trpc";
import { ZId } from "./tickets/schemas";

const ZIssue = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string(),
  productArea: z.enum(PRODUCT_AREAS),
  platforms: z.array(z.string()),
  affectedVersions: z.string(),
  symptomsEn: z.string(),
  symptomsZh: z.string(),
  workaroundEn: z.string(),
  workaroundZh: z.string(),
  status: z.enum(KNOWN_ISSUE_STATUSES),
  fixVersion: z.string().nullable(),
  public: z.boolean(),
  updatedAt: z.date(),
});

const text = (max: number) => z.string().trim().max(max);

/** Known issues: the public list, one issue, and staff's writing, linking and the customer's verification. */
export const knownIssuesRouter = createTRPCRouter({
  list: publicProcedure
    .input(z.object({ q: z.string().trim().max(200).nullish(), status: z.enum(KNOWN_ISSUE_STATUSES).nullish() }))
    .output(z.array(ZIssue))
    .query(({ ctx, input }) => listKnownIssues(ctx.db, ctx.user, input)),
  get: publicProcedure
    .input(z.object({ id: ZId }))
    .output(
      ZIssue.extend({
        organizations: z.array(z.object({ id: z.number(), name: z.string() })),
        tickets: z.array(
          z.object({ id: z.number(), subject: z.string(), status: z.string(), organization: z.string() }),
        ),
      }),
    )
    .query(({ ctx, input }) => getKnownIssue(ctx.db, ctx.user, input.id)),
  save: permittedProcedure("tickets.support")
    .input(
      z.object({
        id: ZId.optional(),
        titleEn: text(200).min(5),
        titleZh: text(200).min(2),
        productArea: z.enum(PRODUCT_AREAS),
        platforms: z.array(z.enum(SDK_PLATFORMS)).max(SDK_PLATFORMS.length),
        affectedVersions: text(200).min(1),
        symptomsEn: text(5000).min(5),
        symptomsZh: text(5000).min(2),
        workaroundEn: text(5000),
        workaroundZh: text(5000),
        status: z.enum(KNOWN_ISSUE_STATUSES),
        fixVersion: text(40).nullable(),
        public: z.boolean(),
        organizationIds: z.array(ZId).max(500),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => saveKnownIssue(ctx.db, ctx.user, input, ctx.now())),
  link: permittedProcedure("tickets.support")
    .input(z.object({ ticketId: ZId, knownIssueId: ZId.nullable() }))
    .output(z.void())
    .mutation(({ ctx, input }) => linkTicket(ctx.db, ctx.user, input, ctx.now())),
  verify: permittedProcedure("tickets.work")
    .input(z.object({ ticketId: ZId, works: z.boolean() }))
    .output(z.void())
    .mutation(({ ctx, input }) => verifyFix(ctx.db, ctx.user, input, ctx.now())),
});

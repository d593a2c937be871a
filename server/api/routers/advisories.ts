import { z } from "zod";
import { ADVISORY_SEVERITIES, ADVISORY_STATUSES, PRODUCT_AREAS, SDK_PLATFORMS } from "@/db/schema/enums";
import {
  acknowledgeAdvisory,
  getAdvisory,
  listAdvisories,
  pendingForCustomer,
  publishAdvisory,
  saveAdvisory,
} from "@/server/advisories/service";
import { declareSdk, listDeclarations, removeSdk } from "@/server/advisories/declarations";
import { createTRPCRouter, permittedProcedure, publicProcedure } from "../trpc";
import { ZId } from "./tickets/schemas";

const ZAffected = z.object({
  platform: z.enum(SDK_PLATFORMS),
  range: z.string().trim().min(1).max(100),
  fixedVersion: z.string().trim().max(40).nullable(),
});

const ZAdvisory = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string(),
  bodyEn: z.string(),
  bodyZh: z.string(),
  productAreas: z.array(z.enum(PRODUCT_AREAS)),
  affected: z.array(ZAffected),
  cvssVector: z.string(),
  cvssScore: z.number(),
  severity: z.enum(ADVISORY_SEVERITIES),
  upgradeStepsEn: z.string(),
  upgradeStepsZh: z.string(),
  status: z.enum(ADVISORY_STATUSES),
  publishedAt: z.date().nullable(),
  fixDueAt: z.date().nullable(),
});

const text = (max: number) => z.string().trim().max(max);

/** A declared SDK version (the service checks it is a semantic version, with a translated refusal). */
const ZDeclaration = z.object({
  organizationId: ZId,
  platform: z.enum(SDK_PLATFORMS),
  version: z.string().trim().max(40),
});

/** Security advisories: the public list and page, staff's editor and publishing, the customer's acknowledgement. */
export const advisoriesRouter = createTRPCRouter({
  /** The SDK versions an organization declares it ships, with their support state (customers their own, staff any). */
  declarations: permittedProcedure("organization.sdksRead")
    .input(z.object({ organizationId: ZId }))
    .output(
      z.array(
        z.object({
          platform: z.enum(SDK_PLATFORMS),
          version: z.string(),
          declaredAt: z.date(),
          support: z.enum(["supported", "security_only", "unsupported", "unknown"]),
        }),
      ),
    )
    .query(({ ctx, input }) => listDeclarations(ctx.db, ctx.user, input.organizationId, ctx.now())),
  /** The customer administrator (or account staff for them) declares a version the organization ships (advisories reach it by it). */
  declare: permittedProcedure("organization.sdks")
    .input(ZDeclaration)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => declareSdk(ctx.db, ctx.user, input, ctx.now())),
  /** The customer administrator removes a declared version. */
  undeclare: permittedProcedure("organization.sdks")
    .input(ZDeclaration)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => removeSdk(ctx.db, ctx.user, input, ctx.now())),
  list: publicProcedure
    .input(z.void())
    .output(z.array(ZAdvisory))
    .query(({ ctx }) => listAdvisories(ctx.db, ctx.user)),
  get: publicProcedure
    .input(z.object({ id: ZId }))
    .output(
      ZAdvisory.extend({
        ours: z.object({ acknowledgedAt: z.date().nullable() }).nullable(),
        organizations: z.array(
          z.object({
            id: z.number(),
            name: z.string(),
            notifiedAt: z.date(),
            acknowledgedAt: z.date().nullable(),
            acknowledgedBy: z.string().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => getAdvisory(ctx.db, ctx.user, input.id)),
  pending: permittedProcedure("advisories.acknowledge")
    .input(z.void())
    .output(
      z.array(
        z.object({ id: z.number(), titleEn: z.string(), titleZh: z.string(), severity: z.enum(ADVISORY_SEVERITIES) }),
      ),
    )
    .query(({ ctx }) => pendingForCustomer(ctx.db, ctx.user)),
  save: permittedProcedure("advisories.manage")
    .input(
      z.object({
        id: ZId.optional(),
        titleEn: text(200).min(5),
        titleZh: text(200).min(2),
        bodyEn: text(10000).min(5),
        bodyZh: text(10000).min(2),
        productAreas: z.array(z.enum(PRODUCT_AREAS)).max(PRODUCT_AREAS.length),
        affected: z.array(ZAffected).max(SDK_PLATFORMS.length * 4),
        cvssVector: text(200).min(1),
        upgradeStepsEn: text(10000),
        upgradeStepsZh: text(10000),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => saveAdvisory(ctx.db, ctx.user, input, ctx.now())),
  publish: permittedProcedure("advisories.manage")
    .input(z.object({ id: ZId }))
    .output(z.object({ organizations: z.number() }))
    .mutation(({ ctx, input }) => publishAdvisory(ctx.db, ctx.user, input.id, ctx.now())),
  acknowledge: permittedProcedure("advisories.acknowledge")
    .input(z.object({ id: ZId }))
    .output(z.object({ acknowledgedAt: z.date() }))
    .mutation(({ ctx, input }) => acknowledgeAdvisory(ctx.db, ctx.user, input.id, ctx.now())),
});

import { z } from "zod";
import { LOCALES, SDK_PLATFORMS } from "@/db/schema/enums";
import {
  lifecycleTable,
  releaseGuides,
  removeLifecycleLine,
  saveLifecycleLine,
  sdkSupport,
} from "@/server/lifecycle/service";
import { createTRPCRouter, permittedProcedure, publicProcedure } from "../trpc";
import { ZId } from "./tickets/schemas";

const ZState = z.enum(["supported", "security_only", "unsupported", "unknown"]);
const ZDay = z
  .string()
  .max(10)
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), {
    message: "Enter a date.",
    params: { messageKey: "lifecycle.errors.date" },
  });

/** The SDK support lifecycle: public table, the check the ticket form makes, and its administration. */
export const lifecycleRouter = createTRPCRouter({
  /** Every platform's release lines with their dates and their state today (public). */
  list: publicProcedure
    .input(z.void())
    .output(
      z.array(
        z.object({
          id: z.number(),
          platform: z.enum(SDK_PLATFORMS),
          line: z.string(),
          releasedOn: z.string(),
          fullSupportUntil: z.string(),
          securityUntil: z.string(),
          guideSlug: z.string().nullable(),
          state: ZState,
        }),
      ),
    )
    .query(({ ctx }) => lifecycleTable(ctx.db, ctx.now())),
  /** The public migration guides and breaking-changes notes in a language, with the platforms each names. */
  guides: publicProcedure
    .input(z.object({ locale: z.enum(LOCALES) }))
    .output(
      z.array(
        z.object({
          slug: z.string(),
          title: z.string(),
          type: z.enum(["migration_guide", "breaking_changes"]),
          platforms: z.array(z.enum(SDK_PLATFORMS)),
        }),
      ),
    )
    .query(({ ctx, input }) => releaseGuides(ctx.db, input.locale)),
  /** Whether a platform and version are supported today (the ticket form warns before filing). */
  check: permittedProcedure("tickets.work")
    .input(z.object({ platform: z.enum(SDK_PLATFORMS), version: z.string().trim().min(1).max(40) }))
    .output(
      z.object({
        state: ZState,
        line: z.string().nullable(),
        guideSlug: z.string().nullable(),
        securityUntil: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => sdkSupport(ctx.db, input.platform, input.version, ctx.now())),
  save: permittedProcedure("admin.settings")
    .input(
      z.object({
        platform: z.enum(SDK_PLATFORMS),
        line: z.string().trim().min(1).max(11),
        releasedOn: ZDay,
        fullSupportUntil: ZDay,
        securityUntil: ZDay,
        guideSlug: z
          .string()
          .trim()
          .max(120)
          .refine((s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s), {
            message: "Use the article's address (its slug).",
            params: { messageKey: "lifecycle.errors.slug" },
          })
          .nullable(),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => saveLifecycleLine(ctx.db, ctx.user, input, ctx.now())),
  remove: permittedProcedure("admin.settings")
    .input(z.object({ id: ZId }))
    .output(z.void())
    .mutation(({ ctx, input }) => removeLifecycleLine(ctx.db, ctx.user, input.id, ctx.now())),
});

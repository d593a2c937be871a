import { z } from "zod";
import { giveFeedback, recordView } from "@/server/kb/service";
import { authedProcedure, publicProcedure } from "../../trpc";
import { ZId, ZReason } from "./schemas";

/** What readers leave behind: views and votes. */
export const kbReaderActions = {
  /** Counts a view once per visitor per day; anonymous visitors send their browser's visitor id. */
  recordView: publicProcedure
    .input(
      z.object({
        articleId: ZId,
        visitorId: z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9-]{8,64}$/),
      }),
    )
    .output(z.object({ counted: z.boolean() }))
    .mutation(({ ctx, input }) => recordView(ctx.db, ctx.user, input, ctx.now(), ctx.ip)),
  /** Helpful or not helpful (with a reason); one vote per signed-in reader, a new vote replaces it. */
  feedback: authedProcedure
    .input(
      z.object({
        articleId: ZId,
        helpful: z.boolean(),
        reason: ZReason.nullish(),
        comment: z.string().trim().max(2000).nullish(),
      }),
    )
    .output(
      z.object({
        helpful: z.boolean(),
        reason: ZReason.nullable(),
        helpfulCount: z.number(),
        notHelpfulCount: z.number(),
      }),
    )
    .mutation(({ ctx, input }) => giveFeedback(ctx.db, ctx.user, input, ctx.now(), ctx.ip)),
};

import { z } from "zod";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from "@/db/schema/enums";
import { deleteWebhook, listWebhooks, rotateWebhookSecret, saveWebhook } from "@/server/webhooks/service";
import { createTRPCRouter, permittedProcedure } from "../trpc";

const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const webhooksRouter = createTRPCRouter({
  /** Every webhook (never its secret) with its latest deliveries and their responses. */
  list: permittedProcedure("webhooks.admin")
    .input(z.void())
    .output(
      z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          url: z.string(),
          events: z.array(z.enum(WEBHOOK_EVENTS)),
          active: z.boolean(),
          consecutiveFailures: z.number(),
          disabledAt: z.date().nullable(),
          deliveries: z.array(
            z.object({
              id: z.number(),
              event: z.enum(WEBHOOK_EVENTS),
              status: z.enum(WEBHOOK_DELIVERY_STATUSES),
              attempts: z.number(),
              responseStatus: z.number().nullable(),
              responseBody: z.string().nullable(),
              error: z.string().nullable(),
              /** A destination refused at send time, as a message key and the address it names. */
              refusal: z
                .object({ messageKey: z.string(), values: z.object({ address: z.string() }).nullable() })
                .nullable(),
              createdAt: z.date(),
              lastAttemptAt: z.date().nullable(),
              nextAttemptAt: z.date().nullable(),
            }),
          ),
        }),
      ),
    )
    .query(({ ctx }) => listWebhooks(ctx.db)),
  /** Creates (answering the signing secret once) or updates a webhook. */
  save: permittedProcedure("webhooks.admin")
    .input(
      z.object({
        id: ZId.optional(),
        name: z.string().trim().min(2, "Give the webhook a name.").max(100),
        url: z.string().trim().min(8).max(2000),
        events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event.").max(WEBHOOK_EVENTS.length),
        active: z.boolean(),
      }),
    )
    .output(z.object({ id: z.number(), secret: z.string().nullable() }))
    .mutation(({ ctx, input }) => saveWebhook(ctx.db, ctx.user, input, ctx.now())),
  /** A new signing secret, answered once; deliveries sent from now on are signed with it. */
  rotateSecret: permittedProcedure("webhooks.admin")
    .input(z.object({ id: ZId }))
    .output(z.object({ secret: z.string() }))
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.user, input.id, ctx.now())),
  delete: permittedProcedure("webhooks.admin")
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteWebhook(ctx.db, ctx.user, input.id, ctx.now())),
});

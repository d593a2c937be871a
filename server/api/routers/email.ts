import { z } from "zod";
import { INBOUND_MAIL_OUTCOMES, NOTIFICATION_DELIVERIES, NOTIFICATION_TOPICS } from "@/db/schema/enums";
import {
  attachUnmatched,
  discardUnmatched,
  getPreferences,
  listRecentMail,
  listUnmatched,
  retryOutboxMessage,
  setPreferences,
} from "@/server/email/service";
import { authedProcedure, createTRPCRouter, permittedProcedure } from "../trpc";

const ZPreferences = z.array(
  z.object({ topic: z.enum(NOTIFICATION_TOPICS), delivery: z.enum(NOTIFICATION_DELIVERIES), isDefault: z.boolean() }),
);

/** The email channel: unmatched mail and the mail log for support staff; each person's notification preferences. */
export const emailRouter = createTRPCRouter({
  unmatched: permittedProcedure("tickets.support")
    .input(z.object({ limit: z.number().int().min(1).max(100).default(50) }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          receivedAt: z.date(),
          fromAddress: z.string().nullable(),
          fromName: z.string().nullable(),
          subject: z.string(),
          size: z.number(),
          preview: z.string(),
        }),
      ),
    )
    .query(({ ctx, input }) => listUnmatched(ctx.db, input.limit)),
  recent: permittedProcedure("tickets.support")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          receivedAt: z.date(),
          via: z.enum(["smtp", "imap"]),
          fromAddress: z.string().nullable(),
          subject: z.string(),
          outcome: z.enum(INBOUND_MAIL_OUTCOMES),
          reason: z.string().nullable(),
          ticketId: z.number().nullable(),
          hasOriginal: z.boolean(),
        }),
      ),
    )
    .query(({ ctx, input }) => listRecentMail(ctx.db, input.limit)),
  attach: permittedProcedure("tickets.support")
    .input(z.object({ id: z.number().int().positive(), requesterEmail: z.string().trim().min(3).max(320) }))
    .output(z.object({ ticketId: z.number() }))
    .mutation(({ ctx, input }) => attachUnmatched(ctx.db, ctx.user, input, ctx.now())),
  discard: permittedProcedure("tickets.support")
    .input(z.object({ id: z.number().int().positive() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      discardUnmatched(ctx.db, ctx.user, input.id, ctx.now());
      return { ok: true as const };
    }),
  /** Administrators send a failed outbox message again (a copy, delivered at once). */
  retryOutbox: permittedProcedure("admin.settings")
    .input(z.object({ id: z.number().int().positive() }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => retryOutboxMessage(ctx.db, ctx.user, input.id, ctx.now())),
  preferences: authedProcedure
    .input(z.void())
    .output(ZPreferences)
    .query(({ ctx }) => getPreferences(ctx.db, ctx.user)),
  setPreferences: authedProcedure
    .input(
      z.object({
        choices: z
          .array(z.object({ topic: z.enum(NOTIFICATION_TOPICS), delivery: z.enum(NOTIFICATION_DELIVERIES) }))
          .min(1)
          .max(NOTIFICATION_TOPICS.length),
      }),
    )
    .output(ZPreferences)
    .mutation(({ ctx, input }) => {
      setPreferences(ctx.db, ctx.user, input.choices, ctx.now());
      return getPreferences(ctx.db, ctx.user);
    }),
});

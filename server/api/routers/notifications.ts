import { z } from "zod";
import { listNotifications, listOutbox, markAllRead, markRead } from "@/server/notifications/service";
import { smtpConfigured } from "@/server/notifications/mailer";
import { authedProcedure, createTRPCRouter, permittedProcedure } from "../trpc";

export const notificationsRouter = createTRPCRouter({
  list: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(50) }))
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.number(),
            kind: z.string(),
            ticketId: z.number().nullable(),
            incidentId: z.number().nullable(),
            subject: z.string().nullable(),
            createdAt: z.date(),
            readAt: z.date().nullable(),
          }),
        ),
        unread: z.number(),
      }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user, input.limit)),
  markAllRead: authedProcedure
    .input(z.void())
    .output(z.object({ updated: z.number() }))
    .mutation(({ ctx }) => markAllRead(ctx.db, ctx.user, ctx.now())),
  /** One of the user's own notifications read: opened, or marked read by its button. */
  markRead: authedProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .output(z.object({ updated: z.number() }))
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.user, input.id, ctx.now())),
  /** The email outbox with each message's delivery state (SMTP configured or not): admins only. */
  outbox: permittedProcedure("admin.settings")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(100) }))
    .output(
      z.object({
        smtp: z.boolean(),
        items: z.array(
          z.object({
            id: z.number(),
            to: z.string(),
            subject: z.string(),
            body: z.string(),
            createdAt: z.date(),
            sentAt: z.date().nullable(),
            status: z.enum(["sent", "pending", "failed"]),
            attempts: z.number(),
            lastAttemptAt: z.date().nullable(),
            lastError: z.string().nullable(),
            nextAttemptAt: z.date().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => ({ smtp: smtpConfigured(), items: listOutbox(ctx.db, input.limit) })),
});

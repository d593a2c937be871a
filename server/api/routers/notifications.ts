import { z } from "zod";
import { listNotifications, listOutbox, markAllRead } from "@/server/notifications/service";
import { authedProcedure, createTRPCRouter, roleProcedure } from "../trpc";

export const notificationsRouter = createTRPCRouter({
  list: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(50) }))
    .output(
      z.object({
        items: z.array(z.object({ id: z.number(), kind: z.string(), ticketId: z.number().nullable(), subject: z.string().nullable(), createdAt: z.date(), readAt: z.date().nullable() })),
        unread: z.number(),
      }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user, input.limit)),
  markAllRead: authedProcedure
    .input(z.void())
    .output(z.object({ updated: z.number() }))
    .mutation(({ ctx }) => markAllRead(ctx.db, ctx.user, ctx.now())),
  /** The email outbox (SMTP not configured): admins only. */
  outbox: roleProcedure("admin")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(100) }))
    .output(z.array(z.object({ id: z.number(), to: z.string(), subject: z.string(), body: z.string(), createdAt: z.date(), sentAt: z.date().nullable() })))
    .query(({ ctx, input }) => listOutbox(ctx.db, input.limit)),
});

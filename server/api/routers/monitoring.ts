import { z } from "zod";
import { endPreviousKeys, keyStatus, rotateKey } from "@/server/monitoring/service";
import { createTRPCRouter, permittedProcedure } from "../trpc";

/** The inbound monitoring endpoint's signing key (decision 028): its state, and a new one. */
export const monitoringRouter = createTRPCRouter({
  status: permittedProcedure("alerts.monitoring")
    .input(z.void())
    .output(
      z.object({
        current: z.object({ createdAt: z.date(), createdBy: z.string() }).nullable(),
        previous: z.object({ createdAt: z.date(), expiresAt: z.date() }).nullable(),
        lastAlertAt: z.date().nullable(),
      }),
    )
    .query(({ ctx }) => keyStatus(ctx.db, ctx.now())),
  /** A new key, shown once; the previous one keeps working for a day. */
  rotate: permittedProcedure("alerts.monitoring")
    .input(z.void())
    .output(z.object({ secret: z.string() }))
    .mutation(({ ctx }) => rotateKey(ctx.db, ctx.user, ctx.now())),
  /** After a leak: the previous key stops working now instead of at the end of its grace. */
  endPrevious: permittedProcedure("alerts.monitoring")
    .input(z.void())
    .output(z.object({ ended: z.number() }))
    .mutation(({ ctx }) => endPreviousKeys(ctx.db, ctx.user, ctx.now())),
});

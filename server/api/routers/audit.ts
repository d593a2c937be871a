import { z } from "zod";
import { listAudit } from "@/server/audit/service";
import { createTRPCRouter, permittedProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  /** Staff actions and sign-ins (successful, failed, throttled), for administrators. */
  list: permittedProcedure("admin.settings")
    .input(
      z.object({
        action: z
          .string()
          .trim()
          .max(80)
          .regex(/^[A-Za-z_.]*$/, "Choose an action from the list.")
          .optional(),
        actor: z.string().trim().max(200).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.number(),
            at: z.date(),
            action: z.string(),
            entity: z.string(),
            entityId: z.string().nullable(),
            detail: z.string().nullable(),
            ip: z.string().nullable(),
            actor: z.object({ name: z.string(), email: z.string() }).nullable(),
            target: z
              .object({
                name: z.string(),
                nameZh: z.string().nullable(),
                extra: z.string().nullable(),
                organizationId: z.number().nullable(),
              })
              .nullable(),
          }),
        ),
        total: z.number(),
        page: z.number(),
        pageSize: z.number(),
        actions: z.array(z.string()),
      }),
    )
    .query(({ ctx, input }) =>
      listAudit(ctx.db, { ...input, action: input.action || undefined, actor: input.actor || undefined }),
    ),
});

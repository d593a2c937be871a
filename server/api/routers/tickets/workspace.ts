import { z } from "zod";
import {
  ESCALATION_LEVELS,
  PRODUCT_AREAS,
  RESOLUTION_KINDS,
  TICKET_CATEGORIES,
  TICKET_STATUSES,
} from "@/db/schema/enums";
import { deliveringMail } from "@/server/notifications/mailer";
import { updateTicket } from "@/server/tickets/workspace-service";
import { ZPriority } from "../../schemas";
import { ZAttachmentIds, ZId, support } from "./schemas";

/** The agent's ticket page: the one save of the properties panel and the reply. */
export const ticketWorkspace = {
  /**
   * Saves the properties panel and the reply (or note) together in one transaction; refused, with
   * nothing changed, when the ticket changed since `version` (its `updatedAt` as the page loaded it).
   */
  update: support
    .input(
      z.object({
        ticketId: ZId,
        version: z.date(),
        properties: z
          .object({
            status: z.enum(TICKET_STATUSES).optional(),
            priority: ZPriority.optional(),
            assigneeId: ZId.nullable().optional(),
            escalationLevel: z.enum(ESCALATION_LEVELS).optional(),
            category: z.enum(TICKET_CATEGORIES).optional(),
            productArea: z.enum(PRODUCT_AREAS).optional(),
          })
          .optional(),
        priorityReason: z.string().trim().max(2000).optional(),
        escalationReason: z.string().trim().max(2000).optional(),
        resolutionKind: z.enum(RESOLUTION_KINDS).optional(),
        reply: z
          .object({ body: z.string().max(20_000), internal: z.boolean(), attachmentIds: ZAttachmentIds })
          .optional(),
      }),
    )
    .output(z.object({ changed: z.boolean(), version: z.date() }))
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => updateTicket(ctx.db, ctx.user, input, ctx.now()))),
};

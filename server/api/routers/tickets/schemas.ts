import { z } from "zod";
import { permittedProcedure } from "../../trpc";

export const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ZReason = z.string().trim().min(3, "Please give a reason of at least 3 characters.").max(2000);
export const ZBody = z.string().trim().min(1, "Please write a message.").max(20_000);
export const ZCursor = z.union([
  z.object({ createdAt: z.date(), id: ZId }),
  z.object({ nextDueAt: z.date(), id: ZId }),
]);
/** Support staff: agents, experts and managers. */
export const support = permittedProcedure("tickets.support");

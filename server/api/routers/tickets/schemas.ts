import { z } from "zod";
import { FAULT_ENVIRONMENTS, USERS_AFFECTED } from "@/db/schema/enums";
import { MAX_FILES_PER_MESSAGE } from "@/server/attachments/limits";
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
/** Pending uploads to attach to a ticket, a reply or a note (POST /api/attachments made them). */
export const ZAttachmentIds = z.array(ZId).max(MAX_FILES_PER_MESSAGE).optional();
/** The fault details of the new-ticket form; every field optional. */
export const ZFaultDetails = z.object({
  environment: z.enum(FAULT_ENVIRONMENTS).nullish(),
  usersAffected: z.enum(USERS_AFFECTED).nullish(),
  startedAt: z.date().nullish(),
  appId: z.string().trim().max(100).nullish(),
  channelName: z.string().trim().max(200).nullish(),
  userIds: z.string().trim().max(1000).nullish(),
  reproSteps: z.string().trim().max(10_000).nullish(),
});

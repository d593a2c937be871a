import { z } from "zod";
import { MEETING_STATUSES } from "@/db/schema/enums";
import { ZId, ZMeetingRequestInput, text } from "@/server/accounts/inputs";
import { answerMeeting, listMeetingRequests, requestMeeting } from "@/server/accounts/meetings";
import { customerProcedure, permittedProcedure } from "../../trpc";
import { ZMeetingRequest } from "./schemas";

/** Meeting requests: customers ask, the account team answers. */
export const accountMeetings = {
  requestMeeting: customerProcedure
    .input(ZMeetingRequestInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => requestMeeting(ctx.db, ctx.user, ctx.organizationId, input, ctx.now())),
  meetingRequests: permittedProcedure("meetings.read")
    .input(z.object({ organizationId: ZId.optional(), status: z.enum(MEETING_STATUSES).optional() }))
    .output(z.array(ZMeetingRequest))
    .query(({ ctx, input }) => listMeetingRequests(ctx.db, ctx.user, input)),
  answerMeeting: permittedProcedure("accounts.edit")
    .input(z.object({ id: ZId, status: z.enum(["scheduled", "declined"]), response: text(3, 1000) }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => answerMeeting(ctx.db, ctx.user, input, ctx.now())),
};

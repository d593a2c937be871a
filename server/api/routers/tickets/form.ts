import { z } from "zod";
import { SUPPORT_ROLES } from "@/db/schema/enums";
import { previewTicketMarkdown } from "@/server/tickets/render";
import { listColleagues, recordDeflection, searchAssignees, searchRequesters } from "@/server/tickets/service";
import { authedProcedure, customerProcedure } from "../../trpc";
import { ZId, support } from "./schemas";

/** What the ticket forms need: colleagues, assignees, requesters, deflection records and the Markdown preview. */
export const ticketFormHelpers = {
  /** The members of the customer's organization, for the requester filter. */
  colleagues: customerProcedure
    .input(z.void())
    .output(z.array(z.object({ id: z.number(), name: z.string(), email: z.string() })))
    .query(({ ctx }) => listColleagues(ctx.db, ctx.user)),
  /** Support staff a ticket can be assigned to (agents, experts, managers), searched by name or email. */
  assignees: support
    .input(z.object({ query: z.string().max(100).default(""), limit: z.number().int().min(1).max(100).default(50) }))
    .output(z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.enum(SUPPORT_ROLES) })))
    .query(({ ctx, input }) => searchAssignees(ctx.db, input.query, input.limit)),
  /** Customers staff can log a ticket for. */
  requesters: support
    .input(z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(20) }))
    .output(z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), organization: z.string() })))
    .query(({ ctx, input }) => searchRequesters(ctx.db, input.query, input.limit)),
  /** Records a knowledge base suggestion opened on the ticket form, or the form left without filing. */
  deflection: customerProcedure
    .input(
      z.object({
        kind: z.enum(["suggestion_opened", "abandoned"]),
        articleId: ZId.nullish(),
        query: z.string().max(200).nullish(),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => recordDeflection(ctx.db, ctx.user, input, ctx.now())),
  /** Renders ticket Markdown exactly as the ticket page will show it (sanitized), for the form's preview. */
  preview: authedProcedure
    .input(z.object({ markdown: z.string().max(20_000) }))
    .output(z.object({ html: z.string() }))
    .mutation(({ ctx, input }) => previewTicketMarkdown(input.markdown, ctx.renderBudget)),
};

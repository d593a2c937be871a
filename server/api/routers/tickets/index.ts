import { createTRPCRouter } from "../../trpc";
import { ticketActions } from "./actions";
import { ticketDisputes } from "./disputes";
import { ticketFormHelpers } from "./form";
import { ticketQueue } from "./queue";
import { ticketReads } from "./read";
import { ticketRoutes } from "./routes";
import { ticketWorkspace } from "./workspace";

/** Tickets: one router, its procedures grouped by concern in this folder. */
export const ticketsRouter = createTRPCRouter({
  ...ticketReads,
  ...ticketActions,
  ...ticketDisputes,
  ...ticketFormHelpers,
  ...ticketWorkspace,
  ...ticketQueue,
  ...ticketRoutes,
});

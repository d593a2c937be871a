import { createTRPCRouter } from "../../trpc";
import { accountFollowUps } from "./follow-ups";
import { accountMeetings } from "./meetings";
import { accountOrganizations } from "./organizations";
import { accountPortfolio } from "./portfolio";

/** Accounts: one router, its procedures grouped by concern in this folder. */
export const accountsRouter = createTRPCRouter({
  ...accountOrganizations,
  ...accountMeetings,
  ...accountPortfolio,
  ...accountFollowUps,
});

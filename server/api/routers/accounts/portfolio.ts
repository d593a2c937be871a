import { z } from "zod";
import { ZId, ZPortfolioFilter } from "@/server/accounts/inputs";
import { listPortfolio, organizationHealthNow } from "@/server/accounts/portfolio";
import { PORTFOLIO_SORTS } from "@/server/accounts/portfolio-sort";
import { getOrganizationOverview } from "@/server/accounts/service";
import { permittedProcedure } from "../../trpc";
import { ZTierCode } from "../../schemas";
import { ZHealth } from "./schemas";

/** The account team's portfolio and each organization's health. */
export const accountPortfolio = {
  portfolio: permittedProcedure("accounts.edit")
    .input(ZPortfolioFilter)
    .output(
      z.object({
        total: z.number(),
        page: z.number(),
        pageSize: z.number(),
        sort: z.enum(PORTFOLIO_SORTS),
        dir: z.enum(["asc", "desc"]),
        today: z.string(),
        counts: z.object({ red: z.number(), yellow: z.number(), green: z.number() }),
        items: z.array(
          z.object({
            id: z.number(),
            name: z.string(),
            tier: ZTierCode,
            region: z.string(),
            accountManager: z.string().nullable(),
            contractEnd: z.string(),
            daysToRenewal: z.number(),
            health: ZHealth,
            trend: z.array(z.object({ quarter: z.string(), score: z.number().nullable() })),
            openTickets: z.number(),
            breachesThisQuarter: z.number(),
            nextFollowUpOn: z.string().nullable(),
            openFollowUps: z.number(),
            daysSinceEngagement: z.number().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listPortfolio(ctx.db, ctx.user, input, ctx.now())),
  /** Health internals are for the vendor's account staff and executives only (server/accounts/access). */
  health: permittedProcedure("accounts.health")
    .input(z.object({ organizationId: ZId }))
    .output(ZHealth)
    .query(({ ctx, input }) => {
      const org = getOrganizationOverview(ctx.db, input.organizationId, ctx.now());
      return organizationHealthNow(ctx.db, { id: org.id, contractEnd: org.contractEnd }, ctx.now());
    }),
};

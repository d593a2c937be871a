import { z } from "zod";
import { getIncident, listIncidents, organizationChoices } from "@/server/incidents/service";
import { ZId, ZIncidentListFilters } from "@/server/incidents/input";
import { authedProcedure, permittedProcedure } from "../../trpc";
import { ZRegion, ZTierCode } from "../../schemas";
import { ZDetail, ZListItem } from "./schemas";

/** Reading incidents, and the organizations staff pick from. */
export const incidentReads = {
  /** Staff: every incident; customers: only those that affected their organization. */
  list: authedProcedure
    .input(ZIncidentListFilters)
    .output(z.array(ZListItem))
    .query(({ ctx, input }) => listIncidents(ctx.db, ctx.user, input, ctx.now())),
  get: authedProcedure
    .input(z.object({ id: ZId }))
    .output(ZDetail)
    .query(({ ctx, input }) => getIncident(ctx.db, ctx.user, input.id, ctx.now())),
  /** Staff pickers: every organization with its region and tier. */
  organizations: permittedProcedure("incidents.read")
    .input(z.void())
    .output(
      z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          region: ZRegion,
          tierCode: ZTierCode,
          proactiveAlerts: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => organizationChoices(ctx.db)),
};

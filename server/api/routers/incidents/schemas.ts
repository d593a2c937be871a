import { z } from "zod";
import { ACTION_STATUSES, PRODUCT_AREAS } from "@/db/schema/enums";
import { ZPhase, ZSeverity } from "@/server/incidents/input";
import { permittedProcedure } from "../../trpc";
import { ZRegion, ZTierCode } from "../../schemas";

/** What an incident's list row and its page both show. */
export const ZIncidentBase = z.object({
  id: z.number(),
  title: z.string(),
  productArea: z.enum(PRODUCT_AREAS),
  regions: z.array(ZRegion),
  severity: ZSeverity,
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  planned: z.boolean(),
  announcedAt: z.date().nullable(),
});

export const ZListItem = ZIncidentBase.extend({
  phase: ZPhase,
  countsAsDowntime: z.boolean(),
  scope: z.enum(["regions", "list"]),
  listedOrganizations: z.number().nullable(),
});

export const ZDetail = ZIncidentBase.extend({
  allOrganizations: z.boolean(),
  summary: z.string(),
  rootCause: z.string().nullable(),
  reviewTimeline: z.string().nullable(),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  phase: ZPhase,
  downtimeRule: z.enum(["outage", "shortNotice", "announced"]),
  affectedOrganizations: z.array(z.object({ id: z.number(), name: z.string(), region: ZRegion, tierCode: ZTierCode })),
  updates: z.array(z.object({ id: z.number(), at: z.date(), body: z.string() })),
  actions: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      owner: z.string().nullable(),
      dueDate: z.string(),
      status: z.enum(ACTION_STATUSES),
    }),
  ),
});

export const writers = permittedProcedure("incidents.write");
export const ZDueDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the due date as YYYY-MM-DD.");

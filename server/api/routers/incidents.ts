import { z } from "zod";
import { ACTION_STATUSES, INCIDENT_SEVERITIES, PRODUCT_AREAS } from "@/db/schema/enums";
import {
  addIncidentUpdate,
  addPreventionAction,
  createIncident,
  endIncident,
  getIncident,
  listIncidents,
  organizationChoices,
  saveIncidentReview,
  updateIncident,
  updatePreventionAction,
} from "@/server/incidents/service";
import { authedProcedure, createTRPCRouter, permittedProcedure } from "../trpc";
import { ZRegion, ZTierCode } from "../schemas";

const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZWhen = z
  .date()
  .refine(
    (d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100,
    "Give a valid date and time.",
  );
const ZText = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
const ZSeverity = z.enum(INCIDENT_SEVERITIES);
const ZPhase = z.enum(["ongoing", "scheduled", "ended"]);

const ZIncidentInput = z.object({
  title: ZText(5, 200, "Please give a title of at least 5 characters."),
  productArea: z.enum(PRODUCT_AREAS),
  regions: z.array(ZRegion).min(1, "Choose at least one region.").max(3),
  severity: ZSeverity,
  startedAt: ZWhen,
  endedAt: ZWhen.nullable(),
  planned: z.boolean(),
  announcedAt: ZWhen.nullable(),
  allOrganizations: z.boolean(),
  organizationIds: z.array(ZId).max(1000),
  summary: ZText(10, 5000, "Please write a customer-facing summary of at least 10 characters."),
});

/** What an incident's list row and its page both show. */
const ZIncidentBase = z.object({
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

const ZListItem = ZIncidentBase.extend({
  phase: ZPhase,
  countsAsDowntime: z.boolean(),
  scope: z.enum(["regions", "list"]),
  listedOrganizations: z.number().nullable(),
});

const ZDetail = ZIncidentBase.extend({
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

const writers = permittedProcedure("incidents.write");
const ZDueDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the due date as YYYY-MM-DD.");

export const incidentsRouter = createTRPCRouter({
  /** Staff: every incident; customers: only those that affected their organization. */
  list: authedProcedure
    .input(
      z.object({
        phase: ZPhase.optional(),
        productArea: z.enum(PRODUCT_AREAS).optional(),
        region: ZRegion.optional(),
        severity: ZSeverity.optional(),
        kind: z.enum(["outage", "maintenance"]).optional(),
        organizationId: ZId.optional(),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    )
    .output(z.array(ZListItem))
    .query(({ ctx, input }) => listIncidents(ctx.db, ctx.user, input, ctx.now())),
  get: authedProcedure
    .input(z.object({ id: ZId }))
    .output(ZDetail)
    .query(({ ctx, input }) => getIncident(ctx.db, ctx.user, input.id, ctx.now())),
  create: writers
    .input(ZIncidentInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createIncident(ctx.db, ctx.user, input, ctx.now())),
  update: writers
    .input(ZIncidentInput.extend({ id: ZId }))
    .output(z.void())
    .mutation(({ ctx, input: { id, ...rest } }) => updateIncident(ctx.db, ctx.user, id, rest, ctx.now())),
  end: writers
    .input(z.object({ incidentId: ZId, body: ZText(3, 5000, "Please write an update of at least 3 characters.") }))
    .output(z.void())
    .mutation(({ ctx, input }) => endIncident(ctx.db, ctx.user, input, ctx.now())),
  addUpdate: writers
    .input(z.object({ incidentId: ZId, body: ZText(3, 5000, "Please write an update of at least 3 characters.") }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => addIncidentUpdate(ctx.db, ctx.user, input, ctx.now())),
  saveReview: writers
    .input(
      z.object({
        incidentId: ZId,
        rootCause: z.string().trim().max(10_000).nullable(),
        reviewTimeline: z.string().trim().max(20_000).nullable(),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => saveIncidentReview(ctx.db, ctx.user, input, ctx.now())),
  addAction: writers
    .input(
      z.object({
        incidentId: ZId,
        title: ZText(3, 300, "Please describe the action in at least 3 characters."),
        owner: ZText(2, 120, "Please name the owner."),
        dueDate: ZDueDate,
        status: z.enum(ACTION_STATUSES),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => addPreventionAction(ctx.db, ctx.user, input, ctx.now())),
  updateAction: writers
    .input(
      z.object({
        actionId: ZId,
        owner: ZText(2, 120, "Please name the owner."),
        dueDate: ZDueDate,
        status: z.enum(ACTION_STATUSES),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => updatePreventionAction(ctx.db, ctx.user, input, ctx.now())),
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
});

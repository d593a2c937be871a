import { z } from "@/server/zod";
import { INCIDENT_SEVERITIES, PRODUCT_AREAS } from "@/db/schema/enums";
import { ZRegion } from "@/server/api/schemas";

export const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZWhen = z
  .date()
  .refine(
    (d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100,
    "Give a valid date and time.",
  );
export const ZText = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
export const ZSeverity = z.enum(INCIDENT_SEVERITIES);
export const ZPhase = z.enum(["ongoing", "scheduled", "ended"]);

/** An incident as its writer creates or edits it. */
export const ZIncidentInput = z.object({
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
export type IncidentInput = z.infer<typeof ZIncidentInput>;

/** The incident list's filters; a customer's list stays limited to their organization whatever they pass. */
export const ZIncidentListFilters = z.object({
  phase: ZPhase.optional(),
  productArea: z.enum(PRODUCT_AREAS).optional(),
  region: ZRegion.optional(),
  severity: ZSeverity.optional(),
  kind: z.enum(["outage", "maintenance"]).optional(),
  organizationId: ZId.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type IncidentListFilters = z.infer<typeof ZIncidentListFilters>;

import { z } from "zod";
import { MEETING_CHANNELS, MEETING_STATUSES } from "@/db/schema/enums";
import { HEALTH_FACTORS } from "@/server/accounts/health";
import { ZOrganizationOverview } from "../../schemas";

export const ZHealth = z.object({
  score: z.number(),
  band: z.enum(["green", "yellow", "red"]),
  factors: z.array(
    z.object({
      key: z.enum(HEALTH_FACTORS),
      weight: z.number(),
      subscore: z.number(),
      contribution: z.number(),
      detail: z.record(z.string(), z.number().nullable()),
    }),
  ),
});

export const ZOrganization = ZOrganizationOverview.extend({ canManage: z.boolean() });

export const ZMeetingRequest = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  requestedBy: z.string(),
  topic: z.string(),
  preferredTimes: z.string(),
  channel: z.enum(MEETING_CHANNELS),
  status: z.enum(MEETING_STATUSES),
  response: z.string().nullable(),
  createdAt: z.date(),
  answeredAt: z.date().nullable(),
  canAnswer: z.boolean(),
});

/** The on-call router's input and output shapes (rotas, shifts, who is on call, pages). */
import { z } from "zod";
import {
  PAGE_EVENT_KINDS,
  PAGE_LEVELS,
  PAGE_REASONS,
  PRIORITIES,
  PRODUCT_AREAS,
  REGIONS,
  ROTA_KINDS,
} from "@/db/schema/enums";
import { MAX_MEMBERS } from "@/server/on-call/rota-rules";

export const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ZPerson = z.object({ id: z.number(), name: z.string() });
export const ZPeriod = z.object({ startsAt: z.date(), endsAt: z.date() });
/** A local date and time in the rota's zone, as the datetime-local input gives it. */
export const ZLocal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give a date and a time.")
  .max(16);

export const ZOnCallNow = z.object({
  rotaId: z.number(),
  name: z.string(),
  region: z.enum(REGIONS),
  productArea: z.enum(PRODUCT_AREAS).nullable(),
  timeZone: z.string(),
  primary: ZPerson.nullable(),
  secondary: ZPerson.nullable(),
});

export const ZPage = z.object({
  id: z.number(),
  ticketId: z.number(),
  subject: z.string(),
  priority: z.enum(PRIORITIES),
  reason: z.enum(PAGE_REASONS),
  level: z.enum(PAGE_LEVELS),
  person: z.string().nullable(),
  triggeredAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.string().nullable(),
  ackLatencyMs: z.number().nullable(),
  mine: z.boolean(),
  events: z.array(
    z.object({
      kind: z.enum(PAGE_EVENT_KINDS),
      level: z.enum(PAGE_LEVELS),
      person: z.string().nullable(),
      at: z.date(),
      latencyMs: z.number(),
    }),
  ),
});

export const ZSaveRota = z.object({
  id: ZId.optional(),
  name: z.string().trim().min(2, "Give the rota a name.").max(100),
  region: z.enum(REGIONS),
  productArea: z.enum(PRODUCT_AREAS).nullable(),
  timeZone: z.string().min(1).max(64),
  kind: z.enum(ROTA_KINDS),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date of the first handover.")
    .max(10),
  handoverTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/, "Give the handover time as HH:mm.")
    .max(5),
  managerId: ZId,
  ackMinutesP0: z.number().int().min(1).max(60),
  ackMinutesP1: z.number().int().min(1).max(240),
  members: z.array(ZId).max(MAX_MEMBERS),
});

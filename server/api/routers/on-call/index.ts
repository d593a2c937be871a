import { z } from "zod";
import { ON_CALL_ROLES, PRODUCT_AREAS, REGIONS, ROLES, ROTA_KINDS, ROTA_SHIFT_KINDS } from "@/db/schema/enums";
import { whoIsOnCall } from "@/server/on-call/load";
import { acknowledgePage } from "@/server/on-call/paging-service";
import {
  addShift,
  getRota,
  listRotas,
  onCallCandidates,
  pagesFor,
  removeShift,
  saveRota,
} from "@/server/on-call/rota-service";
import { atRiskPercent, setAtRiskPercent } from "@/server/on-call/settings";
import { deliveringMail } from "@/server/notifications/mailer";
import { createTRPCRouter, permittedProcedure } from "../../trpc";

import { ZId, ZLocal, ZOnCallNow, ZPage, ZPeriod, ZPerson, ZSaveRota } from "./schemas";

export const onCallRouter = createTRPCRouter({
  /** Who is on call now in every rota (queue header, staff home). */
  now: permittedProcedure("oncall.read")
    .input(z.void())
    .output(z.array(ZOnCallNow))
    .query(({ ctx }) => whoIsOnCall(ctx.db, ctx.now())),
  /** Every rota with who is on call now and its gaps ahead; regions without a general rota. */
  rotas: permittedProcedure("oncall.read")
    .input(z.void())
    .output(
      z.object({
        rotas: z.array(ZOnCallNow.extend({ gaps: z.array(ZPeriod) })),
        regionsWithoutRota: z.array(z.enum(REGIONS)),
      }),
    )
    .query(({ ctx }) => listRotas(ctx.db, ctx.now())),
  /** One rota: settings, rotation, entries ahead, coverage, gaps and overlaps. */
  rota: permittedProcedure("oncall.read")
    .input(z.object({ id: ZId }))
    .output(
      z.object({
        rota: z.object({
          id: z.number(),
          name: z.string(),
          region: z.enum(REGIONS),
          productArea: z.enum(PRODUCT_AREAS).nullable(),
          timeZone: z.string(),
          kind: z.enum(ROTA_KINDS),
          startDate: z.string(),
          handoverTime: z.string(),
          managerId: z.number(),
          manager: z.string(),
          ackMinutesP0: z.number(),
          ackMinutesP1: z.number(),
        }),
        members: z.array(ZPerson.extend({ available: z.boolean() })),
        entries: z.array(
          z.object({
            id: z.number(),
            kind: z.enum(ROTA_SHIFT_KINDS),
            role: z.enum(ON_CALL_ROLES),
            person: ZPerson,
            startsAt: z.date(),
            endsAt: z.date(),
            note: z.string().nullable(),
          }),
        ),
        coverage: z.array(ZPeriod.extend({ primary: ZPerson.nullable(), secondary: ZPerson.nullable() })),
        gaps: z.array(ZPeriod),
        overlaps: z.array(ZPeriod),
      }),
    )
    .query(({ ctx, input }) => getRota(ctx.db, input.id, ctx.now())),
  /** Active support staff who may be on call, and managers (for the rota form). */
  candidates: permittedProcedure("oncall.manage")
    .input(z.void())
    .output(z.array(ZPerson.extend({ role: z.enum(ROLES) })))
    .query(({ ctx }) => onCallCandidates(ctx.db)),
  saveRota: permittedProcedure("oncall.manage")
    .input(ZSaveRota)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => saveRota(ctx.db, ctx.user, input, ctx.now())),
  /** A custom rota's shift or any rota's override, in the rota's local time. */
  addShift: permittedProcedure("oncall.manage")
    .input(
      z.object({
        rotaId: ZId,
        kind: z.enum(ROTA_SHIFT_KINDS),
        role: z.enum(ON_CALL_ROLES),
        userId: ZId,
        startsLocal: ZLocal,
        endsLocal: ZLocal,
        note: z.string().trim().max(200).nullable(),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => addShift(ctx.db, ctx.user, input, ctx.now())),
  removeShift: permittedProcedure("oncall.manage")
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => removeShift(ctx.db, ctx.user, input.id, ctx.now())),
  /** Pages waiting for the caller, and the paging log with latencies. */
  pages: permittedProcedure("oncall.read")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .output(z.object({ waiting: z.array(ZPage), log: z.array(ZPage) }))
    .query(({ ctx, input }) => pagesFor(ctx.db, ctx.user, { limit: input.limit })),
  acknowledge: permittedProcedure("oncall.read")
    .input(z.object({ pageId: ZId }))
    .output(z.object({ pageId: z.number(), ticketId: z.number(), latencyMs: z.number() }))
    .mutation(({ ctx, input }) =>
      deliveringMail(ctx, () => acknowledgePage(ctx.db, ctx.user, input.pageId, ctx.now())),
    ),
  settings: permittedProcedure("oncall.read")
    .input(z.void())
    .output(z.object({ atRiskPercent: z.number() }))
    .query(({ ctx }) => ({ atRiskPercent: atRiskPercent(ctx.db) })),
  setAtRiskPercent: permittedProcedure("oncall.manage")
    .input(z.object({ percent: z.number().int().min(1).max(90) }))
    .output(z.object({ percent: z.number() }))
    .mutation(({ ctx, input }) => setAtRiskPercent(ctx.db, ctx.user, input.percent, ctx.now())),
});

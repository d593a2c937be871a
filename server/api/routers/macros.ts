import { z } from "zod";
import { MACRO_STATUSES, TICKET_CATEGORIES } from "@/db/schema/enums";
import { deleteMacro, listMacros, saveMacro } from "@/server/macros/service";
import { createTRPCRouter, permittedProcedure } from "../trpc";

const ZTitle = z.string().trim().min(2, "Please give the macro a title.").max(120);
const ZMacroBody = z.string().trim().min(1, "Please write the macro's text.").max(20_000);
const ZMacro = z.object({
  id: z.number(),
  shared: z.boolean(),
  titleEn: z.string(),
  titleZh: z.string(),
  bodyEn: z.string(),
  bodyZh: z.string(),
  setStatus: z.enum(MACRO_STATUSES).nullable(),
  setCategory: z.enum(TICKET_CATEGORIES).nullable(),
  assignToMe: z.boolean(),
  updatedAt: z.date(),
});

/** Macros (canned replies): the reply box's menu and the management page. */
export const macrosRouter = createTRPCRouter({
  /** The shared macros and the caller's personal ones. */
  list: permittedProcedure("macros.use")
    .input(z.void())
    .output(z.array(ZMacro))
    .query(({ ctx }) => listMacros(ctx.db, ctx.user)),
  /** Creates (no id) or changes a macro: a personal one, or a shared one for managers and admins. */
  save: permittedProcedure("macros.use")
    .input(
      z.object({
        id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullish(),
        shared: z.boolean(),
        titleEn: ZTitle,
        titleZh: ZTitle,
        bodyEn: ZMacroBody,
        bodyZh: ZMacroBody,
        setStatus: z.enum(MACRO_STATUSES).nullable(),
        setCategory: z.enum(TICKET_CATEGORIES).nullable(),
        assignToMe: z.boolean(),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => saveMacro(ctx.db, ctx.user, input, ctx.now())),
  delete: permittedProcedure("macros.use")
    .input(z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }))
    .output(z.void())
    .mutation(({ ctx, input }) => deleteMacro(ctx.db, ctx.user, input, ctx.now())),
});

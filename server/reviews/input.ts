/**
 * The inputs of a review's writes, declared once: the router validates with these schemas, the
 * service and the review page's forms use the inferred types.
 */
import { z } from "zod";
import { ACTION_SIDES, ACTION_STATUSES } from "@/db/schema/enums";

export const ZId = z.number().int().positive();

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** An action item of a review, added (no `id`) or edited in place. */
export const ZActionItemInput = z.object({
  reviewId: ZId,
  id: ZId.optional(),
  title: z.string().trim().min(3).max(200),
  side: z.enum(ACTION_SIDES),
  owner: z.string().trim().min(2).max(120),
  dueDate: z.string().max(10).refine(isRealDate, "Enter a date as YYYY-MM-DD."),
  status: z.enum(ACTION_STATUSES),
});
export type ActionItemInput = z.infer<typeof ZActionItemInput>;

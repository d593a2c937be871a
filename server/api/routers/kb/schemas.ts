import { z } from "zod";
import { ARTICLE_TYPES, FEEDBACK_REASONS, PRODUCT_AREAS } from "@/db/schema/enums";
import { permittedProcedure } from "../../trpc";
import { ZLocale } from "../../schemas";

export const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ZSlug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9-]+$/);
export const ZArea = z.enum(PRODUCT_AREAS);
export const ZType = z.enum(ARTICLE_TYPES);
export const ZReason = z.enum(FEEDBACK_REASONS);
export const ZToc = z.array(
  z.object({ id: z.string(), text: z.string(), depth: z.union([z.literal(2), z.literal(3)]) }),
);
export const ZSaved = z.object({ id: z.number(), slug: z.string(), locale: ZLocale, updatedAt: z.date() });
export const ZSnippet = z.array(z.object({ text: z.string(), hit: z.boolean() }));
/** Every staff role; writing rules beyond "staff" (who publishes) live in the edit service. */
export const staffProcedure = permittedProcedure("kb.write");

import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const healthRouter = createTRPCRouter({
  /** The framework floor for benchmarks: no database, no session. */
  ping: publicProcedure
    .input(z.void())
    .output(z.object({ ok: z.literal(true) }))
    .query(() => ({ ok: true as const })),
});

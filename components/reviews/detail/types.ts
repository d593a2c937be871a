import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** The review page's one query result: the review, its frozen snapshot and its action items. */
export type Review = inferRouterOutputs<AppRouter>["reviews"]["get"];
export type Snapshot = Review["snapshot"];
export type Figures = { met: number; breached: number; excluded: number; n: number; attainment: number | null };

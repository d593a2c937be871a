import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** The ticket page's one query result: the ticket, its SLA metrics, conversation, disputes, complaints and timeline. */
export type Detail = inferRouterOutputs<AppRouter>["tickets"]["get"];
export type MetricRow = Detail["metrics"][number];

import { createTRPCRouter } from "../../trpc";
import { slaDashboards } from "./dashboards";
import { slaReports } from "./reports";
import { slaService } from "./service";

/** SLA dashboards and reports: one router, its procedures grouped by concern in this folder. */
export const slaRouter = createTRPCRouter({ ...slaDashboards, ...slaReports, ...slaService });

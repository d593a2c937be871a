import { createTRPCRouter } from "../../trpc";
import { incidentActions } from "./actions";
import { incidentReads } from "./read";

/** Incidents: one router, its procedures grouped by concern in this folder. */
export const incidentsRouter = createTRPCRouter({ ...incidentReads, ...incidentActions });

import { createTRPCRouter } from "../../trpc";
import { incidentActions } from "./actions";
import { incidentReads } from "./read";
import { incidentSubscription } from "./subscription";

/** Incidents: one router, its procedures grouped by concern in this folder. */
export const incidentsRouter = createTRPCRouter({ ...incidentReads, ...incidentActions, ...incidentSubscription });

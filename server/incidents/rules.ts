/**
 * What makes an incident record consistent, before anything is written. Pure: `now` is an argument.
 */
import { countsAsDowntime } from "@/server/availability/availability";

export type IncidentTimes = {
  startedAt: Date;
  endedAt: Date | null;
  planned: boolean;
  announcedAt: Date | null;
  allOrganizations: boolean;
  organizationIds: number[];
};

export type IncidentProblem = { field: string; messageKey: string; message: string };

/**
 * The first problem with an incident's times and scope, or null when it is consistent:
 * an outage cannot start or end in the future (it is recorded as it happens); maintenance may be
 * scheduled ahead but must say when it was announced, no later than its start and not in the
 * future; the end comes after the start; a chosen list of organizations cannot be empty.
 */
export function incidentProblem(input: IncidentTimes, now: Date): IncidentProblem | null {
  if (input.endedAt && input.endedAt.getTime() <= input.startedAt.getTime())
    return {
      field: "endedAt",
      messageKey: "incidents.errors.endBeforeStart",
      message: "The end must be after the start.",
    };
  if (!input.planned) {
    if (input.startedAt.getTime() > now.getTime())
      return {
        field: "startedAt",
        messageKey: "incidents.errors.futureStart",
        message: "An outage cannot start in the future; record planned maintenance instead.",
      };
    if (input.endedAt && input.endedAt.getTime() > now.getTime())
      return {
        field: "endedAt",
        messageKey: "incidents.errors.futureEnd",
        message: "An outage cannot end in the future; leave it ongoing until it is over.",
      };
  } else {
    if (!input.announcedAt)
      return {
        field: "announcedAt",
        messageKey: "incidents.errors.announcementRequired",
        message: "Planned maintenance needs the time it was announced to customers.",
      };
    if (input.announcedAt.getTime() > input.startedAt.getTime())
      return {
        field: "announcedAt",
        messageKey: "incidents.errors.announcedAfterStart",
        message: "The announcement cannot come after the maintenance started.",
      };
    if (input.announcedAt.getTime() > now.getTime())
      return {
        field: "announcedAt",
        messageKey: "incidents.errors.announcedInFuture",
        message: "The announcement time cannot be in the future.",
      };
  }
  if (!input.allOrganizations && input.organizationIds.length === 0)
    return {
      field: "organizationIds",
      messageKey: "incidents.errors.noOrganizations",
      message: "Choose at least one affected organization, or all organizations in the regions.",
    };
  return null;
}

export type IncidentPhase = "ongoing" | "scheduled" | "ended";

/** Where an incident stands at `now`: scheduled (not started yet), ongoing, or ended. */
export function incidentPhase(incident: { startedAt: Date; endedAt: Date | null }, now: Date): IncidentPhase {
  if (incident.startedAt.getTime() > now.getTime()) return "scheduled";
  if (incident.endedAt === null || incident.endedAt.getTime() > now.getTime()) return "ongoing";
  return "ended";
}

/** Whether the incident counts against availability, and why: the sentence a customer reads. */
export function downtimeRule(incident: {
  planned: boolean;
  announcedAt: Date | null;
  startedAt: Date;
}): "outage" | "shortNotice" | "announced" {
  if (!incident.planned) return "outage";
  return countsAsDowntime(incident) ? "shortNotice" : "announced";
}

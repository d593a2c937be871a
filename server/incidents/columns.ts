import { incidents } from "@/db/schema";

/** An incident's own columns as the status page, the incident list and availability read them. */
export const INCIDENT_COLUMNS = {
  id: incidents.id,
  title: incidents.title,
  productArea: incidents.productArea,
  regions: incidents.regions,
  severity: incidents.severity,
  startedAt: incidents.startedAt,
  endedAt: incidents.endedAt,
  planned: incidents.planned,
  announcedAt: incidents.announcedAt,
  allOrganizations: incidents.allOrganizations,
};

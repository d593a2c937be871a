/**
 * Demo incidents: a few per month over the six months before the anchor's month, placed by day of
 * month so every month's availability is stable whatever day the demo is anchored on. Some overlap,
 * one maintenance was announced a week ahead (excused) and one at short notice (counted), some affect
 * a chosen list of organizations, and one month owes a 25 % credit in EMEA. In the anchor's own month
 * there is an ongoing incident in EMEA and announced maintenance ahead in the Americas, and nothing
 * that costs Nimbus Live (organization index 0) availability, so a new outage shows exactly.
 */
import type { Db } from "@/server/db";
import { reminderDueAt } from "@/server/incidents/subscription-rules";
import { incidentOrganizations, incidents, incidentUpdates, maintenanceReminders, preventionActions } from "../schema";
import type { INCIDENT_SEVERITIES, ProductArea, Region } from "../schema/enums";

type Tx = Pick<Db, "insert">;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Spec = {
  title: string;
  productArea: ProductArea;
  regions: Region[];
  severity: (typeof INCIDENT_SEVERITIES)[number];
  /** Months before the anchor's month (0 = the anchor's month). */
  monthsAgo: number;
  day: number;
  time: string;
  minutes: number;
  /** Hours before the start that maintenance was announced. */
  announcedHoursAhead?: number;
  /** Indexes into the organization list; absent = all organizations in the regions. */
  organizations?: number[];
  rootCause?: string;
  actions?: { title: string; owner: string; dueInDays: number; status: "open" | "in_progress" | "done" }[];
};

export const DEMO_INCIDENT_SPECS: Spec[] = [
  {
    title: "Elevated join failures in US West",
    productArea: "video_calling",
    regions: ["americas"],
    severity: "major",
    monthsAgo: 1,
    day: 6,
    time: "14:10",
    minutes: 42,
    organizations: [0, 4, 12],
    rootCause: "A configuration change rolled out to one cluster exhausted its connection pool.",
    actions: [
      {
        title: "Add connection pool saturation alert to the edge dashboards",
        owner: "Kenji Watanabe",
        dueInDays: 20,
        status: "done",
      },
      {
        title: "Stage configuration changes one cluster at a time with automatic rollback",
        owner: "Morgan Lee",
        dueInDays: 45,
        status: "in_progress",
      },
    ],
  },
  {
    // Overlaps the join failures above by 12 minutes: counted once for the organizations in both.
    title: "Media relay packet loss in the Americas",
    productArea: "video_calling",
    regions: ["americas"],
    severity: "major",
    monthsAgo: 1,
    day: 6,
    time: "14:40",
    minutes: 35,
    rootCause: "A faulty line card on a transit link dropped packets until traffic was moved.",
  },
  {
    title: "Real-time messaging delivery delays",
    productArea: "realtime_messaging",
    regions: ["china", "emea", "americas"],
    severity: "minor",
    monthsAgo: 1,
    day: 12,
    time: "08:00",
    minutes: 18,
  },
  {
    title: "Scheduled media gateway upgrade",
    productArea: "live_streaming",
    regions: ["emea"],
    severity: "minor",
    monthsAgo: 2,
    day: 9,
    time: "01:00",
    minutes: 60,
    announcedHoursAhead: 7 * 24,
  },
  {
    title: "Voice calling outage in Shanghai edge",
    productArea: "voice_calling",
    regions: ["china"],
    severity: "critical",
    monthsAgo: 2,
    day: 17,
    time: "03:30",
    minutes: 95,
    rootCause: "A certificate on the Shanghai edge expired; automated renewal had failed silently.",
    actions: [
      { title: "Alert 30 days before any edge certificate expires", owner: "Zhou Ling", dueInDays: 30, status: "done" },
    ],
  },
  {
    title: "Short-notice database failover for messaging",
    productArea: "realtime_messaging",
    regions: ["americas", "emea"],
    severity: "minor",
    monthsAgo: 2,
    day: 21,
    time: "06:00",
    minutes: 30,
    announcedHoursAhead: 24,
  },
  {
    title: "Conversational AI latency spike",
    productArea: "conversational_ai",
    regions: ["china", "emea", "americas"],
    severity: "minor",
    monthsAgo: 3,
    day: 4,
    time: "16:00",
    minutes: 25,
  },
  {
    title: "Interactive live streaming outage in US East",
    productArea: "live_streaming",
    regions: ["americas"],
    severity: "critical",
    monthsAgo: 3,
    day: 19,
    time: "20:05",
    minutes: 250,
    rootCause: "A storage quota on the transcoding cluster was reached; new streams could not start.",
    actions: [
      {
        title: "Capacity alerts at 70 % and 85 % of every transcoding quota",
        owner: "Kenji Watanabe",
        dueInDays: 14,
        status: "done",
      },
      { title: "Quarterly capacity review for media clusters", owner: "Morgan Lee", dueInDays: 90, status: "open" },
    ],
  },
  {
    title: "Voice calling regional outage in EMEA",
    productArea: "voice_calling",
    regions: ["emea"],
    severity: "critical",
    monthsAgo: 4,
    day: 11,
    time: "02:00",
    minutes: 540,
    rootCause:
      "A routing table update withdrew the EMEA anycast prefixes; traffic was blackholed until it was reverted.",
    actions: [
      { title: "Require two-person review for routing changes", owner: "Priya Shah", dueInDays: 21, status: "done" },
    ],
  },
  {
    title: "Planned signalling cluster migration",
    productArea: "voice_calling",
    regions: ["americas", "china"],
    severity: "minor",
    monthsAgo: 4,
    day: 23,
    time: "02:00",
    minutes: 120,
    announcedHoursAhead: 5 * 24,
  },
  {
    title: "Video calling degraded in Shanghai",
    productArea: "video_calling",
    regions: ["china"],
    severity: "major",
    monthsAgo: 5,
    day: 8,
    time: "10:00",
    minutes: 55,
  },
  {
    title: "Messaging API errors for selected customers",
    productArea: "realtime_messaging",
    regions: ["americas", "china", "emea"],
    severity: "major",
    monthsAgo: 5,
    day: 14,
    time: "13:00",
    minutes: 12,
    organizations: [0, 1, 2, 8],
  },
  {
    title: "Authentication service outage",
    productArea: "other",
    regions: ["china", "emea", "americas"],
    severity: "critical",
    monthsAgo: 6,
    day: 10,
    time: "07:00",
    minutes: 33,
  },
];

/** Writes the demo incidents with their updates and post-incident reviews. Deterministic for an anchor. */
export function seedIncidents(tx: Tx, opts: { anchor: Date; organizationIds: number[]; createdById: number }): number {
  const { anchor } = opts;
  let n = 0;
  const write = (
    spec: Omit<Spec, "monthsAgo" | "day" | "time" | "minutes">,
    startedAt: Date,
    endedAt: Date | null,
    announcedAt: Date | null,
    updates: { at: Date; body: string }[],
  ) => {
    const row = tx
      .insert(incidents)
      .values({
        title: spec.title,
        productArea: spec.productArea,
        regions: spec.regions,
        severity: spec.severity,
        startedAt,
        endedAt,
        planned: announcedAt !== null,
        announcedAt,
        allOrganizations: spec.organizations === undefined,
        summary: announcedAt
          ? `${spec.title}. Services in the affected regions may be briefly unavailable during the window.`
          : `${spec.title}. Customers in the affected regions saw failed or degraded sessions until service was restored.`,
        rootCause: spec.rootCause ?? null,
        reviewTimeline: spec.rootCause && endedAt ? timeline(startedAt, endedAt) : null,
        createdById: opts.createdById,
        createdAt: announcedAt ?? startedAt,
      })
      .returning({ id: incidents.id })
      .get();
    for (const index of spec.organizations ?? []) {
      const organizationId = opts.organizationIds[index];
      if (organizationId !== undefined)
        tx.insert(incidentOrganizations).values({ incidentId: row.id, organizationId }).run();
    }
    // Maintenance still ahead is reminded an hour before it starts, as if declared in the portal (decision 027).
    if (announcedAt && startedAt.getTime() > anchor.getTime())
      tx.insert(maintenanceReminders)
        .values({ incidentId: row.id, dueAt: reminderDueAt(startedAt) })
        .run();
    for (const u of updates) tx.insert(incidentUpdates).values({ incidentId: row.id, at: u.at, body: u.body }).run();
    for (const a of spec.actions ?? []) {
      const due = new Date((endedAt ?? startedAt).getTime() + a.dueInDays * DAY).toISOString().slice(0, 10);
      tx.insert(preventionActions)
        .values({ incidentId: row.id, title: a.title, owner: a.owner, dueDate: due, status: a.status })
        .run();
    }
    n++;
  };

  for (const spec of DEMO_INCIDENT_SPECS) {
    const [hh, mm] = spec.time.split(":").map(Number) as [number, number];
    const startedAt = new Date(
      Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - spec.monthsAgo, spec.day, hh, mm),
    );
    const endedAt = new Date(startedAt.getTime() + spec.minutes * MIN);
    const announcedAt = spec.announcedHoursAhead
      ? new Date(startedAt.getTime() - spec.announcedHoursAhead * HOUR)
      : null;
    const updates = announcedAt
      ? [
          { at: announcedAt, body: "Maintenance scheduled. Sessions may reconnect once during the window." },
          { at: endedAt, body: "Maintenance completed." },
        ]
      : [
          { at: new Date(startedAt.getTime() + 5 * MIN), body: "We are investigating elevated error rates." },
          {
            at: new Date(startedAt.getTime() + Math.floor(spec.minutes / 2) * MIN),
            body: "The cause has been identified and a fix is being applied.",
          },
          { at: endedAt, body: "Service is fully restored. A post-incident review will follow." },
        ];
    write(spec, startedAt, endedAt, announcedAt, updates);
  }

  // The anchor's month: an ongoing incident in EMEA, and announced maintenance ahead in the Americas.
  const ongoingStart = new Date(anchor.getTime() - 50 * MIN);
  write(
    {
      title: "Elevated latency for conversational AI in EMEA",
      productArea: "conversational_ai",
      regions: ["emea"],
      severity: "minor",
    },
    ongoingStart,
    null,
    null,
    [
      {
        at: new Date(ongoingStart.getTime() + 10 * MIN),
        body: "We are investigating elevated response times for conversational AI agents in EMEA.",
      },
    ],
  );
  const maintenanceStart = new Date(
    Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate() + 3, 2, 0),
  );
  const maintenanceAnnounced = new Date(anchor.getTime() - 2 * DAY);
  write(
    {
      title: "Planned media server upgrade in the Americas",
      productArea: "live_streaming",
      regions: ["americas"],
      severity: "minor",
    },
    maintenanceStart,
    new Date(maintenanceStart.getTime() + 90 * MIN),
    maintenanceAnnounced,
    [{ at: maintenanceAnnounced, body: "Maintenance scheduled. Live streams may reconnect once during the window." }],
  );
  return n;
}

function timeline(start: Date, end: Date): string {
  const hm = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`;
  return [
    `${hm(start)}: monitoring alerts fire; the on-call engineer opens the incident.`,
    `${hm(new Date(start.getTime() + 5 * MIN))}: first customer-facing update posted.`,
    `${hm(end)}: mitigation complete, error rates back to baseline.`,
  ].join("\n");
}

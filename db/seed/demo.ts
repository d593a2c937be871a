/**
 * The deterministic demo (docs/DOMAIN.md): reference data, staff and the demo sign-ins, about 40
 * organizations across tiers and regions, two years of tickets with realistic event logs, the
 * knowledge base, engagements and incidents. Everything is relative to `anchor` (the moment the
 * demo is "now"), so the same anchor always gives the same database.
 */
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { rebuildRollups } from "@/server/dashboards/rollup-service";
import { DEMO_PASSWORD } from "@/server/identity/demo";
import { markDemoDatabase } from "@/server/identity/installation";
import { engagements } from "../schema";
import type { Region, Role, TierCode } from "../schema/enums";
import { insertArticles } from "./articles-writer";
import { insertDemoFixFlow } from "./fix-flow";
import { insertDemoKnownIssues, insertDemoLifecycle } from "./lifecycle";
import { insertLogGuide } from "./log-guide";
import { seedIncidents } from "./incidents";
import { insertDemoMacros } from "./macros";
import { insertDemoRotas } from "./on-call";
import { ORG_NAMES, PERSON_NAMES } from "./content";
import { createTicketWriter, insertReferenceData, planTicket } from "./factories";
import { insertOrganization, insertUser, REGION_ZONES, slugify } from "./people";
import { createRng } from "./random";
import { seedReviews } from "./reviews";

export { DEMO_PASSWORD };
const DAY = 24 * 60 * 60 * 1000;

type StaffSpec = {
  email: string;
  name: string;
  role: Role;
  title: string;
  phone?: string;
  chatHandle?: string;
  timeZone: string;
  workingHours?: string;
};

export const STAFF: StaffSpec[] = [
  { email: "admin@attain.test", name: "Ada Admin", role: "admin", title: "Portal administrator", timeZone: "UTC" },
  {
    email: "exec@attain.test",
    name: "Evelyn Zhou",
    role: "executive",
    title: "VP Customer Success",
    timeZone: "America/Los_Angeles",
  },
  {
    email: "am@attain.test",
    name: "Amelia Brooks",
    role: "account_manager",
    title: "Customer Success Manager",
    phone: "+1 415 555 0142",
    chatHandle: "@amelia.brooks",
    timeZone: "America/Los_Angeles",
    workingHours: "09:00-17:30",
  },
  {
    email: "am2@attain.test",
    name: "Chen Hao",
    role: "account_manager",
    title: "Customer Success Manager",
    phone: "+86 21 5555 0101",
    chatHandle: "@chen.hao",
    timeZone: "Asia/Shanghai",
    workingHours: "09:00-17:30",
  },
  {
    email: "tam@attain.test",
    name: "Tomasz Nowak",
    role: "account_manager",
    title: "Technical Account Manager",
    phone: "+44 20 5555 0177",
    chatHandle: "@tomasz.tam",
    timeZone: "Europe/London",
    workingHours: "09:00-17:30",
  },
  {
    email: "agent@attain.test",
    name: "Sam Rivera",
    role: "agent",
    title: "Support Engineer (L1)",
    timeZone: "America/Los_Angeles",
  },
  {
    email: "agent2@attain.test",
    name: "Zhou Ling",
    role: "agent",
    title: "Support Engineer (L1)",
    timeZone: "Asia/Shanghai",
  },
  {
    email: "agent3@attain.test",
    name: "Priya Shah",
    role: "agent",
    title: "Support Engineer (L1)",
    timeZone: "Europe/London",
  },
  {
    email: "expert@attain.test",
    name: "Kenji Watanabe",
    role: "expert",
    title: "Technical Expert (L2)",
    timeZone: "Asia/Shanghai",
  },
  {
    email: "manager@attain.test",
    name: "Morgan Lee",
    role: "manager",
    title: "Customer Service Manager",
    timeZone: "America/Los_Angeles",
  },
];

const REGIONS_CYCLE: Region[] = ["americas", "china", "emea"];

/** The tier and region of each demo organization, by position in ORG_NAMES. */
function orgShape(index: number): { tier: TierCode; region: Region } {
  if (index === 0) return { tier: "enterprise", region: "americas" };
  if (index === 1) return { tier: "basic", region: "china" };
  const tier: TierCode = index % 4 === 0 ? "enterprise" : index % 4 === 1 || index % 4 === 3 ? "advanced" : "basic";
  return { tier, region: REGIONS_CYCLE[index % 3]! };
}

export type DemoSummary = { organizations: number; users: number; tickets: number; articles: number };

/** Writes the whole demo into an empty, migrated database. */
export async function seedDemo(
  db: Db,
  opts: {
    anchor: Date;
    ticketsPerOrg?: { basic: number; advanced: number; enterprise: number };
    /**
     * The demo's duty rotas, known issues, security advisory and feature requests (default on); the
     * integration tests' template leaves them out, and each test builds what it is about.
     */
    dutyRotas?: boolean;
  },
): Promise<DemoSummary> {
  const anchor = opts.anchor;
  const perOrg = opts.ticketsPerOrg ?? { basic: 35, advanced: 60, enterprise: 90 };
  const rng = createRng(20261121);
  const ref = insertReferenceData(db, new Date(anchor.getTime() - 800 * DAY));

  const hashes = await Promise.all(
    Array.from({ length: STAFF.length + ORG_NAMES.length * 3 }, () => hashPassword(DEMO_PASSWORD)),
  );
  let h = 0;
  const created = new Date(anchor.getTime() - 800 * DAY);

  return db.transaction((tx) => {
    markDemoDatabase(tx, anchor);
    const staffIds: Record<string, number> = {};
    for (const s of STAFF) {
      staffIds[s.email] = insertUser(tx, { ...s, passwordHash: hashes[h++]!, createdAt: created });
    }
    const agentIds = ["agent@attain.test", "agent2@attain.test", "agent3@attain.test", "expert@attain.test"].map(
      (e) => staffIds[e]!,
    );
    const managerId = staffIds["manager@attain.test"]!;

    const writer = createTicketWriter(db.$client);
    let ticketCount = 0;
    let userCount = STAFF.length;
    const orgIds: number[] = [];

    ORG_NAMES.forEach((name, index) => {
      const { tier, region } = orgShape(index);
      const am = index === 0 || index % 3 === 0 ? staffIds["am@attain.test"]! : staffIds["am2@attain.test"]!;
      const contractStart = new Date(anchor.getTime() - (400 + rng.int(0, 300)) * DAY);
      const contractEnd = new Date(anchor.getTime() + (index === 0 ? 75 : rng.int(20, 360)) * DAY);
      const org = {
        id: insertOrganization(tx, {
          name,
          tierId: ref.tierIds[tier],
          region,
          calendarId: ref.calendarIds[region],
          contractStart,
          contractEnd,
          monthlyFeeCents: tier === "enterprise" ? 4_000_000 : tier === "advanced" ? 1_200_000 : 300_000,
          accountManagerId: tier === "basic" ? null : am,
          technicalAccountManagerId: tier === "enterprise" ? staffIds["tam@attain.test"]! : null,
          // Enterprise contracts grant credits for missed urgent support targets too.
          supportCreditTerms:
            tier === "enterprise" ? { percentPerBreach: 2, capPercent: 10, priorities: ["P0", "P1"] } : null,
          // The channels of the tier, with a real address or link for each (ticket needs none).
          supportEmail: `support@${region}.attain.example`,
          chatHandle: tier === "basic" ? null : `@attain-${slugify(name)}`,
          groupLink: tier === "enterprise" ? `https://chat.attain.example/group/${slugify(name)}` : null,
        }),
      };
      orgIds.push(org.id);

      const domain = index === 0 ? "nimbus.example" : index === 1 ? "orbit.example" : `${slugify(name)}.example`;
      const people = index === 0 ? ["dev", "cto", "qa"] : index === 1 ? ["ops", "lead", "dev"] : ["dev", "ops", "pm"];
      const requesterIds = people.map((local, i) => {
        userCount++;
        return insertUser(tx, {
          email: `${local}@${domain}`,
          name: PERSON_NAMES[(index * 3 + i) % PERSON_NAMES.length]!,
          passwordHash: hashes[h++]!,
          role: "customer",
          organizationId: org.id,
          locale: region === "china" ? "zh" : "en",
          timeZone: REGION_ZONES[region],
          title: i === 0 ? "Senior Engineer" : i === 1 ? "Engineering Lead" : "QA Engineer",
          // The engineering lead administers the organization's people (cto@nimbus.example, lead@orbit.example...).
          orgAdmin: i === 1,
          createdAt: contractStart,
        });
      });

      const count = perOrg[tier];
      const span = 730 * DAY;
      for (let i = 0; i < count; i++) {
        let createdAt = new Date(anchor.getTime() - rng.next() * span);
        const dow = createdAt.getUTCDay();
        if ((dow === 0 || dow === 6) && rng.chance(0.7)) createdAt = new Date(createdAt.getTime() - 2 * DAY);
        if (i < 4) createdAt = new Date(anchor.getTime() - rng.int(20, 60 * 30) * 60_000);
        const plan = planTicket(rng, {
          organizationId: org.id,
          requesterIds,
          agentIds,
          managerId,
          targetVersionId: ref.versionIds[tier],
          slaTargets: ref.slaTargets[tier][region],
          createdAt,
          anchor,
        });
        writer.write(plan, ref.slaTargets[tier][region], anchor, managerId);
        ticketCount++;
      }

      if (tier !== "basic") {
        for (let q = 1; q <= 6; q++) {
          const at = new Date(anchor.getTime() - q * 45 * DAY - rng.int(0, 10) * DAY);
          tx.insert(engagements)
            .values({
              organizationId: org.id,
              kind: q % 3 === 0 ? "review" : q % 2 === 0 ? "training" : "check_in",
              at,
              title:
                q % 3 === 0
                  ? "Quarterly service review"
                  : q % 2 === 0
                    ? "SDK best practices training"
                    : "Monthly check-in",
              notes: "Discussed open tickets, upcoming SDK upgrade and usage growth.",
              createdById: am,
            })
            .run();
        }
      }
    });

    seedIncidents(tx, { anchor, organizationIds: orgIds, createdById: managerId });
    insertDemoMacros(tx, managerId, created);
    if (opts.dutyRotas !== false) insertDemoRotas(tx, staffIds, managerId, created);
    db.$client.exec("ANALYZE");
    const articleCount = insertArticles(db.$client, {
      anchor,
      ownerIds: [staffIds["expert@attain.test"]!, staffIds["agent@attain.test"]!, staffIds["manager@attain.test"]!],
    });
    insertLogGuide(db.$client, anchor);
    insertDemoLifecycle(db.$client, anchor);
    if (opts.dutyRotas !== false) {
      insertDemoKnownIssues(db.$client, anchor, staffIds["expert@attain.test"]!);
      insertDemoFixFlow(tx, db.$client, {
        anchor,
        organizationIds: orgIds,
        staff: {
          adminId: staffIds["admin@attain.test"]!,
          agentId: staffIds["agent@attain.test"]!,
          managerId,
        },
      });
    }
    // Tickets were written in bulk, past refreshTicketSla: build the dashboards' rollups from them.
    rebuildRollups(db.$client);
    // Reviews last: their snapshots read the attainment the rollups hold (before them every review showed n=0).
    seedReviews(db, { anchor });
    return { organizations: orgIds.length, users: userCount, tickets: ticketCount, articles: articleCount };
  });
}

import { rotaMembers, rotas } from "@/db/schema";
import type { Region } from "@/db/schema/enums";
import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The demo's duty rotas: one general rota per support region, weekly, handing over on Monday
 * morning in the region's zone, so a P0 or P1 filed in the demo pages someone at once. Sam Rivera
 * (agent@) is on none of them: the on-call walkthrough has the manager build his rota.
 */
const DEMO_ROTAS: { name: string; region: Region; timeZone: string; members: string[] }[] = [
  {
    name: "China duty",
    region: "china",
    timeZone: "Asia/Shanghai",
    members: ["agent2@attain.test", "expert@attain.test"],
  },
  {
    name: "EMEA duty",
    region: "emea",
    timeZone: "Europe/London",
    members: ["agent3@attain.test", "expert@attain.test"],
  },
  {
    name: "Americas duty",
    region: "americas",
    timeZone: "America/Los_Angeles",
    members: ["agent3@attain.test", "agent2@attain.test"],
  },
];

export function insertDemoRotas(tx: Tx, staffIds: Record<string, number>, managerId: number, at: Date): void {
  for (const r of DEMO_ROTAS) {
    const row = tx
      .insert(rotas)
      .values({
        name: r.name,
        region: r.region,
        productArea: null,
        timeZone: r.timeZone,
        kind: "weekly",
        handoverWeekday: 1,
        handoverTime: "09:00",
        startDate: "2026-01-05",
        managerId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: rotas.id })
      .get();
    tx.insert(rotaMembers)
      .values(r.members.map((email, position) => ({ rotaId: row.id, position, userId: staffIds[email]! })))
      .run();
  }
}

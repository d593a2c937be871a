/**
 * Migrates the database at DATABASE_URL and writes the demo.
 *   --reset     start from an empty file (npm run db:seed)
 *   --if-empty  seed only when there are no users yet (npm start)
 *   --anchor    the demo's "now" as an ISO instant (default: the start of the current UTC hour)
 * With ATTAIN_MODE=production no demo is ever written: an empty database gets the product's
 * reference data (tiers, default targets, regional calendars) and, while no administrator exists,
 * a one-time setup token, printed here for the operator to open /setup with.
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { migrateDb } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { insertReferenceData } from "@/db/seed/factories";
import { insertLogGuide } from "@/db/seed/log-guide";
import { issueSetupToken } from "@/server/identity/installation";
import { isPostgres, openDb } from "@/server/db";
import { env, isPostgresUrl } from "@/server/env";
import type { PostgresClient } from "@/server/postgres/client";

async function main() {
  const args = process.argv.slice(2);
  const anchorArg = args.find((a) => a.startsWith("--anchor="))?.slice("--anchor=".length);
  const anchor = anchorArg ? new Date(anchorArg) : new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  if (Number.isNaN(anchor.getTime())) throw new Error(`--anchor is not a valid instant: ${anchorArg}`);
  const file = env.databasePath;
  if (args.includes("--reset") && !isPostgresUrl(file))
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(file);
  if (args.includes("--reset") && isPostgres(db)) (db.$client as unknown as PostgresClient).dropEverything();
  migrateDb(db);
  console.log(`Migrated ${file}`);
  if (env.ATTAIN_MODE === "production") {
    if (args.includes("--reset")) throw new Error("ATTAIN_MODE=production: the demo is never written.");
    const { tierCount } = db.get<{ tierCount: number }>(sql`select count(*) as tierCount from tiers`);
    if (tierCount === 0) {
      insertReferenceData(db, new Date());
      console.log("Wrote the reference data: tiers, default targets, regional calendars.");
    }
    if (insertLogGuide(db.$client, new Date()) > 0)
      console.log("Wrote the knowledge base guide: how to collect SDK logs.");
    const token = issueSetupToken(db, new Date(), { chosen: env.SETUP_TOKEN, replace: true });
    if (token) printSetupToken(token);
    else if (env.SETUP_TOKEN) console.log("Setup: open /setup with the SETUP_TOKEN you set.");
    db.$client.close();
    return;
  }
  const { n } = db.get<{ n: number }>(sql`select count(*) as n from users`);
  if (n > 0) {
    if (args.includes("--if-empty")) {
      console.log("Database already has data; not seeding.");
      return;
    }
    throw new Error("The database is not empty; use --reset to start over.");
  }
  const started = Date.now();
  const summary = await seedDemo(db, { anchor });
  console.log(
    `Seeded demo as of ${anchor.toISOString()}: ${summary.organizations} organizations, ${summary.users} users, ${summary.tickets} tickets, ${summary.articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  db.$client.close();
}

function printSetupToken(token: string) {
  const url = `${(env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "")}/setup`;
  console.log(
    `\nAttain needs its first administrator. Open ${url} and enter this one-time setup token:\n\n    ${token}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  if (process.env.ATTAIN_DEBUG) console.error(err);
  process.exit(1);
});

/**
 * Migrates the database at DATABASE_URL and writes the demo.
 *   --reset     start from an empty file (npm run db:seed)
 *   --if-empty  seed only when there are no users yet (npm start)
 *   --anchor    the demo's "now" as an ISO instant (default: the start of the current UTC hour)
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { migrateDb } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { openDb } from "@/server/db";
import { env } from "@/server/env";

async function main() {
  const args = process.argv.slice(2);
  const anchorArg = args.find((a) => a.startsWith("--anchor="))?.slice("--anchor=".length);
  const anchor = anchorArg ? new Date(anchorArg) : new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  if (Number.isNaN(anchor.getTime())) throw new Error(`--anchor is not a valid instant: ${anchorArg}`);
  const file = env.databasePath;
  if (args.includes("--reset")) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(file);
  migrateDb(db);
  console.log(`Migrated ${file}`);
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

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

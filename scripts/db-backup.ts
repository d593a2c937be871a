/**
 * npm run db:backup: an online backup of the database at DATABASE_URL (the server may keep
 * running) to data/backups/<time>.db, checked with PRAGMA integrity_check, then the attachment files
 * it does not hold yet into data/backups/attachments (shared by every backup). See docs/RELIABILITY.md.
 *   --dir <folder>   where to write (default data/backups)
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { env, isPostgresUrl } from "@/server/env";
import { copyMissingObjects } from "@/server/attachments/backup";
import { backupDatabase } from "@/server/ops/backup";

async function main() {
  if (isPostgresUrl(env.databasePath)) {
    console.error(
      "DATABASE_URL is PostgreSQL: use pg_dump -Fc / pg_restore, or pg_basebackup (README, PostgreSQL). This command backs up a SQLite file.",
    );
    process.exit(1);
  }
  const { values } = parseArgs({ options: { dir: { type: "string" } } });
  const dir = path.resolve(values.dir ?? path.join("data", "backups"));
  const started = Date.now();
  const { file, bytes } = await backupDatabase(env.databasePath, dir, new Date());
  console.log(
    `Backed up ${env.databasePath} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB, integrity ok) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const files = copyMissingObjects(env.attachmentsDir, path.join(dir, "attachments"));
  console.log(
    `Attachments: ${files.files} new files (${(files.bytes / 1024 / 1024).toFixed(1)} MB) copied from ${env.attachmentsDir} to ${path.join(dir, "attachments")}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

/**
 * npm run db:restore -- <backup file>: replaces the database at DATABASE_URL with a backup made by
 * db:backup. A file that is not an intact Attain database at a known migration is refused and
 * nothing changes; otherwise the current database is first saved beside it, as
 * <DATABASE_URL>.pre-restore-<time>.db. Stop the server first (see docs/RELIABILITY.md): requests
 * served during a restore may see the old or the new content. The attachment files the live store
 * lacks are copied back from the `attachments` folder beside the backup.
 */
import fs from "node:fs";
import path from "node:path";
import { env, isPostgresUrl } from "@/server/env";
import { copyMissingObjects } from "@/server/attachments/backup";
import { restoreDatabase } from "@/server/ops/backup";

async function main() {
  if (isPostgresUrl(env.databasePath)) {
    console.error(
      "DATABASE_URL is PostgreSQL: use pg_dump -Fc / pg_restore, or pg_basebackup (README, PostgreSQL). This command restores a SQLite file.",
    );
    process.exit(1);
  }
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) throw new Error("Usage: npm run db:restore -- data/backups/<time>.db");
  const backup = path.resolve(file);
  if (!fs.existsSync(backup)) throw new Error(`No such backup: ${backup}`);
  const { saved } = await restoreDatabase(backup, env.databasePath, new Date());
  console.log(
    `Restored ${env.databasePath} from ${backup}${saved ? `; the previous database was saved to ${saved}` : ""}`,
  );
  const files = copyMissingObjects(path.join(path.dirname(backup), "attachments"), env.attachmentsDir);
  console.log(`Attachments: ${files.files} files copied back into ${env.attachmentsDir}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

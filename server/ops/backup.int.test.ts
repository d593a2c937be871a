import { TEST_POSTGRES_URL } from "@/server/testing/constants";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { databaseChecksum } from "@/server/testing/checksum";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization } from "@/server/testing/factories";
import { backupDatabase, restoreDatabase } from "./backup";

const db = createTestDb();
const live = db.$client.name;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attain-backups-"));
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of fs.readdirSync(path.dirname(live)))
    if (f.startsWith(`${path.basename(live)}.pre-restore-`))
      fs.rmSync(path.join(path.dirname(live), f), { force: true });
});

const ticketCount = () => (db.$client.prepare("select count(*) as n from tickets").get() as { n: number }).n;
/** Safety copies made beside the live database. */
const safetyCopies = () =>
  fs.readdirSync(path.dirname(live)).filter((f) => f.startsWith(`${path.basename(live)}.pre-restore-`));

// Backups of a SQLite file; on PostgreSQL, pg_dump and pg_basebackup (docs/RELIABILITY.md).
describe.skipIf(TEST_POSTGRES_URL)("[RELIABILITY] online backup and restore", () => {
  it("a backup taken while the server's connection is open and writing restores exactly that moment", async () => {
    const customer = callerFor(db, createOrganization(db, { tier: "advanced", region: "emea" }).customers[0]!);
    const file = {
      subject: "Backup check ticket",
      description: "Filed before the backup was taken.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    } as const;
    await customer.tickets.create(file);
    const atBackup = databaseChecksum(db.$client);
    const count = ticketCount();

    const { file: backup, bytes } = await backupDatabase(live, dir, new Date("2026-11-20T12:00:00Z"));
    expect(path.basename(backup)).toBe("2026-11-20T12-00-00-000Z.db");
    expect(bytes).toBeGreaterThan(1_000_000);

    await customer.tickets.create({ ...file, subject: "Filed after the backup" });
    expect(ticketCount()).toBe(count + 1);
    const beforeRestore = databaseChecksum(db.$client);

    // The live connection stays open during the restore, as the server's would.
    const { saved } = await restoreDatabase(backup, live, new Date("2026-11-20T13:00:00Z"));
    expect(databaseChecksum(db.$client)).toBe(atBackup);
    expect(ticketCount()).toBe(count);
    expect(
      db.$client.prepare("select count(*) as n from tickets where subject = 'Filed after the backup'").get(),
    ).toEqual({ n: 0 });
    // The safety copy is beside the database (not among the backups), and holds what was replaced.
    expect(saved).toBe(`${live}.pre-restore-2026-11-20T13-00-00-000Z.db`);
    expect(fs.readdirSync(dir)).toEqual(["2026-11-20T12-00-00-000Z.db"]);
    const copy = new Database(saved!, { readonly: true });
    try {
      expect(databaseChecksum(copy)).toBe(beforeRestore);
    } finally {
      copy.close();
    }
    // and the restored database takes writes again
    await customer.tickets.create({ ...file, subject: "Filed after the restore" });
    expect(ticketCount()).toBe(count + 1);
  });
});

describe.skipIf(TEST_POSTGRES_URL)(
  "[RELIABILITY] db:restore refuses a file that is not an Attain database at a known migration, changing nothing",
  () => {
    /** A copy of the live database, changed by `alter` through its own connection. */
    function alteredCopy(name: string, alter: (sqlite: Database.Database) => void): string {
      const file = path.join(dir, name);
      db.$client.pragma("wal_checkpoint(TRUNCATE)");
      fs.copyFileSync(live, file);
      const sqlite = new Database(file);
      try {
        alter(sqlite);
        sqlite.pragma("journal_mode = DELETE");
      } finally {
        sqlite.close();
      }
      return file;
    }

    async function expectRefused(file: string, message: RegExp) {
      const before = databaseChecksum(db.$client);
      const copies = safetyCopies();
      await expect(restoreDatabase(file, live, new Date())).rejects.toThrow(message);
      expect(databaseChecksum(db.$client)).toBe(before);
      expect(safetyCopies()).toEqual(copies);
    }

    it("a file that is not SQLite", async () => {
      const file = path.join(dir, "notes.db");
      fs.writeFileSync(file, "not a database at all, just text that is long enough to look like a header........");
      await expectRefused(file, /notes\.db is not a SQLite database; nothing was changed\./);
    });

    it("a SQLite file that fails its integrity check", async () => {
      const file = alteredCopy("damaged.db", () => {});
      // Overwrite the middle of the file (table and index pages) with noise, keeping the header.
      const fd = fs.openSync(file, "r+");
      const size = fs.fstatSync(fd).size;
      fs.writeSync(fd, Buffer.alloc(64 * 4096, 0x5a), 0, 64 * 4096, Math.floor(size / 2 / 4096) * 4096);
      fs.closeSync(fd);
      await expectRefused(file, /damaged\.db failed its integrity check .*; nothing was changed\./);
    });

    it("a SQLite database of another application (no __drizzle_migrations table)", async () => {
      const file = alteredCopy("other-app.db", (s) => s.exec("drop table __drizzle_migrations"));
      await expectRefused(file, /other-app\.db is not an Attain database \(it has no __drizzle_migrations table\)/);
    });

    it("an Attain database whose migration differs from the committed one, or made by a newer version", async () => {
      const changed = alteredCopy("changed.db", (s) =>
        s.exec("update __drizzle_migrations set hash = 'hand-edited' where rowid = 3"),
      );
      await expectRefused(
        changed,
        /changed\.db is not an Attain database at a known migration: its migration 3 is not 0002_covering_indexes/,
      );
      const newer = alteredCopy("newer.db", (s) =>
        s.exec("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', 4102444800000)"),
      );
      await expectRefused(newer, /made by a newer version/);
      const none = alteredCopy("none.db", (s) => s.exec("delete from __drizzle_migrations"));
      await expectRefused(none, /it records no applied migration/);
    });

    it("an Attain database at an earlier migration is restored (the migrator brings it up to date on start)", async () => {
      const earlier = alteredCopy("earlier.db", (s) => s.exec("delete from __drizzle_migrations where rowid > 10"));
      await expect(restoreDatabase(earlier, live, new Date("2026-11-20T14:00:00Z"))).resolves.toMatchObject({
        saved: `${live}.pre-restore-2026-11-20T14-00-00-000Z.db`,
      });
    });

    it("npm run db:restore says why it refused, exits 1, and leaves the database as it was", () => {
      const before = databaseChecksum(db.$client);
      const bogus = path.join(dir, "bogus.db");
      fs.writeFileSync(bogus, "SQLite format 2\u0000 but not really");
      const run = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/db-restore.ts", bogus], {
        env: { ...process.env, DATABASE_URL: live },
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(`${bogus} is not a SQLite database; nothing was changed.`);
      expect(databaseChecksum(db.$client)).toBe(before);
    }, 60_000);
  },
);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseChecksum } from "@/server/testing/checksum";
import { callerAs, createTestDb } from "@/server/testing/db";
import { backupDatabase, restoreDatabase } from "./backup";

const db = createTestDb();
const live = db.$client.name;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attain-backups-"));
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ticketCount = () => (db.$client.prepare("select count(*) as n from tickets").get() as { n: number }).n;

describe("[RELIABILITY] online backup and restore", () => {
  it("a backup taken while the server's connection is open and writing restores exactly that moment", async () => {
    const customer = callerAs(db, "dev@nimbus.example");
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

    // The live connection stays open during the restore, as the server's would.
    const { saved } = await restoreDatabase(backup, live, dir, new Date("2026-11-20T13:00:00Z"));
    expect(databaseChecksum(db.$client)).toBe(atBackup);
    expect(ticketCount()).toBe(count);
    expect(
      db.$client.prepare("select count(*) as n from tickets where subject = 'Filed after the backup'").get(),
    ).toEqual({ n: 0 });
    expect(saved && fs.existsSync(saved)).toBe(true);
    // and the restored database takes writes again
    await customer.tickets.create({ ...file, subject: "Filed after the restore" });
    expect(ticketCount()).toBe(count + 1);
  });

  it("refuses to restore a file that is not an intact Attain database, changing nothing", async () => {
    const before = databaseChecksum(db.$client);
    const bogus = path.join(dir, "bogus.db");
    fs.writeFileSync(bogus, "not a database at all, just text that is long enough to look like a header........");
    await expect(restoreDatabase(bogus, live, dir, new Date())).rejects.toThrow();
    expect(databaseChecksum(db.$client)).toBe(before);
  });
});

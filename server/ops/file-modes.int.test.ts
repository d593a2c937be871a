import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/server/db";
import { TEMPLATE_DB } from "@/server/testing/constants";
import { backupDatabase, restoreDatabase } from "./backup";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attain-modes-"));
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

// A umask that lets the group read and write (Debian's default for users with their own group):
// the modes below must not depend on the umask being strict.
let umask: number;
beforeAll(() => {
  umask = process.umask(0o002);
});
afterAll(() => {
  process.umask(umask);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("[SECURITY] the database, its backups and safety copies are readable by the server's user only", () => {
  it("a new database is created 0600, and so are its -wal and -shm files", () => {
    const file = path.join(dir, "data", "attain.db");
    const db = openDb(file);
    try {
      db.$client.exec("create table t (x); insert into t values (1);");
      expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(["600", "600", "600"]);
    } finally {
      db.$client.close();
    }
  });

  it("a backup is written 0600 in a backups folder created 0700", async () => {
    const live = path.join(dir, "live.db");
    fs.copyFileSync(TEMPLATE_DB, live);
    const backups = path.join(dir, "backups");
    const { file } = await backupDatabase(live, backups, new Date("2026-11-20T12:00:00Z"));
    expect(mode(file)).toBe("600");
    expect(mode(backups)).toBe("700");
  });

  it("restoring writes the safety copy 0600, and a database it creates 0600", async () => {
    const backup = path.join(dir, "backups", "2026-11-20T12-00-00-000Z.db");
    const live = path.join(dir, "live.db");
    fs.chmodSync(live, 0o600);
    const { saved } = await restoreDatabase(backup, live, new Date("2026-11-20T13:00:00Z"));
    expect(mode(saved!)).toBe("600");
    expect(mode(live)).toBe("600");
    const fresh = path.join(dir, "fresh", "attain.db");
    await restoreDatabase(backup, fresh, new Date("2026-11-20T14:00:00Z"));
    expect(mode(fresh)).toBe("600");
  });
});

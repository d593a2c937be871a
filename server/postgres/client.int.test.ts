import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb } from "@/db/migrate";
import { seedScale } from "@/db/seed/scale";
import { openDb } from "@/server/db";
import { PostgresClient } from "@/server/postgres/client";
import { copySqliteToPostgres } from "@/server/postgres/copy";
import { TEST_ANCHOR, TEST_POSTGRES_URL } from "@/server/testing/constants";
import { createTestDb, pg, postgresAdmin } from "@/server/testing/db";

describe.runIf(TEST_POSTGRES_URL)("[SCALE] the PostgreSQL client", () => {
  it("closes connections without aborting the process when the collector runs before libuv has closed them", () => {
    // libpq's addon lets the collector free a finished connection before its poll handle is closed:
    // a bare finish() then a collection aborts Node (SIGABRT in uv__finish_close, seen in CI).
    const script = `
      const m = await import(${JSON.stringify(path.resolve("server/postgres/client.ts"))});
      const { PostgresClient } = m.PostgresClient ? m : m.default;
      for (let round = 0; round < 10; round++) {
        for (let i = 0; i < 30; i++) { new PostgresClient(process.argv[1]).close(); globalThis.gc(); }
        await new Promise((resolve) => setImmediate(resolve));
      }
      process.stdout.write("closed 300");`;
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script, createTestDb().$client.name],
      {
        encoding: "utf8",
        cwd: process.cwd(),
        timeout: 60_000,
      },
    );
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe("closed 300");
  });

  it("connects again after its server session was ended (a restart or a failover), and keeps answering", () => {
    const db = createTestDb();
    const client = pg(db);
    const people = () => (client.prepare(`SELECT count(*) AS n FROM users`).get() as { n: number }).n;
    const before = people();
    expect(before).toBeGreaterThan(0);
    const pid = client.queryPostgres(`SELECT pg_backend_pid()`).rows[0]![0];
    postgresAdmin().queryPostgres(`SELECT pg_terminate_backend($1)`, [String(pid)]);
    // The statement that meets the broken connection fails, as on any driver; the next one connects again.
    try {
      people();
    } catch {
      // expected: the server closed the connection
    }
    expect(people()).toBe(before);
    expect(client.queryPostgres(`SELECT pg_backend_pid()`).rows[0]![0]).not.toBe(pid);
    // Prepared statements are prepared again on the new session, and writes still take the lock.
    expect(
      db.$client.prepare(`UPDATE users SET name = name WHERE id = (SELECT min(id) FROM users)`).run().changes,
    ).toBe(1);
  });

  it("plans reads for their values, and lets a write transaction reuse plans from its first write on", () => {
    const db = createTestDb();
    const client = pg(db);
    const mode = () => client.queryPostgres(`SHOW plan_cache_mode`).rows[0]![0];
    expect(mode()).toBe("force_custom_plan");
    const seen: unknown[] = [];
    db.$client.transaction(() => {
      seen.push(mode());
      db.$client.prepare(`UPDATE users SET name = name WHERE id = (SELECT min(id) FROM users)`).run();
      seen.push(mode());
    })();
    expect(seen).toEqual(["force_custom_plan", "auto"]);
    // SET LOCAL ends with the transaction: the next read is planned for its values again.
    expect(mode()).toBe("force_custom_plan");
  });
});

describe.runIf(TEST_POSTGRES_URL)("[SCALE] copying a SQLite database into PostgreSQL", () => {
  const file = path.join(os.tmpdir(), `attain-copy-${process.pid}-${Date.now()}.db`);
  const name = `attain_copy_${process.pid}_${Date.now()}`;
  afterAll(() => {
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    postgresAdmin().queryPostgres(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("copies every shared table row for row in one transaction, and ids continue after the copied ones", async () => {
    const lite = openDb(file);
    migrateDb(lite);
    await seedScale(lite, {
      tickets: 300,
      articles: 20,
      organizations: 6,
      incidents: 3,
      seed: 7,
      anchor: new Date(TEST_ANCHOR),
      batchSize: 100,
    });
    lite.$client.close();

    postgresAdmin().queryPostgres(`CREATE DATABASE "${name}"`);
    const target = openDb(`${TEST_POSTGRES_URL}/${name}`);
    migrateDb(target);
    const client = target.$client as unknown as PostgresClient;
    const copied = copySqliteToPostgres(file, client);
    expect(copied.tables).toBeGreaterThan(50);

    const source = openDb(file);
    try {
      for (const table of [
        "tickets",
        "ticket_events",
        "comments",
        "users",
        "organizations",
        "articles",
        "articles_fts",
      ]) {
        const n = (sql: string, db: typeof source) => Number((db.$client.prepare(sql).get() as { n: number }).n);
        expect(n(`SELECT count(*) AS n FROM ${table}`, target), table).toBe(
          n(`SELECT count(*) AS n FROM ${table}`, source),
        );
      }
      // The same rows, not only as many: a ticket read on both engines.
      const ticket = `SELECT id, subject, priority, status, created_at, next_due_at FROM tickets ORDER BY id LIMIT 1 OFFSET 150`;
      expect(target.$client.prepare(ticket).get()).toEqual(source.$client.prepare(ticket).get());
      // Search finds the copied articles (the tsvector is computed from the copied columns).
      const title = source.$client.prepare(`SELECT title FROM articles ORDER BY id LIMIT 1`).pluck().get() as string;
      const word = title
        .split(/\s+/)
        .find((w) => w.length > 4)!
        .toLowerCase();
      expect(
        Number(
          client.queryPostgres(`SELECT count(*) FROM articles_fts WHERE doc @@ phraseto_tsquery('simple', $1)`, [word])
            .rows[0]![0],
        ),
      ).toBeGreaterThan(0);
      // A new row gets the next id after the copied ones.
      const max = Number(client.queryPostgres(`SELECT max(id) FROM tickets`).rows[0]![0]);
      const next = Number(client.queryPostgres(`SELECT nextval(pg_get_serial_sequence('tickets', 'id'))`).rows[0]![0]);
      expect(next).toBe(max + 1);
      // A second copy into the same (now full) database is refused, and changes nothing.
      expect(() => copySqliteToPostgres(file, client)).toThrow(/empty/);
      expect(Number(client.queryPostgres(`SELECT count(*) FROM tickets`).rows[0]![0])).toBe(300);
    } finally {
      source.$client.close();
      client.close();
    }
  });
});

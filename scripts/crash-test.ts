/**
 * npm run crash:test: crash safety of the production server (docs/RELIABILITY.md).
 *
 * On a private copy of the demo database, concurrent clients file tickets and post replies over
 * real HTTP (signed in through next-auth) to the production server as `npm start` runs it
 * (scripts/serve.mjs, two workers by default). Halfway to the kill one worker gets SIGKILL: the
 * clients keep writing through the other worker and its replacement (only requests in flight on
 * the killed worker may fail, at most one per client). Then the whole server (primary and workers)
 * is killed with SIGKILL, and: PRAGMA integrity_check must say ok and every write the clients saw
 * acknowledged (HTTP 200) must be in the database. Repeated for several rounds, restarting the
 * server on the same file.
 *
 * Options: --rounds N (5) --workers N (12 clients) --server-workers N (2) --min-ms N (1500)
 *          --max-ms N (4000): when to kill --source <db> (copy and migrate this database instead
 *          of seeding a fresh demo)
 * The build: NEXT_DIST_DIR (default .next); built first when it has no BUILD_ID.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { getCsrf, signIn } from "./bench/http";
import { processTree, startServer, stopServer, type Server } from "./bench/server";

type Ack = { kind: "ticket"; id: number; subject: string } | { kind: "comment"; ticketId: number; body: string };

function log(msg: string) {
  console.log(`[crash ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive whole number, got ${v}`);
  return n;
}

/** Posts a tRPC mutation; returns its data only when the server acknowledged it (HTTP 200). */
async function mutate(base: string, cookie: string, procedure: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${procedure}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { result: { data: { json: unknown } } }).result.data.json;
}

function integrity(file: string): string {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
  } finally {
    sqlite.close();
  }
}

/** The acknowledged writes that are not in the database. */
function missing(file: string, acks: Ack[]): Ack[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ticket = sqlite.prepare("select subject from tickets where id = ?");
    const comment = sqlite.prepare("select 1 from comments where ticket_id = ? and body = ?");
    return acks.filter((a) =>
      a.kind === "ticket"
        ? (ticket.get(a.id) as { subject: string } | undefined)?.subject !== a.subject
        : !comment.get(a.ticketId, a.body),
    );
  } finally {
    sqlite.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string" },
      workers: { type: "string" },
      "server-workers": { type: "string" },
      "min-ms": { type: "string" },
      "max-ms": { type: "string" },
      source: { type: "string" },
    },
  });
  const rounds = int(values.rounds, 5);
  const workers = int(values.workers, 12);
  const serverWorkers = int(values["server-workers"], 2);
  const minMs = int(values["min-ms"], 1500);
  const maxMs = Math.max(minMs, int(values["max-ms"], 4000));
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  process.env.NEXT_DIST_DIR = dist;

  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) {
    log(`no production build in ${dist}; building it (next build)`);
    const build = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attain-crash-"));
  const file = path.join(dir, "attain.db");
  const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs");
  if (values.source) {
    const source = path.resolve(values.source);
    log(`copying ${source} (online backup) to ${file} and migrating it`);
    const src = new Database(source, { readonly: true, fileMustExist: true });
    await src.backup(file);
    src.close();
    const migrate = spawnSync(process.execPath, [tsx, "scripts/migrate.ts"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: file },
    });
    if (migrate.status !== 0) throw new Error("migrating the copy failed");
  } else {
    log(`seeding a fresh demo database into ${file}`);
    const seed = spawnSync(process.execPath, [tsx, "scripts/seed.ts", "--reset"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: file },
    });
    if (seed.status !== 0) throw new Error("seeding failed");
  }
  const probe = new Database(file, { readonly: true });
  const openTickets = (
    probe
      .prepare(
        "select id from tickets where organization_id = 1 and status in ('new','open','pending_customer','workaround_provided') order by id",
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
  probe.close();
  if (openTickets.length === 0) throw new Error("the demo database has no open Nimbus Live ticket to reply to");

  let server: Server | null = null;
  const onSignal = () => void (server ? stopServer(server) : Promise.resolve()).finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const acks: Ack[] = [];
  let unacknowledged = 0;
  let onKilledWorker = 0;
  let failures = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      server = await startServer({ databasePath: file, dir: process.cwd(), workers: serverWorkers });
      const base = server.url;
      const csrf = await getCsrf(base);
      const customer = await signIn(base, csrf, "dev@nimbus.example");
      const agent = await signIn(base, csrf, "agent@attain.test");
      const killAfter = minMs + Math.floor(Math.random() * (maxMs - minMs + 1));
      log(
        `round ${round}: server ${base} (primary pid ${server.pid}, ${serverWorkers} workers); ${workers} clients writing; ` +
          `SIGKILL to one worker after ${Math.round(killAfter / 2)} ms, to the whole server after ${killAfter} ms`,
      );
      const roundAcks: Ack[] = [];
      let killed = false;
      let workerKilled = false;
      let roundOnKilledWorker = 0;
      const worker = async (w: number) => {
        for (let n = 0; !killed; n++) {
          const tag = `r${round}-w${w}-n${n}-${process.pid}`;
          try {
            if (n % 3 === 0) {
              const subject = `Crash test ticket ${tag}`;
              const { id } = (await mutate(base, customer, "tickets.create", {
                subject,
                description: `Filed by the crash test (${tag}).`,
                productArea: "voice_calling",
                category: "functional_bug",
                priority: "P3",
              })) as { id: number };
              roundAcks.push({ kind: "ticket", id, subject });
            } else {
              const ticketId = openTickets[(w + n) % openTickets.length]!;
              const body = `Crash test reply ${tag}`;
              await mutate(base, n % 3 === 1 ? customer : agent, "tickets.reply", { ticketId, body });
              roundAcks.push({ kind: "comment", ticketId, body });
            }
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            if (killed) unacknowledged++;
            else if (workerKilled && !/: HTTP \d+/.test(message) && roundOnKilledWorker < workers)
              roundOnKilledWorker++;
            else {
              failures++;
              if (failures <= 5)
                log(
                  `  client ${w}: ${err instanceof Error ? err.message : String(err)}\n${server?.log.slice(-5).join("") ?? ""}`,
                );
            }
            if (killed) return;
          }
        }
      };
      const running = Array.from({ length: workers }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, killAfter / 2));
      const victim = processTree(server.pid).find((p) => p !== server!.pid);
      if (serverWorkers > 1 && victim) {
        workerKilled = true;
        process.kill(victim, "SIGKILL");
      }
      await new Promise((r) => setTimeout(r, killAfter - killAfter / 2));
      const exited = new Promise<void>((resolve) => server!.child.once("exit", () => resolve()));
      killed = true;
      process.kill(-server.pid, "SIGKILL");
      await exited;
      await Promise.all(running);
      server = null;
      acks.push(...roundAcks);
      onKilledWorker += roundOnKilledWorker;
      const check = integrity(file);
      const lost = missing(file, acks);
      log(
        `round ${round}: killed with ${roundAcks.length} acknowledged writes this round (${roundOnKilledWorker} requests failed in flight on the killed worker); integrity_check: ${check}; acknowledged writes missing: ${lost.length}`,
      );
      if (check !== "ok" || lost.length > 0) {
        for (const l of lost.slice(0, 10)) log(`  missing: ${JSON.stringify(l)}`);
        throw new Error("crash safety violated");
      }
    }
    // The server comes back on the recovered file and serves it.
    server = await startServer({ databasePath: file, dir: process.cwd(), workers: serverWorkers });
    const csrf = await getCsrf(server.url);
    const cookie = await signIn(server.url, csrf, "dev@nimbus.example");
    const res = await fetch(
      `${server.url}/api/trpc/tickets.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
      { headers: { cookie } },
    );
    if (res.status !== 200) throw new Error(`after the last crash the server answered tickets.list with ${res.status}`);
    await stopServer(server);
    server = null;
  } finally {
    if (server) await stopServer(server);
  }
  const tickets = acks.filter((a) => a.kind === "ticket").length;
  log(
    `${failures > 0 ? "FAIL" : "PASS"}: ${rounds} SIGKILLs survived; ${acks.length} acknowledged writes (${tickets} tickets, ${acks.length - tickets} replies), 0 lost; ` +
      `${unacknowledged} requests in flight at the kills and ${onKilledWorker} on the killed workers (not acknowledged, so either outcome is correct); ${failures} other client errors; integrity ok`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  if (failures > 0) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});

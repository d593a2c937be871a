#!/usr/bin/env node
/**
 * The production server on every core (docs/decisions/018-cluster.md). A Node `cluster` primary
 * forks one worker per core; each worker runs Next.js's programmatic server on the shared port, with
 * the server heap cap (decision 014). The SQLite file is shared in WAL mode, and everything a worker
 * must agree on with the others lives in it (sessions, rate counters, the outbox claims).
 *
 * - A worker that dies is replaced at once: up to RESTART_BURST restarts a minute immediately, then
 *   with a doubling delay (at most 30 s), so a crash loop does not spin. Its in-flight requests end
 *   with the connection closed; the other workers keep serving.
 * - SIGTERM or SIGINT: every worker stops accepting, finishes the requests in flight (at most
 *   SHUTDOWN_GRACE_MS), closes Next.js and exits; then the primary exits.
 * - Before a request reaches Next.js the worker replaces any client-supplied `x-attain-peer` header
 *   with the TCP peer's address (server/security/client-address.ts reads it).
 * - One log line per worker start and exit.
 *
 * Usage: node scripts/serve.mjs [--port N] [--hostname H] [--workers N] [--dir D]
 * Environment: PORT (3000), WEB_CONCURRENCY (workers; default os.availableParallelism()),
 * SERVE_STATE_FILE (a JSON file of the primary's and the workers' pids, rewritten on every change),
 * SERVE_WORKER_HEADER=1 (each response names its worker's pid in `x-attain-worker`; for tests).
 * Plain Node: it runs without a build step; `next build` must have run (scripts/start.mjs does it).
 */
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SERVER_HEAP_MB } from "./lib.mjs";

/** The header our server sets to the TCP peer's address (PEER_HEADER in server/security/client-address.ts). */
const PEER_HEADER = "x-attain-peer";
const WORKER_HEADER = "x-attain-worker";
/** Restarts within a minute that happen at once; more are delayed 1 s, 2 s, 4 s... up to 30 s. */
const RESTART_BURST = 5;
const RESTART_WINDOW_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** How long a worker may take to finish its requests in flight after SIGTERM. */
const SHUTDOWN_GRACE_MS = 10_000;

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    workers: { type: "string", short: "w" },
    dir: { type: "string" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
const dir = path.resolve(values.dir ?? ".");
const workerCount = Number(values.workers ?? process.env.WEB_CONCURRENCY ?? os.availableParallelism());
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`serve: bad port ${values.port}`);
if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 64)
  throw new Error(`serve: WEB_CONCURRENCY / --workers must be 1..64, got ${workerCount}`);

const log = (msg) => console.log(`[serve ${new Date().toISOString().slice(11, 19)}] ${msg}`);

if (cluster.isPrimary) runPrimary();
else await runWorker();

function runPrimary() {
  const stateFile = process.env.SERVE_STATE_FILE ? path.resolve(process.env.SERVE_STATE_FILE) : null;
  const execArgv = [...process.execArgv, `--max-old-space-size=${SERVER_HEAP_MB}`];
  cluster.setupPrimary({ execArgv });
  /** Worker id -> { pid, listening } for the state file. */
  const live = new Map();
  const restarts = [];
  let everListened = false;
  let startFailures = 0;
  let shuttingDown = false;

  const writeState = () => {
    if (!stateFile) return;
    const state = {
      primary: process.pid,
      port,
      workers: [...live].map(([id, w]) => ({ id, pid: w.pid, listening: w.listening })),
    };
    const tmp = `${stateFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state));
    fs.renameSync(tmp, stateFile);
  };

  const fork = () => {
    const worker = cluster.fork({ NODE_ENV: "production" });
    live.set(worker.id, { pid: worker.process.pid, listening: false });
    writeState();
  };

  const replace = () => {
    const now = Date.now();
    while (restarts.length > 0 && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
    restarts.push(now);
    const over = restarts.length - RESTART_BURST;
    const delay = over <= 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (over - 1));
    if (delay > 0) log(`${restarts.length} restarts in the last minute: the replacement starts in ${delay / 1000} s`);
    // Not unref'd: while every worker is down, this timer is what keeps the primary alive.
    setTimeout(() => {
      if (!shuttingDown) fork();
    }, delay);
  };

  cluster.on("listening", (worker, address) => {
    // A worker opens other listeners too (the mail listener on SMTP_LISTEN): only the web port
    // makes it a serving worker.
    if (port !== 0 && address.port !== port) {
      log(`worker ${worker.id} (pid ${worker.process.pid}) also listening on ${address.address}:${address.port}`);
      return;
    }
    everListened = true;
    const w = live.get(worker.id);
    if (w) w.listening = true;
    writeState();
    const host = address.address ?? hostname ?? "localhost";
    log(`worker ${worker.id} (pid ${worker.process.pid}) serving on http://${host}:${address.port}`);
  });

  cluster.on("exit", (worker, code, signal) => {
    const w = live.get(worker.id);
    live.delete(worker.id);
    writeState();
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (shuttingDown) {
      log(`worker ${worker.id} (pid ${worker.process.pid}) exited (${how})`);
      if (live.size === 0) finish();
      return;
    }
    if (!w?.listening && !everListened && ++startFailures >= workerCount + 2) {
      log(
        `worker ${worker.id} (pid ${worker.process.pid}) exited (${how}) before serving; no worker could start, giving up`,
      );
      process.exit(1);
    }
    log(`worker ${worker.id} (pid ${worker.process.pid}) exited (${how}); starting a replacement`);
    replace();
  });

  let exitCode = 0;
  const finish = () => {
    if (stateFile) fs.rmSync(stateFile, { force: true });
    log("all workers stopped");
    process.exit(exitCode);
  };

  const shutdown = (signal) => {
    if (shuttingDown) return;
    shuttingDown = true;
    exitCode = signal === "SIGINT" ? 130 : 143;
    log(`${signal}: stopping ${live.size} worker(s) after their requests in flight`);
    if (live.size === 0) return finish();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    }, SHUTDOWN_GRACE_MS + 5000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  log(
    `primary pid ${process.pid}: ${workerCount} worker(s) on port ${port}, heap cap ${SERVER_HEAP_MB} MB each, build in ${dir}`,
  );
  for (let i = 0; i < workerCount; i++) fork();
}

async function runWorker() {
  // Next.js is CommonJS; its default export is the programmatic server factory.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
  try {
    await app.prepare();
  } catch (err) {
    console.error(`[serve] worker ${cluster.worker?.id} (pid ${process.pid}) could not start:`, err);
    process.exit(1);
  }
  const handle = app.getRequestHandler();
  const nameWorker = process.env.SERVE_WORKER_HEADER === "1";
  /** Each open connection and how many of its requests are being answered (0: idle or not yet read). */
  const connections = new Map();
  let closing = false;

  const server = http.createServer((req, res) => {
    const conn = connections.get(req.socket);
    if (conn) conn.active += 1;
    res.once("close", () => {
      if (!conn) return;
      conn.active -= 1;
      conn.served += 1;
      if (closing && conn.active === 0) req.socket.end();
    });
    if (closing) res.setHeader("connection", "close");
    // Only our own server says who the peer is: whatever a client sent under this name is dropped.
    delete req.headers[PEER_HEADER];
    const raw = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      if (req.rawHeaders[i].toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const peer = req.socket.remoteAddress;
    if (peer) {
      req.headers[PEER_HEADER] = peer;
      raw.push(PEER_HEADER, peer);
    }
    req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
    if (nameWorker) res.setHeader(WORKER_HEADER, String(process.pid));
    handle(req, res).catch((err) => {
      console.error(`[serve] worker ${cluster.worker?.id}: request ${req.method} ${req.url} failed:`, err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    connections.set(socket, { active: 0, served: 0 });
    socket.once("close", () => connections.delete(socket));
  });
  server.on("error", (err) => {
    console.error(`[serve] worker ${cluster.worker?.id} (pid ${process.pid}):`, err);
    process.exit(1);
  });

  const shutdown = () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => {
      console.error(`[serve] worker ${cluster.worker?.id}: requests still running after ${SHUTDOWN_GRACE_MS} ms`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    // Stop accepting (net's close: http's own close also drops connections whose request has
    // arrived but not yet been read, which a busy worker has many of). Every request that reached
    // this worker is answered, with `Connection: close`; keep-alive connections that have been
    // answered and wait idle are closed now; the close callback runs when the last one is gone.
    net.Server.prototype.close.call(server, () => {
      app
        .close()
        .catch((err) => console.error(err))
        .finally(() => {
          clearTimeout(force);
          process.exit(0);
        });
    });
    for (const [socket, conn] of connections) if (conn.active === 0 && conn.served > 0) socket.end();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  process.env.PORT = String(port);
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname && hostname !== "0.0.0.0" ? hostname : "localhost"}:${port}`;
  server.listen(port, hostname);
}

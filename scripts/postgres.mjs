// PostgreSQL for the tests and the bench (decision 029): installs Debian's server and libpq's
// headers when missing (as Chromium is), builds the libpq addon when npm could not, and starts a
// throwaway cluster on 127.0.0.1 that only this run uses.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const isRoot = process.getuid?.() === 0;

function pgBin() {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${res.status}`);
}

/**
 * Debian's PostgreSQL server and libpq's headers, installed when missing. Before `npm ci`, so that the
 * optional `libpq` addon builds during the install (without the headers npm leaves it out).
 */
export function ensurePostgresPackages() {
  if (pgBin() && fs.existsSync("/usr/include/postgresql/libpq-fe.h")) return;
  console.log("Installing PostgreSQL from Debian packages…");
  const apt = (args) =>
    run(isRoot ? "apt-get" : "sudo", isRoot ? args : ["apt-get", ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", "postgresql", "libpq-dev"]);
}

/** The libpq addon, built now if an earlier install ran without libpq's headers (and so left it out). */
export function ensureLibpqAddon() {
  if (fs.existsSync("node_modules/libpq/build/Release/addon.node")) return;
  console.log("Building the libpq addon…");
  if (fs.existsSync("node_modules/libpq/package.json")) run("npm", ["rebuild", "libpq"]);
  else {
    const wanted = JSON.parse(fs.readFileSync("package.json", "utf8")).optionalDependencies.libpq;
    run("npm", ["install", "--no-save", "--no-audit", "--no-fund", `libpq@${wanted}`]);
  }
}

/** Runs a PostgreSQL program as the `postgres` user when we are root (the server refuses root). */
function asServerUser(cmd, args) {
  return isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

/** A temporary directory the server user owns, for one cluster's data, socket and log. */
function clusterDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  fs.chmodSync(dir, 0o777);
  if (isRoot) execFileSync("chown", ["postgres", dir]);
  return dir;
}

/**
 * Starts the cluster in `dir`/data on 127.0.0.1:`port` with extra server `options`, and returns it:
 * its URL without a database, `stop()` (idempotent) and `remove()` (stop, then delete its files).
 */
function serve(bin, dir, port, options) {
  const data = path.join(dir, "data");
  const all = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${dir}`, ...options].join(" ");
  const [ctl, ctlArgs] = asServerUser(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-o",
    all,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "start",
  ]);
  run(ctl, ctlArgs, { stdio: "ignore" });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    const [c, a] = asServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    spawnSync(c, a, { stdio: "ignore" });
    stopped = true;
  };
  const remove = () => {
    stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://attain@127.0.0.1:${port}`, dir, stop, remove };
}

/**
 * Starts a new cluster in a temporary directory on 127.0.0.1:`port`, trust authentication for the
 * user `attain`, durability off (it is thrown away) unless `durable`: then fsync and full-page
 * writes stay on and only commits do not wait for the WAL flush (synchronous_commit off, SQLite's
 * WAL with synchronous NORMAL has the same promise), as the bench compares the engines. `stop()`
 * also deletes it.
 */
export function startPostgres({ port, name = "attain-pg", durable = false }) {
  const bin = pgBin();
  if (!bin) throw new Error("PostgreSQL is not installed (ensurePostgresPackages first)");
  const dir = clusterDir(name);
  const [initCmd, initArgs] = asServerUser(path.join(bin, "initdb"), [
    "-D",
    path.join(dir, "data"),
    "-U",
    "attain",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
  ]);
  run(initCmd, initArgs, { stdio: "ignore" });
  const cluster = serve(
    bin,
    dir,
    port,
    durable
      ? ["-c synchronous_commit=off", "-c max_connections=300", "-c shared_buffers=1GB", "-c max_wal_size=4GB"]
      : [
          "-c fsync=off",
          "-c synchronous_commit=off",
          "-c full_page_writes=off",
          "-c max_connections=300",
          "-c shared_buffers=256MB",
        ],
  );
  return { url: cluster.url, dir, stop: cluster.remove };
}

/**
 * Starts a streaming replica of the cluster at `primaryUrl` on 127.0.0.1:`port`: pg_basebackup of
 * the whole cluster with its replication settings (-R), then a hot standby that follows the
 * primary's WAL.
 */
export function startReplica({ primaryUrl, port, name = "attain-pg-replica" }) {
  const bin = pgBin();
  const dir = clusterDir(name);
  const [bb, bbArgs] = asServerUser(path.join(bin, "pg_basebackup"), [
    "-d",
    `${primaryUrl}/postgres`,
    "-D",
    path.join(dir, "data"),
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
  ]);
  run(bb, bbArgs, { stdio: "ignore" });
  // A standby needs at least the primary's connection slots, or it refuses to replay.
  const slots = execFileSync("psql", [`${primaryUrl}/postgres`, "-tAc", "SHOW max_connections"], {
    encoding: "utf8",
  }).trim();
  const standby = serve(bin, dir, port, ["-c hot_standby=on", `-c max_connections=${slots}`]);
  return { url: standby.url, stop: standby.stop, remove: standby.remove };
}

/** Creates (or empties and recreates) a database on a cluster started here, through psql. */
export function createDatabase(url, name) {
  run("psql", [`${url}/postgres`, "-qc", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`], { stdio: "ignore" });
  run("psql", [`${url}/postgres`, "-qc", `CREATE DATABASE "${name}"`], { stdio: "ignore" });
  return `${url}/${name}`;
}

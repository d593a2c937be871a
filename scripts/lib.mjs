// Helpers shared by scripts/start.mjs and scripts/test.mjs; plain Node so they run before npm install.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * The V8 old-space cap of each production server worker, in MB (docs/decisions/014-server-heap-cap.md):
 * the server's live heap stays under ~120 MB at 1M tickets; without a cap V8 lets garbage grow
 * the heap towards half a gigabyte before collecting it. scripts/serve.mjs starts every worker with it.
 */
export const SERVER_HEAP_MB = 256;

export function run(cmd, args, env = process.env) {
  const res = spawnSync(cmd, args, { stdio: "inherit", env });
  if (res.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * `npm ci` when node_modules is missing or older than the lock file: installs exactly what the
 * committed lock file names (every platform's optional packages are in it) and never rewrites it,
 * so a fresh clone stays clean.
 */
export function ensureInstalled() {
  const marker = path.join("node_modules", ".package-lock.json");
  if (!fs.existsSync(marker) || mtime("package-lock.json") > mtime(marker)) {
    console.log("Installing dependencies…");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  }
}

const SOURCES = [
  "app",
  "components",
  "server",
  "db",
  "public",
  "next.config.ts",
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

/** A production build (in `dist`: NEXT_DIST_DIR, else .next) is needed when there is none or a source is newer than it. */
export function needsBuild(dist = process.env.NEXT_DIST_DIR || ".next") {
  const built = mtime(path.join(dist, "BUILD_ID"));
  return built === 0 || SOURCES.some((s) => newest(s) > built);
}

/** Debian's Chromium for the end-to-end tests, installed when missing. */
export function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return;
  console.log("Installing Chromium from Debian packages…");
  const sudo = process.getuid && process.getuid() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    run(sudo.length ? "sudo" : "apt-get", sudo.length ? ["apt-get", ...args] : args, {
      ...process.env,
      DEBIAN_FRONTEND: "noninteractive",
    });
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", "chromium", "fonts-noto-cjk"]);
}

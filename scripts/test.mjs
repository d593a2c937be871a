#!/usr/bin/env node
// npm test: install what is missing (Chromium and PostgreSQL included), then typecheck, lint, unit
// and integration tests, the integration tests again on PostgreSQL, and the Playwright suite against
// a production build. Ends with "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { ensureChromium, ensureInstalled, needsBuild } from "./lib.mjs";
import { createDatabase, ensureLibpqAddon, ensurePostgresPackages, startPostgres } from "./postgres.mjs";

ensurePostgresPackages();
ensureInstalled();
ensureLibpqAddon();
ensureChromium();
fs.mkdirSync("test-results", { recursive: true });

let passed = 0;
let failed = 0;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function step(name, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${name} ===`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return res.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Runs a command with its output captured; resolves to its exit status and output. */
function captured(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("close", (status) => resolve({ ok: status === 0, output: Buffer.concat(chunks).toString() }));
  });
}

// The route types Next.js checks pages against (.next/types), so that the typecheck covers them.
spawnSync("npx", ["next", "typegen"], { stdio: "ignore", env });
// The static checks each use about one core and read the same files: side by side, then each one's
// output in turn (decision 031).
const checks = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["import cycles", "npm", ["run", "--silent", "lint:cycles"]],
  ["format check", "npx", ["prettier", "--check", "."]],
];
const results = await Promise.all(checks.map(([, cmd, args]) => captured(cmd, args)));
checks.forEach(([name], i) => {
  console.log(`\n=== ${name} ===`);
  process.stdout.write(results[i].output);
  if (results[i].ok) passed++;
  else failed++;
});

fs.rmSync("test-results/vitest.json", { force: true });
const unitOk = step("unit and integration tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile=test-results/vitest.json",
]);
const vitest = readJson("test-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (unitOk || vitest.numFailedTests > 0 ? 0 : 1);
} else failed++;

// The integration tests again on PostgreSQL (decision 029), on a cluster of this run's own, which
// the end-to-end run on PostgreSQL uses too; it is stopped when this script exits.
fs.rmSync("test-results/vitest-postgres.json", { force: true });
const pg = startPostgres({ port: Number(process.env.TEST_POSTGRES_PORT ?? 55433) });
process.on("exit", () => pg.stop());
const pgOk = step(
  "integration tests on PostgreSQL",
  "npx",
  [
    "vitest",
    "run",
    ".int.test.ts",
    "--reporter=default",
    "--reporter=json",
    "--outputFile=test-results/vitest-postgres.json",
  ],
  { TEST_POSTGRES_URL: pg.url },
);
const vitestPg = readJson("test-results/vitest-postgres.json");
if (vitestPg) {
  passed += vitestPg.numPassedTests;
  failed += vitestPg.numFailedTests + (pgOk || vitestPg.numFailedTests > 0 ? 0 : 1);
} else failed++;

let built = true;
// The typecheck above covered the route types too (next typegen): the build need not check again.
const typechecked = results[0].ok ? { ATTAIN_TYPECHECKED: "1" } : {};
if (needsBuild())
  built = step("production build", "npx", ["next", "build"], { NODE_ENV: "production", ...typechecked });
if (!built) failed++;
else {
  fs.rmSync("test-results/playwright.json", { force: true });
  const e2eOk = step("end-to-end tests (Chromium)", "npx", ["playwright", "test"]);
  const pw = readJson("test-results/playwright.json");
  if (pw?.stats) {
    passed += pw.stats.expected;
    failed += pw.stats.unexpected + pw.stats.flaky + (e2eOk || pw.stats.unexpected > 0 ? 0 : 1);
  } else failed++;

  // The whole suite again on PostgreSQL, with a second web server on the same database
  // (e2e/postgres/two-servers.spec.ts), on ports of its own. One suite after the other: they keep
  // both cores busy each, and side by side took as long (decision 031).
  fs.rmSync("test-results/playwright-postgres.json", { force: true });
  const pgE2eOk = step("end-to-end tests on PostgreSQL (Chromium)", "npx", ["playwright", "test"], {
    E2E_DB: createDatabase(pg.url, "attain_e2e"),
    E2E_PROD_DB: createDatabase(pg.url, "attain_e2e_production"),
    E2E_PORT: "3200",
    E2E_IDP_PORT: "3290",
    E2E_REPORT: "test-results/playwright-postgres.json",
  });
  const pwPg = readJson("test-results/playwright-postgres.json");
  if (pwPg?.stats) {
    passed += pwPg.stats.expected;
    failed += pwPg.stats.unexpected + pwPg.stats.flaky + (pgE2eOk || pwPg.stats.unexpected > 0 ? 0 : 1);
  } else failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

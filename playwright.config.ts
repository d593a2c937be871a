import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { isPostgresUrl } from "./server/env";

// Overridable so two checkouts (or two builds) can run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// A SQLite file, or a PostgreSQL database URL: npm test runs the whole suite on both engines (decision 029).
const DATABASE_URL = process.env.E2E_DB ?? "data/e2e.db";
const ON_POSTGRES = isPostgresUrl(DATABASE_URL);
// The demo's "now", fixed once per run (the start of the current hour unless given) and written to the
// environment, so the seed and every worker (which inherit it) share it: specs read it through e2e/anchor.ts.
process.env.E2E_ANCHOR ??= new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
const ANCHOR = process.env.E2E_ANCHOR;
// A second server in production mode on an empty database (e2e/onboarding.spec.ts): no demo, first setup.
const PROD_PORT = Number(process.env.E2E_PROD_PORT ?? PORT + 5);
const PROD_DB = process.env.E2E_PROD_DB ?? "data/e2e-production.db";
if (ON_POSTGRES !== isPostgresUrl(PROD_DB)) throw new Error("E2E_DB and E2E_PROD_DB name one engine");
process.env.E2E_PROD_URL ??= `http://127.0.0.1:${PROD_PORT}`;
process.env.E2E_PROD_DB_PATH ??= ON_POSTGRES ? PROD_DB : path.resolve(PROD_DB);
// The demo server's primary keeps its workers' pids here (e2e/cluster.spec.ts).
process.env.E2E_SERVE_STATE ??= ON_POSTGRES
  ? path.resolve(`data/e2e-${PORT}.serve.json`)
  : `${path.resolve(DATABASE_URL)}.serve.json`;
// On PostgreSQL, a second web server on the same database (e2e/postgres/two-servers.spec.ts).
const SECOND_PORT = PORT + 1;
process.env.E2E_SECOND_URL ??= `http://127.0.0.1:${SECOND_PORT}`;
const SECRET = "e2e-secret-not-for-production-use-0123456789";
// Files stay beside a SQLite database; on PostgreSQL they need a directory of this run's own.
const ATTACHMENTS: Record<string, string> = ON_POSTGRES ? { ATTACHMENTS_DIR: `data/e2e-${PORT}-attachments` } : {};
const FRESH_ATTACHMENTS = ON_POSTGRES ? `rm -rf data/e2e-${PORT}-attachments && ` : "";
process.env.E2E_SETUP_TOKEN ??= "e2e-setup-token-0123456789abcdef";
// The demo server's SMTP listener (e2e/email.spec.ts sends it mail); the production server has none.
process.env.E2E_SMTP_PORT ??= String(PORT + 8);

/** E2E against the production build and a freshly seeded database, in Debian's Chromium. */
export default defineConfig({
  testDir: "./e2e",
  // On PostgreSQL only, where a second server shares the database.
  testIgnore: ON_POSTGRES ? [] : ["postgres/**"],
  // Kept apart, so that the run on PostgreSQL (after the one on SQLite) leaves the first one's failures.
  outputDir: ON_POSTGRES ? "test-results/postgres" : "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test took a fifth of the suite's time (decision 031). A failure
    // keeps its screenshot and the page's accessibility snapshot (error-context.md); E2E_TRACE=
    // retain-on-failure records traces again when one is wanted.
    trace:
      process.env.E2E_TRACE === "retain-on-failure" || process.env.E2E_TRACE === "on" ? process.env.E2E_TRACE : "off",
    screenshot: "only-on-failure",
    timezoneId: "America/Los_Angeles",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // As npm start serves it: scripts/serve.mjs, here with two workers (each with the server heap cap).
      command: `${FRESH_ATTACHMENTS}npx tsx scripts/seed.ts --reset --anchor=${ANCHOR} && node scripts/serve.mjs --port ${PORT} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/signin`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        DATABASE_URL,
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        NEXTAUTH_SECRET: SECRET,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        WEB_CONCURRENCY: "2",
        // e2e/cluster.spec.ts reads the workers' pids here and which worker answered from x-attain-worker.
        SERVE_STATE_FILE: process.env.E2E_SERVE_STATE,
        SERVE_WORKER_HEADER: "1",
        // Staff single sign-on through the provider e2e/sso.spec.ts starts on 127.0.0.1:3190 (decision 021).
        STAFF_OIDC_ISSUER: `http://127.0.0.1:${process.env.E2E_IDP_PORT ?? 3190}`,
        STAFF_OIDC_CLIENT_ID: "attain-test",
        STAFF_OIDC_CLIENT_SECRET: "attain-test-secret-0123456789",
        STAFF_OIDC_DOMAINS: "attain.test",
        SMTP_LISTEN: `127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        ...ATTACHMENTS,
      },
    },
    // As a second machine behind the same load balancer: its own process, read cache and scheduler.
    ...(ON_POSTGRES
      ? [
          {
            command: `node scripts/serve.mjs --port ${SECOND_PORT} --hostname 127.0.0.1`,
            url: `http://127.0.0.1:${SECOND_PORT}/signin`,
            timeout: 180_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            env: {
              DATABASE_URL,
              NEXTAUTH_URL: `http://127.0.0.1:${SECOND_PORT}`,
              NEXTAUTH_SECRET: SECRET,
              NODE_ENV: "production",
              NEXT_TELEMETRY_DISABLED: "1",
              WEB_CONCURRENCY: "1",
              SMTP_LISTEN: "off",
              ...ATTACHMENTS,
            },
          },
        ]
      : []),
    {
      // `ATTAIN_MODE=production npm start` on an empty database, as a vendor installs Attain.
      // On PostgreSQL, npm test creates the database empty.
      command: `${ON_POSTGRES ? `rm -rf data/e2e-${PROD_PORT}-attachments && ` : `rm -f ${PROD_DB} ${PROD_DB}-wal ${PROD_DB}-shm && `}npx tsx scripts/seed.ts --if-empty && node scripts/serve.mjs --port ${PROD_PORT} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${PROD_PORT}/setup`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        DATABASE_URL: PROD_DB,
        ATTAIN_MODE: "production",
        SETUP_TOKEN: process.env.E2E_SETUP_TOKEN,
        NEXTAUTH_URL: `http://127.0.0.1:${PROD_PORT}`,
        NEXTAUTH_SECRET: "e2e-production-secret-not-for-real-use-0123",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        WEB_CONCURRENCY: "1",
        SMTP_LISTEN: "off",
        ...(ON_POSTGRES ? { ATTACHMENTS_DIR: `data/e2e-${PROD_PORT}-attachments` } : ({} as Record<string, string>)),
      },
    },
  ],
});

import { defineConfig, devices } from "@playwright/test";
import baseConfig from "./playwright.config";

// Two portal servers on one PostgreSQL database (decision 029), as a vendor runs several web
// servers: npm test starts a cluster and creates the database, and passes its URL here.
const DATABASE_URL = process.env.E2E_POSTGRES_DB;
if (!DATABASE_URL) throw new Error("E2E_POSTGRES_DB (a PostgreSQL database URL) is required");
const PORT_A = Number(process.env.E2E_PG_PORT ?? 3200);
const PORT_B = PORT_A + 1;
process.env.E2E_PG_URL_A = `http://127.0.0.1:${PORT_A}`;
process.env.E2E_PG_URL_B = `http://127.0.0.1:${PORT_B}`;
const ANCHOR = process.env.E2E_ANCHOR!;

const server = (port: number) => ({
  DATABASE_URL,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  // One secret for both, as behind one load balancer: a session from either is good on the other.
  NEXTAUTH_SECRET: "e2e-postgres-secret-not-for-production-0123456",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  WEB_CONCURRENCY: "1",
  SMTP_LISTEN: "off",
  ATTACHMENTS_DIR: "data/e2e-postgres-attachments",
});

export default defineConfig({
  ...baseConfig,
  testDir: "./e2e/postgres",
  testIgnore: [],
  reporter: [["list"], ["json", { outputFile: "test-results/playwright-postgres.json" }]],
  use: { ...baseConfig.use, baseURL: process.env.E2E_PG_URL_A },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `npx tsx scripts/seed.ts --reset --anchor=${ANCHOR} && node scripts/serve.mjs --port ${PORT_A} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${PORT_A}/signin`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: server(PORT_A),
    },
    {
      command: `node scripts/serve.mjs --port ${PORT_B} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${PORT_B}/signin`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: server(PORT_B),
    },
  ],
});

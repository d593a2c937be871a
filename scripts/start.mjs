#!/usr/bin/env node
// npm start: install what is missing, migrate, seed an empty database, build if needed, serve on :3000.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureInstalled, needsBuild, run, serverNodeOptions } from "./lib.mjs";

ensureInstalled();
const dataDir = path.resolve("data");
fs.mkdirSync(dataDir, { recursive: true });
const secretFile = path.join(dataDir, "auth-secret");
if (!process.env.NEXTAUTH_SECRET && !fs.existsSync(secretFile))
  fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
const env = {
  ...process.env,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || fs.readFileSync(secretFile, "utf8").trim(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || "http://localhost:3000",
  NEXT_TELEMETRY_DISABLED: "1",
};
run("npx", ["tsx", "scripts/seed.ts", "--if-empty"], env);
if (needsBuild()) run("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
const server = spawnSync("npx", ["next", "start", "-p", process.env.PORT || "3000"], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions() },
});
process.exit(server.status ?? 1);

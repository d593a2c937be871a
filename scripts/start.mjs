#!/usr/bin/env node
// npm start: install what is missing, migrate, seed an empty database, build if needed, serve on :3000
// with one worker per core (scripts/serve.mjs; WEB_CONCURRENCY sets how many).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureInstalled, needsBuild, run } from "./lib.mjs";
import { ensureLibpqAddon } from "./postgres.mjs";

ensureInstalled();
// PostgreSQL (decision 029) needs the libpq addon, which npm leaves out where libpq's headers were missing.
if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) ensureLibpqAddon();
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
const server = spawn(process.execPath, ["scripts/serve.mjs", "--port", process.env.PORT || "3000"], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
// Ctrl-C reaches the whole process group; a signal sent to this process alone is passed on, and the
// server stops gracefully (scripts/serve.mjs).
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 143)));

/**
 * One server process of a cluster, for `server/reviews/review-hardening.int.test.ts`: opens the
 * database file given as the first argument, says "ready", and on "go" (a line on stdin) generates
 * the review named by the other arguments, printing the outcome as JSON: the DomainError's code
 * (which the tRPC error formatter answers with), or "INTERNAL" for anything else (a 500).
 */
import readline from "node:readline";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { openDb } from "@/server/db";
import { DomainError } from "@/server/errors";
import { generateReview } from "@/server/reviews/service";
import { TEST_ANCHOR } from "./constants";

const [file, email, organizationId, quarter] = process.argv.slice(2);
const db = openDb(file!);
// server/testing/db.ts's sessionFor, which this process cannot import (it registers vitest hooks).
const u = db.select().from(users).where(eq(users.email, email!)).get()!;
const user = { id: u.id, role: u.role, organizationId: u.organizationId, name: u.name, email: u.email };

readline.createInterface({ input: process.stdin }).once("line", () => {
  let outcome: { ok: true; id: number } | { ok: false; code: string; message: string };
  try {
    outcome = {
      ok: true,
      id: generateReview(db, user, { organizationId: Number(organizationId), quarter: quarter! }, TEST_ANCHOR).id,
    };
  } catch (e) {
    outcome = { ok: false, code: e instanceof DomainError ? e.code : "INTERNAL", message: String(e) };
  }
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  db.$client.close();
  process.exit(0);
});
process.stdout.write("ready\n");

import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB } from "../../scripts/lib.mjs";
import type { BoundsResult } from "../testing/markdown-bounds-child";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(ROOT, "server/testing/markdown-bounds-child.ts");

/** Runs the corpus in a child process with the server's heap cap; its exit code and one result per input. */
function renderCorpus(kind: "ticket" | "article") {
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${SERVER_HEAP_MB}`, "--import", "tsx", CHILD, kind],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  const results = child.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as BoundsResult);
  const report = results
    .filter((r) => !r.ok)
    .map((r) => `${r.group} ${r.name}: ${r.ms} ms (${r.cpuMs} ms CPU, ${r.wallMs} ms wall)${r.plain ? ", plain" : ""}`)
    .join("\n");
  return { status: child.status, signal: child.signal, stderr: child.stderr.slice(-2000), results, report };
}

describe("[SECURITY] Markdown rendering is bounded in time and in the server's memory", () => {
  it(
    `ticket text: every pathological input over the limits shows as plain text, and the worst input of each shape within them renders as Markdown (its time against the budget is the bench's), in a ${SERVER_HEAP_MB} MB heap`,
    { timeout: 300_000 },
    () => {
      const run = renderCorpus("ticket");
      expect(run.report, run.stderr).toBe("");
      expect(run.status, run.stderr).toBe(0);
      const over = run.results.filter((r) => r.group === "over");
      const at = run.results.filter((r) => r.group === "at");
      expect(over.length).toBeGreaterThanOrEqual(30);
      expect(at.length).toBeGreaterThanOrEqual(80);
      expect(over.every((r) => r.plain)).toBe(true);
      expect(at.every((r) => !r.plain)).toBe(true);
    },
  );

  it(
    `article text: the worst input of each shape within the article limits renders as Markdown (its time against the budget is the bench's), in a ${SERVER_HEAP_MB} MB heap`,
    { timeout: 300_000 },
    () => {
      const run = renderCorpus("article");
      expect(run.report, run.stderr).toBe("");
      expect(run.status, run.stderr).toBe(0);
      expect(run.results.every((r) => !r.plain)).toBe(true);
    },
  );
});

/**
 * Renders the pathological Markdown corpus (server/kb/markdown-corpus.ts) in this process, which
 * server/kb/markdown-bounds.test.ts starts with the production server's heap cap: running out of
 * memory kills the process, so finishing at all is half the test. Prints one JSON line per input
 * and exits 1 when any input broke its rule:
 * - over the limits: shown as plain text (never parsed);
 * - at the limits: rendered as Markdown, not cut short to plain text by the renderer's time guard
 *   (given a budget no machine reaches, so the outcome depends on the limits alone, not on the
 *   machine's load). How long the slowest of them takes against RENDER_BUDGET_MS is the bench's
 *   (scripts/bench/micro.ts), since a timed test fails on a busy machine; the guard itself is
 *   tested in server/kb/markdown.test.ts.
 * Usage: node --max-old-space-size=256 --import tsx server/testing/markdown-bounds-child.ts [ticket|article]...
 */
import { DEMO_ARTICLES } from "../../db/seed/articles";
import { renderMarkdown, spentSince } from "../kb/markdown";
import { atLimitInputs, NO_RENDER_GUARD, OVER_LIMIT_INPUTS, type PathologicalInput } from "../kb/markdown-corpus";
import type { MarkdownKind } from "../kb/markdown-limits";

export type BoundsResult = {
  kind: MarkdownKind;
  group: "over" | "at";
  name: string;
  chars: number;
  /** The render's time as the renderer's budget counts it: the smaller of CPU and wall time. */
  ms: number;
  cpuMs: number;
  wallMs: number;
  plain: boolean;
  ok: boolean;
};

function measure(markdown: string, kind: MarkdownKind) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const { plain } = renderMarkdown(markdown, kind, NO_RENDER_GUARD);
  const wallMs = performance.now() - wall;
  const used = process.cpuUsage(cpu);
  return { plain, ms: spentSince({ cpu, wall }), wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function run(kind: MarkdownKind, group: "over" | "at", input: PathologicalInput): BoundsResult {
  const wantPlain = group === "over";
  const m = measure(input.markdown, kind);
  return {
    kind,
    group,
    name: input.name,
    chars: input.markdown.length,
    plain: m.plain,
    ms: Math.round(m.ms),
    cpuMs: Math.round(m.cpuMs),
    wallMs: Math.round(m.wallMs),
    ok: m.plain === wantPlain,
  };
}

const kinds = (process.argv.slice(2).length ? process.argv.slice(2) : ["ticket", "article"]) as MarkdownKind[];
// Warm the parser's code paths first, as a running server's are.
for (const a of DEMO_ARTICLES) renderMarkdown(a.body, "article");

let failed = 0;
for (const kind of kinds) {
  const groups: ["over" | "at", PathologicalInput[]][] = [
    ["over", kind === "ticket" ? OVER_LIMIT_INPUTS : []],
    ["at", atLimitInputs(kind)],
  ];
  for (const [group, inputs] of groups) {
    for (const input of inputs) {
      const result = run(kind, group, input);
      if (!result.ok) failed++;
      console.log(JSON.stringify(result));
    }
  }
}
process.exit(failed ? 1 : 0);

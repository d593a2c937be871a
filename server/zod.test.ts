import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const IMPORT = /^import\s+(?!type\b)(?:[^"']*?from\s+)?["']([^"']+)["']/gm;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? path.join(path.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"])
    if (fs.existsSync(path.join(ROOT, base + ext)) && fs.statSync(path.join(ROOT, base + ext)).isFile())
      return path.normalize(base + ext);
  return null;
}

/** Every module a client component ("use client") reaches through value imports, with what each imports. */
function clientGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const stack = [...sources("components"), ...sources("app")].filter((f) =>
    fs.readFileSync(path.join(ROOT, f), "utf8").includes('"use client"'),
  );
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (graph.has(file)) continue;
    const specs = [...fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(IMPORT)].map((m) => m[1]!);
    graph.set(file, specs);
    for (const s of specs) {
      const r = resolve(file, s);
      if (r) stack.push(r);
    }
  }
  return graph;
}

describe("zod in the browser", () => {
  it("modules reached from client components import zod only through server/zod (jitless before any schema)", () => {
    const graph = clientGraph();
    const direct = [...graph]
      .filter(([file, specs]) => file !== path.normalize("server/zod.ts") && specs.includes("zod"))
      .map(([file]) => file);
    expect(direct).toEqual([]);
    // The forms that validate with the server's schemas do reach zod, through server/zod.
    const throughWrapper = [...graph].filter(([, specs]) => specs.includes("@/server/zod")).map(([file]) => file);
    expect(throughWrapper).toEqual(expect.arrayContaining([path.normalize("server/kb/article-input.ts")]));
  });
});

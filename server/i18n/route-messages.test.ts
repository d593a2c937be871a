import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import { clientMessages, SERVER_KEY_PATHS, SHARED_NAMESPACES } from "./client-messages";

/*
 * The browser receives the shared namespaces (root layout) and, per route, the namespaces that
 * route's layouts and page hand over (<RouteMessages namespaces={[...]}>, or a layout.tsx of
 * `messagesLayout([...])`). These tests read the
 * sources: from every route file they follow the imports into client components ("use client" and
 * everything those import) and collect the namespaces read there: `useTranslations("ns")` and
 * message keys written as "ns.key" or `ns.${...}`.
 */

const NAMESPACES = Object.keys(en);
const ROUTE_FILE = /^(page|layout|error|not-found|forbidden|loading|template)\.tsx$/;

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

const isClientModule = (text: string) => /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use client["']/.test(text);

function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  const pattern = /^(?!import type)(?:import|export)\b[^;]*?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
  for (const m of text.matchAll(pattern)) {
    const target = resolveImport(file, (m[1] ?? m[2])!);
    if (target) out.push(target);
  }
  return out;
}

function namespacesRead(text: string): string[] {
  return NAMESPACES.filter((ns) =>
    new RegExp(`useTranslations\\(\\s*["'\`]${ns}["'\`.]|["'\`]${ns}\\.[A-Za-z$]`).test(text),
  );
}

/** The namespaces the client components reachable from a route file read. */
function clientNeeds(entry: string): Set<string> {
  const seen = new Set<string>();
  const needs = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    // server modules render no client components; inside a client module every import is client code
    if (!client && /^(server|db)\//.test(file)) return;
    const text = fs.readFileSync(file, "utf8");
    const isClient = client || isClientModule(text);
    if (isClient) for (const ns of namespacesRead(text)) needs.add(ns);
    for (const target of importsOf(file, text)) walk(target, isClient);
  };
  walk(entry, false);
  return needs;
}

/** The namespaces a route file hands over: <RouteMessages namespaces={[...]}> or messagesLayout([...]). */
function handedOver(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:namespaces=\{|messagesLayout\()\[([^\]]*)\]/g)].flatMap((m) =>
    [...m[1]!.matchAll(/["']([A-Za-z]+)["']/g)].map((n) => n[1]!),
  );
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : ROUTE_FILE.test(e.name) ? [p] : [];
  });
}

/** The layouts above a route file (the root first), and the file itself when it is a page. */
function providersOf(file: string): string[] {
  const dirs: string[] = [];
  for (let d = path.dirname(file); d.startsWith("app"); d = path.dirname(d)) dirs.unshift(d);
  return [...dirs.map((d) => path.join(d, "layout.tsx")), file];
}

describe("messages handed to client components", () => {
  it("every route hands over each namespace its client components read, and no route hands over more than it reads", () => {
    const shared = new Set<string>(SHARED_NAMESPACES);
    const missing: string[] = [];
    const unused: string[] = [];
    const files = routeFiles("app");
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const provided = new Set([...shared, ...providersOf(file).flatMap(handedOver)]);
      const needs = clientNeeds(file);
      const lacking = [...needs].filter((ns) => !provided.has(ns)).sort();
      if (lacking.length) missing.push(`${file}: ${lacking.map((n) => `"${n}"`).join(", ")}`);
      if (!file.endsWith("layout.tsx"))
        for (const ns of handedOver(file)) if (!needs.has(ns)) unused.push(`${file}: ${ns}`);
    }
    // A route listed here: add the namespaces to <RouteMessages namespaces={[...]}> in its page or layout.
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
  });

  it("a layout hands over only what some route below it reads", () => {
    const files = routeFiles("app");
    for (const layout of files.filter((f) => f.endsWith("layout.tsx"))) {
      const below = files.filter((f) => f.startsWith(path.dirname(layout) + path.sep));
      const read = new Set(below.flatMap((f) => [...clientNeeds(f)]));
      expect(handedOver(layout).filter((ns) => !read.has(ns))).toEqual([]);
    }
  });

  it("every part of a namespace the server answers with is handed to every page (forms translate refusals in the browser)", () => {
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !/test\.ts$/.test(e.name) ? [p] : [];
      });
    const named = new Set<string>();
    for (const file of sources("server")) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/messageKey: ["`]([a-zA-Z]+)\.([a-zA-Z]+)/g)) named.add(`${m[1]}.${m[2]}`);
      for (const m of text.matchAll(/"([a-zA-Z]+)\.(errors)\.[a-zA-Z]+"/g)) named.add(`${m[1]}.${m[2]}`);
      for (const m of text.matchAll(/(?:DomainError|refuseIf)\([^;]{0,400}?["'`]([a-zA-Z]+)\.([a-zA-Z]+)\.[a-zA-Z$]/g))
        named.add(`${m[1]}.${m[2]}`);
    }
    expect(named.size).toBeGreaterThan(10);
    const covered = (key: string) =>
      (SHARED_NAMESPACES as readonly string[]).includes(key.split(".")[0]!) ||
      (SERVER_KEY_PATHS as readonly string[]).includes(key);
    expect([...named].filter((k) => k.split(".")[0]! in en && !covered(k)).sort()).toEqual([]);
    const shared = clientMessages(en) as Record<string, Record<string, unknown>>;
    for (const key of named) {
      const [ns, part] = key.split(".") as [string, string];
      if (ns in en) expect(shared[ns]?.[part], key).toBeDefined();
    }
  });

  it("the shared formatting helpers' namespaces are in the shared set (client components everywhere call them)", () => {
    const used = namespacesRead(fs.readFileSync("components/format.ts", "utf8"));
    expect(used).toContain("duration");
    expect(used.filter((ns) => !(SHARED_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });

  it("the shared set is a small part of the catalogue, and server-only namespaces stay on the server", () => {
    const shared = clientMessages(en);
    expect(Object.keys(shared)).not.toContain("pageTitles");
    expect(Object.keys(shared)).toContain("common");
    expect(JSON.stringify(shared).length).toBeLessThan(JSON.stringify(en).length / 3);
  });
});

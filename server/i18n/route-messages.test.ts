import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import { clientMessages, pickMessages, SHARED_NAMESPACES } from "./client-messages";

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

const catalogue = en as Record<string, Record<string, unknown>>;
/** Whether `part` is a group of messages of namespace `ns` (one that can be handed over alone). */
const isGroup = (ns: string, part: string) => typeof catalogue[ns]?.[part] === "object";

/**
 * What a client module reads, as namespaces ("tickets") and groups of a namespace
 * ("tickets.statuses"): a group when every read of the namespace names one of its groups, as in
 * `useTranslations("tickets.detail")` or `t(`tickets.statuses.${s}`)`; the whole namespace when
 * a read names a message of its own or a part that is computed.
 */
function entriesRead(text: string): string[] {
  const out = new Set<string>();
  for (const ns of namespacesRead(text)) {
    const reads = [
      ...text.matchAll(new RegExp(`useTranslations\\(\\s*["'\`]${ns}(?:\\.([A-Za-z]+))?`, "g")),
      ...text.matchAll(new RegExp(`["'\`]${ns}\\.([A-Za-z]+|\\$)`, "g")),
    ]
      .map((m) => m[1])
      // "errors.noImpact" under useTranslations("advisories") names no message of "errors": not a read of it.
      .filter((part) => part === undefined || part === "$" || part in catalogue[ns]!);
    if (reads.length === 0) continue;
    if (reads.some((part) => part === undefined || part === "$" || !isGroup(ns, part))) out.add(ns);
    else for (const part of reads) out.add(`${ns}.${part!}`);
  }
  return [...out];
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
    // A rules module of the server that client code imports (the permissions table, account rules)
    // translates nothing itself; what it hands a client to translate is named `messageKey: "ns.key"`
    // or `refusal("ns.key", ...)`, or written out as a key of three parts ("tickets.errors.stale");
    // permission names ("tickets.manage") are not message reads. Nor does a client read the message
    // it compares a refusal's key with (`messageKey === "ns.key"`): the refusal's text arrives translated.
    const read = /^(server|db)\//.test(file)
      ? [
          ...text.matchAll(/(?:messageKey: |refusal\(\s*)(["'`][^"'`]+)/g),
          ...text.matchAll(/(["'`][A-Za-z]+\.[A-Za-z]+\.[A-Za-z$])/g),
        ]
          .map((m) => m[1])
          .join("\n")
      : text.replace(/messageKey\s*[!=]==?\s*["'`][^"'`]*["'`]/g, "");
    if (isClient) for (const entry of entriesRead(read)) needs.add(entry);
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
    [...m[1]!.matchAll(/["']([A-Za-z]+(?:\.[A-Za-z]+)?)["']/g)].map((n) => n[1]!),
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
    // The root layout hands over the shared namespaces to every page.
    const shared: readonly string[] = SHARED_NAMESPACES;
    const missing: string[] = [];
    const unused: string[] = [];
    const files = routeFiles("app");
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const provided = new Set([...shared, ...providersOf(file).flatMap(handedOver)]);
      const needs = clientNeeds(file);
      const has = (entry: string) => provided.has(entry) || provided.has(entry.split(".")[0]!);
      const lacking = [...needs].filter((e) => !has(e)).sort();
      if (lacking.length) missing.push(`${file}: ${lacking.map((n) => `"${n}"`).join(", ")}`);
      if (!file.endsWith("layout.tsx"))
        for (const entry of handedOver(file)) if (!needs.has(entry)) unused.push(`${file}: ${entry}`);
    }
    // A route listed under missing: add the namespaces (or groups, "tickets.statuses") to
    // <RouteMessages namespaces={[...]}> in its page or layout. Under unused: a page hands over a
    // namespace none of its client components read, or the whole of one where they read some groups.
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
  });

  it("a layout hands over only what some route below it reads", () => {
    const files = routeFiles("app");
    const extra: string[] = [];
    for (const layout of files.filter((f) => f.endsWith("layout.tsx"))) {
      const below = files.filter((f) => f.startsWith(path.dirname(layout) + path.sep));
      const read = new Set(below.flatMap((f) => [...clientNeeds(f)]));
      // A whole namespace where the routes below read only some of its groups is handed over as those groups.
      for (const entry of handedOver(layout))
        if (!read.has(entry)) extra.push(`${layout}: ${entry} (read below: ${[...read].sort().join(", ")})`);
    }
    expect(extra).toEqual([]);
  });

  it("a layout hands over only what every page below it reads (a sub-page's own namespaces go in its own layout)", () => {
    const files = routeFiles("app");
    const layouts = files.filter((f) => f.endsWith("layout.tsx"));
    const within = (f: string, layout: string) => f.startsWith(path.dirname(layout) + path.sep);
    const extra: string[] = [];
    for (const layout of layouts) {
      for (const page of files.filter((f) => f.endsWith("page.tsx") && within(f, layout))) {
        // What the page's client components read, and those of the layouts between it and this one.
        const between = layouts.filter((l) => within(page, l) && within(l, layout));
        const read = new Set([page, ...between].flatMap((f) => [...clientNeeds(f)]));
        const reads = (entry: string) =>
          read.has(entry) || [...read].some((r) => r.startsWith(`${entry}.`) || entry.startsWith(`${r}.`));
        for (const entry of handedOver(layout))
          if (!reads(entry)) extra.push(`${layout}: ${entry} (not read by ${page})`);
      }
    }
    expect(extra).toEqual([]);
  });

  it("every group of messages the server answers with exists, and none travels to every page (refusals arrive translated)", () => {
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
    const catalogue = en as Record<string, Record<string, unknown>>;
    const known = [...named].filter((k) => k.split(".")[0]! in en);
    expect(known.filter((k) => catalogue[k.split(".")[0]!]![k.split(".")[1]!] === undefined)).toEqual([]);
    // The error formatter sends each refusal's sentence in the caller's language (server/api/trpc.ts).
    const shared = clientMessages(en) as Record<string, Record<string, unknown>>;
    const everywhere = known.filter((k) => k.split(".")[0] !== "errors" && shared[k.split(".")[0]!] !== undefined);
    expect(everywhere).toEqual([]);
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

  it("a group of a namespace is handed over alone, and a whole namespace wins over its groups", () => {
    expect(pickMessages(en, ["tickets.statuses"])).toEqual({ tickets: { statuses: en.tickets.statuses } });
    expect(pickMessages(en, ["tickets.statuses", "tickets.detail"])).toEqual({
      tickets: { statuses: en.tickets.statuses, detail: en.tickets.detail },
    });
    expect(pickMessages(en, ["tickets", "tickets.statuses"]).tickets).toBe(en.tickets);
    expect(pickMessages(en, ["tickets.statuses", "tickets"]).tickets).toBe(en.tickets);
    expect(JSON.stringify(pickMessages(en, ["tickets.productAreas"])).length).toBeLessThan(
      JSON.stringify(en.tickets).length / 20,
    );
  });
});

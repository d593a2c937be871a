import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

function clientFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...clientFiles(p));
    else if (/\.tsx?$/.test(entry.name) && /^\s*["']use client["']/.test(fs.readFileSync(p, "utf8"))) out.push(p);
  }
  return out;
}

describe("messages handed to client components", () => {
  it("every namespace a client component names is handed to the client provider", () => {
    const files = ["app", "components", "lib"].filter((d) => fs.existsSync(d)).flatMap(clientFiles);
    expect(files.length).toBeGreaterThan(10);
    const listed = new Set<string>(CLIENT_NAMESPACES);
    const missing = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      for (const ns of Object.keys(en))
        if (!listed.has(ns) && new RegExp(`["'\`]${ns}[."'\`]`).test(text)) missing.add(`${ns} (${file})`);
    }
    expect([...missing]).toEqual([]);
  });

  it("every namespace of a message key the server answers with is handed over (forms translate errors in the browser)", () => {
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !/test\.ts$/.test(e.name) ? [p] : [];
      });
    const listed = new Set<string>(CLIENT_NAMESPACES);
    const named = new Set<string>();
    for (const file of sources("server")) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/messageKey: ["`]([a-zA-Z]+)\./g)) named.add(m[1]!);
      for (const m of text.matchAll(/"([a-zA-Z]+)\.errors\.[a-zA-Z]+"/g)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((ns) => ns in en && !listed.has(ns))).toEqual([]);
  });

  it("the shared formatting helpers' namespaces are handed over (client components call them)", () => {
    const text = fs.readFileSync("components/format.ts", "utf8");
    const used = Object.keys(en).filter((ns) => new RegExp(`["'\`]${ns}\\.`).test(text));
    expect(used).toContain("duration");
    expect(used.filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });

  it("server-only namespaces (page titles, mail) stay on the server", () => {
    const picked = clientMessages(en);
    expect(Object.keys(picked)).not.toContain("pageTitles");
    expect(Object.keys(picked)).toContain("common");
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(en).length);
  });
});

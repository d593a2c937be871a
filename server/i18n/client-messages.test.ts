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

  it("server-only namespaces (page titles, mail) stay on the server", () => {
    const picked = clientMessages(en);
    expect(Object.keys(picked)).not.toContain("pageTitles");
    expect(Object.keys(picked)).toContain("common");
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(en).length);
  });
});

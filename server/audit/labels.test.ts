import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MEETING_STATUSES, ROTA_SHIFT_KINDS } from "@/db/schema/enums";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every action code the server records: the literal ones, and those built from a kind or status. */
function recordedActions(): string[] {
  const codes = new Set<string>();
  for (const file of sources("server"))
    // `action: "ticket.watch"`, and each code of a choice on the line (`action: on ? "a.x" : "a.y"`).
    for (const line of fs.readFileSync(file, "utf8").matchAll(/\baction: ([^\n]+)/g))
      for (const m of line[1]!.matchAll(/"([a-z][A-Za-z_]*\.[A-Za-z_.]+)"/g)) codes.add(m[1]!);
  for (const kind of ROTA_SHIFT_KINDS) for (const op of ["add", "remove"]) codes.add(`rota.${kind}.${op}`);
  for (const status of MEETING_STATUSES) codes.add(`meeting.${status}`);
  return [...codes].sort();
}

const label = (messages: unknown, code: string) =>
  ["audit", "actions", ...code.split(".")].reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    messages,
  );

describe("the audit log's action labels", () => {
  it("every action the server records reads as words in English and Chinese, not as its code", () => {
    const codes = recordedActions();
    expect(codes.length).toBeGreaterThan(80);
    const missing = codes.flatMap((code) =>
      [
        ["en", en],
        ["zh", zh],
      ].flatMap(([lang, messages]) => (typeof label(messages, code) === "string" ? [] : [`${lang}: ${code}`])),
    );
    expect(missing).toEqual([]);
  });

  it("every kind of thing an entry is about has a name in English and Chinese, not its table's", () => {
    const kinds = new Set<string>();
    for (const file of sources("server"))
      for (const m of fs.readFileSync(file, "utf8").matchAll(/entity: "([a-z_]+)"/g)) kinds.add(m[1]!);
    expect(kinds.size).toBeGreaterThan(20);
    const missing = [...kinds].flatMap((kind) =>
      [
        ["en", en],
        ["zh", zh],
      ].flatMap(([lang, messages]) =>
        typeof (messages as { audit: { entities: Record<string, unknown> } }).audit.entities[kind] === "string"
          ? []
          : [`${lang}: ${kind}`],
      ),
    );
    expect(missing).toEqual([]);
  });
});

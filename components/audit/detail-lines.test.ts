import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { auditDetailLines, type Translate } from "./detail-lines";

const tEn = createTranslator({ locale: "en", messages: en }) as unknown as Translate;
const tZh = createTranslator({ locale: "zh", messages: zh }) as unknown as Translate;
const lines = (detail: unknown, t = tEn) => auditDetailLines(JSON.stringify(detail), t);

describe("an audit entry's detail as readable lines", () => {
  it("a change reads field: old → new, only for what changed, with codes as people write them", () => {
    expect(
      lines({
        before: { priority: "P2", status: "open", name: "Nimbus" },
        after: { priority: "P1", status: "resolved", name: "Nimbus" },
      }),
    ).toEqual([
      { field: "Priority", value: "P2 normal → P1 high" },
      { field: "Status", value: "Open → Resolved" },
    ]);
  });

  it("a creation lists the new values; a removal says removed", () => {
    expect(lines({ before: null, after: { role: "admin", email: "a@b.test" } })).toEqual([
      { field: "Role", value: "Administrator" },
      { field: "Email", value: "a@b.test" },
    ]);
    expect(lines({ before: { productArea: "live_streaming" }, after: null })).toEqual([
      { field: "Product area", value: "Interactive live streaming → removed" },
    ]);
  });

  it("from/to pairs, platforms, booleans and other keys read as words, never JSON", () => {
    expect(lines({ from: "basic", to: "enterprise", openTicketsKeepingTargets: 3 })).toEqual([
      { field: "Changed", value: "Basic → Enterprise" },
      { field: "Open tickets keeping targets", value: "3" },
    ]);
    expect(lines({ platform: "android", version: "4.5.1", internal: false })).toEqual([
      { field: "Platform", value: "Android" },
      { field: "Version", value: "4.5.1" },
      { field: "Internal", value: "no" },
    ]);
    for (const l of lines({ before: { hours: { mon: [9, 18] } }, after: { hours: { mon: [10, 18] } } }))
      expect(l.value).not.toMatch(/[{}"]/);
  });

  it("in Chinese for a Chinese viewer", () => {
    expect(lines({ before: { priority: "P3" }, after: { priority: "P0" } }, tZh)).toEqual([
      { field: zh.audit.fields.priority, value: `${zh.priority.P3} → ${zh.priority.P0}` },
    ]);
  });

  it("no detail is no lines; text that is not JSON stays as it is", () => {
    expect(auditDetailLines(null, tEn)).toEqual([]);
    expect(auditDetailLines("provider changed", tEn)).toEqual([{ field: "", value: "provider changed" }]);
  });
});

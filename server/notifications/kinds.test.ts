import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "@/db/schema/enums";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";

describe("notification kinds", () => {
  it("every kind a notification can have reads as a sentence in English and Chinese, and no other kind does", () => {
    for (const messages of [en, zh]) {
      expect(Object.keys(messages.notifications.kinds).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    }
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import type { Translate } from "./detail-lines";
import { auditTargetView } from "./target";

const tEn = createTranslator({ locale: "en", messages: en }) as unknown as Translate;
const tZh = createTranslator({ locale: "zh", messages: zh }) as unknown as Translate;
const target = (name: string, more: { nameZh?: string; extra?: string; organizationId?: number } = {}) => ({
  name,
  nameZh: more.nameZh ?? null,
  extra: more.extra ?? null,
  organizationId: more.organizationId ?? null,
});

describe("what an audit entry was about, as the log shows it", () => {
  it("a ticket reads as its number and subject, linked to the ticket page the viewer may open", () => {
    const e = { entity: "ticket", entityId: "2182", target: target("Calls drop", { organizationId: 3 }) };
    expect(auditTargetView(e, tEn, "en", "/sla/tickets/")).toEqual({
      kind: "Ticket",
      text: "#2182 Calls drop",
      href: "/sla/tickets/2182",
    });
    expect(auditTargetView(e, tZh, "zh", "/sla/tickets/").kind).toBe("工单");
  });

  it("a person reads as their name, linked to their people page: a customer's organization's, or the staff's", () => {
    const customer = target("Alex Chen", { extra: "dev@nimbus.example", organizationId: 1 });
    expect(auditTargetView({ entity: "user", entityId: "6", target: customer }, tEn, "en", "/tickets/")).toEqual({
      kind: "Person",
      text: "Alex Chen",
      href: "/organizations/1/people?q=dev%40nimbus.example",
    });
    const staff = target("Amelia Brooks", { extra: "am@attain.test" });
    expect(auditTargetView({ entity: "user", entityId: "2", target: staff }, tZh, "zh", "/tickets/")).toEqual({
      kind: "人员",
      text: "Amelia Brooks",
      href: "/admin/people?q=am%40attain.test",
    });
  });

  it("things named in both languages read in the viewer's; a review by its quarter and organization", () => {
    const advisory = target("Token replay", { nameZh: "令牌重放" });
    expect(
      auditTargetView({ entity: "security_advisory", entityId: "4", target: advisory }, tZh, "zh", "/tickets/").text,
    ).toBe("令牌重放");
    const review = target("Nimbus Live", { extra: "2026-Q3" });
    expect(auditTargetView({ entity: "review", entityId: "9", target: review }, tEn, "en", "/tickets/")).toEqual({
      kind: "Service review",
      text: "Service review 2026-Q3: Nimbus Live",
      href: "/reviews/9",
    });
  });

  it("codes that name something read as people write them: a tier, a product area, a release line", () => {
    const view = (entity: string, entityId: string) =>
      auditTargetView({ entity, entityId, target: null }, tEn, "en", "/tickets/");
    expect(view("tier", "enterprise")).toEqual({ kind: "Tier", text: "Enterprise", href: "/admin/targets/enterprise" });
    expect(view("escalation_route", "video_calling").text).toBe("Video calling");
    expect(view("sdk_version", "android 4.5").text).toBe("Android 4.5");
  });

  it("anything else reads as its kind and number, never a table name, and a settings key not at all", () => {
    const view = (entity: string, entityId: string | null, t = tEn) =>
      auditTargetView({ entity, entityId, target: null }, t, "en", "/tickets/");
    expect(view("invitation", "12")).toEqual({ kind: "Invitation", text: "#12", href: null });
    expect(view("ticket", "99", tZh)).toEqual({ kind: "工单", text: "#99", href: null });
    expect(view("settings", "attachment_limits")).toEqual({ kind: "Settings", text: null, href: null });
    expect(view("user", null)).toEqual({ kind: "Person", text: null, href: null });
  });
});

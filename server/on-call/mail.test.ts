import { describe, expect, it } from "vitest";
import { onCallMail } from "./mail";

const warning = {
  id: 1047,
  subject: "Calls drop after two minutes",
  priority: "P1",
  organization: "Nimbus Live",
  metric: "firstResponse",
  percent: 25,
  due: "7 Dec 2026, 05:00 (America/Los_Angeles)",
  link: "https://portal.example/tickets/1047",
} as const;

describe("on-call mail names what it is about in the recipient's words", () => {
  it("an at-risk warning names the metric as the glossary writes it, never its code", () => {
    const en = onCallMail("atRisk", "en", warning);
    expect(en.subject).toBe(
      "At risk: #1047 Calls drop after two minutes (first response due 7 Dec 2026, 05:00 (America/Los_Angeles))",
    );
    expect(en.body).toMatch(/^The first response target of ticket #1047 \(P1, Nimbus Live\)/);
    const zh = onCallMail("atRisk", "zh", warning);
    expect(zh.body).toMatch(/^工单 #1047（P1，Nimbus Live）的首次响应目标/);
    for (const mail of [en, zh]) expect(`${mail.subject} ${mail.body}`).not.toContain("firstResponse");
  });

  it("a breach names the metric in Chinese for a Chinese recipient", () => {
    expect(onCallMail("breach", "zh", { ...warning, metric: "resolution" }).subject).toBe(
      "已超时：#1047 Calls drop after two minutes（根本解决）",
    );
  });

  it("a page names the on-call level as the on-call page does", () => {
    const page = {
      id: 1047,
      priority: "P0",
      subject: "Calls drop after two minutes",
      organization: "Nimbus Live",
      level: "primary",
      attempt: 2,
      link: "https://portal.example/on-call",
      ticketLink: "https://portal.example/tickets/1047",
    } as const;
    expect(onCallMail("page", "en", page).body).toMatch(/^You are on call \(primary, page 2\)/);
    expect(onCallMail("page", "zh", page).body).toMatch(/^您正在值班（主值班，第 2 次呼叫）/);
  });
});

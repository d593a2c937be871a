import { macros } from "@/db/schema";
import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The demo's shared macros (kept by the manager): what agents reach for first, in both languages. */
export function insertDemoMacros(tx: Tx, managerId: number, at: Date): void {
  const base = { ownerId: null, createdById: managerId, createdAt: at, updatedAt: at, setCategory: null };
  tx.insert(macros)
    .values([
      {
        ...base,
        titleEn: "Acknowledge and take the ticket",
        titleZh: "确认并接手工单",
        bodyEn:
          "Hi {{customer.name}},\n\nThanks for the report. I have taken ticket {{ticket.number}} and will update you before {{ticket.due}}.",
        bodyZh:
          "{{customer.name}}您好：\n\n感谢您的反馈。我已接手工单 {{ticket.number}}，将在 {{ticket.due}} 之前向您更新进展。",
        setStatus: null,
        assignToMe: true,
      },
      {
        ...base,
        titleEn: "Request the SDK log",
        titleZh: "请求 SDK 日志",
        bodyEn:
          "Hi {{customer.name}},\n\nTo find the cause, please attach the SDK log of an affected session to {{ticket.number}} (see *How to collect logs*).",
        bodyZh:
          "{{customer.name}}您好：\n\n为定位原因，请在工单 {{ticket.number}} 中附上一次受影响会话的 SDK 日志（参见《如何收集日志》）。",
        setStatus: "pending_customer",
        assignToMe: false,
      },
      {
        ...base,
        titleEn: "Resolved: fixed in the latest SDK",
        titleZh: "已解决：最新 SDK 已修复",
        bodyEn:
          "Hi {{customer.name}},\n\nThe fault behind {{ticket.number}} is fixed in the latest SDK release. Please upgrade and tell us if it happens again.",
        bodyZh:
          "{{customer.name}}您好：\n\n工单 {{ticket.number}} 的问题已在最新 SDK 版本中修复。请升级，如再次出现请告诉我们。",
        setStatus: "resolved",
        assignToMe: false,
      },
    ])
    .run();
}

"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AlertFacts } from "@/components/alerts/alert-facts";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { Badge } from "@/components/ui/badge";
import { isOpenStatus, type Role } from "@/db/schema/enums";
import { ReplyBox } from "./reply-box";
import { Section, useDate } from "./section";
import type { Detail } from "./types";

/** A description or comment as HTML; a mail without text stored none and reads "(no text)" in the reader's language. */
function Prose({ html, noText }: { html: string; noText: string }) {
  return html.trim() ? (
    <div className="kb-prose break-words" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <p className="text-slate-500 italic">{noText}</p>
  );
}

/**
 * The ticket's description and its comments, then the reply box (the customer's, or the staff
 * composer given as `composer`). The HTML comes from the server's Markdown pipeline, already
 * sanitized; internal notes only reach staff.
 */
export function Conversation({ data, role, composer }: { data: Detail; role: Role; composer?: ReactNode }) {
  const t = useTranslations();
  const date = useDate();
  const tk = data.ticket;
  const staff = role !== "customer";
  const files = (commentId: number | null) => data.attachments.filter((a) => a.commentId === commentId);
  return (
    <Section id="conversation" title={t("tickets.detail.conversation")}>
      <article className="rounded-lg bg-slate-50 p-3 text-sm">
        <p className="mb-1 text-xs text-slate-500">
          {tk.requester} · {date(tk.createdAt)}
        </p>
        {tk.channel === "monitoring" ? <p className="mb-2 font-medium">{t("tickets.detail.monitoringIntro")}</p> : null}
        {tk.alert && !tk.descriptionHtml.trim() ? null : (
          <Prose html={tk.descriptionHtml} noText={t("tickets.placeholders.noText")} />
        )}
        <AlertFacts facts={tk.alert} className="mt-2 text-slate-700" />
        <AttachmentList ticketId={tk.id} files={files(null)} canRemove={staff} />
      </article>
      {data.conversation.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("tickets.detail.noComments")}</p>
      ) : null}
      <ol className="mt-3 space-y-3">
        {data.conversation.map((c) => (
          <li
            key={c.id}
            className={`rounded-lg p-3 text-sm ${c.internal ? "border border-amber-200 bg-amber-50" : c.staff ? "bg-brand-50" : "bg-slate-50"}`}
          >
            <p className="mb-1 text-xs text-slate-600">
              {c.author} · {date(c.createdAt)}{" "}
              {c.internal ? <Badge tone="amber">{t("tickets.detail.internalNote")}</Badge> : null}
            </p>
            {c.repeatedAlert ? (
              <p className="mb-1 font-medium">
                {t("tickets.detail.alertRepeated", {
                  id: c.repeatedAlert.alertId,
                  metric: c.repeatedAlert.metric ?? "",
                  when: date(c.repeatedAlert.detectedAt),
                })}
              </p>
            ) : null}
            {c.repeatedAlert && !c.html.trim() ? null : (
              <Prose html={c.html} noText={t("tickets.placeholders.noText")} />
            )}
            <AttachmentList ticketId={tk.id} files={files(c.id)} canRemove={staff} />
          </li>
        ))}
      </ol>
      {composer ? (
        // Pinned to the bottom of the screen while the conversation runs past it (a direct child of the
        // tall column, so sticky has room to move).
        <div className="-mx-5 mt-4 -mb-4 lg:sticky lg:bottom-0 lg:z-10">{composer}</div>
      ) : (
        <ReplyBox id={tk.id} role={role} open={isOpenStatus(tk.status)} ticketBytes={data.attachmentBytes} />
      )}
    </Section>
  );
}

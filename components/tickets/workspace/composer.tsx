"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useState, type RefObject } from "react";
import { AttachmentPicker, type PickerState } from "@/components/attachments/attachment-picker";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { isOpenStatus } from "@/db/schema/enums";
import { field } from "@/components/ui/form";
import type { Detail } from "../detail/types";
import { MacroMenu } from "./macro-menu";
import type { Workspace } from "./use-workspace";

/**
 * The staff reply box, pinned at the bottom of the conversation: a public reply or an internal
 * note (r and n), a macro menu, files, a preview, and one send that also saves the properties
 * panel's changes. It clears after a successful send and cannot send twice while sending.
 */
export function Composer({
  data,
  ws,
  textarea,
}: {
  data: Detail;
  ws: Workspace;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useTranslations("tickets.workspace");
  const ta = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const open = isOpenStatus(data.ticket.status);
  const internal = ws.internal || !open;
  const [preview, setPreview] = useState<string | null>(null);
  const render = useMutation(trpc.tickets.preview.mutationOptions({ onSuccess: (r) => setPreview(r.html) }));
  const { setFiles } = ws;
  const onFiles = useCallback((s: PickerState) => setFiles(s), [setFiles]);
  const changes = Object.keys(ws.changes).length;

  return (
    <form
      aria-label={t("mode")}
      className="space-y-2 border-t border-slate-200 bg-white px-5 pt-3 pb-4 lg:shadow-[0_-4px_12px_-6px_rgba(15,23,42,0.15)]"
      onSubmit={(e) => {
        e.preventDefault();
        ws.save(true);
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <fieldset className="flex overflow-hidden rounded-md border border-slate-300 text-xs font-semibold">
          <legend className="sr-only">{t("mode")}</legend>
          {open ? (
            <label
              className={`cursor-pointer px-2 py-1 ${!internal ? "bg-brand-600 text-white" : "bg-white text-slate-700"}`}
            >
              <input
                type="radio"
                name="mode"
                className="sr-only"
                checked={!internal}
                onChange={() => ws.setInternal(false)}
              />
              {t("publicReply")}
            </label>
          ) : null}
          <label
            className={`cursor-pointer px-2 py-1 ${internal ? "bg-amber-500 text-white" : "bg-white text-slate-700"}`}
          >
            <input
              type="radio"
              name="mode"
              className="sr-only"
              checked={internal}
              onChange={() => ws.setInternal(true)}
            />
            {t("internalNote")}
          </label>
        </fieldset>
        <MacroMenu
          data={data}
          onApply={(text, macro, title) => {
            ws.applyMacro(text, macro);
            setPreview(null);
            ws.setFeedback({ error: false, text: t("applied", { title }) });
            textarea.current?.focus();
          }}
        />
      </div>
      <label htmlFor="reply-body" className="sr-only">
        {internal ? t("noteLabel") : ta("replyLabel")}
      </label>
      {preview !== null ? (
        <div
          role="region"
          aria-label={t("previewLabel")}
          className="kb-prose max-h-40 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-2 text-sm break-words"
          dangerouslySetInnerHTML={{ __html: preview }}
        />
      ) : null}
      <textarea
        id="reply-body"
        ref={textarea}
        value={ws.body}
        hidden={preview !== null}
        onChange={(e) => ws.setBody(e.target.value)}
        rows={3}
        placeholder={internal ? t("noteLabel") : ta("replyLabel")}
        className={`${field} ${internal ? "border-amber-300 bg-amber-50/40" : ""}`}
      />
      <AttachmentPicker key={ws.sent} id="reply-files" ticketBytes={data.attachmentBytes} onChange={onFiles} />
      {ws.feedback ? (
        <p
          role={ws.feedback.error ? "alert" : "status"}
          className={`rounded px-2 py-1 text-sm ${ws.feedback.error ? "bg-red-50 text-red-700" : "text-emerald-700"}`}
        >
          {ws.feedback.text}{" "}
          {ws.feedback.stale ? (
            <button type="button" onClick={() => void ws.reload()} className="font-semibold underline">
              {t("reload")}
            </button>
          ) : null}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={!hydrated || ws.pending || ws.files.busy}
          className={`rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${
            internal
              ? "border border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100"
              : "bg-brand-600 text-white hover:bg-brand-700"
          }`}
        >
          {ws.pending ? ta("sending") : internal ? ta("addNote") : ta("sendReply")}
        </button>
        <button
          type="button"
          disabled={!hydrated || render.isPending || (!ws.body.trim() && preview === null)}
          onClick={() => (preview === null ? render.mutate({ markdown: ws.body }) : setPreview(null))}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        >
          {preview === null ? t("preview") : t("edit")}
        </button>
        {changes > 0 ? <span className="text-xs text-amber-800">{t("withChanges", { count: changes })}</span> : null}
        <span className="ml-auto hidden text-xs text-slate-500 xl:inline">{t("shortcuts")}</span>
      </div>
    </form>
  );
}

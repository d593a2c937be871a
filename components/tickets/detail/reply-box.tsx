"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { AttachmentPicker, type PickerState } from "@/components/attachments/attachment-picker";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Role } from "@/db/schema/enums";
import { field } from "@/components/ui/form";
import { useFeedback } from "./action-form";

/** The reply box: a public reply while the ticket is open, or for staff an internal note at any time. */
export function ReplyBox({
  id,
  role,
  open,
  ticketBytes,
}: {
  id: number;
  role: Role;
  open: boolean;
  ticketBytes: number;
}) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const fb = useFeedback(id);
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<PickerState>({ uploadIds: [], busy: false });
  const [sent, setSent] = useState(0);
  const onFiles = useCallback((s: PickerState) => setFiles(s), []);
  const reply = useMutation(
    trpc.tickets.reply.mutationOptions({
      ...fb.callbacks,
      onSuccess: async () => {
        setBody("");
        setSent((n) => n + 1);
        await fb.callbacks.onSuccess();
      },
    }),
  );
  const staff = role !== "customer";
  if (!open && !staff) return null;
  return (
    <form
      className="mt-4 space-y-2 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        const internal = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "internal";
        reply.mutate({ ticketId: id, body, internal, attachmentIds: files.uploadIds });
      }}
    >
      <label htmlFor="reply-body" className="block text-sm font-medium text-slate-700">
        {t("replyLabel")}
      </label>
      <textarea id="reply-body" value={body} onChange={(e) => setBody(e.target.value)} rows={4} className={field} />
      <AttachmentPicker key={sent} id="reply-files" ticketBytes={ticketBytes} onChange={onFiles} />
      {fb.error ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-700">
          {fb.error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {open ? (
          <button
            type="submit"
            value="public"
            disabled={!hydrated || reply.isPending || files.busy}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("sendReply")}
          </button>
        ) : null}
        {staff ? (
          <button
            type="submit"
            value="internal"
            disabled={!hydrated || reply.isPending || files.busy}
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm font-semibold text-amber-900 hover:bg-amber-100 disabled:opacity-60"
          >
            {t("addNote")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

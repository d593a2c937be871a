"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PickerState } from "@/components/attachments/attachment-picker";
import { useTRPC } from "@/components/trpc/client";
import { isOpenStatus, RESOLUTION_KINDS } from "@/db/schema/enums";
import {
  changedProperties,
  reasonMissing,
  statusChoices,
  updateRefusal,
  type TicketProperties,
} from "@/server/tickets/workspace";
import type { Detail } from "../detail/types";

export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
export type Reasons = { priority: string; escalation: string };
/** A macro as the reply box applies it. */
export type AppliedMacro = {
  setStatus: TicketProperties["status"] | null;
  setCategory: TicketProperties["category"] | null;
  assignToMe: boolean;
};

const propertiesOf = (tk: Detail["ticket"]): TicketProperties => ({
  status: tk.status,
  priority: tk.priority,
  assigneeId: tk.assigneeId,
  escalationLevel: tk.escalationLevel,
  category: tk.category,
  productArea: tk.productArea,
});

/**
 * The ticket page's one form: the properties panel's values, the reply box's text, mode and files,
 * and the reasons asked for in the dialog, saved together by tickets.update against the version
 * the page loaded. When the ticket changes (a save, a dispute upheld, someone else's change) the
 * panel shows the ticket's new values; the text being written is kept.
 */
export function useWorkspace(data: Detail, viewerId: number) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tt = useTranslations();
  const tk = data.ticket;
  const current = propertiesOf(tk);
  const version = tk.version.getTime();
  const [seen, setSeen] = useState(version);
  const [values, setValues] = useState(current);
  const [reasons, setReasons] = useState<Reasons>({ priority: "", escalation: "" });
  if (seen !== version) {
    setSeen(version);
    setValues(current);
    setReasons({ priority: "", escalation: "" });
  }
  const [resolutionKind, setResolutionKind] = useState<ResolutionKind>("answer");
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<PickerState>({ uploadIds: [], busy: false });
  const [sent, setSent] = useState(0);
  const [asking, setAsking] = useState<null | { withReply: boolean }>(null);
  const [feedback, setFeedback] = useState<null | { error: boolean; text: string; stale?: boolean }>(null);
  const changes = changedProperties(current, values);

  const mutation = useMutation(
    trpc.tickets.update.mutationOptions({
      onMutate: () => setFeedback(null),
      onSuccess: async (result, input) => {
        if (input.reply) {
          setBody("");
          setSent((n) => n + 1);
        }
        setReasons({ priority: "", escalation: "" });
        setFeedback({
          error: false,
          text: result.changed ? tt("tickets.workspace.saved") : tt("tickets.workspace.nothingChanged"),
        });
        await qc.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: tk.id }) });
      },
      onError: (err) => {
        // The server's sentence, in the user's language (server/api/trpc.ts).
        setFeedback({ error: true, stale: err.data?.messageKey === "tickets.errors.stale", text: err.message });
      },
    }),
  );

  /** Saves the properties, with the reply when `withReply`; asks for the reasons a change needs first. */
  function save(withReply: boolean, given: Reasons = reasons) {
    if (mutation.isPending) return;
    const text = body.trim();
    // A resolved ticket takes internal notes only.
    const note = internal || !isOpenStatus(tk.status);
    const reply = withReply && text ? { body: text, internal: note, attachmentIds: files.uploadIds } : undefined;
    if (Object.keys(changes).length === 0 && !reply) {
      setFeedback({ error: false, text: tt("tickets.workspace.nothingChanged") });
      return;
    }
    if (
      (changes.priority && reasonMissing(given.priority)) ||
      (changes.escalationLevel && reasonMissing(given.escalation))
    ) {
      setAsking({ withReply });
      return;
    }
    const refusal = updateRefusal(current, changes, {
      priorityReason: given.priority,
      escalationReason: given.escalation,
      publicReply: !!reply && !reply.internal,
    });
    if (refusal) {
      setFeedback({ error: true, text: tt(refusal.messageKey as never) });
      return;
    }
    mutation.mutate({
      ticketId: tk.id,
      version: tk.version,
      properties: changes,
      priorityReason: changes.priority ? given.priority : undefined,
      escalationReason: changes.escalationLevel ? given.escalation : undefined,
      resolutionKind: changes.status === "resolved" ? resolutionKind : undefined,
      reply,
    });
  }

  /** The reasons given in the dialog: kept, and the save it interrupted goes on. */
  function confirmReasons(given: Reasons) {
    const pending = asking;
    setReasons(given);
    setAsking(null);
    if (pending) save(pending.withReply, given);
  }

  /** A macro's text goes into the reply box (after what is already written); its properties into the panel. */
  function applyMacro(text: string, macro: AppliedMacro) {
    setBody((b) => (b.trim() ? `${b.trimEnd()}\n\n${text}` : text));
    setValues((v) => ({
      ...v,
      ...(macro.setStatus && statusChoices(current.status).includes(macro.setStatus)
        ? { status: macro.setStatus }
        : {}),
      ...(macro.setCategory ? { category: macro.setCategory } : {}),
      ...(macro.assignToMe ? { assigneeId: viewerId } : {}),
    }));
    if (macro.setStatus === "workaround_provided" || macro.setStatus === "resolved") setInternal(false);
  }

  async function reload() {
    setFeedback(null);
    await qc.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: tk.id }) });
  }

  return {
    current,
    values,
    setValues,
    changes,
    reasons,
    resolutionKind,
    setResolutionKind,
    body,
    setBody,
    internal,
    setInternal,
    files,
    setFiles,
    sent,
    asking,
    cancelAsking: () => setAsking(null),
    confirmReasons,
    save,
    applyMacro,
    reload,
    assigneeName: tk.assignee,
    pending: mutation.isPending,
    feedback,
    setFeedback,
  };
}

export type Workspace = ReturnType<typeof useWorkspace>;

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useDate } from "@/components/tickets/detail/section";
import type { Detail } from "@/components/tickets/detail/types";
import { formatBytes } from "./format";
import { refusalText } from "@/components/ui/form";

/** The log viewer's code is loaded when a log is first opened, not with every ticket page. */
const LogViewer = dynamic(() => import("./log-viewer").then((m) => m.LogViewer), { loading: ViewerLoading });

function ViewerLoading() {
  const t = useTranslations("attachments");
  return <p className="mt-2 px-3 py-2 text-sm text-slate-500">{t("loading")}</p>;
}

type Attachment = Detail["attachments"][number];

/** A file icon in the kind's colour (drawn, so no emoji font is needed). */
const KIND_COLOUR: Record<Attachment["kind"], string> = {
  text: "text-slate-500",
  archive: "text-amber-600",
  image: "text-sky-600",
  video: "text-violet-600",
  capture: "text-emerald-600",
  document: "text-red-600",
};

function FileIcon({ kind }: { kind: Attachment["kind"] }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className={`mr-1 inline h-4 w-4 align-[-3px] ${KIND_COLOUR[kind]}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M4 1.75h5.5L12.25 4.5v9.75H4z" strokeLinejoin="round" />
      <path d="M9.5 1.75V4.5h2.75" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The files of a ticket's description or of one comment: images as thumbnails opening the full
 * image, videos playable in the page, text logs readable and searchable in the page, everything
 * downloadable; staff remove a file with a reason, and a removed one says by whom and why.
 */
export function AttachmentList({
  ticketId,
  files,
  canRemove,
}: {
  ticketId: number;
  files: Attachment[];
  canRemove: boolean;
}) {
  const t = useTranslations("attachments");
  if (files.length === 0) return null;
  return (
    <ul className="mt-2 grid items-start gap-2 sm:grid-cols-2" aria-label={t("listLabel")}>
      {files.map((f) => (
        <AttachmentItem key={f.id} ticketId={ticketId} file={f} canRemove={canRemove} />
      ))}
    </ul>
  );
}

function AttachmentItem({ ticketId, file: f, canRemove }: { ticketId: number; file: Attachment; canRemove: boolean }) {
  const t = useTranslations("attachments");
  const locale = useLocale();
  const date = useDate();
  const [viewing, setViewing] = useState(false);
  const [removing, setRemoving] = useState(false);
  if (f.removed)
    return (
      <li className="rounded-md border border-dashed border-slate-300 px-2.5 py-2 text-xs text-slate-600 sm:col-span-2">
        {t("removedBy", { name: f.name, by: f.removed.by ?? "—", reason: f.removed.reason, at: date(f.removed.at) })}
      </li>
    );
  const href = `/api/attachments/${f.id}`;
  return (
    <li className={`rounded-md border border-slate-200 bg-white p-2 text-sm ${viewing ? "sm:col-span-2" : ""}`}>
      {f.kind === "image" ? (
        <a href={`${href}?inline=1`} target="_blank" rel="noopener" className="mb-1.5 block">
          {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user thumbnail endpoint */}
          <img
            src={`${href}/thumbnail`}
            alt={t("preview", { name: f.name })}
            loading="lazy"
            className="max-h-48 rounded border border-slate-100 object-contain"
          />
        </a>
      ) : null}
      {f.kind === "video" ? (
        <video controls preload="metadata" src={`${href}?inline=1`} className="mb-1.5 max-h-64 w-full rounded">
          <track kind="captions" />
        </video>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="min-w-0 truncate" title={f.name}>
          <FileIcon kind={f.kind} />
          <a href={href} download className="font-medium text-brand-700 hover:underline">
            {f.name}
          </a>{" "}
          <span className="text-xs text-slate-500">{formatBytes(f.size, locale)}</span>
        </span>
        <span className="flex gap-1.5">
          {f.kind === "text" ? (
            <button
              type="button"
              aria-expanded={viewing}
              onClick={() => setViewing((v) => !v)}
              className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
            >
              {viewing ? t("hide") : t("view")}
            </button>
          ) : null}
          {canRemove ? (
            <button
              type="button"
              onClick={() => setRemoving(true)}
              className="rounded border border-red-200 px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50"
            >
              {t("removeFile")}
            </button>
          ) : null}
        </span>
      </div>
      {viewing ? <LogViewer id={f.id} name={f.name} onClose={() => setViewing(false)} /> : null}
      {removing ? <RemoveForm ticketId={ticketId} file={f} onDone={() => setRemoving(false)} /> : null}
    </li>
  );
}

function RemoveForm({ ticketId, file, onDone }: { ticketId: number; file: Attachment; onDone: () => void }) {
  const t = useTranslations("attachments");
  const tt = useTranslations();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.attachments.remove.mutationOptions({
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticketId }) });
        onDone();
      },
      onError: (e) => setError(refusalText(tt, e, t("reasonRequired"))),
    }),
  );
  return (
    <form
      className="mt-2 space-y-1.5 rounded-md bg-red-50 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        remove.mutate({ attachmentId: file.id, reason });
      }}
    >
      <label htmlFor={`remove-reason-${file.id}`} className="block text-xs font-medium text-red-900">
        {t("removeReason", { name: file.name })}
      </label>
      <input
        id={`remove-reason-${file.id}`}
        value={reason}
        autoFocus
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onDone();
        }}
        className="block w-full rounded border border-red-200 px-2 py-1 text-sm"
      />
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={remove.isPending}
          className="rounded bg-red-600 px-2.5 py-1 text-xs font-semibold text-white disabled:opacity-60"
        >
          {t("confirmRemove")}
        </button>
        <button type="button" onClick={onDone} className="rounded border border-slate-300 px-2.5 py-1 text-xs">
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

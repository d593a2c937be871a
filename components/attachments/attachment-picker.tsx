"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ACCEPT_ATTRIBUTE, fileNameProblem } from "@/server/attachments/file-types";
import { fileSizeRefusal, ticketTotalRefusal } from "@/server/attachments/size-refusals";
import { formatBytes } from "./format";

type Item = {
  key: string;
  name: string;
  size: number;
  loaded: number;
  state: "uploading" | "done" | "error";
  uploadId?: number;
  error?: string;
  xhr?: XMLHttpRequest;
};

export type PickerState = { uploadIds: number[]; busy: boolean };

/**
 * Files for a ticket, a reply or a note: a drop zone and a file picker, several files at once,
 * each uploaded at once with its progress and removable before sending. Limits are checked before a
 * byte is sent (size, the ticket's total, the name and type); the server checks them again, and
 * the content's real type. The parent gives it a new `key` to clear it after the message was sent.
 */
export function AttachmentPicker({
  id,
  ticketBytes = 0,
  onChange,
  guideHref = "/kb/how-to-collect-sdk-logs",
}: {
  id: string;
  ticketBytes?: number;
  onChange: (s: PickerState) => void;
  guideHref?: string | null;
}) {
  const t = useTranslations("attachments");
  const tt = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const limits = useQuery(trpc.attachments.limits.queryOptions(undefined, { staleTime: 60_000 }));
  const discard = useMutation(trpc.attachments.discard.mutationOptions());
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const counter = useRef(0);

  useEffect(() => {
    onChange({
      uploadIds: items.filter((i) => i.state === "done" && i.uploadId).map((i) => i.uploadId!),
      busy: items.some((i) => i.state === "uploading"),
    });
  }, [items, onChange]);

  const update = (key: string, patch: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const refusalText = (r: { messageKey: string; values?: Record<string, string | number> }) =>
    tt(r.messageKey as never, r.values as never);

  function add(files: FileList | File[]) {
    setNotice(null);
    const l = limits.data;
    const list = [...files];
    const current = items.filter((i) => i.state !== "error");
    if (l && current.length + list.length > l.maxFiles) {
      setNotice(tt("attachments.errors.tooManyFiles", { max: l.maxFiles }));
      return;
    }
    let pendingBytes = current.reduce((s, i) => s + i.size, 0);
    const added: Item[] = [];
    for (const file of list) {
      const key = `${file.name}:${file.size}:${(counter.current += 1)}`;
      const dup = current.some((i) => i.name === file.name && i.size === file.size);
      const refusal =
        fileNameProblem(file.name) ??
        (file.size === 0 ? { messageKey: "attachments.errors.empty" } : null) ??
        (l ? fileSizeRefusal(file.size, l) : null) ??
        (l ? ticketTotalRefusal(ticketBytes + pendingBytes, file.size, l) : null) ??
        (dup ? { messageKey: "attachments.errors.duplicateUpload" } : null);
      if (refusal) {
        added.push({ key, name: file.name, size: file.size, loaded: 0, state: "error", error: refusalText(refusal) });
        continue;
      }
      pendingBytes += file.size;
      const item: Item = { key, name: file.name, size: file.size, loaded: 0, state: "uploading" };
      added.push(item);
      item.xhr = send(file, key);
    }
    setItems((prev) => [...prev, ...added]);
  }

  function send(file: File, key: string): XMLHttpRequest {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/attachments");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => update(key, { loaded: e.loaded });
    xhr.onload = () => {
      let body: { id?: number; error?: { message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: a proxy's page
      }
      if (xhr.status === 201 && body.id) update(key, { state: "done", uploadId: body.id, loaded: file.size });
      else update(key, { state: "error", error: body.error?.message ?? t("failed") });
    };
    xhr.onerror = () => update(key, { state: "error", error: t("failed") });
    xhr.send(file);
    return xhr;
  }

  function remove(item: Item) {
    if (item.state === "uploading") item.xhr?.abort();
    if (item.state === "done" && item.uploadId) discard.mutate({ uploadId: item.uploadId });
    setItems((list) => list.filter((i) => i.key !== item.key));
  }

  const l = limits.data;
  return (
    <div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer.files.length > 0) add(e.dataTransfer.files);
        }}
        className={`rounded-lg border-2 border-dashed px-3 py-3 text-sm ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <label
            htmlFor={id}
            className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-700 focus-within:ring-2 hover:bg-slate-50"
          >
            {t("choose")}
          </label>
          <input
            ref={input}
            id={id}
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={hintId}
            className="sr-only"
            onChange={(e) => {
              if (e.target.files) add(e.target.files);
              e.target.value = "";
            }}
          />
          <span className="text-slate-600">{t("dropHere")}</span>
          {guideHref ? (
            <Link href={guideHref} target="_blank" rel="noopener" className="text-brand-700 underline">
              {t("howToCollectLogs")}
            </Link>
          ) : null}
        </div>
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {l
            ? t("hint", { file: formatBytes(l.maxFileBytes, locale), ticket: formatBytes(l.maxTicketBytes, locale) })
            : t("hintTypes")}
        </p>
      </div>
      {notice ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {notice}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="mt-2 space-y-1.5" aria-label={t("selected")}>
          {items.map((i) => {
            const pct = i.size > 0 ? Math.min(100, Math.round((i.loaded / i.size) * 100)) : 0;
            return (
              <li key={i.key} className="rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate font-medium text-slate-800" title={i.name}>
                    {i.name}
                  </span>
                  <span className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
                    {formatBytes(i.size, locale)}
                    <button
                      type="button"
                      onClick={() => remove(i)}
                      aria-label={t("remove", { name: i.name })}
                      className="rounded px-1.5 py-0.5 font-medium text-slate-600 hover:bg-slate-100"
                    >
                      ✕
                    </button>
                  </span>
                </div>
                {i.state === "uploading" ? (
                  <div className="mt-1 flex items-center gap-2">
                    <progress
                      value={pct}
                      max={100}
                      aria-label={t("progress", { name: i.name })}
                      className="h-1.5 w-full accent-brand-600"
                    />
                    <span className="w-10 text-right text-xs text-slate-600 tabular-nums">{pct} %</span>
                  </div>
                ) : null}
                {i.state === "done" ? <p className="text-xs text-emerald-700">{t("ready")}</p> : null}
                {i.state === "error" ? (
                  <p role="alert" className="text-xs text-red-700">
                    {i.error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

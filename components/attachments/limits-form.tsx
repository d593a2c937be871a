"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { LIMIT_BOUNDS, toMegabytes } from "@/server/attachments/limits";

const MB = 1024 * 1024;

/** The administrator's attachment limits: per file and per ticket, in megabytes. */
export function AttachmentLimitsForm({ initial }: { initial: { maxFileBytes: number; maxTicketBytes: number } }) {
  const t = useTranslations("attachments.limits");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const hydrated = useHydrated();
  const [file, setFile] = useState(String(toMegabytes(initial.maxFileBytes)));
  const [ticket, setTicket] = useState(String(toMegabytes(initial.maxTicketBytes)));
  const [saved, setSaved] = useState(false);
  const { formError, clearErrors, onError, fieldError, errors } = useFormErrors();
  const save = useMutation(
    trpc.attachments.setLimits.mutationOptions({
      onMutate: () => {
        clearErrors();
        setSaved(false);
      },
      onError,
      onSuccess: async () => {
        setSaved(true);
        await qc.invalidateQueries({ queryKey: trpc.attachments.limits.queryKey() });
      },
    }),
  );
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ maxFileBytes: Math.round(Number(file) * MB), maxTicketBytes: Math.round(Number(ticket) * MB) });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="limit-file" className="block text-sm font-medium text-slate-700">
            {t("perFile")}
          </label>
          <input
            id="limit-file"
            type="number"
            inputMode="numeric"
            min={1}
            max={toMegabytes(LIMIT_BOUNDS.maxFileBytes)}
            value={file}
            onChange={(e) => setFile(e.target.value)}
            aria-invalid={!!errors.maxFileBytes}
            aria-describedby="maxFileBytes-error"
            className={inputClass}
          />
          {fieldError("maxFileBytes")}
        </div>
        <div>
          <label htmlFor="limit-ticket" className="block text-sm font-medium text-slate-700">
            {t("perTicket")}
          </label>
          <input
            id="limit-ticket"
            type="number"
            inputMode="numeric"
            min={1}
            max={toMegabytes(LIMIT_BOUNDS.maxTicketBytes)}
            value={ticket}
            onChange={(e) => setTicket(e.target.value)}
            aria-invalid={!!errors.maxTicketBytes}
            aria-describedby="maxTicketBytes-error"
            className={inputClass}
          />
          {fieldError("maxTicketBytes")}
        </div>
      </div>
      <p className="text-xs text-slate-500">
        {t("bounds", {
          max: toMegabytes(LIMIT_BOUNDS.maxFileBytes),
          ticketMax: toMegabytes(LIMIT_BOUNDS.maxTicketBytes),
        })}
      </p>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="text-sm text-emerald-700">
          {t("saved")}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!hydrated || save.isPending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("save")}
      </button>
    </form>
  );
}

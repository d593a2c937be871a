"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { FormAlert, TextField, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { LIMIT_BOUNDS, MB, toMegabytes } from "@/server/attachments/sizes";

/** The administrator's attachment limits: per file and per ticket, in megabytes. */
export function AttachmentLimitsForm({ initial }: { initial: { maxFileBytes: number; maxTicketBytes: number } }) {
  const t = useTranslations("attachments.limits");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const hydrated = useHydrated();
  const [file, setFile] = useState(String(toMegabytes(initial.maxFileBytes)));
  const [ticket, setTicket] = useState(String(toMegabytes(initial.maxTicketBytes)));
  const [saved, setSaved] = useState(false);
  const { formError, clearErrors, onError, fieldError } = useFormErrors();
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
        {(
          [
            ["maxFileBytes", "limit-file", t("perFile"), file, setFile],
            ["maxTicketBytes", "limit-ticket", t("perTicket"), ticket, setTicket],
          ] as const
        ).map(([name, id, label, value, set]) => (
          <TextField
            key={name}
            id={id}
            name={name}
            label={label}
            type="number"
            inputMode="numeric"
            min={1}
            max={toMegabytes(LIMIT_BOUNDS[name])}
            value={value}
            onChange={(e) => set(e.target.value)}
            error={fieldError(name)}
          />
        ))}
      </div>
      <p className="text-xs text-slate-500">
        {t("bounds", {
          max: toMegabytes(LIMIT_BOUNDS.maxFileBytes),
          ticketMax: toMegabytes(LIMIT_BOUNDS.maxTicketBytes),
        })}
      </p>
      <FormAlert message={formError} />
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

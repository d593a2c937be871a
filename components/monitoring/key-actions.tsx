"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Dialog } from "@/components/ui/dialog";
import { useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Creates the monitoring endpoint's signing key, or rotates it after a confirmation; the new key is
 * shown once, with a copy button. While a rotated key is in its grace, it can be ended at once.
 */
export function KeyActions({ hasKey, hasPrevious }: { hasKey: boolean; hasPrevious: boolean }) {
  const t = useTranslations("monitoring");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const { formError, clearErrors, onError } = useFormErrors();
  /** Which action waits for confirmation: rotating the key, or ending the previous one. */
  const [asking, setAsking] = useState<"rotate" | "end" | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [ended, setEnded] = useState(false);
  const rotate = useMutation(
    trpc.monitoring.rotate.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: (r) => {
        setAsking(null);
        setSecret(r.secret);
        setCopied(false);
        setEnded(false);
        router.refresh();
      },
    }),
  );
  const endPrevious = useMutation(
    trpc.monitoring.endPrevious.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: () => {
        setAsking(null);
        setEnded(true);
        router.refresh();
      },
    }),
  );
  const button =
    "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";
  const secondary =
    "rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60";
  return (
    <div className="space-y-3">
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      {secret ? (
        <div role="status" className="space-y-2 rounded-md bg-emerald-50 px-3 py-3 text-sm text-emerald-900">
          <p className="font-semibold">{t("secretTitle")}</p>
          <p>{t("secretOnce")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-xs break-all">{secret}</code>
            <button
              type="button"
              className="rounded-md border border-emerald-300 bg-white px-2 py-1 text-xs font-medium"
              onClick={() => {
                void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
              }}
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
        </div>
      ) : null}
      {ended ? (
        <p role="status" className="text-sm text-emerald-800">
          {t("previousEnded")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={!hydrated || rotate.isPending}
          className={button}
          onClick={() => (hasKey ? setAsking("rotate") : rotate.mutate())}
        >
          {hasKey ? t("rotate") : t("create")}
        </button>
        {hasPrevious ? (
          <button
            type="button"
            disabled={!hydrated || endPrevious.isPending}
            className={secondary}
            onClick={() => setAsking("end")}
          >
            {t("endPrevious")}
          </button>
        ) : null}
      </div>
      <Dialog
        id="confirm-monitoring-key"
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === "end" ? t("endPrevious") : t("rotate")}
      >
        <p className="text-sm text-slate-700">{asking === "end" ? t("confirmEndPrevious") : t("confirmRotate")}</p>
        <div className="mt-4 flex justify-end gap-2">
          <button
            type="button"
            className="rounded-md border border-slate-300 px-4 py-2 text-sm"
            onClick={() => setAsking(null)}
          >
            {t("cancel")}
          </button>
          {asking === "end" ? (
            <button
              type="button"
              disabled={endPrevious.isPending}
              className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
              onClick={() => endPrevious.mutate()}
            >
              {t("endPrevious")}
            </button>
          ) : (
            <button type="button" disabled={rotate.isPending} className={button} onClick={() => rotate.mutate()}>
              {t("rotate")}
            </button>
          )}
        </div>
      </Dialog>
    </div>
  );
}

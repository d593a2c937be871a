"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";

/** The outbox's "send again" for a failed message (a copy is queued and delivered at once). */
export function RetryButton({ id }: { id: number }) {
  const t = useTranslations("emailChannel");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const { formError, clearErrors, onError } = useFormErrors();
  const retry = useMutation(
    trpc.email.retryOutbox.mutationOptions({ onMutate: clearErrors, onError, onSuccess: () => router.refresh() }),
  );
  return (
    <>
      <button
        type="button"
        disabled={!hydrated || retry.isPending || retry.isSuccess}
        onClick={() => retry.mutate({ id })}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {retry.isSuccess ? t("retried") : t("retry")}
      </button>
      {formError ? (
        <span role="alert" className="block text-xs text-red-700">
          {formError}
        </span>
      ) : null}
    </>
  );
}

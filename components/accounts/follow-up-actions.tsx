"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * A follow-up's buttons: mark it done (or reopen a done one) and, on the organization's page,
 * delete it after a second, explicit choice.
 */
export function FollowUpActions({
  id,
  title,
  done,
  deletable = true,
}: {
  id: number;
  title: string;
  done: boolean;
  deletable?: boolean;
}) {
  const t = useTranslations("accounts.followUps");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [confirming, setConfirming] = useState(false);
  const refresh = { onSuccess: () => router.refresh() };
  const complete = useMutation(trpc.accounts.completeFollowUp.mutationOptions(refresh));
  const reopen = useMutation(trpc.accounts.reopenFollowUp.mutationOptions(refresh));
  const remove = useMutation(trpc.accounts.deleteFollowUp.mutationOptions(refresh));
  const busy = !hydrated || complete.isPending || reopen.isPending || remove.isPending;
  const error = complete.error ?? reopen.error ?? remove.error;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {done ? (
        <Button disabled={busy} aria-label={t("reopenOne", { title })} onClick={() => reopen.mutate({ id })}>
          {t("reopen")}
        </Button>
      ) : (
        <Button disabled={busy} aria-label={t("completeOne", { title })} onClick={() => complete.mutate({ id })}>
          ✓ {t("complete")}
        </Button>
      )}
      {deletable && !confirming ? (
        <Button
          variant="link"
          disabled={busy}
          aria-label={t("deleteOne", { title })}
          onClick={() => setConfirming(true)}
        >
          {t("delete")}
        </Button>
      ) : null}
      {deletable && confirming ? (
        <>
          <Button
            variant="danger"
            disabled={busy}
            aria-label={t("confirmDeleteOne", { title })}
            onClick={() => remove.mutate({ id })}
          >
            {t("confirmDelete")}
          </Button>
          <Button variant="link" disabled={busy} onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </>
      ) : null}
      {error ? <FormAlert>{errorText(error)}</FormAlert> : null}
    </div>
  );
}

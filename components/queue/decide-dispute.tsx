"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputBase, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Uphold or reject one dispute from the worklist, with the decision note the customer reads. */
export function DecideDispute({ disputeId, label }: { disputeId: number; label: string }) {
  const t = useTranslations("disputes");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [note, setNote] = useState("");
  const decide = useMutation(
    trpc.tickets.decideDispute.mutationOptions({
      onSuccess: () => {
        setNote("");
        router.refresh();
      },
    }),
  );
  const submit = (upheld: boolean) => decide.mutate({ disputeId, upheld, note });
  return (
    <form
      aria-label={label}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit(true);
      }}
    >
      <label className="text-sm">
        <span className="sr-only">{t("note")}</span>
        <input
          aria-label={t("note")}
          placeholder={t("note")}
          className={`${inputBase} w-56`}
          value={note}
          minLength={3}
          maxLength={2000}
          required
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <Button type="submit" variant="primary" disabled={!hydrated || decide.isPending}>
        {t("uphold")}
      </Button>
      <Button disabled={!hydrated || decide.isPending || note.trim().length < 3} onClick={() => submit(false)}>
        {t("reject")}
      </Button>
      {decide.error ? <FormAlert>{errorText(decide.error)}</FormAlert> : null}
    </form>
  );
}

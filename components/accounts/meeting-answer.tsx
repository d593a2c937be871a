"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputClass, labelClass, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/** The account team answers a meeting request: schedule it (saying when and how) or decline it (saying why). */
export function MeetingAnswer({ id, topic }: { id: number; topic: string }) {
  const t = useTranslations("accounts.meetings");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [response, setResponse] = useState("");
  const answer = useMutation(trpc.accounts.answerMeeting.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form className="mt-2 space-y-2" aria-label={t("answerFor", { topic })} onSubmit={(e) => e.preventDefault()}>
      <label className={labelClass}>
        {t("response")}
        <textarea
          rows={2}
          maxLength={1000}
          placeholder={t("responseHint")}
          className={`mt-1 ${inputClass}`}
          value={response}
          onChange={(e) => setResponse(e.target.value)}
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={!hydrated || answer.isPending}
          onClick={() => answer.mutate({ id, status: "scheduled", response })}
        >
          {t("schedule")}
        </Button>
        <Button
          variant="danger"
          disabled={!hydrated || answer.isPending}
          onClick={() => answer.mutate({ id, status: "declined", response })}
        >
          {t("decline")}
        </Button>
      </div>
      {answer.error ? <FormAlert>{errorText(answer.error)}</FormAlert> : null}
    </form>
  );
}

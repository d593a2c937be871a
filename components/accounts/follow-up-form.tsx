"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputClass, labelClass, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Adds a follow-up to an organization: what to do and the day it is due. The date field gives the
 * picked day as written ("YYYY-MM-DD"), which the server keeps as that day in every time zone.
 */
export function FollowUpForm({ organizationId, today }: { organizationId: number; today: string }) {
  const t = useTranslations("accounts.followUps");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState(today);
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation(
    trpc.accounts.addFollowUp.mutationOptions({
      onSuccess: () => {
        setTitle("");
        setDone(t("added"));
        router.refresh();
      },
    }),
  );
  return (
    <form
      aria-label={t("add")}
      className="mb-4 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (add.isPending) return;
        setDone(null);
        add.mutate({ organizationId, title, dueOn });
      }}
    >
      <fieldset disabled={!hydrated} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <label className={labelClass}>
          {t("what")}
          <input
            required
            minLength={3}
            maxLength={200}
            className={`mt-1 ${inputClass}`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className={labelClass}>
          {t("due")}
          <input
            type="date"
            required
            min={today}
            className={`mt-1 ${inputClass}`}
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
          />
        </label>
        <Button type="submit" variant="primary" disabled={add.isPending}>
          {t("save")}
        </Button>
      </fieldset>
      <div className="mt-2 space-y-2">
        {add.error ? <FormAlert>{errorText(add.error)}</FormAlert> : null}
        <StatusNote message={done} />
      </div>
    </form>
  );
}

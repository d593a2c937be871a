"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputClass, labelClass, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { instantOfDay } from "@/server/accounts/engagement-day";

const KINDS = ["meeting", "training", "check_in", "review"] as const;

/** Staff log a meeting, training, check-in or review on the organization's timeline. */
export function EngagementForm({ organizationId, defaultDate }: { organizationId: number; defaultDate: string }) {
  const t = useTranslations("accounts.timeline");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [kind, setKind] = useState<(typeof KINDS)[number]>("meeting");
  const [date, setDate] = useState(defaultDate);
  const [title, setTitle] = useState("");
  const [notes, setNotes] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation(
    trpc.accounts.addEngagement.mutationOptions({
      onSuccess: () => {
        setTitle("");
        setNotes("");
        setDone(t("added"));
        router.refresh();
      },
    }),
  );
  return (
    <details className="mb-5 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("add")}</summary>
      <form
        className="mt-3 grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          add.mutate({ organizationId, kind, at: instantOfDay(date), day: date, title, notes });
        }}
      >
        <label className={labelClass}>
          {t("kind")}
          <select
            className={`mt-1 ${inputClass}`}
            value={kind}
            onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          {t("date")}
          <input
            type="date"
            required
            className={`mt-1 ${inputClass}`}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <label className={`${labelClass} sm:col-span-2`}>
          {t("entryTitle")}
          <input
            required
            minLength={3}
            maxLength={200}
            className={`mt-1 ${inputClass}`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className={`${labelClass} sm:col-span-2`}>
          {t("notes")}
          <textarea
            rows={3}
            maxLength={5000}
            className={`mt-1 ${inputClass}`}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" variant="primary" disabled={!hydrated || add.isPending}>
            {t("save")}
          </Button>
          {add.error ? <FormAlert>{errorText(add.error)}</FormAlert> : null}
          <StatusNote message={done} />
        </div>
      </form>
    </details>
  );
}

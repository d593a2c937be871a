"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";

type TierCode = "basic" | "advanced" | "enterprise";

/** A customer asks their account team for another tier; the request reaches the account manager. */
export function TierChangeForm({
  tiers,
  current,
  initial,
}: {
  tiers: TierCode[];
  current: TierCode;
  initial: TierCode;
}) {
  const t = useTranslations();
  const options = tiers.filter((c) => c !== current);
  const [tierCode, setTierCode] = useState<TierCode>(options.includes(initial) ? initial : options[0]!);
  const [note, setNote] = useState("");
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const request = useMutation(trpc.sla.requestTierChange.mutationOptions());
  if (request.isSuccess)
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {t("serviceScope.change.sent", { tier: t(`tier.${tierCode}`) })}
      </p>
    );
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ tierCode, note });
      }}
    >
      <p className="text-sm text-slate-700">{t("serviceScope.change.current", { tier: t(`tier.${current}`) })}</p>
      <div>
        <label htmlFor="tier-change-tier" className="block text-sm font-medium text-slate-800">
          {t("serviceScope.change.tier")}
        </label>
        <select
          id="tier-change-tier"
          value={tierCode}
          onChange={(e) => setTierCode(e.target.value as TierCode)}
          className="mt-1 w-full max-w-xs rounded-md border border-slate-300 px-3 py-2 text-sm"
        >
          {options.map((c) => (
            <option key={c} value={c}>
              {t(`tier.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="tier-change-note" className="block text-sm font-medium text-slate-800">
          {t("serviceScope.change.note")}
        </label>
        <textarea
          id="tier-change-note"
          value={note}
          maxLength={1000}
          rows={3}
          onChange={(e) => setNote(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      {request.error ? (
        <p role="alert" className="text-sm text-red-700">
          {errorText(request.error)}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={request.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("serviceScope.change.submit")}
      </button>
    </form>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useFormErrors } from "@/components/ui/form";

/** The manager's setting: at what share of a target's time left its at-risk warning goes out. */
export function AtRiskForm({ percent }: { percent: number }) {
  const t = useTranslations("onCall.rotas");
  const trpc = useTRPC();
  const router = useRouter();
  const { formError, clearErrors, onError } = useFormErrors();
  const [value, setValue] = useState(String(percent));
  const save = useMutation(
    trpc.onCall.setAtRiskPercent.mutationOptions({ onSuccess: () => router.refresh(), onError }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        clearErrors();
        save.mutate({ percent: Number(value) });
      }}
    >
      <label className="text-sm font-medium text-slate-700">
        {t("atRisk")}
        <input
          type="number"
          min={1}
          max={90}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="mt-1 block w-24 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
      >
        {t("atRiskSave")}
      </button>
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : null}
    </form>
  );
}

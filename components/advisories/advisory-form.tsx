"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { FormAlert, inputClass, SubmitButton, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { scoreCvss } from "@/server/advisories/cvss";
import { PRODUCT_AREAS, SDK_PLATFORMS, type SdkPlatform } from "@/db/schema/enums";
import type { AdvisoryInput } from "@/server/advisories/service";

type Affected = AdvisoryInput["affected"][number];

/** The form holds exactly what `advisories.save` takes. */
export type AdvisoryFormValues = AdvisoryInput;

const EMPTY: AdvisoryFormValues = {
  titleEn: "",
  titleZh: "",
  bodyEn: "",
  bodyZh: "",
  productAreas: [],
  affected: [{ platform: "android", range: "", fixedVersion: null }],
  cvssVector: "",
  upgradeStepsEn: "",
  upgradeStepsZh: "",
};

/**
 * Staff write a security advisory in both languages: affected products, a version range and fixed
 * version per platform, the CVSS v3.1 vector (score and severity are computed when it is saved).
 */
export function AdvisoryForm({ initial }: { initial?: AdvisoryFormValues }) {
  const t = useTranslations("advisories");
  const tt = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [v, setV] = useState<AdvisoryFormValues>(initial ?? EMPTY);
  // The score and severity as the vector is typed (the server computes them again on save).
  const live = useMemo(() => scoreCvss(v.cvssVector.trim()), [v.cvssVector]);
  const { formError, onError, clearErrors, fieldError } = useFormErrors();
  const save = useMutation(
    trpc.advisories.save.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: ({ id }) => {
        router.push(`/advisories/${id}`);
        router.refresh();
      },
    }),
  );
  const text = (k: keyof AdvisoryFormValues) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: e.target.value }));
  const setRow = (i: number, patch: Partial<Affected>) =>
    setV((x) => ({ ...x, affected: x.affected.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const field = (label: string, k: "titleEn" | "titleZh") => (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <input value={v[k]} onChange={text(k)} maxLength={200} className={inputClass} />
      {fieldError(k)}
    </label>
  );
  const area = (label: string, k: "bodyEn" | "bodyZh" | "upgradeStepsEn" | "upgradeStepsZh") => (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <textarea value={v[k]} onChange={text(k)} rows={5} maxLength={10000} className={inputClass} />
      {fieldError(k)}
    </label>
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...v,
          affected: v.affected.map((r) => ({ ...r, fixedVersion: r.fixedVersion?.trim() || null })),
        });
      }}
    >
      {/* Fields stay disabled until React runs, so nothing typed before hydration is lost. */}
      <fieldset disabled={!hydrated} className="min-w-0 space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          {field(t("form.titleEn"), "titleEn")}
          {field(t("form.titleZh"), "titleZh")}
          {area(t("form.bodyEn"), "bodyEn")}
          {area(t("form.bodyZh"), "bodyZh")}
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("products")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {PRODUCT_AREAS.map((a) => (
              <label key={a} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={v.productAreas.includes(a)}
                  onChange={(e) =>
                    setV((x) => ({
                      ...x,
                      productAreas: e.target.checked ? [...x.productAreas, a] : x.productAreas.filter((q) => q !== a),
                    }))
                  }
                />
                {tt(`tickets.productAreas.${a}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">{t("affected")}</legend>
          <p className="text-xs text-slate-500">{t("form.rangeHint")}</p>
          {v.affected.map((r, i) => (
            <div
              key={i}
              className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1.5fr_1fr_auto]"
            >
              <label className="block text-sm font-medium text-slate-700">
                {t("platform")}
                <select
                  value={r.platform}
                  onChange={(e) => setRow(i, { platform: e.target.value as SdkPlatform })}
                  className={inputClass}
                >
                  {SDK_PLATFORMS.map((p) => (
                    <option key={p} value={p}>
                      {tt(`sdkPlatform.${p}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block text-sm font-medium text-slate-700">
                {t("range")}
                <input
                  value={r.range}
                  onChange={(e) => setRow(i, { range: e.target.value })}
                  placeholder="4.2.0 - 4.4.x"
                  maxLength={100}
                  className={inputClass}
                />
              </label>
              <label className="block text-sm font-medium text-slate-700">
                {t("fixedVersion")}
                <input
                  value={r.fixedVersion ?? ""}
                  onChange={(e) => setRow(i, { fixedVersion: e.target.value })}
                  placeholder="4.5.1"
                  maxLength={40}
                  className={inputClass}
                />
              </label>
              <button
                type="button"
                className="rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50"
                onClick={() => setV((x) => ({ ...x, affected: x.affected.filter((_, j) => j !== i) }))}
              >
                {t("form.removeRange")}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
            onClick={() =>
              setV((x) => ({ ...x, affected: [...x.affected, { platform: "android", range: "", fixedVersion: null }] }))
            }
          >
            {t("form.addRange")}
          </button>
        </fieldset>
        <label className="block text-sm font-medium text-slate-700">
          {t("vector")}
          <input
            value={v.cvssVector}
            onChange={text("cvssVector")}
            maxLength={200}
            spellCheck={false}
            className={`${inputClass} font-mono`}
          />
          <span className="mt-1 block text-xs font-normal text-slate-500">{t("form.vectorHint")}</span>
          {v.cvssVector.trim() ? (
            <span aria-live="polite" className="mt-1 block text-sm font-medium">
              {live && !live.severity ? (
                <span className="text-amber-800">{t("errors.noImpact")}</span>
              ) : live ? (
                <span
                  className={
                    live.severity === "critical" || live.severity === "high" ? "text-red-700" : "text-slate-800"
                  }
                >
                  {t("form.liveScore", {
                    score: live.score.toFixed(1),
                    severity: t(`severity.${live.severity!}`),
                  })}
                </span>
              ) : (
                <span className="text-amber-800">{t("form.liveInvalid")}</span>
              )}
            </span>
          ) : null}
          {fieldError("cvssVector")}
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          {area(t("form.stepsEn"), "upgradeStepsEn")}
          {area(t("form.stepsZh"), "upgradeStepsZh")}
        </div>
        <FormAlert message={formError} />
        <SubmitButton
          pending={save.isPending}
          disabled={!hydrated}
          label={v.id ? t("form.saveChanges") : t("form.save")}
          pendingLabel={v.id ? t("form.saveChanges") : t("form.save")}
        />
      </fieldset>
    </form>
  );
}

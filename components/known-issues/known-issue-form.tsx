"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  KNOWN_ISSUE_STATUSES,
  PRODUCT_AREAS,
  SDK_PLATFORMS,
  type KnownIssueStatus,
  type ProductArea,
  type SdkPlatform,
} from "@/db/schema/enums";

export type KnownIssueFormValues = {
  id?: number;
  titleEn: string;
  titleZh: string;
  productArea: ProductArea;
  platforms: string[];
  affectedVersions: string;
  symptomsEn: string;
  symptomsZh: string;
  workaroundEn: string;
  workaroundZh: string;
  status: KnownIssueStatus;
  fixVersion: string | null;
  public: boolean;
  organizationIds: number[];
};

const EMPTY: KnownIssueFormValues = {
  titleEn: "",
  titleZh: "",
  productArea: "voice_calling",
  platforms: [],
  affectedVersions: "",
  symptomsEn: "",
  symptomsZh: "",
  workaroundEn: "",
  workaroundZh: "",
  status: "investigating",
  fixVersion: null,
  public: true,
  organizationIds: [],
};

/** Staff write a known issue in both languages; limited issues name the organizations (by number) that see them. */
export function KnownIssueForm({ initial }: { initial?: KnownIssueFormValues }) {
  const t = useTranslations("knownIssues");
  const tt = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [v, setV] = useState<KnownIssueFormValues>(initial ?? EMPTY);
  const [orgs, setOrgs] = useState((initial?.organizationIds ?? []).join(", "));
  const { formError, onError, clearErrors, fieldError } = useFormErrors();
  const save = useMutation(
    trpc.knownIssues.save.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: ({ id }) => {
        router.push(`/known-issues/${id}`);
        router.refresh();
      },
    }),
  );
  const text = (k: keyof KnownIssueFormValues) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: e.target.value }));
  const area = (label: string, k: "symptomsEn" | "symptomsZh" | "workaroundEn" | "workaroundZh") => (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <textarea value={v[k]} onChange={text(k)} rows={4} maxLength={5000} className={inputClass} />
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
          platforms: v.platforms as SdkPlatform[],
          fixVersion: v.fixVersion?.trim() || null,
          organizationIds: orgs
            .split(/[\s,，]+/)
            .filter(Boolean)
            .map(Number)
            .filter((n) => Number.isInteger(n) && n > 0),
        });
      }}
    >
      {/* Fields stay disabled until React runs, so nothing typed before hydration is lost. */}
      <fieldset disabled={!hydrated} className="min-w-0 space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm font-medium text-slate-700">
            {t("titleEn")}
            <input value={v.titleEn} onChange={text("titleEn")} maxLength={200} className={inputClass} />
            {fieldError("titleEn")}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("titleZh")}
            <input value={v.titleZh} onChange={text("titleZh")} maxLength={200} className={inputClass} />
            {fieldError("titleZh")}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("productArea")}
            <select value={v.productArea} onChange={text("productArea")} className={inputClass}>
              {PRODUCT_AREAS.map((a) => (
                <option key={a} value={a}>
                  {tt(`tickets.productAreas.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("affectedVersions")}
            <input
              value={v.affectedVersions}
              onChange={text("affectedVersions")}
              placeholder=">=4.2.0 <4.5.1"
              maxLength={200}
              className={inputClass}
            />
            {fieldError("affectedVersions")}
          </label>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("platforms")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {SDK_PLATFORMS.map((p) => (
              <label key={p} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={v.platforms.includes(p)}
                  onChange={(e) =>
                    setV((x) => ({
                      ...x,
                      platforms: e.target.checked ? [...x.platforms, p] : x.platforms.filter((q) => q !== p),
                    }))
                  }
                />
                {tt(`sdkPlatform.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {area(t("symptomsEn"), "symptomsEn")}
          {area(t("symptomsZh"), "symptomsZh")}
          {area(t("workaroundEn"), "workaroundEn")}
          {area(t("workaroundZh"), "workaroundZh")}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm font-medium text-slate-700">
            {t("status")}
            <select value={v.status} onChange={text("status")} className={inputClass}>
              {KNOWN_ISSUE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statusNames.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("fixVersion")}
            <input
              value={v.fixVersion ?? ""}
              onChange={text("fixVersion")}
              placeholder="4.5.1"
              maxLength={40}
              className={inputClass}
            />
          </label>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("visibility")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={v.public} onChange={() => setV((x) => ({ ...x, public: true }))} />
            {t("public")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={!v.public} onChange={() => setV((x) => ({ ...x, public: false }))} />
            {t("limited")}
          </label>
          {!v.public ? (
            <label className="block text-sm font-medium text-slate-700">
              {t("organizationIds")}
              <input value={orgs} onChange={(e) => setOrgs(e.target.value)} maxLength={2000} className={inputClass} />
            </label>
          ) : null}
        </fieldset>
        {formError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={!hydrated || save.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("save")}
        </button>
      </fieldset>
    </form>
  );
}

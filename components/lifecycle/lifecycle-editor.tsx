"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { dayWriter } from "@/components/format";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { SDK_PLATFORMS, type SdkPlatform } from "@/db/schema/enums";

type Line = {
  id: number;
  platform: SdkPlatform;
  line: string;
  releasedOn: string;
  fullSupportUntil: string;
  securityUntil: string;
  guideSlug: string | null;
};

const EMPTY = {
  platform: "android" as SdkPlatform,
  line: "",
  releasedOn: "",
  fullSupportUntil: "",
  securityUntil: "",
  guideSlug: "",
};

/** The administrator's lifecycle table: add a release line, change one (pick it to edit), remove one. */
export function LifecycleEditor({ lines }: { lines: Line[] }) {
  const t = useTranslations("lifecycle");
  const tt = useTranslations();
  const day = dayWriter(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [form, setForm] = useState(EMPTY);
  const [saved, setSaved] = useState<string | null>(null);
  const { formError, clearErrors, onError } = useFormErrors();
  const save = useMutation(
    trpc.lifecycle.save.mutationOptions({
      onMutate: () => {
        clearErrors();
        setSaved(null);
      },
      onError,
      onSuccess: () => {
        setSaved(t("savedLine", { platform: tt(`sdkPlatform.${form.platform}`), line: form.line }));
        setForm(EMPTY);
        router.refresh();
      },
    }),
  );
  const remove = useMutation(trpc.lifecycle.remove.mutationOptions({ onError, onSuccess: () => router.refresh() }));
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <div className="space-y-6">
      <form
        noValidate
        aria-label={t("editTitle")}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...form, guideSlug: form.guideSlug.trim() || null });
        }}
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm font-medium text-slate-700">
            {t("platform")}
            <select value={form.platform} onChange={set("platform")} className={inputClass}>
              {SDK_PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {tt(`sdkPlatform.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("line")}
            <input value={form.line} onChange={set("line")} placeholder="4.5" maxLength={11} className={inputClass} />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("guideSlug")}
            <input
              value={form.guideSlug}
              onChange={set("guideSlug")}
              placeholder="upgrade-to-4-5"
              maxLength={120}
              className={inputClass}
            />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("released")}
            <input type="date" value={form.releasedOn} onChange={set("releasedOn")} className={inputClass} />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("fullSupportUntil")}
            <input
              type="date"
              value={form.fullSupportUntil}
              onChange={set("fullSupportUntil")}
              className={inputClass}
            />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("securityUntil")}
            <input type="date" value={form.securityUntil} onChange={set("securityUntil")} className={inputClass} />
          </label>
        </div>
        {formError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            {saved}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={!hydrated || save.isPending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("saveLine")}
        </button>
      </form>
      <ul className="divide-y divide-slate-100 text-sm">
        {lines.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium text-slate-900">
                {tt(`sdkPlatform.${l.platform}`)} {t("lineName", { line: l.line })}
              </span>{" "}
              <span className="text-slate-600">
                {t("lineDates", {
                  released: day(l.releasedOn),
                  full: day(l.fullSupportUntil),
                  security: day(l.securityUntil),
                })}
              </span>
            </span>
            <span className="flex gap-2">
              <button
                type="button"
                onClick={() => setForm({ ...l, guideSlug: l.guideSlug ?? "" })}
                aria-label={t("editLine", { platform: tt(`sdkPlatform.${l.platform}`), line: l.line })}
                className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700"
              >
                {t("edit")}
              </button>
              <button
                type="button"
                onClick={() => remove.mutate({ id: l.id })}
                aria-label={t("removeLine", { platform: tt(`sdkPlatform.${l.platform}`), line: l.line })}
                className="rounded border border-red-200 px-2 py-0.5 text-xs font-medium text-red-700"
              >
                {t("remove")}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { ErrorSummary, inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Locale } from "@/db/schema/enums";
import { NAME_MAX_LENGTH, nameProblem } from "@/server/identity/account-rules";
import { LOCALE_COOKIE, languageTag } from "@/server/i18n/negotiate";
import { TimeZoneSelect } from "./time-zone-select";

const LANGUAGES: Record<Locale, string> = { en: "English", zh: "中文" };

/** The switcher's cookie outranks the account's language (server/i18n/request.ts): keep them the same. */
function rememberLocale(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/** Name, language and time zone of one's own account, saved together. */
export function ProfileForm({
  initial,
  zones,
}: {
  initial: { name: string; email: string; locale: Locale; timeZone: string };
  zones: readonly string[];
}) {
  const t = useTranslations("account.profile");
  const tt = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [name, setName] = useState(initial.name);
  const [locale, setLocale] = useState<Locale>(initial.locale);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [saved, setSaved] = useState(false);
  const { setFormError, clearErrors, onError, summary } = useFormErrors({
    fieldId: (name) => (name === "timeZone" ? "profile-time-zone" : `profile-${name}`),
  });
  const save = useMutation(
    trpc.me.updateProfile.mutationOptions({
      onMutate: () => {
        clearErrors();
        setSaved(false);
      },
      onError,
      onSuccess: (profile) => {
        rememberLocale(profile.locale ?? "en");
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const deviceZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;

  return (
    <Card id="profile" title={t("title")} description={t("description")}>
      <form
        noValidate
        className="max-w-xl space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const problem = nameProblem(name);
          if (problem) return setFormError(tt(problem.messageKey, problem.values));
          if (!zones.includes(timeZone)) return setFormError(t("timeZoneUnknown"));
          save.mutate({ name, locale, timeZone });
        }}
      >
        <div>
          <label htmlFor="profile-name" className="block text-sm font-medium text-slate-700">
            {t("name")}
          </label>
          <input
            id="profile-name"
            name="name"
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <span className="block text-sm font-medium text-slate-700">{t("email")}</span>
          <p className="mt-1 text-sm text-slate-900">{initial.email}</p>
          <p className="mt-0.5 text-xs text-slate-500">{t("emailHint")}</p>
        </div>
        <div>
          <label htmlFor="profile-locale" className="block text-sm font-medium text-slate-700">
            {t("language")}
          </label>
          <select
            id="profile-locale"
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
            className={inputClass}
          >
            {(Object.keys(LANGUAGES) as Locale[]).map((l) => (
              <option key={l} value={l} lang={languageTag(l)}>
                {LANGUAGES[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="profile-time-zone" className="block text-sm font-medium text-slate-700">
            {t("timeZone")}
          </label>
          <TimeZoneSelect
            id="profile-time-zone"
            value={timeZone}
            onChange={setTimeZone}
            zones={zones}
            describedBy="profile-time-zone-hint"
          />
          <p id="profile-time-zone-hint" className="mt-1 text-xs text-slate-500">
            {t("timeZoneHint")}
          </p>
          {deviceZone && deviceZone !== timeZone && zones.includes(deviceZone) ? (
            <button
              type="button"
              onClick={() => setTimeZone(deviceZone)}
              className="mt-1 text-xs font-medium text-brand-700 hover:underline"
            >
              {t("detect", { zone: deviceZone })}
            </button>
          ) : null}
        </div>
        <ErrorSummary {...summary} />
        {saved ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("saved")}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={!hydrated || save.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {save.isPending ? t("saving") : t("save")}
        </button>
      </form>
    </Card>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { NOTIFICATION_DELIVERIES, type NotificationDelivery, type NotificationTopic } from "@/db/schema/enums";

type Preference = { topic: NotificationTopic; delivery: NotificationDelivery; isDefault: boolean };

/**
 * The user's notification settings: per topic, in the portal only, by email, or in the daily digest.
 * Every notification mail links here (`/account#notifications`).
 */
export function PreferencesForm({ initial }: { initial: Preference[] }) {
  const t = useTranslations("emailChannel.preferences");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [values, setValues] = useState<Record<string, NotificationDelivery>>(
    Object.fromEntries(initial.map((p) => [p.topic, p.delivery])),
  );
  const [saved, setSaved] = useState(false);
  const { formError, clearErrors, onError } = useFormErrors();
  const save = useMutation(
    trpc.email.setPreferences.mutationOptions({
      onMutate: () => {
        clearErrors();
        setSaved(false);
      },
      onError,
      onSuccess: (rows) => {
        setValues(Object.fromEntries(rows.map((p) => [p.topic, p.delivery])));
        setSaved(true);
      },
    }),
  );
  return (
    <Card id="notifications" title={t("title")} description={t("subtitle")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            choices: initial.map((p) => ({ topic: p.topic, delivery: values[p.topic] ?? p.delivery })),
          });
        }}
      >
        {/* Disabled until React runs, so a choice made before hydration is not lost. */}
        <fieldset disabled={!hydrated} className="grid min-w-0 gap-3 sm:grid-cols-2">
          {initial.map((p) => (
            <label key={p.topic} className="block text-sm font-medium text-slate-700">
              {t(`topics.${p.topic}`)}
              <select
                name={p.topic}
                value={values[p.topic] ?? p.delivery}
                onChange={(e) => setValues({ ...values, [p.topic]: e.target.value as NotificationDelivery })}
                className={inputClass}
              >
                {NOTIFICATION_DELIVERIES.map((d) => (
                  <option key={d} value={d}>
                    {t(`deliveries.${d}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          disabled={!hydrated || save.isPending}
          className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("save")}
        </button>
        {formError ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        {saved ? (
          <p role="status" className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("saved")}
          </p>
        ) : null}
      </form>
    </Card>
  );
}

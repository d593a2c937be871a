"use client";

import { useTranslations } from "next-intl";

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-sm">{t("errorBody")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white"
      >
        {t("retry")}
      </button>
    </div>
  );
}

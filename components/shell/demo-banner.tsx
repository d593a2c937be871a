import { getTranslations } from "next-intl/server";

/** The slim strip on every page of an installation that holds the demo: nothing here is real. */
export async function DemoBanner() {
  const t = await getTranslations("installation");
  return (
    <div
      role="note"
      aria-label={t("demoLabel")}
      className="bg-amber-100 px-4 py-1 text-center text-xs font-medium text-amber-900 print:hidden"
    >
      {t("demoBanner")}
    </div>
  );
}

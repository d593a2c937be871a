import { getTranslations } from "next-intl/server";

/**
 * The slim strip on every page of an installation that holds the demo: nothing here is real. It sits
 * above each page's frame, so it is a landmark of its own (a named region), not loose text outside them.
 */
export async function DemoBanner() {
  const t = await getTranslations("installation");
  return (
    <section
      aria-label={t("demoLabel")}
      className="bg-amber-100 px-4 py-1 text-center text-xs font-medium text-amber-900 print:hidden"
    >
      {t("demoBanner")}
    </section>
  );
}

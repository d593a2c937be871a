import { getTranslations } from "next-intl/server";

/**
 * The knowledge base search in the header of every reading page: a plain GET form to /kb, so it
 * works before (and without) JavaScript, like the front page's search.
 */
export async function KbSearchBox({ className = "" }: { className?: string }) {
  const t = await getTranslations("kb");
  return (
    <form method="get" action="/kb" role="search" aria-label={t("searchLabel")} className={`flex gap-2 ${className}`}>
      <input
        type="search"
        name="q"
        required
        maxLength={200}
        aria-label={t("searchLabel")}
        placeholder={t("searchShortPlaceholder")}
        className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm sm:w-64"
      />
      <button
        type="submit"
        className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
      >
        {t("searchButton")}
      </button>
    </form>
  );
}

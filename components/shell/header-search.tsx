import { getTranslations } from "next-intl/server";

/**
 * The knowledge base search in the header of every page, signed in or not: a plain GET form to
 * /kb, so it works before (and without) JavaScript. Named apart from the front page's own search.
 */
export async function HeaderSearch({ className = "" }: { className?: string }) {
  const t = await getTranslations("kb");
  return (
    <form method="get" action="/kb" role="search" aria-label={t("headerSearch")} className={`gap-1 ${className}`}>
      <input
        type="search"
        name="q"
        required
        maxLength={200}
        aria-label={t("headerSearch")}
        placeholder={t("searchShortPlaceholder")}
        className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
      />
      <button
        type="submit"
        aria-label={t("headerSearchButton")}
        className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-slate-600 hover:bg-slate-50 hover:text-slate-900"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path
            fillRule="evenodd"
            d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.63 3.64a.75.75 0 1 0 1.06-1.06l-3.63-3.64A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
    </form>
  );
}

import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/**
 * Previous / next links around "Page N of M" (server-rendered; each page is its own URL, and the
 * first page's URL carries no page number). Nothing is shown when everything fits on one page.
 */
export async function Pager({
  label,
  page,
  pages,
  href,
}: {
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations("kb");
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" aria-label={t("previousPageAria", { page: page - 1 })} className={link}>
          <span aria-hidden>← </span>
          {t("previousPage")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600" aria-live="polite">
        {t("pageOf", { page, pages })}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" aria-label={t("nextPageAria", { page: page + 1 })} className={link}>
          {t("nextPage")}
          <span aria-hidden> →</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

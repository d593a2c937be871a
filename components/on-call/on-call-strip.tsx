import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { labelMark } from "@/components/format";

type Person = { id: number; name: string } | null;
export type OnCallRow = {
  rotaId: number;
  name: string;
  region: string;
  productArea: string | null;
  primary: Person;
  secondary: Person;
};

/** "Who is on call now", one line per rota, for the queue header and the staff home. */
export async function OnCallStrip({ rows }: { rows: OnCallRow[] }) {
  const t = await getTranslations("onCall");
  const tt = await getTranslations();
  const mark = labelMark(await getLocale());
  return (
    <section
      aria-label={t("nowTitle")}
      className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold text-slate-900">{t("nowTitle")}</h2>
        <Link href="/on-call" className="text-indigo-700 underline-offset-2 hover:underline">
          {t("title")}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="mt-1 text-amber-800">{t("noRotas")}</p>
      ) : (
        <ul className="mt-1 space-y-0.5">
          {rows.map((r) => (
            <li key={r.rotaId} className="text-slate-700">
              <span className="font-medium">
                {tt(`region.${r.region}`)}
                {r.productArea ? ` · ${tt(`tickets.productAreas.${r.productArea}`)}` : ""}
              </span>
              {mark}
              <span className={r.primary ? "" : "font-medium text-red-700"}>
                {t("primary")} {r.primary?.name ?? t("nobody")}
              </span>
              {" · "}
              <span>
                {t("secondary")} {r.secondary?.name ?? t("nobody")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

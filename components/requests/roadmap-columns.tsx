import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ROADMAP_COLUMNS } from "@/server/requests/rules";

type Item = { ticketId: number; title: string; publicNote: string | null; votes: number; organizations: number };

/** The roadmap's three columns (planned, under review, shipped); one column each on a phone. */
export async function RoadmapColumns({ data }: { data: Record<(typeof ROADMAP_COLUMNS)[number], Item[]> }) {
  const t = await getTranslations("roadmap");
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {ROADMAP_COLUMNS.map((col) => (
        <section key={col} aria-labelledby={`roadmap-${col}`}>
          <h2 id={`roadmap-${col}`} className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-900">
            {t(`status.${col}`)}
            <Badge tone={TONE[col]}>{data[col].length}</Badge>
          </h2>
          <ul className="space-y-3">
            {data[col].length === 0 ? <li className="text-sm text-slate-600">{t("emptyColumn")}</li> : null}
            {data[col].map((r) => (
              <li key={r.ticketId}>
                <Card>
                  <p className="font-medium text-slate-900">{r.title}</p>
                  {r.publicNote ? <p className="mt-1 text-sm text-slate-700">{r.publicNote}</p> : null}
                  <p className="mt-2 text-xs text-slate-600">
                    {t("votes", { votes: r.votes, organizations: r.organizations })}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const TONE: Record<(typeof ROADMAP_COLUMNS)[number], "brand" | "neutral" | "green"> = {
  planned: "brand",
  under_review: "neutral",
  shipped: "green",
};

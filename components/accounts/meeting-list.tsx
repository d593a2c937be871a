import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { labelMark, zoneName } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { MeetingAnswer } from "./meeting-answer";

type Request = inferRouterOutputs<AppRouter>["accounts"]["meetingRequests"][number];

/** Meeting requests with their answers; the account team answers open ones in place. */
export async function MeetingList({ requests, showOrganization }: { requests: Request[]; showOrganization: boolean }) {
  const t = await getTranslations("accounts.meetings");
  const format = await getFormatter();
  if (requests.length === 0) return <p className="py-3 text-sm text-slate-600">{t("empty")}</p>;
  const tc = await getTranslations("common");
  const mark = labelMark(await getLocale());
  const zone = zoneName(await getLocale(), await getTimeZone(), await getNow());
  return (
    <>
      <p className="text-xs text-slate-500">{tc("timeZoneNote", { zone })}</p>
      <ul className="divide-y divide-slate-100">
        {requests.map((r) => (
          <li key={r.id} className="py-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold text-slate-900">{r.topic}</span>
              <Badge tone={r.status === "requested" ? "amber" : r.status === "scheduled" ? "green" : "neutral"}>
                {t(`statuses.${r.status}`)}
              </Badge>
            </div>
            <p className="mt-1 text-slate-600">
              {showOrganization ? (
                <>
                  <Link
                    href={`/organizations/${r.organizationId}`}
                    className="text-brand-700 underline hover:no-underline"
                  >
                    {r.organizationName}
                  </Link>
                  {" · "}
                </>
              ) : null}
              {t("requestedBy", {
                name: r.requestedBy,
                date: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
              })}{" "}
              · {t(`channels.${r.channel}`)}
            </p>
            <p className="mt-1 text-slate-700">
              <span className="text-slate-500">
                {t("preferredTimes")}
                {mark}
              </span>
              {r.preferredTimes}
            </p>
            {r.response ? (
              <p className="mt-1 rounded-md bg-slate-50 px-3 py-2 text-slate-800">
                <span className="text-slate-500">
                  {t("responseLabel")}
                  {mark}
                </span>
                {r.response}
              </p>
            ) : null}
            {r.canAnswer ? <MeetingAnswer id={r.id} topic={r.topic} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

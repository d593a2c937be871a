import Link from "@/components/ui/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { dateWriter, dayWriter } from "@/components/format";
import { FollowUpActions } from "@/components/accounts/follow-up-actions";
import { FollowUpForm } from "@/components/accounts/follow-up-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FollowUpState } from "@/server/accounts/follow-up-rules";
import type { FollowUpItem } from "@/server/accounts/follow-ups";
import { serverCaller } from "@/server/api/rsc";

type Item = FollowUpItem;

export const STATE_TONE: Record<FollowUpState, BadgeTone> = {
  overdue: "red",
  today: "amber",
  upcoming: "neutral",
  done: "green",
};

/** One follow-up: what, when due and where it stands (overdue in red), with its buttons for those who may change it. */
async function FollowUpRow({
  item,
  canManage,
  showOrganization,
}: {
  item: Item;
  canManage: boolean;
  showOrganization: boolean;
}) {
  const t = await getTranslations("accounts.followUps");
  const locale = await getLocale();
  const day = dayWriter(locale);
  const overdue = item.state === "overdue";
  return (
    <li
      className={`flex flex-wrap items-start justify-between gap-2 py-3 ${overdue ? "-mx-2 rounded-md border-l-4 border-red-500 bg-red-50/60 px-2" : ""}`}
    >
      <div className="min-w-0">
        <p
          className={`text-sm font-medium break-words ${item.state === "done" ? "text-slate-500 line-through" : "text-slate-900"}`}
        >
          {item.title}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
          {showOrganization ? (
            <Link
              href={`/organizations/${item.organizationId}#follow-ups`}
              className="font-medium text-brand-700 hover:underline"
            >
              {item.organizationName}
            </Link>
          ) : null}
          <span>{t("dueOn", { date: day(item.dueOn) })}</span>
          <Badge tone={STATE_TONE[item.state]}>{t(`states.${item.state}`)}</Badge>
          {item.state === "done" && item.completedAt ? (
            <span>
              {t("completedBy", {
                date: dateWriter(locale, await getTimeZone(), { dateStyle: "medium" })(item.completedAt),
                name: item.completedBy ?? "—",
              })}
            </span>
          ) : item.createdBy && !showOrganization ? (
            <span>{t("by", { name: item.createdBy })}</span>
          ) : null}
        </p>
      </div>
      {canManage ? (
        <FollowUpActions id={item.id} title={item.title} done={item.state === "done"} deletable={!showOrganization} />
      ) : null}
    </li>
  );
}

/** An organization's follow-ups on its staff page: the open ones soonest first, the form to add one, and those done lately. */
export async function FollowUpsCard({ organizationId }: { organizationId: number }) {
  const api = await serverCaller();
  const data = await api.accounts.followUps({ organizationId });
  const t = await getTranslations("accounts.followUps");
  return (
    <Card id="follow-ups" title={t("title")} description={t("description")}>
      {data.canManage ? <FollowUpForm organizationId={organizationId} today={data.today} /> : null}
      {!data.canManage ? <p className="mb-2 text-xs text-slate-500">{t("readOnly")}</p> : null}
      {data.open.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul aria-label={t("title")} className="divide-y divide-slate-100">
          {data.open.map((item) => (
            <FollowUpRow key={item.id} item={item} canManage={data.canManage} showOrganization={false} />
          ))}
        </ul>
      )}
      {data.done.length > 0 ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-brand-700">{t("completed", { n: data.done.length })}</summary>
          <ul className="divide-y divide-slate-100">
            {data.done.map((item) => (
              <FollowUpRow key={item.id} item={item} canManage={data.canManage} showOrganization={false} />
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}

/** The portfolio's "follow-ups due": the open ones across the viewer's organizations, soonest first, each markable done. */
export async function FollowUpsDue({ limit = 10 }: { limit?: number }) {
  const api = await serverCaller();
  const data = await api.accounts.myFollowUps({ limit });
  const t = await getTranslations("accounts.followUps");
  return (
    <Card
      id="follow-ups-due"
      title={t("dueTitle")}
      description={`${t("dueDescription")} ${t("dueSummary", { total: data.total, overdue: data.overdue })}`}
    >
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("emptyMine")}</p>
      ) : (
        <ul aria-label={t("dueTitle")} className="divide-y divide-slate-100">
          {data.items.map((item) => (
            <FollowUpRow key={item.id} item={item} canManage showOrganization />
          ))}
        </ul>
      )}
      {data.total > data.items.length ? (
        <p className="mt-2 text-xs text-slate-500">{t("showing", { shown: data.items.length, total: data.total })}</p>
      ) : null}
    </Card>
  );
}

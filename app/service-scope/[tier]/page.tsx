import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TierChangeForm } from "@/components/service/tier-change-form";
import { TargetsTable } from "@/components/sla/targets-table";
import { Card, PageHeader } from "@/components/ui/card";
import { TIER_CODES, type TierCode } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";

const isTier = (s: string): s is TierCode => (TIER_CODES as readonly string[]).includes(s);

export async function generateMetadata({ params }: { params: Promise<{ tier: string }> }): Promise<Metadata> {
  const { tier } = await params;
  const t = await getTranslations();
  return {
    title: isTier(tier) ? t("pageTitles.serviceScope", { tier: t(`tier.${tier}`) }) : t("common.notFoundTitle"),
  };
}

const COVERED = ["bugFixes", "compatibility", "securityFixes", "usage"] as const;
const NOT_COVERED = ["customization", "featureRequests", "ownEnvironment"] as const;
const EXCLUSIONS = ["integration_not_per_docs", "third_party", "force_majeure", "sdk_out_of_support"] as const;

/** Opening hours as people say them: "Mon–Fri 09:00–17:30" when every open day shares its hours. */
function hoursText(
  hours: { day: number; start: string; end: string }[],
  day: (d: number) => string,
  always: string,
): string {
  if (hours.length === 7 && hours.every((h) => h.start === "00:00" && (h.end === "24:00" || h.end === "23:59")))
    return always;
  const days = [...new Set(hours.map((h) => h.day))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const same = hours.every((h) => h.start === hours[0]!.start && h.end === hours[0]!.end);
  const consecutive = days.every((d, i) => i === 0 || (d - days[i - 1]! + 7) % 7 === 1);
  if (same && consecutive && days.length > 1)
    return `${day(days[0]!)}–${day(days.at(-1)!)} ${hours[0]!.start}–${hours[0]!.end}`;
  return hours.map((h) => `${day(h.day)} ${h.start}–${h.end}`).join(", ");
}

/** /service-scope/[tier]: what a tier covers and excludes, public, from the tier and target data an admin edits. */
export default async function ServiceScopePage({
  params,
  searchParams,
}: {
  params: Promise<{ tier: string }>;
  searchParams: Promise<{ request?: string }>;
}) {
  const { tier } = await params;
  if (!isTier(tier)) notFound();
  const api = await serverCaller();
  const scope = await api.sla.serviceScope({ tier });
  const user = await getSessionUser();
  const t = await getTranslations();
  const format = await getFormatter();
  const own =
    user?.role === "customer" && user.organizationId !== null
      ? await api.accounts.organization({ organizationId: user.organizationId })
      : null;
  const { request } = await searchParams;
  const tierName = t(`tier.${tier}`);
  const pct = (v: number) => `${format.number(v, { maximumFractionDigits: 3 })} %`;
  const day = (d: number) => t(`weekday.${d}`);
  const colon = t("serviceScope.colon");
  const priorities = (mode: "always" | "business") =>
    (["P0", "P1", "P2", "P3"] as const).filter((p) => scope.coverage[p] === mode);

  return (
    <>
      <PageHeader title={t("serviceScope.title", { tier: tierName })} description={t("serviceScope.subtitle")} />
      <nav aria-label={t("serviceScope.tiersNav")} className="mb-6 flex flex-wrap gap-2 text-sm">
        {scope.tiers.map((c) => (
          <Link
            key={c}
            href={`/service-scope/${c}`}
            aria-current={c === tier ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${c === tier ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {t(`tier.${c}`)}
            {own?.tier.code === c ? ` · ${t("serviceScope.yours")}` : ""}
          </Link>
        ))}
      </nav>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card id="channels" title={t("serviceScope.channelsTitle")}>
            <ul className="flex flex-wrap gap-2 text-sm">
              {scope.tier.channels.map((c) => (
                <li key={c} className="rounded-md bg-slate-100 px-2 py-1 text-slate-800">
                  {t(`channel.${c}`)}
                  {c === "phone_hotline" && scope.tier.hotline ? ` ${scope.tier.hotline}` : ""}
                </li>
              ))}
            </ul>
            <dl className="mt-4 space-y-2 text-sm">
              {priorities("always").length > 0 ? (
                <div>
                  <dt className="inline font-medium text-slate-900">
                    {t("coverage.always")}
                    {colon}
                  </dt>
                  <dd className="inline text-slate-700">{priorities("always").join(t("ourService.listSeparator"))}</dd>
                </div>
              ) : null}
              {priorities("business").length > 0 ? (
                <div>
                  <dt className="inline font-medium text-slate-900">
                    {t("coverage.business")}
                    {colon}
                  </dt>
                  <dd className="inline text-slate-700">
                    {priorities("business").join(t("ourService.listSeparator"))}
                  </dd>
                </div>
              ) : null}
            </dl>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">{t("serviceScope.hoursTitle")}</h3>
            <ul className="mt-1 space-y-1 text-sm text-slate-700">
              {scope.calendars.map((c) => (
                <li key={c.name}>
                  <span className="font-medium">{t(`region.${c.region}`)}</span>
                  {colon}
                  {hoursText(c.hours, day, t("coverage.always"))} ({c.timeZone}){t("serviceScope.holidays")}
                </li>
              ))}
            </ul>
          </Card>

          <Card id="targets" title={t("serviceScope.targetsTitle")} description={t("serviceScope.targetsNote")}>
            <TargetsTable
              caption={t("serviceScope.targetsTitle")}
              targets={scope.targets}
              businessDayMinutes={scope.businessDayMinutes}
            />
          </Card>

          <Card id="covered" title={t("serviceScope.coveredTitle")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <h3 className="text-sm font-semibold text-emerald-800">{t("serviceScope.covered")}</h3>
                <ul className="mt-2 space-y-2 text-sm text-slate-700">
                  {COVERED.map((k) => (
                    <li key={k}>
                      <span aria-hidden className="mr-1 text-emerald-700">
                        ✓
                      </span>
                      <span className="font-medium text-slate-900">{t(`serviceScope.items.${k}.title`)}</span>
                      {colon}
                      {t(`serviceScope.items.${k}.body`)}
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="text-sm font-semibold text-red-800">{t("serviceScope.notCovered")}</h3>
                <ul className="mt-2 space-y-2 text-sm text-slate-700">
                  {NOT_COVERED.map((k) => (
                    <li key={k}>
                      <span aria-hidden className="mr-1 text-red-700">
                        ✗
                      </span>
                      <span className="font-medium text-slate-900">{t(`serviceScope.items.${k}.title`)}</span>
                      {colon}
                      {t(`serviceScope.items.${k}.body`)}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </Card>

          <Card
            id="exclusions"
            title={t("serviceScope.exclusionsTitle")}
            description={t("serviceScope.exclusionsNote")}
          >
            <ul className="space-y-2 text-sm text-slate-700">
              {EXCLUSIONS.map((k) => (
                <li key={k}>
                  <span className="font-medium text-slate-900">{t(`tickets.exclusionReasons.${k}`)}</span>
                  {colon}
                  {t(`serviceScope.exclusions.${k}`, { months: scope.sdkSupportMonths })}
                </li>
              ))}
            </ul>
          </Card>

          <Card id="escalate" title={t("serviceScope.escalateTitle")}>
            <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
              <li>{t("serviceScope.escalate.priority")}</li>
              <li>{t("serviceScope.escalate.escalate")}</li>
              <li>
                {scope.tier.namedContacts === "none"
                  ? t("serviceScope.escalate.noContact")
                  : t("serviceScope.escalate.accountManager")}
              </li>
              <li>{t("serviceScope.escalate.complaint")}</li>
            </ol>
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <Card id="entitlements" title={t("serviceScope.entitlementsTitle")}>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">{t("serviceScope.namedContacts")}</dt>
                <dd className="font-medium text-slate-900">{t(`serviceScope.contacts.${scope.tier.namedContacts}`)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("home.customer.reviews")}</dt>
                <dd className="font-medium text-slate-900">{t(`reviewCadence.${scope.tier.reviewCadence}`)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("home.customer.proactiveAlerts")}</dt>
                <dd className="font-medium text-slate-900">
                  {scope.tier.proactiveAlerts ? t("serviceScope.alertsYes") : t("home.customer.no")}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("home.customer.availability")}</dt>
                <dd className="font-medium text-slate-900">{pct(scope.tier.availabilityCommitment)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("serviceScope.creditsTitle")}</dt>
                <dd>
                  <ul className="mt-1 space-y-1 text-slate-700">
                    {scope.tier.creditSchedule.map((s) => (
                      <li key={s.below}>
                        {t("serviceScope.creditStep", { below: pct(s.below), percent: format.number(s.percent) })}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("serviceScope.sdkTitle")}</dt>
                <dd className="text-slate-700">{t("serviceScope.sdkWindow", { months: scope.sdkSupportMonths })}</dd>
              </div>
            </dl>
          </Card>

          <Card id="change" title={t("serviceScope.change.title")}>
            {own ? (
              <TierChangeForm
                tiers={scope.tiers}
                current={own.tier.code}
                initial={request && isTier(request) ? request : tier}
              />
            ) : user ? (
              <p className="text-sm text-slate-700">{t("serviceScope.change.staff")}</p>
            ) : (
              <p className="text-sm text-slate-700">
                {t("serviceScope.change.visitor")}{" "}
                <Link
                  href={`/signin?callbackUrl=${encodeURIComponent(`/service-scope/${tier}`)}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {t("kb.signIn")}
                </Link>
              </p>
            )}
          </Card>

          <Card id="more" title={t("ourService.moreTitle")}>
            <ul className="space-y-2 text-sm">
              <li>
                <Link href="/reports/sla" className="font-medium text-brand-700 hover:underline">
                  {t("ourService.reportsLink")}
                </Link>
              </li>
              <li>
                <Link href="/kb" className="font-medium text-brand-700 hover:underline">
                  {t("nav.kb")}
                </Link>
              </li>
              {own ? (
                <li>
                  <Link href="/organization/sla" className="font-medium text-brand-700 hover:underline">
                    {t("nav.ourService")}
                  </Link>
                </li>
              ) : null}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { HealthBadge, HealthFactors } from "@/components/accounts/health-card";
import { formatPercent, zoneName } from "@/components/format";
import { ReviewBarChart } from "@/components/reviews/review-chart";
import {
  AcknowledgeButton,
  ActionItemForm,
  EditItemToggle,
  NarrativeEditor,
  PrintButton,
  ShareButton,
} from "@/components/reviews/review-actions";
import { STATUS_TONE } from "@/components/reviews/review-list";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, Stat } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";

export const metadata: Metadata = { title: "Service review" };
const METRICS = ["firstResponse", "workaround", "resolution"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

/** Hides the portal frame and interactive controls when printing, so the review prints cleanly to PDF. */
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 14mm; }
  html, body { background: #fff !important; }
  header.sticky, a[href="#main"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  #review section { box-shadow: none !important; break-inside: avoid; }
  #review table { min-width: 0 !important; }
}`;

type Figures = { met: number; breached: number; excluded: number; n: number; attainment: number | null };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const api = await serverCaller();
  const review = await api.reviews.get({ id }).catch(() => null);
  if (!review) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const s = review.snapshot;
  // The viewer's time zone, named once under the heading (printed too).
  const zone = await getTimeZone();
  const zoneLabel = zoneName(locale, zone, await getNow());
  const when = (d: Date | string) =>
    format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  const day = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "medium", timeZone: zone });
  // Quarters are UTC periods (as on the dashboards), so their first and last days are UTC dates.
  const utcDay = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "medium", timeZone: "UTC" });
  const pct = (v: number | null, digits = 1) => (v === null ? "—" : formatPercent(locale, v, digits));
  const figure = (f: Figures) => (
    <>
      <span className="font-medium">{pct(f.attainment)}</span>{" "}
      <span className="text-xs text-slate-500">{t("reviews.nOf", { n: f.n, excluded: f.excluded })}</span>
    </>
  );
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency: "USD" });
  const change = (cur: number, prev: number) =>
    prev === 0 ? (cur === 0 ? "0" : "+∞") : `${cur >= prev ? "+" : ""}${Math.round(((cur - prev) / prev) * 100)}%`;
  const editing = review.canEdit && review.status === "draft";
  const openItems = review.actionItems.filter((a) => a.status !== "done").length;
  const worstMonth = s.availability.months.reduce<(typeof s.availability.months)[number] | null>(
    (w, m) => (w === null || m.availability < w.availability ? m : w),
    null,
  );
  const trendChart = (
    rows: { key: string; current: number; previous: number }[],
    label: (k: string) => string,
    angled = false,
  ) => (
    <ReviewBarChart
      angled={angled}
      data={rows.map((r) => ({ name: label(r.key), current: r.current, previous: r.previous }))}
      xKey="name"
      series={[
        { key: "previous", label: s.previousQuarter, color: "#94a3b8" },
        { key: "current", label: s.quarter, color: "#1d5fd6" },
      ]}
    />
  );
  const trendTable = (
    caption: string,
    rows: { key: string; current: number; previous: number }[],
    label: (k: string) => string,
  ) => (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{caption}</Th>
          <Th align="right">{s.quarter}</Th>
          <Th align="right">{s.previousQuarter}</Th>
          <Th align="right">{t("reviews.change")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <Td header>{label(r.key)}</Td>
            <Td align="right">{r.current}</Td>
            <Td align="right">{r.previous}</Td>
            <Td align="right">{change(r.current, r.previous)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );

  return (
    <article id="review" className="mx-auto max-w-5xl space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500 print:hidden">
            <Link href="/reviews" className="text-brand-700 hover:underline">
              {t("reviews.title")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("reviews.heading", { quarter: review.quarter, organization: review.organizationName })}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("reviews.period", { from: utcDay(s.from), to: utcDay(new Date(new Date(s.to).getTime() - 1)) })} ·{" "}
            {t(`tier.${s.organization.tier}`)} ·{" "}
            {t("reviews.generatedBy", { name: review.generatedBy ?? "—", date: when(review.generatedAt) })}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={STATUS_TONE[review.status]}>{t(`reviews.statuses.${review.status}`)}</Badge>
            {review.sharedAt ? (
              <span className="text-slate-600">{t("reviews.sharedOn", { date: when(review.sharedAt) })}</span>
            ) : null}
            {review.acknowledgedAt ? (
              <span className="text-slate-600">
                {t("reviews.acknowledgedBy", { name: review.acknowledgedBy ?? "—", date: when(review.acknowledgedAt) })}
              </span>
            ) : null}
          </div>
          <p className="mt-1 text-xs text-slate-500">{t("common.timeZoneNote", { zone: zoneLabel })}</p>
        </div>
        <div className="flex flex-wrap items-start gap-2 print:hidden">
          <PrintButton />
          {editing ? <ShareButton id={review.id} /> : null}
          {review.canAcknowledge ? <AcknowledgeButton id={review.id} /> : null}
        </div>
      </div>

      <Card id="summary" title={t("reviews.sections.summary")}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Stat
            label={t("reviews.stats.tickets")}
            value={s.volume.total}
            hint={t("reviews.stats.previous", { value: s.volume.previousTotal })}
          />
          <Stat
            label={t("reviews.stats.firstResponse")}
            value={pct(s.attainment.current.byMetric.firstResponse.attainment)}
            hint={t("reviews.stats.n", { n: s.attainment.current.byMetric.firstResponse.n })}
          />
          <Stat label={t("reviews.stats.breaches")} value={s.breaches.length} />
          <Stat
            label={t("reviews.stats.availability")}
            value={worstMonth ? pct(worstMonth.availability / 100, 3) : "—"}
            hint={t("reviews.stats.commitment", { value: pct(s.availability.commitment / 100, 2) })}
          />
          <Stat label={t("reviews.stats.credits")} value={money(s.availability.creditsCents)} />
          <Stat
            label={t("reviews.stats.satisfaction")}
            value={s.satisfaction.current.average?.toFixed(2) ?? "—"}
            hint={t("reviews.stats.ratings", { n: s.satisfaction.current.n })}
          />
        </dl>
      </Card>

      <Card id="narrative" title={t("reviews.sections.narrative")}>
        {editing ? <NarrativeEditor id={review.id} initial={review.narrative} /> : null}
        {review.narrative ? (
          <p className={`text-sm leading-6 whitespace-pre-line text-slate-800 ${editing ? "hidden print:block" : ""}`}>
            {review.narrative}
          </p>
        ) : editing ? null : (
          <p className="text-sm text-slate-500">{t("reviews.noNarrative")}</p>
        )}
      </Card>

      <Card id="attainment" title={t("reviews.sections.attainment")} description={t("reviews.attainmentDescription")}>
        <ReviewBarChart
          data={METRICS.map((m) => ({
            name: t(`metric.${m}`),
            previous:
              s.attainment.previous.byMetric[m].attainment === null
                ? null
                : Math.round(s.attainment.previous.byMetric[m].attainment! * 1000) / 10,
            current:
              s.attainment.current.byMetric[m].attainment === null
                ? null
                : Math.round(s.attainment.current.byMetric[m].attainment! * 1000) / 10,
          }))}
          xKey="name"
          unit="%"
          domain={[0, 100]}
          series={[
            { key: "previous", label: s.previousQuarter, color: "#94a3b8" },
            { key: "current", label: s.quarter, color: "#1d5fd6" },
          ]}
        />
        <Table caption={t("reviews.sections.attainment")}>
          <thead>
            <tr>
              <Th>{t("reviews.metric")}</Th>
              <Th>{t("reviews.priority")}</Th>
              <Th>{s.quarter}</Th>
              <Th>{s.previousQuarter}</Th>
            </tr>
          </thead>
          <tbody>
            {METRICS.flatMap((m) => [
              <tr key={m} className="bg-slate-50">
                <Td header>{t(`metric.${m}`)}</Td>
                <Td>{t("reviews.allPriorities")}</Td>
                <Td>{figure(s.attainment.current.byMetric[m])}</Td>
                <Td>{figure(s.attainment.previous.byMetric[m])}</Td>
              </tr>,
              ...PRIORITIES.filter(
                (p) =>
                  s.attainment.current.byMetricPriority[m][p].n +
                    s.attainment.previous.byMetricPriority[m][p].n +
                    s.attainment.current.byMetricPriority[m][p].excluded >
                  0,
              ).map((p) => (
                <tr key={`${m}-${p}`}>
                  <Td>
                    <span className="sr-only">{t(`metric.${m}`)}</span>
                  </Td>
                  <Td>
                    <Badge tone={PRIORITY_TONE[p]}>{p}</Badge>
                  </Td>
                  <Td>{figure(s.attainment.current.byMetricPriority[m][p])}</Td>
                  <Td>{figure(s.attainment.previous.byMetricPriority[m][p])}</Td>
                </tr>
              )),
            ])}
          </tbody>
        </Table>
      </Card>

      <Card id="breaches" title={t("reviews.sections.breaches", { n: s.breaches.length })}>
        {s.breaches.length === 0 ? (
          <p className="text-sm text-slate-600">{t("reviews.noBreaches")}</p>
        ) : (
          <Table caption={t("reviews.sections.breaches", { n: s.breaches.length })}>
            <thead>
              <tr>
                <Th>{t("reviews.ticket")}</Th>
                <Th>{t("reviews.priority")}</Th>
                <Th>{t("reviews.metric")}</Th>
                <Th>{t("reviews.due")}</Th>
                <Th>{t("reviews.achieved")}</Th>
              </tr>
            </thead>
            <tbody>
              {s.breaches.map((b) => (
                <tr key={`${b.ticketId}-${b.metric}`}>
                  <Td header>
                    <Link href={`/tickets/${b.ticketId}`} className="text-brand-700 hover:underline">
                      #{b.ticketId} {b.subject}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={PRIORITY_TONE[b.priority]}>{b.priority}</Badge>
                  </Td>
                  <Td>{t(`metric.${b.metric}`)}</Td>
                  <Td>{when(b.dueAt)}</Td>
                  <Td>{b.achievedAt ? when(b.achievedAt) : t("reviews.stillOpen")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card
        id="volume"
        title={t("reviews.sections.volume")}
        description={t("reviews.volumeDescription", {
          current: s.volume.total,
          previous: s.volume.previousTotal,
          change: change(s.volume.total, s.volume.previousTotal),
        })}
      >
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="min-w-0">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("reviews.byMonth")}</h3>
            <ReviewBarChart
              data={s.volume.byMonth.map((m) => ({ month: m.month, tickets: m.tickets }))}
              xKey="month"
              series={[{ key: "tickets", label: t("reviews.stats.tickets"), color: "#1d5fd6" }]}
            />
            <Table caption={t("reviews.byMonth")}>
              <thead>
                <tr>
                  <Th>{t("reviews.month")}</Th>
                  <Th align="right">{t("reviews.stats.tickets")}</Th>
                </tr>
              </thead>
              <tbody>
                {s.volume.byMonth.map((m) => (
                  <tr key={m.month}>
                    <Td header>{m.month}</Td>
                    <Td align="right">{m.tickets}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="min-w-0">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("reviews.byProductArea")}</h3>
            {trendChart(s.volume.byProductArea, (k) => t(`reviews.productAreas.${k}`), true)}
            {trendTable(t("reviews.byProductArea"), s.volume.byProductArea, (k) => t(`reviews.productAreas.${k}`))}
          </div>
        </div>
        <div className="mt-6">
          <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("reviews.byCategory")}</h3>
          {trendTable(t("reviews.byCategory"), s.volume.byCategory, (k) => t(`reviews.categories.${k}`))}
        </div>
      </Card>

      <Card
        id="availability"
        title={t("reviews.sections.availability")}
        description={t("reviews.availabilityDescription", { commitment: pct(s.availability.commitment / 100, 2) })}
      >
        <ReviewBarChart
          data={s.availability.months.map((m) => ({
            month: m.month,
            availability: Math.round(m.availability * 1000) / 1000,
          }))}
          xKey="month"
          unit="%"
          domain={[
            Math.floor(Math.min(s.availability.commitment, ...s.availability.months.map((m) => m.availability)) - 0.1),
            100,
          ]}
          reference={{ value: s.availability.commitment, label: t("reviews.commitment") }}
          series={[{ key: "availability", label: t("reviews.availability"), color: "#0ea5e9" }]}
        />
        <Table caption={t("reviews.sections.availability")}>
          <thead>
            <tr>
              <Th>{t("reviews.month")}</Th>
              <Th align="right">{t("reviews.availability")}</Th>
              <Th align="right">{t("reviews.downtime")}</Th>
              <Th align="right">{t("reviews.creditPercent")}</Th>
              <Th align="right">{t("reviews.credit")}</Th>
            </tr>
          </thead>
          <tbody>
            {s.availability.months.map((m) => (
              <tr key={m.month}>
                <Td header>{m.month}</Td>
                <Td align="right">{pct(m.availability / 100, 3)}</Td>
                <Td align="right">{t("reviews.minutes", { n: Math.round(m.downtimeMinutes) })}</Td>
                <Td align="right">{m.creditPercent}%</Td>
                <Td align="right">{money(m.creditCents)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-800">
          {t("reviews.incidents", { n: s.availability.incidents.length })}
        </h3>
        {s.availability.incidents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("reviews.noIncidents")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {s.availability.incidents.map((i) => (
              <li key={i.id}>
                <span className="font-medium">{i.title}</span> · {i.severity} · {when(i.startedAt)}
                {i.endedAt ? ` – ${when(i.endedAt)}` : ""} {i.planned ? <Badge>{t("reviews.planned")}</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <Card id="satisfaction" title={t("reviews.sections.satisfaction")}>
          <dl className="space-y-3 text-sm">
            {(
              [
                [s.quarter, s.satisfaction.current],
                [s.previousQuarter, s.satisfaction.previous],
              ] as const
            ).map(([q, v]) => (
              <div key={q} className="flex items-baseline justify-between gap-3">
                <dt className="text-slate-600">{q}</dt>
                <dd>
                  <span className="text-lg font-semibold text-slate-900">{v.average?.toFixed(2) ?? "—"}</span>{" "}
                  <span className="text-xs text-slate-500">{t("reviews.stats.ratings", { n: v.n })}</span>
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card
          id="kb-gaps"
          title={t("reviews.sections.kbGaps")}
          description={t("reviews.kbGapsDescription", { n: s.kbGaps.tickets })}
        >
          {s.kbGaps.queries.length === 0 ? (
            <p className="text-sm text-slate-600">{t("reviews.noKbGaps")}</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {s.kbGaps.queries.map((q) => (
                <li key={q.query}>
                  {q.query} <span className="text-slate-500">×{q.count}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card id="alerts" title={t("reviews.sections.alerts", { n: s.proactiveAlerts.length })}>
          {s.proactiveAlerts.length === 0 ? (
            <p className="text-sm text-slate-600">{t("reviews.noAlerts")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {s.proactiveAlerts.map((a) => (
                <li key={a.id}>
                  {day(a.detectedAt)} · {a.description}
                  {a.ticketId ? (
                    <>
                      {" "}
                      <Link href={`/tickets/${a.ticketId}`} className="text-brand-700 hover:underline">
                        #{a.ticketId}
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card
        id="action-items"
        title={t("reviews.sections.actionItems", { open: openItems, total: review.actionItems.length })}
      >
        {review.actionItems.length === 0 ? (
          <p className="text-sm text-slate-600">{t("reviews.items.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {review.actionItems.map((a) => (
              <li key={a.id} className="py-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-medium text-slate-900">
                    {a.title} {a.carried ? <Badge>{t("reviews.items.carried")}</Badge> : null}
                  </p>
                  <Badge tone={a.status === "done" ? "green" : a.status === "in_progress" ? "brand" : "amber"}>
                    {t(`reviews.items.statuses.${a.status}`)}
                  </Badge>
                </div>
                <p className="mt-0.5 text-slate-600">
                  {t("reviews.items.ownerLine", {
                    side: t(`reviews.items.sides.${a.side}`),
                    owner: a.owner,
                    due: day(`${a.dueDate}T12:00:00Z`),
                  })}
                </p>
                {review.canEdit ? (
                  <EditItemToggle reviewId={review.id} item={a} canDelete={review.status === "draft"} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {review.canEdit ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold text-slate-800 print:hidden">{t("reviews.items.addTitle")}</h3>
            <ActionItemForm reviewId={review.id} />
          </div>
        ) : null}
      </Card>

      {s.health ? (
        <div className="print:hidden">
          <Card
            id="health"
            title={t("reviews.sections.health")}
            description={t("reviews.healthDescription")}
            actions={<HealthBadge health={s.health} />}
          >
            <HealthFactors health={s.health} />
          </Card>
        </div>
      ) : null}
    </article>
  );
}

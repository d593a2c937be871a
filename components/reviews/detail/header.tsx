import Link from "@/components/ui/link";
import { getNow } from "next-intl/server";
import { zoneName } from "@/components/format";
import { AcknowledgeButton, PrintButton, ShareButton } from "@/components/reviews/review-actions";
import { STATUS_TONE } from "@/components/reviews/review-list";
import { Badge } from "@/components/ui/badge";
import { reviewFormat } from "./format";
import type { Review } from "./types";

/** The heading: quarter and organization, period, who generated, shared and acknowledged it, and the buttons. */
export async function ReviewHeader({ review, editing }: { review: Review; editing: boolean }) {
  const { t, locale, zone, when, utcDay, quarter } = await reviewFormat();
  const s = review.snapshot;
  // The viewer's time zone, named once under the heading (printed too).
  const zoneLabel = zoneName(locale, zone, await getNow());
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <p className="text-sm text-slate-500 print:hidden">
          <Link href="/reviews" className="text-brand-700 hover:underline">
            {t("reviews.title")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          {t("reviews.heading", { quarter: quarter(review.quarter), organization: review.organizationName })}
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
  );
}

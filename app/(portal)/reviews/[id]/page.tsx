import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { ActionItemsCard } from "@/components/reviews/detail/action-items";
import { AlertsCard } from "@/components/reviews/detail/alerts";
import { AttainmentCard } from "@/components/reviews/detail/attainment";
import { AvailabilityCard } from "@/components/reviews/detail/availability";
import { BreachesCard } from "@/components/reviews/detail/breaches";
import { ReviewHeader } from "@/components/reviews/detail/header";
import { HealthCard } from "@/components/reviews/detail/health";
import { KbGapsCard } from "@/components/reviews/detail/kb-gaps";
import { NarrativeCard } from "@/components/reviews/detail/narrative";
import { ReviewPrintStyle } from "@/components/reviews/detail/print-style";
import { SatisfactionCard } from "@/components/reviews/detail/satisfaction";
import { SummaryCard } from "@/components/reviews/detail/summary";
import { VolumeCard } from "@/components/reviews/detail/volume";
import { serverCaller } from "@/server/api/rsc";
import "@/app/kb/kb.css";
import { getSessionUser } from "@/server/auth/get-session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("serviceReview") };
}

/** A quarterly service review: loads it (a foreign or unknown one "does not exist") and lays out its sections. */
export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ breaches?: string; page?: string }>;
}) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const api = await serverCaller();
  const query = await searchParams;
  const showAll = query.breaches === "all";
  // A page number out of range reads as the first page (the list is the same for every reader).
  const breachPage = /^[1-9]\d{0,3}$/.test(query.page ?? "") ? Number(query.page) : 1;
  const review = await api.reviews.get({ id, allBreaches: showAll, breachPage }).catch(() => null);
  if (!review) notFound();
  const s = review.snapshot;
  const editing = review.canEdit && review.status === "draft";

  return (
    <article id="review" className="mx-auto max-w-5xl space-y-6">
      <ReviewPrintStyle />
      <ReviewHeader review={review} editing={editing} />
      <SummaryCard snapshot={s} breachCount={review.breachCount} />
      <NarrativeCard review={review} editing={editing} />
      <AttainmentCard snapshot={s} />
      <BreachesCard
        snapshot={s}
        count={review.breachCount}
        offset={review.breachOffset}
        all={showAll}
        pageHref={(page) => `/reviews/${id}?breaches=all${page > 1 ? `&page=${page}` : ""}#breaches`}
      />
      <VolumeCard snapshot={s} />
      <AvailabilityCard snapshot={s} />
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <SatisfactionCard snapshot={s} />
        <KbGapsCard snapshot={s} />
        <AlertsCard snapshot={s} />
      </div>
      <ActionItemsCard review={review} />
      {s.health ? <HealthCard health={s.health} /> : null}
    </article>
  );
}

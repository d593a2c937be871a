import { NarrativeEditor } from "@/components/reviews/review-actions";
import { Card } from "@/components/ui/card";
import { narrativeHtml } from "@/server/reviews/narrative";
import { reviewFormat } from "./format";
import type { Review } from "./types";

/** The account manager's narrative: an editor while the review is a draft, its Markdown rendered safely once shared. */
export async function NarrativeCard({ review, editing }: { review: Review; editing: boolean }) {
  const { t } = await reviewFormat();
  return (
    <Card id="narrative" title={t("reviews.sections.narrative")}>
      {editing ? <NarrativeEditor id={review.id} initial={review.narrative} /> : null}
      {review.narrative ? (
        <div
          className={`kb-prose text-sm break-words text-slate-800 ${editing ? "hidden print:block" : ""}`}
          dangerouslySetInnerHTML={{ __html: narrativeHtml(review.narrative) }}
        />
      ) : editing ? null : (
        <p className="text-sm text-slate-500">{t("reviews.noNarrative")}</p>
      )}
    </Card>
  );
}

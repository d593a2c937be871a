import { NarrativeEditor } from "@/components/reviews/review-actions";
import { Card } from "@/components/ui/card";
import { reviewFormat } from "./format";
import type { Review } from "./types";

/** The account manager's narrative: an editor while the review is a draft, the text once shared. */
export async function NarrativeCard({ review, editing }: { review: Review; editing: boolean }) {
  const { t } = await reviewFormat();
  return (
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
  );
}

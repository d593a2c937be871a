import { ActionItemForm, EditItemToggle } from "@/components/reviews/review-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { reviewFormat } from "./format";
import type { Review } from "./types";

/** The action items agreed in the review, with their editing controls for the account team. */
export async function ActionItemsCard({ review }: { review: Review }) {
  const { t, day } = await reviewFormat();
  const openItems = review.actionItems.filter((a) => a.status !== "done").length;
  return (
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
  );
}

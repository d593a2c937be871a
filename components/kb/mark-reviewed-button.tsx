"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/** "Mark reviewed": moves the article's reviewed-at date to now, then re-renders the page's server data. */
export function MarkReviewedButton({ articleId, label }: { articleId: number; label?: string }) {
  const t = useTranslations("kbEdit");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const serverText = useServerErrorText();
  const review = useMutation(trpc.kb.markReviewed.mutationOptions({ onSuccess: () => router.refresh() }));
  if (review.isSuccess) {
    return (
      <span role="status" className="text-sm font-medium text-emerald-700">
        {t("reviewedNow")}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        onClick={() => review.mutate({ id: articleId })}
        disabled={!hydrated || review.isPending}
        aria-label={label}
      >
        {review.isPending ? t("saving") : t("markReviewed")}
      </Button>
      {review.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {serverText(review.error)}
        </span>
      ) : null}
    </span>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { FEEDBACK_REASONS } from "@/db/schema/enums";
import { refusalText } from "@/components/ui/form";

type Reason = (typeof FEEDBACK_REASONS)[number];
type Vote = { helpful: boolean; reason: Reason | null };

const button =
  "rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/**
 * "Was this helpful?": yes at once, no with a reason. After a not-helpful vote the reader is offered
 * a ticket prefilled with the article. Visitors who are not signed in are asked to sign in.
 */
export function ArticleFeedback({
  articleId,
  slug,
  title,
  initialVote,
  signedIn,
}: {
  articleId: number;
  slug: string;
  title: string;
  initialVote: Vote | null;
  signedIn: boolean;
}) {
  const t = useTranslations("kb.feedback");
  const tt = useTranslations();
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [vote, setVote] = useState<Vote | null>(initialVote);
  const [justVoted, setJustVoted] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = useMutation(
    trpc.kb.feedback.mutationOptions({
      onSuccess: (r) => {
        setVote({ helpful: r.helpful, reason: r.reason });
        setJustVoted(true);
        setAsking(false);
      },
      onError: (err) => setError(refusalText(tt, err, t("failed"))),
    }),
  );
  const ticketHref = `/tickets/new?${new URLSearchParams({ subject: title, article: slug })}`;

  if (!signedIn) {
    return (
      <section aria-label={t("question")} className="rounded-xl border border-slate-200 bg-white p-5">
        <p className="font-medium text-slate-900">{t("question")}</p>
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(`/kb/${slug}`)}`}
          className="mt-2 inline-block text-sm font-medium text-brand-700 underline"
        >
          {t("signInToVote")}
        </Link>
      </section>
    );
  }

  return (
    <section aria-label={t("question")} className="rounded-xl border border-slate-200 bg-white p-5">
      {vote && !asking ? (
        <div role="status" className="space-y-2 text-sm">
          <p className="font-medium text-slate-900">
            {justVoted
              ? vote.helpful
                ? t("thanks")
                : t("thanksNotHelpful")
              : vote.helpful
                ? t("yourVoteHelpful")
                : t("yourVoteNotHelpful")}
          </p>
          {!vote.helpful ? (
            <Link href={ticketHref} className="inline-block font-medium text-brand-700 underline">
              {t("stillStuck")}
            </Link>
          ) : null}
          <div>
            <button
              type="button"
              className="text-slate-600 underline"
              onClick={() => (setVote(null), setJustVoted(false))}
            >
              {t("change")}
            </button>
          </div>
        </div>
      ) : asking ? (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            setError(null);
            send.mutate({
              articleId,
              helpful: false,
              reason: (String(f.get("reason") ?? "") || null) as Reason | null,
              comment: String(f.get("comment") ?? "") || null,
            });
          }}
        >
          <fieldset>
            <legend className="font-medium text-slate-900">{t("reason")}</legend>
            <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
              {FEEDBACK_REASONS.map((r) => (
                <label key={r} className="flex items-center gap-1.5 text-sm text-slate-700">
                  <input type="radio" name="reason" value={r} required />
                  {t(`reasons.${r}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="block text-sm">
            <span className="font-medium text-slate-700">{t("comment")}</span>
            <textarea
              name="comment"
              maxLength={2000}
              rows={2}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          {error ? (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <button
            type="submit"
            disabled={!hydrated || send.isPending}
            className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {t("send")}
          </button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <p className="font-medium text-slate-900">{t("question")}</p>
          <button
            type="button"
            disabled={!hydrated || send.isPending}
            className={button}
            onClick={() => send.mutate({ articleId, helpful: true })}
          >
            {t("yes")}
          </button>
          <button type="button" disabled={!hydrated} className={button} onClick={() => setAsking(true)}>
            {t("no")}
          </button>
          {error ? (
            <p role="alert" className="w-full text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}

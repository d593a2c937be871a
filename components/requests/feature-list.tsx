"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { FormAlert, useFormErrors } from "@/components/ui/form";
import { takesVotes } from "@/server/requests/rules";

/** Every feature request with its votes: customers vote (once) and find their organization's own. */
export function FeatureList({ canVote }: { canVote: boolean }) {
  const t = useTranslations("roadmap");
  // The status names, read by their own group so that no key looks like one of the status page's.
  const statusName = useTranslations("roadmap.status");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.requests.list.queryOptions());
  const { formError, onError, clearErrors } = useFormErrors();
  const vote = useMutation(
    trpc.requests.vote.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.requests.list.queryKey() }),
    }),
  );
  const rows = list.data ?? [];
  return (
    <div className="space-y-3">
      <FormAlert message={formError} />
      {rows.length === 0 && !list.isPending ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <ul className="space-y-3">
        {rows.map((r) => (
          <li
            key={r.ticketId}
            aria-label={r.title}
            className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-center"
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {r.own ? (
                  <Link href={`/tickets/${r.ticketId}`} className="text-brand-700 hover:underline">
                    {r.title}
                  </Link>
                ) : (
                  r.title
                )}
              </p>
              {r.publicNote ? <p className="text-sm text-slate-700">{r.publicNote}</p> : null}
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <Badge tone={r.status === "planned" ? "brand" : r.status === "shipped" ? "green" : "neutral"}>
                  {statusName(r.status)}
                </Badge>
                {t("votes", { votes: r.votes, organizations: r.organizations })}
                {r.own ? <Badge tone="amber">{t("ours")}</Badge> : null}
              </p>
            </div>
            {canVote && takesVotes(r.status) ? (
              r.voted ? (
                <span className="text-sm font-medium text-green-700">{t("voted")}</span>
              ) : (
                <button
                  type="button"
                  disabled={vote.isPending}
                  onClick={() => vote.mutate({ ticketId: r.ticketId })}
                  className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
                >
                  {t("vote")}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { ActionForm, actionOf, TextArea, useFeedback } from "./action-form";
import type { AvailableActions } from "./available-actions";
import type { Detail } from "./types";

type Offered = AvailableActions<Detail["disputes"][number], Detail["complaints"][number]>;

/** After the resolution, for the customer: reopen the ticket within the window, and rate it once. */
export function ClosingActions({ data, offered }: { data: Detail; offered: Offered }) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fReopen = useFeedback(id);
  const fRate = useFeedback(id);
  const reopen = actionOf(fReopen, useMutation(trpc.tickets.reopen.mutationOptions(fReopen.callbacks)));
  const rate = actionOf(fRate, useMutation(trpc.tickets.rate.mutationOptions(fRate.callbacks)));

  return (
    <>
      {offered.reopen ? (
        <ActionForm
          title={t("reopen")}
          submit={t("reopen")}
          state={reopen}
          doneText={t("done")}
          onSubmit={(f) => reopen.mutate({ ticketId: id, reason: String(f.get("reason") ?? "") })}
        >
          <TextArea label={t("reopenLabel")} name="reason" />
        </ActionForm>
      ) : null}
      {offered.rate ? (
        <ActionForm
          title={t("rate")}
          submit={t("submitRating")}
          state={rate}
          doneText={t("done")}
          validate={(f) => (f.get("score") ? null : t("chooseScore"))}
          onSubmit={(f) =>
            rate.mutate({
              ticketId: id,
              score: Number(f.get("score")),
              comment: String(f.get("comment") ?? "") || null,
            })
          }
        >
          {/* No score is given for the customer: they choose one (issue #21). */}
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="mb-1 text-sm">{t("score")}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="flex items-center gap-1">
                <input type="radio" name="score" value={n} aria-label={t("scoreLabel", { n })} /> {n}
              </label>
            ))}
          </fieldset>
          <TextArea label={t("ratingComment")} name="comment" required={false} />
        </ActionForm>
      ) : null}
    </>
  );
}

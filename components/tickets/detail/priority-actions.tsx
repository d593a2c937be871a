"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { EXCLUSION_REASONS } from "@/db/schema/enums";
import { allowedPriorities } from "@/server/tickets/priorities";
import { field } from "@/components/ui/form";
import { ActionForm, actionOf, TextArea, useFeedback } from "./action-form";
import type { AvailableActions } from "./available-actions";
import { DialogAction } from "./dialog-action";
import type { Detail } from "./types";

type Offered = AvailableActions<Detail["disputes"][number], Detail["complaints"][number]>;

/**
 * The priority and the SLA exclusion: a customer's disputes of either, and a manager's exclusion
 * and decision on each open dispute, each in a focused dialog (staff change the priority in the
 * properties panel).
 */
export function PriorityActions({ data, offered }: { data: Detail; offered: Offered }) {
  const t = useTranslations("tickets.actions");
  const tt = useTranslations();
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fDispute = useFeedback(id);
  const fExclude = useFeedback(id);
  const fDecide = useFeedback(id);
  const dispute = actionOf(fDispute, useMutation(trpc.tickets.openDispute.mutationOptions(fDispute.callbacks)));
  const exclude = actionOf(fExclude, useMutation(trpc.tickets.exclude.mutationOptions(fExclude.callbacks)));
  const decide = actionOf(fDecide, useMutation(trpc.tickets.decideDispute.mutationOptions(fDecide.callbacks)));
  // Only what the ticket may hold: a security vulnerability is never offered below P1.
  const priorities = allowedPriorities(data.ticket.category);

  return (
    <>
      {offered.disputePriority ? (
        <ActionForm
          title={t("disputePriority")}
          submit={t("submitDispute")}
          state={dispute}
          doneText={t("sent")}
          validate={(f) => (f.get("proposed") ? null : t("chooseProposed"))}
          onSubmit={(f) =>
            dispute.mutate({
              ticketId: id,
              kind: "priority",
              proposedPriority: f.get("proposed") as "P0",
              reason: String(f.get("reason") ?? ""),
            })
          }
        >
          <label className="block text-sm">
            {t("proposedPriority")}
            {/* No priority is proposed for the customer: they choose one (issue #21). */}
            <select name="proposed" className={field} defaultValue="" aria-required>
              <option value="" disabled>
                {t("chooseOption")}
              </option>
              {priorities
                .filter((p) => p !== data.ticket.priority)
                .map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
            </select>
          </label>
          <TextArea label={t("reason")} name="reason" />
        </ActionForm>
      ) : null}
      {offered.disputeExclusion ? (
        <ActionForm
          title={t("disputeExclusion")}
          submit={t("submitDispute")}
          state={dispute}
          doneText={t("sent")}
          onSubmit={(f) => dispute.mutate({ ticketId: id, kind: "exclusion", reason: String(f.get("reason") ?? "") })}
        >
          <TextArea label={t("reason")} name="reason" />
        </ActionForm>
      ) : null}
      {offered.exclude ? (
        <DialogAction id="exclude-dialog" label={t("exclude")} title={t("exclude")} done={exclude.done}>
          <ActionForm
            title={t("exclude")}
            submit={t("submitExclude")}
            state={exclude}
            doneText={t("saved")}
            onSubmit={(f) =>
              exclude.mutate({
                ticketId: id,
                reason: f.get("reason") as "third_party",
                note: String(f.get("note") ?? ""),
              })
            }
          >
            <label className="block text-sm">
              {t("exclusionReason")}
              <select name="reason" className={field}>
                {EXCLUSION_REASONS.filter(
                  // "SDK past its support window" is offered only when the ticket's SDK is past it.
                  (r) => r !== "sdk_out_of_support" || data.ticket.sdkSupport.state === "unsupported",
                ).map((r) => (
                  <option key={r} value={r}>
                    {tt(`tickets.exclusionReasons.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <TextArea label={t("note")} name="note" />
          </ActionForm>
        </DialogAction>
      ) : null}
      {offered.decide.map((d) => (
        <DialogAction
          key={`d${d.id}`}
          id={`decide-${d.id}`}
          label={`${t("decide")}: ${tt(`tickets.detail.disputeKind.${d.kind}`)}`}
          title={`${t("decide")}: ${tt(`tickets.detail.disputeKind.${d.kind}`)}`}
          done={decide.done}
        >
          <ActionForm
            title={`${t("decide")}: ${tt(`tickets.detail.disputeKind.${d.kind}`)}`}
            submit={t("submitDecision")}
            state={decide}
            doneText={t("saved")}
            onSubmit={(f) =>
              decide.mutate({
                disputeId: d.id,
                upheld: f.get("decision") === "uphold",
                note: String(f.get("note") ?? ""),
              })
            }
          >
            <fieldset className="flex gap-4 text-sm">
              <legend className="sr-only">{t("decide")}</legend>
              <label className="flex items-center gap-1">
                <input type="radio" name="decision" value="uphold" defaultChecked /> {t("uphold")}
              </label>
              <label className="flex items-center gap-1">
                <input type="radio" name="decision" value="reject" /> {t("reject")}
              </label>
            </fieldset>
            <TextArea label={t("decisionNote")} name="note" />
          </ActionForm>
        </DialogAction>
      ))}
    </>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { ActionForm, actionOf, TextArea, useFeedback } from "./action-form";
import type { AvailableActions } from "./available-actions";
import type { Detail } from "./types";

type Offered = AvailableActions<Detail["disputes"][number], Detail["complaints"][number]>;

/**
 * A customer's request to escalate. Staff work the ticket (waiting, assignment, workaround,
 * resolution, escalation) in the properties panel and the reply box of the ticket page.
 */
export function WorkActions({ data, offered }: { data: Detail; offered: Offered }) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fEscalate = useFeedback(id);
  const escalate = actionOf(fEscalate, useMutation(trpc.tickets.escalate.mutationOptions(fEscalate.callbacks)));
  if (!offered.escalate) return null;
  return (
    <ActionForm
      title={t("escalate")}
      submit={t("escalate")}
      state={escalate}
      doneText={t("done")}
      onSubmit={(f) => escalate.mutate({ ticketId: id, reason: String(f.get("reason") ?? "") })}
    >
      <TextArea label={t("escalateReason")} name="reason" />
    </ActionForm>
  );
}

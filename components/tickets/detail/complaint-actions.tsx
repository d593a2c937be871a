"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import type { Role } from "@/db/schema/enums";
import { ActionForm, actionOf, TextArea, useFeedback } from "./action-form";
import type { AvailableActions } from "./available-actions";
import type { Detail } from "./types";

type Offered = AvailableActions<Detail["disputes"][number], Detail["complaints"][number]>;

/** Complaints: raising one (a customer, or staff on the customer's behalf), and a manager's answer to each active one. */
export function ComplaintActions({ data, role, offered }: { data: Detail; role: Role; offered: Offered }) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fComplain = useFeedback(id);
  const fAnswer = useFeedback(id);
  const complain = actionOf(fComplain, useMutation(trpc.tickets.complain.mutationOptions(fComplain.callbacks)));
  const answer = actionOf(fAnswer, useMutation(trpc.tickets.answerComplaint.mutationOptions(fAnswer.callbacks)));

  return (
    <>
      {offered.complain ? (
        <ActionForm
          title={role === "customer" ? t("complain") : t("complainStaff")}
          submit={t("submitComplaint")}
          state={complain}
          doneText={t("complaintSent")}
          onSubmit={(f) => complain.mutate({ ticketId: id, reason: String(f.get("reason") ?? "") })}
        >
          <p className="text-sm text-slate-600">{t("complainHelp")}</p>
          <TextArea label={t("complaintReason")} name="reason" rows={3} />
        </ActionForm>
      ) : null}
      {offered.answer.map((c) => (
        <ActionForm
          key={`c${c.id}`}
          title={t("answerComplaint")}
          submit={t("submitAnswer")}
          state={answer}
          doneText={t("saved")}
          onSubmit={(f) =>
            answer.mutate({
              complaintId: c.id,
              outcome: f.get("outcome") === "acknowledged" ? "acknowledged" : "resolved",
              response: String(f.get("response") ?? ""),
            })
          }
        >
          <p className="text-sm text-slate-700">“{c.reason}”</p>
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="sr-only">{t("answerComplaint")}</legend>
            {c.status === "open" ? (
              <label className="flex items-center gap-1">
                <input type="radio" name="outcome" value="acknowledged" defaultChecked /> {t("acknowledge")}
              </label>
            ) : null}
            <label className="flex items-center gap-1">
              <input type="radio" name="outcome" value="resolved" defaultChecked={c.status !== "open"} />{" "}
              {t("resolveComplaint")}
            </label>
          </fieldset>
          <TextArea label={t("complaintResponse")} name="response" rows={3} />
        </ActionForm>
      ))}
    </>
  );
}

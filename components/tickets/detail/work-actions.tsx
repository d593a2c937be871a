"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { RESOLUTION_KINDS, type Role } from "@/db/schema/enums";
import { ActionForm, actionOf, field, TextArea, useFeedback } from "./action-form";
import { AssignForm } from "./assign-form";
import type { AvailableActions } from "./available-actions";
import type { Detail } from "./types";

type Offered = AvailableActions<Detail["disputes"][number], Detail["complaints"][number]>;

/** Working the ticket: waiting on the customer, assignment, workaround, resolution, and escalation (for anyone). */
export function WorkActions({
  data,
  role,
  viewerId,
  offered,
}: {
  data: Detail;
  role: Role;
  viewerId: number;
  offered: Offered;
}) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fWait = useFeedback(id);
  const fWork = useFeedback(id);
  const fResolve = useFeedback(id);
  const fAssign = useFeedback(id);
  const fEscalate = useFeedback(id);
  const wait = actionOf(fWait, useMutation(trpc.tickets.setWaiting.mutationOptions(fWait.callbacks)));
  const work = actionOf(fWork, useMutation(trpc.tickets.workaround.mutationOptions(fWork.callbacks)));
  const resolve = actionOf(fResolve, useMutation(trpc.tickets.resolve.mutationOptions(fResolve.callbacks)));
  const assign = actionOf(fAssign, useMutation(trpc.tickets.assign.mutationOptions(fAssign.callbacks)));
  const escalate = actionOf(fEscalate, useMutation(trpc.tickets.escalate.mutationOptions(fEscalate.callbacks)));
  const waiting = data.ticket.status === "pending_customer";

  return (
    <>
      {offered.work ? (
        <>
          <ActionForm
            title={t("waiting")}
            submit={waiting ? t("resume") : t("setWaiting")}
            state={wait}
            doneText={t("done")}
            onSubmit={() => wait.mutate({ ticketId: id, waiting: !waiting })}
          >
            <p className="text-sm text-slate-600">{t("waitingHelp")}</p>
          </ActionForm>
          <AssignForm
            key={`assign-${data.ticket.assigneeId ?? "none"}`}
            data={data}
            viewerId={viewerId}
            pending={assign.pending}
            error={assign.error}
            done={assign.done}
            onAssign={(assigneeId) => assign.mutate({ ticketId: id, assigneeId })}
          />
          <ActionForm
            title={t("workaround")}
            submit={t("workaround")}
            state={work}
            doneText={t("done")}
            onSubmit={(f) => work.mutate({ ticketId: id, body: String(f.get("body") ?? "") })}
          >
            <TextArea label={t("workaroundLabel")} name="body" rows={3} />
          </ActionForm>
          <ActionForm
            title={t("resolve")}
            submit={t("resolve")}
            state={resolve}
            doneText={t("done")}
            onSubmit={(f) =>
              resolve.mutate({ ticketId: id, kind: f.get("kind") as "fix", body: String(f.get("body") ?? "") })
            }
          >
            <label className="block text-sm">
              {t("resolutionKind")}
              <select name="kind" className={field}>
                {RESOLUTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <TextArea label={t("resolutionLabel")} name="body" rows={3} />
          </ActionForm>
        </>
      ) : null}
      {offered.escalate ? (
        <ActionForm
          title={role === "customer" ? t("escalate") : t("escalateStaff")}
          submit={role === "customer" ? t("escalate") : t("escalateStaff")}
          state={escalate}
          doneText={t("done")}
          onSubmit={(f) => escalate.mutate({ ticketId: id, reason: String(f.get("reason") ?? "") })}
        >
          <TextArea label={t("escalateReason")} name="reason" />
        </ActionForm>
      ) : null}
    </>
  );
}

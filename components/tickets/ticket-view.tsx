"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useNow, useTimeZone, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { isOpenStatus, type Role } from "@/db/schema/enums";
import type { AppRouter } from "@/server/api/root";
import { Countdown } from "./countdown";
import { SlaBadge } from "./sla-badge";

type Detail = inferRouterOutputs<AppRouter>["tickets"]["get"];
type MetricRow = Detail["metrics"][number];
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
const EXCLUSION_REASONS = ["integration_not_per_docs", "third_party", "force_majeure", "sdk_out_of_support"] as const;

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id={id} className="border-b border-slate-100 px-5 py-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

function useDate() {
  const format = useFormatter();
  return (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
}

function WhyDue({ m }: { m: MetricRow }) {
  const t = useTranslations("tickets.detail");
  const tt = useTranslations();
  const date = useDate();
  const format = useFormatter();
  const e = m.explanation;
  const target = e.target.minutes % 60 === 0 ? `${e.target.minutes / 60} h` : `${e.target.minutes} min`;
  const basis =
    e.basis.kind === "created"
      ? t("whyBasisCreated", { at: date(e.countedFrom) })
      : e.basis.kind === "raised"
        ? t("whyBasisRaised", {
            at: date(e.basis.at),
            fromCreated: date(e.dueFromCreated),
            fromRaise: date(e.dueFromRaise ?? e.dueFromCreated),
          })
        : e.basis.kind === "disputeUpheld"
          ? t("whyBasisDispute", { at: date(e.basis.at) })
          : t("whyBasisLowered", { at: date(e.basis.at) });
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{t("why")}</summary>
      <div className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3 text-slate-700">
        <p>
          {t("whyTarget", {
            target,
            priority: tt(`priority.${e.priority}`),
            calendar: e.target.alwaysOpen ? t("whyAlways") : t("whyCalendar", { zone: e.target.timeZone }),
          })}
        </p>
        <p>{basis}</p>
        {e.priorityChanges.length > 0 ? (
          <div>
            <h4 className="font-medium">{t("whyChanges")}</h4>
            <ul className="list-inside list-disc">
              {e.priorityChanges.map((c, i) => (
                <li key={i}>
                  {t("whyChangeRow", { at: date(c.at), from: c.from, to: c.to })}
                  {c.disputeUpheld ? ` (${t("eventDisputeUpheld")})` : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div>
          <h4 className="font-medium">{t("whyIntervals")}</h4>
          <ul className="list-inside list-disc">
            {e.countedIntervals.slice(0, 12).map((iv, i) => (
              <li key={i}>
                {t("whyIntervalRow", {
                  start: date(iv.start),
                  end: format.dateTime(iv.end, { timeStyle: "short" }),
                  minutes: Math.round(iv.minutes),
                })}
              </li>
            ))}
          </ul>
          {e.countedIntervals.length > 12 || e.countedIntervalsTruncated ? (
            <p className="text-xs text-slate-500">{t("whyTruncated")}</p>
          ) : null}
        </div>
        {e.closedDays.length > 0 ? (
          <div>
            <h4 className="font-medium">{t("whyClosed")}</h4>
            <p>
              {e.closedDays
                .map((d) =>
                  d.reason === "holiday" ? t("whyHoliday", { date: d.date }) : t("whyClosedDay", { date: d.date }),
                )
                .join(", ")}
            </p>
          </div>
        ) : null}
        {e.pausable ? (
          e.pauses.length > 0 ? (
            <div>
              <h4 className="font-medium">{t("whyPauses")}</h4>
              <ul className="list-inside list-disc">
                {e.pauses.map((p, i) => (
                  <li key={i}>
                    {t("whyPauseRow", { start: date(p.start), end: p.end ? date(p.end) : t("whyStillPaused") })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null
        ) : (
          <p className="text-xs text-slate-500">{t("whyNoPause")}</p>
        )}
      </div>
    </details>
  );
}

/** One ticket action's mutation with its feedback. */
type ActionState<I> = { mutate: (input: I) => void; pending: boolean; error: string | null; done: boolean };

function ActionForm({
  title,
  submit,
  children,
  onSubmit,
  state,
  doneText,
}: {
  title: string;
  submit: string;
  children: ReactNode;
  onSubmit: (form: FormData) => void;
  state: { pending: boolean; error: string | null; done: boolean };
  doneText: string;
}) {
  const { pending, error } = state;
  const done = state.done ? doneText : null;
  const t = useTranslations("tickets.actions");
  const hydrated = useHydrated();
  return (
    <form
      className="space-y-2 border-t border-slate-100 pt-4 first:border-0 first:pt-0"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(new FormData(e.currentTarget));
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
      {error ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!hydrated || pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("sending") : submit}
      </button>
    </form>
  );
}

const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** A labelled, required multi-line field of an action form. */
function TextArea({
  label,
  name,
  rows = 2,
  required = true,
}: {
  label: string;
  name: string;
  rows?: number;
  required?: boolean;
}) {
  return (
    <label className="block text-sm">
      {label}
      <textarea name={name} rows={rows} required={required} className={field} />
    </label>
  );
}

/** A ticket action: its mutation, pending state and feedback in one value. */
function actionOf<I>(
  feedback: ReturnType<typeof useFeedback>,
  mutation: { mutate: (input: I) => void; isPending: boolean },
): ActionState<I> {
  return { mutate: mutation.mutate, pending: mutation.isPending, error: feedback.error, done: feedback.done };
}

/** Feedback for a ticket action: refreshes the ticket on success, turns errors into a sentence in the user's language. */
function useFeedback(id: number) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tt = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const callbacks = {
    onMutate: () => {
      setError(null);
      setDone(false);
    },
    onSuccess: async () => {
      setDone(true);
      await qc.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id }) });
    },
    onError: (err: {
      message: string;
      data?: { messageKey?: string | null; fieldErrors?: Record<string, string[] | undefined> | null } | null;
    }) => {
      const key = err.data?.messageKey;
      const fields = err.data?.fieldErrors ? Object.values(err.data.fieldErrors).flat().join(" ") : null;
      setError(key && tt.has(key) ? tt(key) : fields || err.message || tt("common.errorBody"));
    },
  };
  return { error, done, callbacks };
}

/** Assign to oneself, to another agent, expert or manager (searched by name or email), or unassign. */
function AssignForm({
  data,
  viewerId,
  pending,
  error,
  done,
  onAssign,
}: {
  data: Detail;
  viewerId: number;
  pending: boolean;
  error: string | null;
  done: boolean;
  onAssign: (assigneeId: number | null) => void;
}) {
  const t = useTranslations("tickets.actions");
  const tr = useTranslations("roles");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [query, setQuery] = useState("");
  const [choice, setChoice] = useState("");
  const people = useQuery(trpc.tickets.assignees.queryOptions({ query: query.trim(), limit: 50 }));
  const current = data.ticket.assigneeId;
  const options = (people.data ?? []).filter((p) => p.id !== current);
  return (
    <form
      className="space-y-2 border-t border-slate-100 pt-4 first:border-0 first:pt-0"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice === "none") onAssign(null);
        else if (choice) onAssign(Number(choice));
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{t("assign")}</h3>
      <p className="text-sm text-slate-600">
        {data.ticket.assignee ? t("assignedTo", { name: data.ticket.assignee }) : t("notAssigned")}
      </p>
      <label className="block text-sm">
        {t("assigneeSearch")}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={field} />
      </label>
      <label className="block text-sm">
        {t("assignee")}
        <select value={choice} onChange={(e) => setChoice(e.target.value)} className={field} required>
          <option value="" disabled>
            {people.isLoading ? t("loadingPeople") : options.length === 0 ? t("noPeople") : t("choosePerson")}
          </option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {tr(p.role)} · {p.email}
            </option>
          ))}
          {current !== null ? <option value="none">{t("unassign")}</option> : null}
        </select>
      </label>
      {error ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          {t("done")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={!hydrated || pending || !choice}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? t("sending") : t("assignSubmit")}
        </button>
        {current !== viewerId ? (
          <button
            type="button"
            disabled={!hydrated || pending}
            onClick={() => onAssign(viewerId)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {t("assignMe")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Actions({ data, role, viewerId }: { data: Detail; role: Role; viewerId: number }) {
  const now = useNow();
  const t = useTranslations("tickets.actions");
  const tt = useTranslations("tickets");
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fDispute = useFeedback(id);
  const fChange = useFeedback(id);
  const fExclude = useFeedback(id);
  const fDecide = useFeedback(id);
  const fWait = useFeedback(id);
  const fWork = useFeedback(id);
  const fResolve = useFeedback(id);
  const fAssign = useFeedback(id);
  const fEscalate = useFeedback(id);
  const fReopen = useFeedback(id);
  const fRate = useFeedback(id);
  const fComplain = useFeedback(id);
  const fAnswer = useFeedback(id);
  const fWatch = useFeedback(id);
  const dispute = actionOf(fDispute, useMutation(trpc.tickets.openDispute.mutationOptions(fDispute.callbacks)));
  const change = actionOf(fChange, useMutation(trpc.tickets.changePriority.mutationOptions(fChange.callbacks)));
  const exclude = actionOf(fExclude, useMutation(trpc.tickets.exclude.mutationOptions(fExclude.callbacks)));
  const decide = actionOf(fDecide, useMutation(trpc.tickets.decideDispute.mutationOptions(fDecide.callbacks)));
  const wait = actionOf(fWait, useMutation(trpc.tickets.setWaiting.mutationOptions(fWait.callbacks)));
  const work = actionOf(fWork, useMutation(trpc.tickets.workaround.mutationOptions(fWork.callbacks)));
  const resolve = actionOf(fResolve, useMutation(trpc.tickets.resolve.mutationOptions(fResolve.callbacks)));
  const assign = actionOf(fAssign, useMutation(trpc.tickets.assign.mutationOptions(fAssign.callbacks)));
  const escalate = actionOf(fEscalate, useMutation(trpc.tickets.escalate.mutationOptions(fEscalate.callbacks)));
  const reopen = actionOf(fReopen, useMutation(trpc.tickets.reopen.mutationOptions(fReopen.callbacks)));
  const rate = actionOf(fRate, useMutation(trpc.tickets.rate.mutationOptions(fRate.callbacks)));
  const complain = actionOf(fComplain, useMutation(trpc.tickets.complain.mutationOptions(fComplain.callbacks)));
  const answer = actionOf(fAnswer, useMutation(trpc.tickets.answerComplaint.mutationOptions(fAnswer.callbacks)));
  const watch = actionOf(fWatch, useMutation(trpc.tickets.addWatcher.mutationOptions(fWatch.callbacks)));
  const resolved = data.ticket.status === "resolved" || data.ticket.status === "closed";
  const isOpen = isOpenStatus(data.ticket.status);
  const openDisputes = data.disputes.filter((d) => d.status === "open");
  const forms: ReactNode[] = [];

  if (role === "customer" && isOpen && !openDisputes.some((d) => d.kind === "priority")) {
    forms.push(
      <ActionForm
        key="dp"
        title={t("disputePriority")}
        submit={t("submitDispute")}
        state={dispute}
        doneText={t("sent")}
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
          <select name="proposed" className={field} defaultValue={PRIORITIES.find((p) => p !== data.ticket.priority)}>
            {PRIORITIES.filter((p) => p !== data.ticket.priority).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <TextArea label={t("reason")} name="reason" />
      </ActionForm>,
    );
  }
  if (role === "customer" && data.ticket.exclusionReason && !openDisputes.some((d) => d.kind === "exclusion")) {
    forms.push(
      <ActionForm
        key="de"
        title={t("disputeExclusion")}
        submit={t("submitDispute")}
        state={dispute}
        doneText={t("sent")}
        onSubmit={(f) => dispute.mutate({ ticketId: id, kind: "exclusion", reason: String(f.get("reason") ?? "") })}
      >
        <TextArea label={t("reason")} name="reason" />
      </ActionForm>,
    );
  }
  if (role !== "customer" && isOpen) {
    forms.push(
      <ActionForm
        key="cp"
        title={t("changePriority")}
        submit={t("submitPriority")}
        state={change}
        doneText={t("saved")}
        onSubmit={(f) =>
          change.mutate({ ticketId: id, priority: f.get("priority") as "P0", reason: String(f.get("reason") ?? "") })
        }
      >
        <label className="block text-sm">
          {t("newPriority")}
          <select name="priority" className={field} defaultValue={data.ticket.priority}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <TextArea label={t("reason")} name="reason" />
      </ActionForm>,
    );
  }
  if (role === "manager" && !data.ticket.exclusionReason) {
    forms.push(
      <ActionForm
        key="ex"
        title={t("exclude")}
        submit={t("submitExclude")}
        state={exclude}
        doneText={t("saved")}
        onSubmit={(f) =>
          exclude.mutate({ ticketId: id, reason: f.get("reason") as "third_party", note: String(f.get("note") ?? "") })
        }
      >
        <label className="block text-sm">
          {t("exclusionReason")}
          <select name="reason" className={field}>
            {EXCLUSION_REASONS.map((r) => (
              <option key={r} value={r}>
                {tt(`exclusionReasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <TextArea label={t("note")} name="note" />
      </ActionForm>,
    );
  }
  if (role === "manager") {
    for (const d of openDisputes) {
      forms.push(
        <ActionForm
          key={`d${d.id}`}
          title={`${t("decide")}: ${tt(`detail.disputeKind.${d.kind}`)}`}
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
        </ActionForm>,
      );
    }
  }
  if (role !== "customer" && isOpen) {
    forms.push(
      <ActionForm
        key="wait"
        title={t("waiting")}
        submit={data.ticket.status === "pending_customer" ? t("resume") : t("setWaiting")}
        state={wait}
        doneText={t("done")}
        onSubmit={() => wait.mutate({ ticketId: id, waiting: data.ticket.status !== "pending_customer" })}
      >
        <p className="text-sm text-slate-600">{t("waitingHelp")}</p>
      </ActionForm>,
      <AssignForm
        key={`assign-${data.ticket.assigneeId ?? "none"}`}
        data={data}
        viewerId={viewerId}
        pending={assign.pending}
        error={assign.error}
        done={assign.done}
        onAssign={(assigneeId) => assign.mutate({ ticketId: id, assigneeId })}
      />,
      <ActionForm
        key="work"
        title={t("workaround")}
        submit={t("workaround")}
        state={work}
        doneText={t("done")}
        onSubmit={(f) => work.mutate({ ticketId: id, body: String(f.get("body") ?? "") })}
      >
        <TextArea label={t("workaroundLabel")} name="body" rows={3} />
      </ActionForm>,
      <ActionForm
        key="resolve"
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
            {(["fix", "answer", "not_a_defect"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <TextArea label={t("resolutionLabel")} name="body" rows={3} />
      </ActionForm>,
    );
  }
  if (isOpen && data.ticket.escalationLevel !== "L3") {
    forms.push(
      <ActionForm
        key="esc"
        title={role === "customer" ? t("escalate") : t("escalateStaff")}
        submit={role === "customer" ? t("escalate") : t("escalateStaff")}
        state={escalate}
        doneText={t("done")}
        onSubmit={(f) => escalate.mutate({ ticketId: id, reason: String(f.get("reason") ?? "") })}
      >
        <TextArea label={t("escalateReason")} name="reason" />
      </ActionForm>,
    );
  }
  if (
    role === "customer" &&
    resolved &&
    data.ticket.resolvedAt &&
    now.getTime() - data.ticket.resolvedAt.getTime() <= 14 * 86_400_000
  ) {
    forms.push(
      <ActionForm
        key="reopen"
        title={t("reopen")}
        submit={t("reopen")}
        state={reopen}
        doneText={t("done")}
        onSubmit={(f) => reopen.mutate({ ticketId: id, reason: String(f.get("reason") ?? "") })}
      >
        <TextArea label={t("reopenLabel")} name="reason" />
      </ActionForm>,
    );
  }
  if (role === "customer" && resolved && !data.rating) {
    forms.push(
      <ActionForm
        key="rate"
        title={t("rate")}
        submit={t("submitRating")}
        state={rate}
        doneText={t("done")}
        onSubmit={(f) =>
          rate.mutate({ ticketId: id, score: Number(f.get("score")), comment: String(f.get("comment") ?? "") || null })
        }
      >
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="mb-1 text-sm">{t("score")}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1">
              <input
                type="radio"
                name="score"
                value={n}
                required
                defaultChecked={n === 5}
                aria-label={t("scoreLabel", { n })}
              />{" "}
              {n}
            </label>
          ))}
        </fieldset>
        <TextArea label={t("ratingComment")} name="comment" required={false} />
      </ActionForm>,
    );
  }
  const activeComplaints = data.complaints.filter((c) => c.status !== "resolved");
  if (activeComplaints.length === 0) {
    forms.push(
      <ActionForm
        key="complain"
        title={role === "customer" ? t("complain") : t("complainStaff")}
        submit={t("submitComplaint")}
        state={complain}
        doneText={t("complaintSent")}
        onSubmit={(f) => complain.mutate({ ticketId: id, reason: String(f.get("reason") ?? "") })}
      >
        <p className="text-sm text-slate-600">{t("complainHelp")}</p>
        <TextArea label={t("complaintReason")} name="reason" rows={3} />
      </ActionForm>,
    );
  }
  if (role === "manager") {
    for (const c of activeComplaints) {
      forms.push(
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
        </ActionForm>,
      );
    }
  }
  if (isOpen) {
    forms.push(
      <ActionForm
        key="watch"
        title={t("watchers")}
        submit={t("addWatcher")}
        state={watch}
        doneText={t("done")}
        onSubmit={(f) => watch.mutate({ ticketId: id, email: String(f.get("email") ?? "") })}
      >
        {data.watchers.length > 0 ? (
          <ul className="text-sm text-slate-700" aria-label={t("watchers")}>
            {data.watchers.map((w) => (
              <li key={w.id}>
                {w.name} · {w.email}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("noWatchers")}</p>
        )}
        <label className="block text-sm">
          {t("watcherEmail")}
          <input name="email" type="email" required className={field} />
        </label>
      </ActionForm>,
    );
  }
  if (forms.length === 0 && !data.rating) return null;
  return (
    <Section id="actions" title={t("title")}>
      {data.rating ? <p className="mb-3 text-sm text-slate-700">{t("rated", { score: data.rating.score })}</p> : null}
      <div className="space-y-4">{forms}</div>
    </Section>
  );
}

/** The reply box: a public reply, or for staff an internal note. */
function Composer({ id, role, open }: { id: number; role: Role; open: boolean }) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const fb = useFeedback(id);
  const [body, setBody] = useState("");
  const reply = useMutation(
    trpc.tickets.reply.mutationOptions({
      ...fb.callbacks,
      onSuccess: async () => {
        setBody("");
        await fb.callbacks.onSuccess();
      },
    }),
  );
  const staff = role !== "customer";
  if (!open && !staff) return null;
  return (
    <form
      className="mt-4 space-y-2 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        const internal = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "internal";
        reply.mutate({ ticketId: id, body, internal });
      }}
    >
      <label htmlFor="reply-body" className="block text-sm font-medium text-slate-700">
        {t("replyLabel")}
      </label>
      <textarea id="reply-body" value={body} onChange={(e) => setBody(e.target.value)} rows={4} className={field} />
      {fb.error ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-700">
          {fb.error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {open ? (
          <button
            type="submit"
            value="public"
            disabled={!hydrated || reply.isPending}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("sendReply")}
          </button>
        ) : null}
        {staff ? (
          <button
            type="submit"
            value="internal"
            disabled={!hydrated || reply.isPending}
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm font-semibold text-amber-900 hover:bg-amber-100 disabled:opacity-60"
          >
            {t("addNote")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function TicketView({
  id,
  role,
  viewerId,
  serverNow,
}: {
  id: number;
  role: Role;
  viewerId: number;
  serverNow: Date;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.tickets.get.queryOptions({ id }));
  const t = useTranslations("tickets");
  const tt = useTranslations();
  const date = useDate();
  const zone = useTimeZone() ?? "UTC";
  const now = useNow();
  const tk = data.ticket;
  const statusLabel = (m: MetricRow) =>
    m.atRisk
      ? t("detail.statusAtRisk")
      : t(`detail.status${m.status[0]!.toUpperCase()}${m.status.slice(1)}` as "detail.statusMet");

  return (
    <div className="space-y-6">
      <div>
        <Link href="/tickets" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("detail.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            <span className="text-slate-400">#{tk.id}</span> {tk.subject}
          </h1>
        </div>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          <Badge tone={PRIORITY_TONE[tk.priority]}>{tt(`priority.${tk.priority}`)}</Badge>
          <Badge>{t(`statuses.${tk.status}`)}</Badge>
          <Badge tone="brand">{t(`productAreas.${tk.productArea}`)}</Badge>
          <Badge>{t(`categories.${tk.category}`)}</Badge>
          <Badge>{tk.escalationLevel}</Badge>
        </div>
      </div>
      {tk.outsideSla ? (
        <p className="rounded-lg border border-slate-200 bg-slate-100 px-4 py-2 text-sm">{t("detail.outsideSla")}</p>
      ) : null}
      {tk.exclusionReason ? (
        <div role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <p className="font-medium">
            {t("detail.excludedBanner", { reason: t(`exclusionReasons.${tk.exclusionReason}`) })}
          </p>
          {tk.exclusionNote ? <p>{tk.exclusionNote}</p> : null}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section id="sla" title={t("detail.slaTitle")}>
            <p className="mb-3 text-xs text-slate-500">{t("detail.slaCaption", { zone })}</p>
            {data.metrics.length === 0 ? (
              <p className="text-sm text-slate-600">{tt("common.none")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {data.metrics.map((m) => (
                  <li key={m.metric} className="py-3" data-metric={m.metric}>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-medium text-slate-900">{tt(`metric.${m.metric}`)}</span>
                      <SlaBadge status={m.status} atRisk={m.atRisk} label={statusLabel(m)} />
                    </div>
                    <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
                      <div>
                        <dt className="inline text-slate-500">{t("detail.due")}: </dt>
                        <dd className="inline">{date(m.dueAt)}</dd>
                      </div>
                      {m.achievedAt ? (
                        <div>
                          <dt className="inline text-slate-500">{t("detail.achieved")}: </dt>
                          <dd className="inline">{date(m.achievedAt)}</dd>
                        </div>
                      ) : m.status === "running" || m.status === "breached" ? (
                        <div>
                          <Countdown dueAt={m.dueAt} serverNow={serverNow ?? now} />
                        </div>
                      ) : null}
                    </dl>
                    <WhyDue m={m} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section id="conversation" title={t("detail.conversation")}>
            <article className="rounded-lg bg-slate-50 p-3 text-sm">
              <p className="mb-1 text-xs text-slate-500">
                {tk.requester} · {date(tk.createdAt)}
              </p>
              <div className="kb-prose break-words" dangerouslySetInnerHTML={{ __html: tk.descriptionHtml }} />
            </article>
            {data.conversation.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">{t("detail.noComments")}</p>
            ) : null}
            <ol className="mt-3 space-y-3">
              {data.conversation.map((c) => (
                <li
                  key={c.id}
                  className={`rounded-lg p-3 text-sm ${c.internal ? "border border-amber-200 bg-amber-50" : c.staff ? "bg-brand-50" : "bg-slate-50"}`}
                >
                  <p className="mb-1 text-xs text-slate-500">
                    {c.author} · {date(c.createdAt)}{" "}
                    {c.internal ? <Badge tone="amber">{t("detail.internalNote")}</Badge> : null}
                  </p>
                  <div className="kb-prose break-words" dangerouslySetInnerHTML={{ __html: c.html }} />
                </li>
              ))}
            </ol>
            <Composer id={tk.id} role={role} open={isOpenStatus(tk.status)} />
          </Section>
        </div>
        <div className="min-w-0 space-y-6">
          <Section id="facts" title={tk.organization}>
            <dl className="space-y-2 text-sm">
              {[
                [t("detail.requester"), tk.requester],
                [t("detail.assignee"), tk.assignee ?? t("detail.unassigned")],
                [t("detail.level"), tk.escalationLevel],
                [t("detail.channel"), t(`channels.${tk.channel}`)],
                [t("detail.sdk"), [tk.sdkPlatform, tk.sdkVersion].filter(Boolean).join(" ") || "—"],
                [t("detail.filed"), date(tk.createdAt)],
              ].map(([k, v]) => (
                <div key={k} className="flex justify-between gap-3">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="text-right font-medium text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <Actions data={data} role={role} viewerId={viewerId} />
          {data.complaints.length > 0 ? (
            <Section id="complaints" title={t("detail.complaints")}>
              <ul className="space-y-4 text-sm">
                {data.complaints.map((c) => (
                  <li key={c.id}>
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      <Badge tone={c.status === "open" ? "amber" : c.status === "acknowledged" ? "brand" : "green"}>
                        {t(`detail.complaintStatus.${c.status}`)}
                      </Badge>
                      <span className="text-xs font-normal text-slate-500">
                        {date(c.raisedAt)}
                        {c.raisedBy
                          ? ` · ${c.onBehalf ? t("detail.complaintOnBehalf", { name: c.raisedBy }) : t("detail.by", { name: c.raisedBy })}`
                          : ""}
                      </span>
                    </p>
                    <p className="mt-1 text-slate-700">{c.reason}</p>
                    {c.answers.map((a, i) => (
                      <div key={i} className="mt-2 rounded-lg bg-slate-50 p-2">
                        <p className="text-xs text-slate-500">
                          {t(`detail.complaintAnswer.${a.outcome}`)} · {date(a.at)}
                          {a.by ? ` · ${t("detail.by", { name: a.by })}` : ""}
                        </p>
                        <p className="text-slate-800">{a.response}</p>
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {data.disputes.length > 0 ? (
            <Section id="disputes" title={t("detail.disputes")}>
              <ul className="space-y-3 text-sm">
                {data.disputes.map((d) => (
                  <li key={d.id}>
                    <p className="font-medium">
                      {t(`detail.disputeKind.${d.kind}`)}
                      {d.proposedPriority ? ` · ${t("detail.proposed", { priority: d.proposedPriority })}` : ""} ·{" "}
                      <Badge tone={d.status === "open" ? "amber" : d.status === "upheld" ? "green" : "neutral"}>
                        {t(`detail.disputeStatus.${d.status}`)}
                      </Badge>
                    </p>
                    <p className="text-slate-700">{d.reason}</p>
                    {d.decisionNote ? (
                      <p className="text-slate-500">{t("detail.decisionNote", { note: d.decisionNote })}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section id="timeline" title={t("detail.timeline")}>
            <ol className="space-y-2 text-sm">
              {data.timeline.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                  <p className="font-medium text-slate-900">
                    {e.complaintPhase && e.complaintPhase !== "raised"
                      ? t(`detail.complaintAnswer.${e.complaintPhase}`)
                      : t(`detail.events.${e.type}`)}
                    {e.type === "priorityChanged" && e.from && e.priority
                      ? ` ${t("detail.eventPriority", { from: e.from, to: e.priority })}`
                      : ""}
                    {e.disputeUpheld ? ` (${t("detail.eventDisputeUpheld")})` : ""}
                  </p>
                  <p className="text-xs text-slate-500">
                    {date(e.at)}
                    {e.actor ? ` · ${t("detail.by", { name: e.actor })}` : ""}
                  </p>
                </li>
              ))}
            </ol>
          </Section>
        </div>
      </div>
    </div>
  );
}

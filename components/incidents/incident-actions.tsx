"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { refusalText, inputClass } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ACTION_STATUSES } from "@/db/schema/enums";

const primary =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50";
type ActionStatus = (typeof ACTION_STATUSES)[number];
type TrpcLikeError = {
  message: string;
  data?: {
    messageKey?: string | null;
    fieldKeys?: Record<string, { key: string; values?: Record<string, string | number> }[] | undefined> | null;
  } | null;
};

/** Shared outcome handling: the server's sentence on failure, a refresh of the page on success. */
function useOutcome() {
  const tt = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  return {
    error,
    done,
    callbacks: {
      onMutate: () => {
        setError(null);
        setDone(false);
      },
      onSuccess: () => {
        setDone(true);
        router.refresh();
      },
      onError: (err: TrpcLikeError) => {
        setError(refusalText(tt, err, err.message || tt("common.errorBody")));
      },
    },
  };
}

function Outcome({ error, done, doneText }: { error: string | null; done: boolean; doneText: string }) {
  if (error)
    return (
      <p role="alert" className="mt-2 text-sm text-red-700">
        {error}
      </p>
    );
  if (done)
    return (
      <p role="status" className="mt-2 text-sm text-emerald-700">
        {doneText}
      </p>
    );
  return null;
}

/**
 * A customer-facing update, or the update that ends an ongoing incident now. It sits above the
 * updates, which run newest first, so a posted update appears just below where it was written.
 */
export function UpdateForm({ incidentId, ongoing }: { incidentId: number; ongoing: boolean }) {
  const t = useTranslations("incidents.detail");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [body, setBody] = useState("");
  const o = useOutcome();
  const add = useMutation(
    trpc.incidents.addUpdate.mutationOptions({
      ...o.callbacks,
      onSuccess: () => (setBody(""), o.callbacks.onSuccess()),
    }),
  );
  const end = useMutation(
    trpc.incidents.end.mutationOptions({ ...o.callbacks, onSuccess: () => (setBody(""), o.callbacks.onSuccess()) }),
  );
  const busy = add.isPending || end.isPending;
  return (
    <form
      className="mb-4 border-b border-slate-100 pb-4"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ incidentId, body });
      }}
    >
      <label htmlFor="update-body" className="block text-sm font-medium text-slate-700">
        {t("newUpdate")}
      </label>
      <textarea
        id="update-body"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        className={inputClass}
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="submit" disabled={!hydrated || busy} className={primary}>
          {t("postUpdate")}
        </button>
        {ongoing ? (
          <button
            type="button"
            disabled={!hydrated || busy}
            className={secondary}
            onClick={() => end.mutate({ incidentId, body: body.trim() || t("resolvedDefault") })}
          >
            {t("endNow")}
          </button>
        ) : null}
      </div>
      <Outcome error={o.error} done={o.done} doneText={t("saved")} />
    </form>
  );
}

/** The post-incident review's root cause and timeline. */
export function ReviewForm({
  incidentId,
  rootCause,
  reviewTimeline,
}: {
  incidentId: number;
  rootCause: string | null;
  reviewTimeline: string | null;
}) {
  const t = useTranslations("incidents.detail");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const o = useOutcome();
  const save = useMutation(trpc.incidents.saveReview.mutationOptions(o.callbacks));
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        save.mutate({
          incidentId,
          rootCause: String(f.get("rootCause") ?? "") || null,
          reviewTimeline: String(f.get("reviewTimeline") ?? "") || null,
        });
      }}
    >
      <div>
        <label htmlFor="rootCause" className="block text-sm font-medium text-slate-700">
          {t("rootCause")}
        </label>
        <textarea id="rootCause" name="rootCause" rows={3} defaultValue={rootCause ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="reviewTimeline" className="block text-sm font-medium text-slate-700">
          {t("timeline")}
        </label>
        <textarea
          id="reviewTimeline"
          name="reviewTimeline"
          rows={5}
          defaultValue={reviewTimeline ?? ""}
          className={`${inputClass} font-mono`}
        />
      </div>
      <button type="submit" disabled={!hydrated || save.isPending} className={primary}>
        {t("saveReview")}
      </button>
      <Outcome error={o.error} done={o.done} doneText={t("saved")} />
    </form>
  );
}

function StatusSelect({ id, name, defaultValue }: { id: string; name: string; defaultValue: ActionStatus }) {
  const t = useTranslations("incidents.actionStatus");
  return (
    <select id={id} name={name} defaultValue={defaultValue} className={inputClass}>
      {ACTION_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(s)}
        </option>
      ))}
    </select>
  );
}

/** Adds a prevention action with its owner, due date and status. */
export function AddActionForm({ incidentId }: { incidentId: number }) {
  const t = useTranslations("incidents.detail");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const o = useOutcome();
  const [key, setKey] = useState(0);
  const add = useMutation(
    trpc.incidents.addAction.mutationOptions({
      ...o.callbacks,
      onSuccess: () => (setKey((k) => k + 1), o.callbacks.onSuccess()),
    }),
  );
  return (
    <form
      key={key}
      className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        add.mutate({
          incidentId,
          title: String(f.get("title") ?? ""),
          owner: String(f.get("owner") ?? ""),
          dueDate: String(f.get("dueDate") ?? ""),
          status: String(f.get("status") ?? "open") as ActionStatus,
        });
      }}
    >
      <h4 className="text-sm font-semibold text-slate-900 sm:col-span-2">{t("addActionTitle")}</h4>
      <div className="sm:col-span-2">
        <label htmlFor="action-title" className="block text-sm font-medium text-slate-700">
          {t("actionTitle")}
        </label>
        <input id="action-title" name="title" maxLength={300} className={inputClass} />
      </div>
      <div>
        <label htmlFor="action-owner" className="block text-sm font-medium text-slate-700">
          {t("owner")}
        </label>
        <input id="action-owner" name="owner" maxLength={120} className={inputClass} />
      </div>
      <div>
        <label htmlFor="action-due" className="block text-sm font-medium text-slate-700">
          {t("dueDate")}
        </label>
        <input id="action-due" name="dueDate" type="date" className={inputClass} />
      </div>
      <div>
        <label htmlFor="action-status" className="block text-sm font-medium text-slate-700">
          {t("status")}
        </label>
        <StatusSelect id="action-status" name="status" defaultValue="open" />
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={!hydrated || add.isPending} className={primary}>
          {t("addAction")}
        </button>
      </div>
      <div className="sm:col-span-2">
        <Outcome error={o.error} done={o.done} doneText={t("saved")} />
      </div>
    </form>
  );
}

/** Edits one prevention action in place (status, owner, due date). */
export function ActionEditor({
  action,
}: {
  action: { id: number; title: string; owner: string; dueDate: string; status: ActionStatus };
}) {
  const t = useTranslations("incidents.detail");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const o = useOutcome();
  const save = useMutation(trpc.incidents.updateAction.mutationOptions(o.callbacks));
  return (
    <form
      aria-label={action.title}
      className="grid gap-2 sm:grid-cols-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        save.mutate({
          actionId: action.id,
          owner: String(f.get("owner") ?? ""),
          dueDate: String(f.get("dueDate") ?? ""),
          status: String(f.get("status") ?? "open") as ActionStatus,
        });
      }}
    >
      <label className="text-xs text-slate-600">
        {t("owner")}
        <input name="owner" defaultValue={action.owner} maxLength={120} className={inputClass} />
      </label>
      <label className="text-xs text-slate-600">
        {t("dueDate")}
        <input name="dueDate" type="date" defaultValue={action.dueDate} className={inputClass} />
      </label>
      <label className="text-xs text-slate-600">
        {t("status")}
        <StatusSelect id={`action-${action.id}-status`} name="status" defaultValue={action.status} />
      </label>
      <div className="flex items-end">
        <button type="submit" disabled={!hydrated || save.isPending} className={secondary}>
          {t("saveAction")}
        </button>
      </div>
      <div className="sm:col-span-4">
        <Outcome error={o.error} done={o.done} doneText={t("saved")} />
      </div>
    </form>
  );
}

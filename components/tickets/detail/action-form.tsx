"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorSummary, field, refusalText } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";

/** One ticket action's mutation with its feedback. */
export type ActionState<I> = {
  mutate: (input: I) => void;
  pending: boolean;
  error: string | null;
  done: boolean;
  /** Whether this is the page's latest action: only its form says anything. */
  current: boolean;
  /** Marks this action the latest (a submit, even one the form refuses before sending). */
  start: () => void;
  /** Forgets the action's refusal (the user is changing what was refused). */
  dismiss: () => void;
};

/** A ticket action: its mutation, pending state and feedback in one value. */
export function actionOf<I>(
  feedback: ReturnType<typeof useFeedback>,
  mutation: { mutate: (input: I) => void; isPending: boolean },
): ActionState<I> {
  return {
    mutate: mutation.mutate,
    pending: mutation.isPending,
    error: feedback.error,
    done: feedback.done,
    current: feedback.current,
    start: feedback.start,
    dismiss: feedback.dismiss,
  };
}

/**
 * The ticket page's latest action, by its feedback's id: only that action's form shows its "Done."
 * or its refusal, so an escalation's old "Done." never sits beside a new complaint's refusal.
 */
let latestAction: string | null = null;
const latestListeners = new Set<() => void>();
function startAction(token: string) {
  if (latestAction === token) return;
  latestAction = token;
  for (const listener of latestListeners) listener();
}
function onLatestAction(listener: () => void) {
  latestListeners.add(listener);
  return () => void latestListeners.delete(listener);
}

/**
 * Feedback for a ticket action: refreshes the ticket on success, turns errors into a sentence in the
 * user's language. It says something only while its action is the page's latest: starting another
 * action anywhere on the page clears it.
 */
export function useFeedback(id: number) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tt = useTranslations();
  const token = useId();
  const current = useSyncExternalStore(
    onLatestAction,
    () => latestAction === token,
    () => false,
  );
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const start = () => startAction(token);
  const dismiss = () => setError(null);
  const callbacks = {
    onMutate: () => {
      start();
      setError(null);
      setDone(false);
    },
    onSuccess: async () => {
      setDone(true);
      await qc.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id }) });
    },
    onError: (err: {
      message: string;
      data?: {
        messageKey?: string | null;
        messageValues?: Record<string, string | number> | null;
        fieldKeys?: Record<string, { key: string; values?: Record<string, string | number> }[] | undefined> | null;
      } | null;
    }) => {
      setError(refusalText(tt, err, err.message || tt("common.errorBody")));
    },
  };
  return { error: current ? error : null, done: current && done, current, start, dismiss, callbacks };
}

/** One action of the actions card: a titled form with its error, its confirmation and its submit button. */
export function ActionForm({
  title,
  submit,
  children,
  onSubmit,
  validate,
  state,
  doneText,
}: {
  title: string;
  submit: string;
  children: ReactNode;
  onSubmit: (form: FormData) => void;
  /** What the user still has to choose, in their language; the form is not sent while it says something. */
  validate?: (form: FormData) => string | null;
  state: Pick<ActionState<never>, "pending" | "error" | "done" | "current" | "start" | "dismiss">;
  doneText: string;
}) {
  const [missingState, setMissing] = useState<string | null>(null);
  // What the form itself refused is stale too once another action starts.
  const missing = state.current ? missingState : null;
  // Each submit counts, so the error takes the focus again when the same sentence comes back.
  const [attempt, setAttempt] = useState(0);
  const { pending } = state;
  const error = missing ?? state.error;
  const done = state.done && !missing ? doneText : null;
  const t = useTranslations("tickets.actions");
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  // A sent form empties, so what was sent is not sent again by a second click (issue #22).
  useEffect(() => {
    if (state.done) form.current?.reset();
  }, [state.done]);
  return (
    <form
      ref={form}
      noValidate
      className="space-y-2 border-t border-slate-100 pt-4 first:border-0 first:pt-0"
      // Changing what was refused takes the refusal away; the next submit checks again.
      onChange={() => {
        if (!error) return;
        setMissing(null);
        state.dismiss();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        state.start();
        const form = new FormData(e.currentTarget);
        const problem = validate?.(form) ?? null;
        setMissing(problem);
        setAttempt((n) => n + 1);
        if (!problem) onSubmit(form);
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
      <ErrorSummary message={error} attempt={attempt} />
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

/** A labelled, required multi-line field of an action form. */
export function TextArea({
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

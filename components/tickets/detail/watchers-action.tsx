"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { field } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ActionForm, actionOf, useFeedback } from "./action-form";
import type { Detail } from "./types";

type Watcher = Detail["watchers"][number];

/** Who else follows the ticket, each with a remove button for whoever may take them off. */
function WatcherList({ ticketId, watchers }: { ticketId: number; watchers: Watcher[] }) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const feedback = useFeedback(ticketId);
  const remove = useMutation(trpc.tickets.removeWatcher.mutationOptions(feedback.callbacks));
  const [removed, setRemoved] = useState<Watcher | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  // The removed watcher's button is gone: the focus goes to the sentence saying so, not to the page's start.
  useEffect(() => {
    if (feedback.done) status.current?.focus();
  }, [feedback.done]);

  return (
    <div className="space-y-1">
      {watchers.length > 0 ? (
        <ul className="space-y-1 text-sm text-slate-700" aria-label={t("watchers")}>
          {watchers.map((w) => (
            <li key={w.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <span className="min-w-0 break-words">
                {w.name} · {w.email}
              </span>
              {w.removable ? (
                <button
                  type="button"
                  disabled={!hydrated || remove.isPending}
                  aria-label={w.self ? t("stopWatching") : t("removeWatcher", { name: w.name })}
                  onClick={() => {
                    const question = w.self ? t("stopWatchingConfirm") : t("removeWatcherConfirm", { name: w.name });
                    if (!window.confirm(question)) return;
                    setRemoved(w);
                    remove.mutate({ ticketId, userId: w.id });
                  }}
                  className="inline-flex min-h-6 items-center rounded px-2 text-xs font-medium text-red-700 hover:bg-red-50 hover:underline disabled:opacity-60"
                >
                  {w.self ? t("stopWatching") : t("remove")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noWatchers")}</p>
      )}
      {feedback.error ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-700">
          {feedback.error}
        </p>
      ) : null}
      {feedback.done && removed ? (
        <p ref={status} role="status" tabIndex={-1} className="text-sm text-emerald-700 focus:outline-none">
          {removed.self ? t("stoppedWatching") : t("watcherRemoved", { name: removed.name })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The ticket's watchers (CC): adding a colleague by email while the ticket is open, and taking one
 * off (oneself, or anyone as the requester, the customer administrator or support staff).
 */
export function WatchersAction({ data, canAdd }: { data: Detail; canAdd: boolean }) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fWatch = useFeedback(id);
  const watch = actionOf(fWatch, useMutation(trpc.tickets.addWatcher.mutationOptions(fWatch.callbacks)));
  const list = <WatcherList ticketId={id} watchers={data.watchers} />;
  if (!canAdd)
    return (
      <div className="space-y-2 border-t border-slate-100 pt-4 first:border-0 first:pt-0">
        <h3 className="text-sm font-semibold text-slate-900">{t("watchers")}</h3>
        {list}
      </div>
    );
  return (
    <ActionForm
      title={t("watchers")}
      submit={t("addWatcher")}
      state={watch}
      doneText={t("done")}
      onSubmit={(f) => watch.mutate({ ticketId: id, email: String(f.get("email") ?? "") })}
    >
      {list}
      <label className="block text-sm">
        {t("watcherEmail")}
        <input name="email" type="email" required className={field} />
      </label>
    </ActionForm>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { field } from "@/components/ui/form";
import { ActionForm, actionOf, useFeedback } from "./action-form";
import type { Detail } from "./types";

/** Who else follows the ticket, and adding someone by email. */
export function WatchersAction({ data }: { data: Detail }) {
  const t = useTranslations("tickets.actions");
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fWatch = useFeedback(id);
  const watch = actionOf(fWatch, useMutation(trpc.tickets.addWatcher.mutationOptions(fWatch.callbacks)));
  return (
    <ActionForm
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
    </ActionForm>
  );
}

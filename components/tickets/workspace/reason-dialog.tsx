"use client";

import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { field } from "@/components/ui/form";
import type { Workspace } from "./use-workspace";

/**
 * The focused dialog a save opens when a change needs its reason (a priority change, an
 * escalation): the reasons go on the timeline; Cancel or Escape returns to the page unsaved.
 */
export function ReasonDialog({ ws }: { ws: Workspace }) {
  const t = useTranslations("tickets.workspace");
  const { changes, current } = ws;
  return (
    <Dialog id="reason-dialog" open={ws.asking !== null} onClose={ws.cancelAsking} title={t("reasonTitle")}>
      <form
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          ws.confirmReasons({
            priority: String(f.get("priorityReason") ?? ws.reasons.priority),
            escalation: String(f.get("escalationReason") ?? ws.reasons.escalation),
          });
        }}
      >
        <p className="text-slate-600">{t("reasonHelp")}</p>
        {changes.priority ? (
          <label className="block">
            {t("priorityReason", { from: current.priority, to: changes.priority })}
            <textarea
              name="priorityReason"
              required
              minLength={3}
              maxLength={2000}
              rows={2}
              autoFocus
              defaultValue={ws.reasons.priority}
              className={field}
            />
          </label>
        ) : null}
        {changes.escalationLevel ? (
          <label className="block">
            {t("escalationReason", { level: changes.escalationLevel })}
            <textarea
              name="escalationReason"
              required
              minLength={3}
              maxLength={2000}
              rows={2}
              autoFocus={!changes.priority}
              defaultValue={ws.reasons.escalation}
              className={field}
            />
          </label>
        ) : null}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={ws.cancelAsking}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold text-slate-800 hover:bg-slate-50"
          >
            {t("cancel")}
          </button>
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
          >
            {t("confirmReason")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputBase, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { searchOfView, type QueueViewSettings } from "@/server/tickets/queue-views";

/**
 * Saves the queue as it is shown (filters, columns, order) as a view: a new personal one, a shared
 * one (managers), or over the view being shown when its owner (or a manager, for a shared view)
 * chooses to; and deletes the view being shown.
 */
export function SaveView({
  settings,
  current,
  canShare,
}: {
  settings: QueueViewSettings;
  current: { id: number; name: string; shared: boolean; mayEdit: boolean } | null;
  canShare: boolean;
}) {
  const t = useTranslations("queue.views");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [name, setName] = useState(current?.name ?? "");
  const [shared, setShared] = useState(current?.shared ?? false);
  const save = useMutation(
    trpc.tickets.saveView.mutationOptions({
      onSuccess: ({ id }) => router.push(`/queue${searchOfView(settings, { view: String(id) })}`),
    }),
  );
  const remove = useMutation(trpc.tickets.deleteView.mutationOptions({ onSuccess: () => router.push("/queue") }));
  const filters = Object.fromEntries(
    Object.entries(settings.filters).filter(([, v]) => v !== undefined),
  ) as QueueViewSettings["filters"];
  const submit = (id: number | null) =>
    save.mutate({ id, name, shared, columns: settings.columns, filters, sort: settings.sort });
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{t("save")}</summary>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit(null);
        }}
      >
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{t("name")}</span>
          <input
            className={`mt-1 w-48 ${inputBase}`}
            value={name}
            maxLength={80}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {canShare ? (
          <label className="flex items-center gap-2 py-2">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            {t("shared")}
          </label>
        ) : null}
        <Button type="submit" variant="primary" disabled={!hydrated || save.isPending}>
          {t("saveNew")}
        </Button>
        {current?.mayEdit ? (
          <>
            <Button disabled={!hydrated || save.isPending} onClick={() => submit(current.id)}>
              {t("update", { name: current.name })}
            </Button>
            <Button
              variant="danger"
              disabled={!hydrated || remove.isPending}
              onClick={() => remove.mutate({ id: current.id })}
            >
              {t("delete")}
            </Button>
          </>
        ) : null}
      </form>
      {save.error ? <FormAlert>{errorText(save.error)}</FormAlert> : null}
      {remove.error ? <FormAlert>{errorText(remove.error)}</FormAlert> : null}
    </details>
  );
}

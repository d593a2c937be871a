"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputClass, labelClass, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionItemInput } from "@/server/reviews/input";

/** Prints the review (the print stylesheet leaves only the review on the page). */
export function PrintButton() {
  const t = useTranslations("reviews");
  const hydrated = useHydrated();
  return (
    <Button disabled={!hydrated} onClick={() => window.print()}>
      {t("print")}
    </Button>
  );
}

/** Shares a draft with the customer. */
export function ShareButton({ id }: { id: number }) {
  const t = useTranslations("reviews");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const share = useMutation(trpc.reviews.share.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="primary"
        disabled={!hydrated || share.isPending}
        onClick={() => {
          if (window.confirm(t("shareConfirm"))) share.mutate({ id });
        }}
      >
        {t("share")}
      </Button>
      {share.error ? <FormAlert>{errorText(share.error)}</FormAlert> : null}
    </div>
  );
}

/** The customer acknowledges a shared review. */
export function AcknowledgeButton({ id }: { id: number }) {
  const t = useTranslations("reviews");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const ack = useMutation(trpc.reviews.acknowledge.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="primary" disabled={!hydrated || ack.isPending} onClick={() => ack.mutate({ id })}>
        {t("acknowledge")}
      </Button>
      {ack.error ? <FormAlert>{errorText(ack.error)}</FormAlert> : null}
    </div>
  );
}

/** The narrative, written by the account manager while the review is a draft. */
export function NarrativeEditor({ id, initial }: { id: number; initial: string }) {
  const t = useTranslations("reviews");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(
    trpc.reviews.updateNarrative.mutationOptions({
      onSuccess: () => {
        setSaved(t("narrativeSaved"));
        router.refresh();
      },
    }),
  );
  return (
    <form
      className="space-y-2 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        save.mutate({ id, narrative: text });
      }}
    >
      <label className={labelClass}>
        {t("narrative")}
        <textarea
          rows={6}
          maxLength={20000}
          className={`mt-1 ${inputClass}`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={!hydrated || save.isPending}>
          {t("saveNarrative")}
        </Button>
        <StatusNote message={saved} />
      </div>
      {save.error ? <FormAlert>{errorText(save.error)}</FormAlert> : null}
    </form>
  );
}

/** An action item as the form edits it: the review's save input without the review. */
type Item = Omit<ActionItemInput, "reviewId">;

/** Adds an action item, or edits one in place (title, owner side and name, due date, status). */
export function ActionItemForm({
  reviewId,
  item,
  onDone,
  canDelete,
}: {
  reviewId: number;
  item?: Item;
  onDone?: () => void;
  canDelete?: boolean;
}) {
  const t = useTranslations("reviews.items");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [v, setV] = useState<Item>(item ?? { title: "", side: "vendor", owner: "", dueDate: "", status: "open" });
  const save = useMutation(
    trpc.reviews.saveActionItem.mutationOptions({
      onSuccess: () => {
        if (!item) setV({ title: "", side: "vendor", owner: "", dueDate: "", status: "open" });
        onDone?.();
        router.refresh();
      },
    }),
  );
  const remove = useMutation(trpc.reviews.deleteActionItem.mutationOptions({ onSuccess: () => router.refresh() }));
  const prefix = item?.id ? `item-${item.id}` : "item-new";
  return (
    <form
      aria-label={item ? t("editTitle", { title: item.title }) : t("addTitle")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:grid-cols-6 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ reviewId, id: item?.id, ...v });
      }}
    >
      <label htmlFor={`${prefix}-title`} className={`${labelClass} sm:col-span-6`}>
        {t("title")}
        <input
          id={`${prefix}-title`}
          required
          minLength={3}
          maxLength={200}
          className={`mt-1 ${inputClass}`}
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.target.value })}
        />
      </label>
      <label className={`${labelClass} sm:col-span-2`}>
        {t("side")}
        <select
          className={`mt-1 ${inputClass}`}
          value={v.side}
          onChange={(e) => setV({ ...v, side: e.target.value as Item["side"] })}
        >
          <option value="vendor">{t("sides.vendor")}</option>
          <option value="customer">{t("sides.customer")}</option>
        </select>
      </label>
      <label className={`${labelClass} sm:col-span-2`}>
        {t("owner")}
        <input
          required
          minLength={2}
          maxLength={120}
          className={`mt-1 ${inputClass}`}
          value={v.owner}
          onChange={(e) => setV({ ...v, owner: e.target.value })}
        />
      </label>
      <label className={`${labelClass} sm:col-span-1`}>
        {t("due")}
        <input
          type="date"
          required
          className={`mt-1 ${inputClass}`}
          value={v.dueDate}
          onChange={(e) => setV({ ...v, dueDate: e.target.value })}
        />
      </label>
      <label className={`${labelClass} sm:col-span-1`}>
        {t("status")}
        <select
          className={`mt-1 ${inputClass}`}
          value={v.status}
          onChange={(e) => setV({ ...v, status: e.target.value as Item["status"] })}
        >
          <option value="open">{t("statuses.open")}</option>
          <option value="in_progress">{t("statuses.in_progress")}</option>
          <option value="done">{t("statuses.done")}</option>
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-6">
        <Button type="submit" variant="primary" disabled={!hydrated || save.isPending}>
          {item ? t("save") : t("add")}
        </Button>
        {item && onDone ? <Button onClick={onDone}>{t("cancel")}</Button> : null}
        {item?.id && canDelete ? (
          <Button
            variant="danger"
            disabled={!hydrated || remove.isPending}
            onClick={() => remove.mutate({ reviewId, id: item.id! })}
          >
            {t("delete")}
          </Button>
        ) : null}
      </div>
      {save.error || remove.error ? (
        <div className="sm:col-span-6">
          <FormAlert>{errorText((save.error ?? remove.error)!)}</FormAlert>
        </div>
      ) : null}
    </form>
  );
}

/** An action item row's edit toggle for the account team. */
export function EditItemToggle({
  reviewId,
  item,
  canDelete,
}: {
  reviewId: number;
  item: Item & { id: number };
  canDelete: boolean;
}) {
  const t = useTranslations("reviews.items");
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  return open ? (
    <div className="mt-2">
      <ActionItemForm reviewId={reviewId} item={item} onDone={() => setOpen(false)} canDelete={canDelete} />
    </div>
  ) : (
    <Button
      variant="link"
      disabled={!hydrated}
      onClick={() => setOpen(true)}
      aria-label={t("editTitle", { title: item.title })}
      className="print:hidden"
    >
      {t("edit")}
    </Button>
  );
}

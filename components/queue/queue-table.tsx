"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputBase, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { dateWriter, formatSpan } from "@/components/format";
import { CountdownWith } from "@/components/tickets/countdown";
import { useTRPC } from "@/components/trpc/client";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { QueueColumn } from "@/server/tickets/queue-views";
import type { QueueRow } from "./queue-row";
import { shownSubject } from "@/server/tickets/subject";
type Colleague = { id: number; name: string };

const th =
  "border-b border-slate-200 px-2 py-1.5 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";
/** The `queue-cell` utility (app/globals.css): sent once per cell, so one short class. */
const td = "queue-cell";

/**
 * One section of the queue (due, or breached): compact rows with the chosen columns, a checkbox per
 * row and the bulk actions (assign, status, internal note) on the selected rows.
 */
export function QueueTable({
  id,
  caption,
  items,
  columns,
  colleagues,
  me,
  serverNow,
}: {
  id: string;
  caption: string;
  /** The section's tickets narrowed to the columns (queueRow): each column's fields are there. */
  items: QueueRow[];
  columns: QueueColumn[];
  colleagues: Colleague[];
  me: number;
  serverNow: Date;
}) {
  const t = useTranslations("queue");
  const tt = useTranslations();
  const shortDate = dateWriter(useLocale(), useTimeZone(), { dateStyle: "short", timeStyle: "short" });
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [selected, setSelected] = useState<number[]>([]);
  const [action, setAction] = useState<"assign" | "status" | "note">("assign");
  const [assignee, setAssignee] = useState<string>(String(me));
  const [status, setStatus] = useState<"open" | "pending_customer">("pending_customer");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const bulk = useMutation(
    trpc.tickets.bulk.mutationOptions({
      onSuccess: (r) => {
        setDone(t("bulk.done", { n: r.changed }));
        setSelected([]);
        setNote("");
        router.refresh();
      },
    }),
  );
  const all = items.length > 0 && selected.length === items.length;
  const toggle = (ticketId: number) =>
    setSelected((s) => (s.includes(ticketId) ? s.filter((x) => x !== ticketId) : [...s, ticketId]));

  // The same few labels recur on every row (tier, region, status, metric): each is translated once per render.
  const labels = new Map<string, string>();
  const label = (key: string) => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = tt(key)));
    return text;
  };
  const cell = (c: QueueColumn, item: QueueRow) => {
    switch (c) {
      case "requester":
        return item.requester;
      case "organization":
        return (
          <span title={`${label(`tier.${item.tier!}`)} · ${label(`region.${item.region!}`)}`}>{item.organization}</span>
        );
      case "status":
        return label(`tickets.statuses.${item.status!}`);
      case "age":
        return formatSpan(tt, serverNow.getTime() - item.createdAt!.getTime());
      case "updated":
        return shortDate(item.updatedAt!);
      case "assignee":
        return item.assignee ?? <span className="text-slate-600">{label("queue.unassigned")}</span>;
      case "priority":
        return <Badge tone={PRIORITY_TONE[item.priority!]}>{item.priority}</Badge>;
      case "level":
        return item.escalationLevel;
      case "appId":
        return item.appId ?? <span className="text-slate-600">—</span>;
      case "due":
        return (
          <span
            className="flex items-center gap-2"
            title={
              item.nextMetric
                ? item.paused
                  ? t("pausedMetric", { metric: label(`metric.${item.nextMetric}`) })
                  : t("dueMetric", {
                      metric: label(`metric.${item.nextMetric}`),
                      time: shortDate(item.nextDueAt!),
                    })
                : undefined
            }
          >
            {item.breached ? (
              <Badge tone="red">{label("queue.breached")}</Badge>
            ) : item.atRisk ? (
              <Badge tone="amber">{label("queue.atRisk")}</Badge>
            ) : null}
            {item.paused ? (
              <Badge tone="neutral">{label("queue.paused")}</Badge>
            ) : (
              <CountdownWith tt={tt} dueAt={item.nextDueAt!} serverNow={serverNow} />
            )}
          </span>
        );
    }
  };

  return (
    <div>
      {selected.length > 0 ? (
        <form
          aria-label={t("bulk.title")}
          className="mb-2 flex flex-wrap items-end gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            bulk.mutate({
              ticketIds: selected,
              action:
                action === "assign"
                  ? { kind: "assign", assigneeId: assignee === "" ? null : Number(assignee) }
                  : action === "status"
                    ? { kind: "status", status }
                    : { kind: "note", body: note },
            });
          }}
        >
          <span className="py-2 text-sm font-medium text-slate-800">{t("bulk.selected", { n: selected.length })}</span>
          <label className="text-sm">
            <span className="sr-only">{t("bulk.action")}</span>
            <select
              aria-label={t("bulk.action")}
              className={inputBase}
              value={action}
              onChange={(e) => setAction(e.target.value as typeof action)}
            >
              <option value="assign">{t("bulk.assign")}</option>
              <option value="status">{t("bulk.status")}</option>
              <option value="note">{t("bulk.note")}</option>
            </select>
          </label>
          {action === "assign" ? (
            <select
              aria-label={t("bulk.assignTo")}
              className={inputBase}
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
            >
              <option value={String(me)}>{t("bulk.me")}</option>
              <option value="">{t("unassigned")}</option>
              {colleagues
                .filter((c) => c.id !== me)
                .map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                  </option>
                ))}
            </select>
          ) : action === "status" ? (
            <select
              aria-label={t("bulk.newStatus")}
              className={inputBase}
              value={status}
              onChange={(e) => setStatus(e.target.value as typeof status)}
            >
              <option value="pending_customer">{tt("tickets.statuses.pending_customer")}</option>
              <option value="open">{tt("tickets.statuses.open")}</option>
            </select>
          ) : (
            <textarea
              aria-label={t("bulk.noteText")}
              className={`${inputBase} min-w-64`}
              rows={1}
              maxLength={20_000}
              required
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
          <Button type="submit" variant="primary" disabled={!hydrated || bulk.isPending}>
            {t("bulk.apply")}
          </Button>
          <Button onClick={() => setSelected([])}>{t("bulk.clear")}</Button>
        </form>
      ) : null}
      {bulk.error ? <FormAlert>{errorText(bulk.error)}</FormAlert> : null}
      <StatusNote message={done} />
      <ScrollRegion label={caption} className="-mx-5 overflow-x-auto px-5">
        <table id={id} className="w-full min-w-[40rem] border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th className={`${th} w-8`}>
                <input
                  type="checkbox"
                  aria-label={t("bulk.selectAll")}
                  checked={all}
                  disabled={!hydrated}
                  onChange={() => setSelected(all ? [] : items.map((i) => i.id))}
                />
              </th>
              <th className={th}>{t("ticket")}</th>
              {columns.map((c) => (
                <th key={c} className={th}>
                  {t(`columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr
                key={item.id}
                className={item.breached ? "bg-red-50/60" : item.atRisk ? "bg-amber-50/60" : "hover:bg-slate-50"}
              >
                <td className={td}>
                  <input
                    type="checkbox"
                    aria-label={t("bulk.select", { id: item.id })}
                    checked={selected.includes(item.id)}
                    disabled={!hydrated}
                    onChange={() => toggle(item.id)}
                  />
                </td>
                <th scope="row" className={`${td} max-w-[22rem] truncate text-left font-medium text-slate-900`}>
                  <Link
                    href={`/tickets/${item.id}`}
                    className="text-brand-700 hover:underline"
                    title={shownSubject(item.subject, tt("tickets.placeholders.noSubject"))}
                  >
                    {`#${item.id} ${shownSubject(item.subject, tt("tickets.placeholders.noSubject"))}`}
                  </Link>
                </th>
                {columns.map((c) => (
                  <td key={c} className={td}>
                    {cell(c, item)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { isOpenStatus, PRODUCT_AREAS, RESOLUTION_KINDS, TICKET_CATEGORIES } from "@/db/schema/enums";
import { allowedPriorities, isOutsideSla } from "@/server/tickets/priorities";
import { escalationChoices, statusChoices, statusTakesPublicReply } from "@/server/tickets/workspace";
import { field } from "@/components/ui/form";
import { Section } from "../detail/section";
import type { ResolutionKind, Workspace } from "./use-workspace";

/**
 * The one properties panel: status, priority, assignee, escalation level, category and product
 * area, each showing the ticket's value until changed here (and marked changed), saved on their
 * own or with the reply. Only what the ticket may take is offered (the rules in
 * server/tickets/workspace.ts); a priority change or an escalation asks for its reason on saving.
 */
export function PropertiesPanel({ ws, viewerId }: { ws: Workspace; viewerId: number }) {
  const t = useTranslations("tickets.workspace");
  const tt = useTranslations();
  const ta = useTranslations("tickets.actions");
  const tr = useTranslations("roles");
  const tp = useTranslations("priority");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const people = useQuery(trpc.tickets.assignees.queryOptions({ query: "", limit: 100 }));
  const { current, values, setValues, changes } = ws;
  const staff = people.data ?? [];
  const open = isOpenStatus(current.status);
  const disabled = !open || ws.pending;
  const changed = (k: keyof typeof changes) =>
    k in changes ? <span className="ml-1 text-xs font-semibold text-amber-700">· {t("changed")}</span> : null;
  const set = <K extends keyof typeof values>(k: K, v: (typeof values)[K]) => setValues((old) => ({ ...old, [k]: v }));
  const count = Object.keys(changes).length;

  return (
    <Section id="properties" title={t("properties")}>
      <form
        className="grid grid-cols-2 gap-x-3 gap-y-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          ws.save(false);
        }}
      >
        <Choice
          label={t("status")}
          mark={changed("status")}
          value={values.status}
          disabled={disabled}
          onChange={(v) => set("status", v as typeof values.status)}
          options={statusChoices(current.status).map((s) => [s, tt(`tickets.statuses.${s}`)])}
        />
        {values.status === "resolved" && current.status !== "resolved" ? (
          <Choice
            label={t("resolution")}
            value={ws.resolutionKind}
            onChange={(v) => ws.setResolutionKind(v as ResolutionKind)}
            options={RESOLUTION_KINDS.map((k) => [k, ta(`kinds.${k}`)])}
          />
        ) : null}
        <Choice
          label={t("priority")}
          mark={changed("priority")}
          value={values.priority}
          disabled={disabled}
          onChange={(v) => set("priority", v as typeof values.priority)}
          options={allowedPriorities(values.category).map((p) => [p, tp(p)])}
        />
        <Choice
          wide
          label={t("assignee")}
          mark={changed("assigneeId")}
          value={String(values.assigneeId ?? "")}
          disabled={disabled}
          onChange={(v) => set("assigneeId", v ? Number(v) : null)}
          options={[
            ["", t("nobody")],
            // The current holder stays listed while the list loads or if they are not in it.
            ...(values.assigneeId && !staff.some((p) => p.id === values.assigneeId)
              ? [[String(values.assigneeId), ws.assigneeName ?? `#${values.assigneeId}`] as const]
              : []),
            ...staff.map(
              (p) =>
                [
                  String(p.id),
                  `${p.id === viewerId ? t("me", { name: p.name }) : p.name} · ${tr(p.role)} · ${p.email}`,
                ] as const,
            ),
          ]}
        />
        <Choice
          label={t("escalationLevel")}
          mark={changed("escalationLevel")}
          value={values.escalationLevel}
          disabled={disabled}
          onChange={(v) => set("escalationLevel", v as typeof values.escalationLevel)}
          options={escalationChoices(current.escalationLevel).map((l) => [l, t(`levels.${l}`)])}
        />
        <Choice
          label={t("category")}
          mark={changed("category")}
          value={values.category}
          disabled={disabled}
          onChange={(v) => set("category", v as typeof values.category)}
          options={TICKET_CATEGORIES.map((c) => [c, tt(`tickets.categories.${c}`)])}
        />
        <Choice
          wide
          label={t("productArea")}
          mark={changed("productArea")}
          value={values.productArea}
          disabled={disabled}
          onChange={(v) => set("productArea", v as typeof values.productArea)}
          options={PRODUCT_AREAS.map((a) => [a, tt(`tickets.productAreas.${a}`)])}
        />
        {isOutsideSla(values.category) !== isOutsideSla(current.category) ? (
          <p role="note" className="col-span-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
            {t(isOutsideSla(values.category) ? "leavesSla" : "entersSla")}
          </p>
        ) : null}
        {statusTakesPublicReply(changes.status) ? (
          <p className="col-span-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">{t("statusReplyHint")}</p>
        ) : null}
        {open ? (
          <div className="col-span-2 flex items-center gap-3 pt-1">
            <button
              type="submit"
              disabled={!hydrated || ws.pending || count === 0}
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {ws.pending ? t("saving") : t("saveProperties")}
            </button>
          </div>
        ) : (
          <p className="col-span-2 text-xs text-slate-600">{t("closedNote")}</p>
        )}
      </form>
    </Section>
  );
}

/** One labelled select of the panel, marked when its value differs from the ticket's. */
function Choice({
  label,
  mark,
  value,
  options,
  onChange,
  disabled,
  wide,
}: {
  label: string;
  mark?: ReactNode;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  disabled?: boolean;
  wide?: boolean;
}) {
  return (
    <label className={`block ${wide ? "col-span-2" : ""}`}>
      <span className="text-slate-600">
        {label}
        {mark}
      </span>
      <select className={field} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

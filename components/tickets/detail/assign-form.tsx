"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { field } from "./action-form";
import type { Detail } from "./types";

/** Assign to oneself, to another agent, expert or manager (searched by name or email), or unassign. */
export function AssignForm({
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

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { shownSubject } from "@/server/tickets/subject";

type Unmatched = inferRouterOutputs<AppRouter>["email"]["unmatched"][number];

/** One held message: who sent it, its text, and the agent's two ways out (a customer's ticket, or discard). */
function UnmatchedItem({ mail, onDone }: { mail: Unmatched; onDone: (notice: React.ReactNode) => void }) {
  const t = useTranslations("emailChannel.unmatched");
  const tt = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const { formError, clearErrors, onError } = useFormErrors();
  const attach = useMutation(
    trpc.email.attach.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: ({ ticketId }) =>
        onDone(
          <Link className="underline" href={`/tickets/${ticketId}`}>
            {t("attached", { id: ticketId })}
          </Link>,
        ),
    }),
  );
  const discard = useMutation(
    trpc.email.discard.mutationOptions({ onMutate: clearErrors, onError, onSuccess: () => onDone(t("discarded")) }),
  );
  const titleId = `mail-${mail.id}-subject`;
  return (
    <li aria-labelledby={titleId} className="rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="font-semibold text-slate-900">
          {shownSubject(mail.subject, tt("tickets.placeholders.noSubject"))}
        </h3>
        <span className="text-xs text-slate-500">
          {format.dateTime(mail.receivedAt, { dateStyle: "medium", timeStyle: "short" })}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {t("from")}: {mail.fromName ? `${mail.fromName} <${mail.fromAddress ?? ""}>` : (mail.fromAddress ?? "?")}
      </p>
      <p className="mt-2 max-h-40 overflow-auto rounded bg-slate-50 p-2 text-sm whitespace-pre-wrap text-slate-800">
        {mail.preview}
      </p>
      <a className="mt-2 inline-block text-sm text-brand-700 underline" href={`/api/email/${mail.id}/raw`}>
        {t("download")}
      </a>
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          attach.mutate({ id: mail.id, requesterEmail: email });
        }}
      >
        <label className="block w-full text-sm font-medium text-slate-700 sm:w-auto sm:flex-1">
          {t("requester")}
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </label>
        <button
          type="submit"
          disabled={!hydrated || attach.isPending}
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("attach")}
        </button>
        <button
          type="button"
          disabled={!hydrated || discard.isPending}
          onClick={() => discard.mutate({ id: mail.id })}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {t("discard")}
        </button>
      </form>
      {formError ? (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
    </li>
  );
}

/** The unmatched mail list: mail from addresses of nobody known, oldest first, for an agent to sort. */
export function UnmatchedList({ initial }: { initial: Unmatched[] }) {
  const t = useTranslations("emailChannel.unmatched");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<React.ReactNode>(null);
  const list = useQuery(trpc.email.unmatched.queryOptions({}, { initialData: initial }));
  const items = list.data ?? initial;
  return (
    <Card id="unmatched" title={t("title")} description={t("subtitle")}>
      {notice ? (
        <p role="status" className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="py-4 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="grid gap-3">
          {items.map((m) => (
            <UnmatchedItem
              key={m.id}
              mail={m}
              onDone={(n) => {
                setNotice(n);
                void queryClient.invalidateQueries({ queryKey: trpc.email.unmatched.queryKey() });
              }}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

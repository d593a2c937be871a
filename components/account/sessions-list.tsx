"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { labelMark } from "@/components/format";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type SessionItem = inferRouterOutputs<AppRouter>["me"]["sessions"][number];

/**
 * Where the user is signed in: each session that stands, with its browser, address, method and
 * when it started (in the viewer's zone, named below), this one marked; sign out one, or all others.
 */
export function SessionsList({ initial, zoneNote }: { initial: SessionItem[]; zoneNote: string }) {
  const t = useTranslations("account.sessions");
  const mark = labelMark(useLocale()).trim();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const [notice, setNotice] = useState<string | null>(null);
  const { formError, clearErrors, onError } = useFormErrors();
  const list = useQuery(trpc.me.sessions.queryOptions(undefined, { initialData: initial }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.me.sessions.queryKey() });
  const revoke = useMutation(
    trpc.me.revokeSession.mutationOptions({
      onMutate: () => {
        clearErrors();
        setNotice(null);
      },
      onError: (e) => {
        onError(e);
        void refresh();
      },
      onSuccess: ({ current }) => {
        if (current) return router.replace("/signin");
        setNotice(t("signedOut"));
        void refresh();
      },
    }),
  );
  const revokeOthers = useMutation(
    trpc.me.revokeOtherSessions.mutationOptions({
      onMutate: () => {
        clearErrors();
        setNotice(null);
      },
      onError,
      onSuccess: ({ ended }) => {
        setNotice(t("othersSignedOut", { n: ended }));
        void refresh();
      },
    }),
  );
  const sessions = list.data ?? initial;
  const others = sessions.filter((s) => !s.current).length;
  const device = (s: SessionItem) =>
    s.browser && s.os ? t("browserOn", { browser: s.browser, os: s.os }) : (s.browser ?? s.os ?? t("unknownBrowser"));

  return (
    <Card
      id="sessions"
      title={t("title")}
      description={t("description")}
      actions={
        others > 0 ? (
          <button
            type="button"
            disabled={!hydrated || revokeOthers.isPending}
            onClick={() => revokeOthers.mutate()}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
          >
            {revokeOthers.isPending ? t("signingOut") : t("signOutOthers")}
          </button>
        ) : null
      }
    >
      <ul className="divide-y divide-slate-100" aria-label={t("title")}>
        {sessions.map((s) => (
          <li
            key={s.ref}
            className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
            aria-current={s.current ? "true" : undefined}
          >
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{device(s)}</span>
                {s.current ? <Badge tone="green">{t("thisSession")}</Badge> : null}
              </div>
              <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
                <div className="flex gap-1">
                  <dt className="text-slate-500">
                    {t("started")}
                    {mark}
                  </dt>
                  <dd>{format.dateTime(s.startedAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="text-slate-500">
                    {t("address")}
                    {mark}
                  </dt>
                  <dd className="tabular-nums">{s.ip ?? t("unknownAddress")}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="text-slate-500">
                    {t("method")}
                    {mark}
                  </dt>
                  <dd>{t(`methods.${s.method}`)}</dd>
                </div>
              </dl>
            </div>
            {s.current ? null : (
              <button
                type="button"
                disabled={!hydrated || revoke.isPending}
                onClick={() => revoke.mutate({ ref: s.ref })}
                aria-label={`${t("signOut")}: ${device(s)}, ${format.dateTime(s.startedAt, { dateStyle: "medium", timeStyle: "short" })}`}
                className="self-start rounded-md px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60 sm:self-auto"
              >
                {t("signOut")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others === 0 ? <p className="mt-2 text-sm text-slate-600">{t("only")}</p> : null}
      {formError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">{zoneNote}</p>
    </Card>
  );
}

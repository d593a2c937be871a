"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { KnownIssueStatusBadge } from "@/components/known-issues/status-badge";
import type { Role } from "@/db/schema/enums";
import { field } from "@/components/ui/form";
import { useFeedback } from "./action-form";
import { Section } from "./section";
import type { Detail } from "./types";

/**
 * The known issue this ticket is an instance of: its status, fix version and workaround; staff link
 * or unlink it; once it is fixed the customer says whether the fix works for them.
 */
export function KnownIssueCard({ data, role }: { data: Detail; role: Role }) {
  const t = useTranslations("knownIssues");
  const locale = useLocale();
  const trpc = useTRPC();
  const id = data.ticket.id;
  const fb = useFeedback(id);
  const [number, setNumber] = useState("");
  const link = useMutation(trpc.knownIssues.link.mutationOptions(fb.callbacks));
  const verify = useMutation(trpc.knownIssues.verify.mutationOptions(fb.callbacks));
  const issue = data.ticket.knownIssue;
  const staff = role !== "customer";
  if (!issue && !staff) return null;
  const zh = locale === "zh";
  return (
    <Section id="known-issue" title={t("cardTitle")}>
      {issue ? (
        <div className="space-y-2 text-sm">
          <p>
            <Link href={`/known-issues/${issue.id}`} className="font-medium text-brand-700 hover:underline">
              {t("number", { id: issue.id })} {zh ? issue.titleZh : issue.titleEn}
            </Link>
          </p>
          <p className="flex flex-wrap items-center gap-2">
            <KnownIssueStatusBadge status={issue.status} version={issue.fixVersion} />
          </p>
          {(zh ? issue.workaroundZh : issue.workaroundEn) ? (
            <div>
              <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("workaround")}</p>
              <p className="whitespace-pre-wrap text-slate-800">{zh ? issue.workaroundZh : issue.workaroundEn}</p>
            </div>
          ) : null}
          {issue.status === "fixed" && issue.verified ? (
            <p className="text-emerald-800">{t(issue.verified === "works" ? "verifiedWorks" : "verifiedFails")}</p>
          ) : null}
          {issue.status === "fixed" && !staff && !issue.verified ? (
            <div className="rounded-md bg-emerald-50 p-2">
              <p className="text-emerald-900">{t("verifyPrompt", { version: issue.fixVersion ?? "" })}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button
                  type="button"
                  disabled={verify.isPending}
                  onClick={() => verify.mutate({ ticketId: id, works: true })}
                  className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
                >
                  {t("verifyWorks")}
                </button>
                <button
                  type="button"
                  disabled={verify.isPending}
                  onClick={() => verify.mutate({ ticketId: id, works: false })}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 disabled:opacity-60"
                >
                  {t("verifyFails")}
                </button>
              </div>
            </div>
          ) : null}
          {staff ? (
            <button
              type="button"
              onClick={() => link.mutate({ ticketId: id, knownIssueId: null })}
              className="text-sm font-medium text-red-700 hover:underline"
            >
              {t("unlink")}
            </button>
          ) : null}
        </div>
      ) : (
        <form
          className="space-y-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(number.replace(/^#/, ""));
            if (Number.isInteger(n) && n > 0) link.mutate({ ticketId: id, knownIssueId: n });
          }}
        >
          <p className="text-slate-600">{t("noneLinked")}</p>
          <label className="block">
            {t("linkLabel")}
            <input
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              inputMode="numeric"
              maxLength={12}
              className={field}
            />
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={link.isPending}
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
            >
              {t("link")}
            </button>
            <Link href="/known-issues" className="text-brand-700 hover:underline">
              {t("browse")}
            </Link>
          </div>
        </form>
      )}
      {fb.error ? (
        <p role="alert" className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-700">
          {fb.error}
        </p>
      ) : null}
    </Section>
  );
}

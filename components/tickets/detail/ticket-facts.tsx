"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { SupportStateBadge } from "@/components/lifecycle/state-badge";
import { SDK_PLATFORMS } from "@/db/schema/enums";
import { Section, useDate } from "./section";
import type { Detail } from "./types";

/** An SDK platform as people write it (Android, iOS, React Native); an unknown value as given. */
export function usePlatformName() {
  const tt = useTranslations();
  return (p: string | null) =>
    p === null ? null : (SDK_PLATFORMS as readonly string[]).includes(p) ? tt(`sdkPlatform.${p}` as never) : p;
}

/**
 * Who filed the ticket and who has it, its level, channel, SDK and filing time, under the
 * organization's name; then the fault details the customer gave (environment, users affected,
 * start, App ID, channel, user ids, steps), the facts an engineer locates the fault with.
 */
export function TicketFacts({ ticket: tk }: { ticket: Detail["ticket"] }) {
  const t = useTranslations();
  const date = useDate();
  const platform = usePlatformName();
  const f = tk.fault;
  const fault: [string, string][] = (
    [
      [t("tickets.fault.environment"), f.environment ? t(`tickets.fault.environments.${f.environment}`) : null],
      [t("tickets.fault.usersAffected"), f.usersAffected ? t(`tickets.fault.users.${f.usersAffected}`) : null],
      [t("tickets.fault.startedAt"), f.startedAt ? date(f.startedAt) : null],
      [t("tickets.fault.appId"), f.appId],
      [t("tickets.fault.channelName"), f.channelName],
      [t("tickets.fault.userIds"), f.userIds],
    ] as [string, string | null][]
  ).filter((r): r is [string, string] => r[1] !== null);
  return (
    <Section id="facts" title={tk.organization}>
      <dl className="space-y-2 text-sm">
        {[
          [t("tickets.detail.requester"), tk.requester],
          [t("tickets.detail.assignee"), tk.assignee ?? t("tickets.detail.unassigned")],
          [t("tickets.detail.level"), tk.escalationLevel],
          [t("tickets.detail.channel"), t(`tickets.channels.${tk.channel}`)],
          [t("tickets.detail.sdk"), [platform(tk.sdkPlatform), tk.sdkVersion].filter(Boolean).join(" ") || "—"],
          [t("tickets.detail.filed"), date(tk.createdAt)],
        ].map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3">
            <dt className="text-slate-500">{k}</dt>
            <dd className="text-right font-medium text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      {tk.sdkSupport.state !== "unknown" ? (
        <p className="mt-2 flex flex-wrap items-center justify-end gap-2 text-xs text-slate-600">
          <SupportStateBadge state={tk.sdkSupport.state} />
          <Link href="/sdk-lifecycle" className="text-brand-700 hover:underline">
            {t("tickets.detail.sdkLifecycle")}
          </Link>
          {tk.sdkSupport.state !== "supported" && tk.sdkSupport.guideSlug ? (
            <Link href={`/kb/${tk.sdkSupport.guideSlug}`} className="text-brand-700 hover:underline">
              {t("tickets.detail.upgradeGuide")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {fault.length > 0 || f.reproSteps ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("tickets.fault.title")}</h3>
          <dl className="mt-2 space-y-1.5 text-sm">
            {fault.map(([k, v]) => (
              <div key={k} className="flex justify-between gap-3">
                <dt className="shrink-0 text-slate-500">{k}</dt>
                <dd className="min-w-0 text-right font-medium break-words text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
          {f.reproSteps ? (
            <div className="mt-2">
              <p className="text-sm text-slate-500">{t("tickets.fault.reproSteps")}</p>
              <p className="mt-0.5 rounded bg-slate-50 px-2 py-1 text-sm break-words whitespace-pre-wrap text-slate-800">
                {f.reproSteps}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}

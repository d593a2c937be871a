"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { fromLocalInput, toLocalInput } from "@/components/incidents/zoned";
import { useTRPC } from "@/components/trpc/client";
import { refusalText, inputClass } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { PRODUCT_AREAS, type ProductArea } from "@/db/schema/enums";

/** Staff raise a proactive alert for an Enterprise organization; it opens a P0 ticket clocked from detection. */
export function RaiseAlertForm({
  organizationId,
  zoneLabel,
  ticketPageBase,
}: {
  organizationId: number;
  zoneLabel: string;
  /** Where its author opens a ticket (server/tickets/links.ts). */
  ticketPageBase: string;
}) {
  const t = useTranslations("alerts");
  const tt = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const zone = useTimeZone() ?? "UTC";
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [key, setKey] = useState(0);
  const raise = useMutation(
    trpc.alerts.raise.mutationOptions({
      onMutate: () => {
        setError(null);
        setCreated(null);
      },
      onSuccess: ({ ticketId }) => {
        setCreated(ticketId);
        setKey((k) => k + 1);
        router.refresh();
      },
      onError: (err) => setError(refusalText(tt, err)),
    }),
  );
  return (
    <form
      key={key}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const detectedAt = fromLocalInput(String(f.get("detectedAt") ?? ""), zone);
        if (!detectedAt) {
          setError(t("detectedRequired"));
          return;
        }
        raise.mutate({
          organizationId,
          productArea: String(f.get("productArea") ?? "") as ProductArea,
          description: String(f.get("description") ?? ""),
          detectedAt,
        });
      }}
    >
      <div>
        <label htmlFor="alert-area" className="block text-sm font-medium text-slate-700">
          {t("productArea")}
        </label>
        <select id="alert-area" name="productArea" defaultValue="video_calling" className={inputClass}>
          {PRODUCT_AREAS.map((a) => (
            <option key={a} value={a}>
              {tt(`tickets.productAreas.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="alert-detected" className="block text-sm font-medium text-slate-700">
          {t("detectedAt", { zone: zoneLabel })}
        </label>
        <input
          id="alert-detected"
          name="detectedAt"
          type="datetime-local"
          defaultValue={toLocalInput(now, zone)}
          className={inputClass}
        />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="alert-description" className="block text-sm font-medium text-slate-700">
          {t("description")}
        </label>
        <textarea id="alert-description" name="description" rows={3} className={inputClass} />
      </div>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={!hydrated || raise.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {t("raise")}
        </button>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {created ? (
          <p role="status" className="mt-2 text-sm text-emerald-700">
            {t("raised")}{" "}
            <Link href={`${ticketPageBase}${created}`} className="font-medium underline">
              {t("openTicket", { id: created })}
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}

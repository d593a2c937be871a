"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { quarterWriter } from "@/components/format";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputClass, labelClass, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/** The account manager picks an organization (unless fixed) and an ended quarter, and generates its review. */
export function GenerateReviewForm({
  organizations,
  quarters,
}: {
  organizations: { id: number; name: string }[];
  quarters: string[];
}) {
  const t = useTranslations("reviews.generate");
  const quarterName = quarterWriter(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? 0);
  const [quarter, setQuarter] = useState(quarters[0] ?? "");
  const generate = useMutation(
    trpc.reviews.generate.mutationOptions({ onSuccess: ({ id }) => router.push(`/reviews/${id}`) }),
  );
  if (organizations.length === 0) return null;
  return (
    <form
      aria-label={t("title")}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        generate.mutate({ organizationId, quarter });
      }}
    >
      {organizations.length > 1 ? (
        <label className={labelClass}>
          {t("organization")}
          <select
            className={`mt-1 ${inputClass}`}
            value={organizationId}
            onChange={(e) => setOrganizationId(Number(e.target.value))}
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className={labelClass}>
        {t("quarter")}
        <select className={`mt-1 ${inputClass}`} value={quarter} onChange={(e) => setQuarter(e.target.value)}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {quarterName(q)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="primary" disabled={!hydrated || generate.isPending}>
        {generate.isPending ? t("generating") : t("submit")}
      </Button>
      {generate.error ? (
        <div className="w-full">
          <FormAlert>{errorText(generate.error)}</FormAlert>
        </div>
      ) : null}
    </form>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SDK_PLATFORMS, type SdkPlatform } from "@/db/schema/enums";
import { Button, FormAlert, inputClass, labelClass, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/** The customer administrator (or account staff) adds an SDK version the organization ships. */
export function DeclareSdkForm({ organizationId }: { organizationId: number }) {
  const t = useTranslations("accounts.sdks");
  const platforms = useTranslations("sdkPlatform");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [platform, setPlatform] = useState<SdkPlatform>("android");
  const [version, setVersion] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const declare = useMutation(
    trpc.advisories.declare.mutationOptions({
      onSuccess: (_, input) => {
        setVersion("");
        setDone(t("added", { platform: platforms(input.platform), version: input.version.trim() }));
        router.refresh();
      },
    }),
  );
  return (
    <form
      aria-label={t("formTitle")}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        declare.mutate({ organizationId, platform, version });
      }}
    >
      <fieldset disabled={!hydrated} className="space-y-3">
        <label className={labelClass}>
          {t("platform")}
          <select
            className={`mt-1 ${inputClass}`}
            value={platform}
            onChange={(e) => setPlatform(e.target.value as SdkPlatform)}
          >
            {SDK_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {platforms(p)}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          {t("version")}
          <input
            required
            maxLength={40}
            inputMode="decimal"
            autoComplete="off"
            placeholder="4.4.2"
            aria-describedby="declare-sdk-hint"
            className={`mt-1 ${inputClass}`}
            value={version}
            onChange={(e) => setVersion(e.target.value)}
          />
        </label>
      </fieldset>
      <p id="declare-sdk-hint" className="text-xs text-slate-500">
        {t("versionHint")}
      </p>
      <Button type="submit" variant="primary" disabled={!hydrated || declare.isPending}>
        {t("add")}
      </Button>
      {declare.error ? <FormAlert>{errorText(declare.error)}</FormAlert> : null}
      <StatusNote message={done} />
    </form>
  );
}

/** Removes one declared version. */
export function RemoveDeclaredSdk({
  organizationId,
  platform,
  version,
}: {
  organizationId: number;
  platform: SdkPlatform;
  version: string;
}) {
  const t = useTranslations("accounts.sdks");
  const platforms = useTranslations("sdkPlatform");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const remove = useMutation(trpc.advisories.undeclare.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        type="button"
        disabled={!hydrated || remove.isPending}
        aria-label={t("removeOne", { platform: platforms(platform), version })}
        onClick={() => remove.mutate({ organizationId, platform, version })}
      >
        {t("remove")}
      </Button>
      {remove.error ? (
        <span role="alert" className="text-xs text-red-700">
          {errorText(remove.error)}
        </span>
      ) : null}
    </span>
  );
}

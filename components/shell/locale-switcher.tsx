"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { LOCALE_COOKIE } from "@/server/i18n/negotiate";

const LABELS = { en: "English", zh: "中文" } as const;

/** Switches the interface language: remembered in a cookie and, when signed in, on the account. */
export function LocaleSwitcher({ label, signedIn = true }: { label: string; signedIn?: boolean }) {
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.me.setLocale.mutationOptions());
  return (
    <label className="flex items-center gap-1 text-sm text-slate-600">
      <span className="sr-only">{label}</span>
      <select
        value={locale}
        onChange={async (e) => {
          const next = e.target.value as "en" | "zh";
          document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
          if (signedIn) await save.mutateAsync({ locale: next }).catch(() => undefined);
          router.refresh();
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {(["en", "zh"] as const).map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { serverCaller } from "@/server/api/rsc";
import type { SessionUser } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";

/** Tells a customer which security advisories await their organization's acknowledgement, linking each. */
export async function PendingAdvisoriesBanner({ user }: { user: SessionUser }) {
  if (!can(user, "advisories.acknowledge")) return null;
  const pending = await (await serverCaller()).advisories.pending();
  if (pending.length === 0) return null;
  const t = await getTranslations("advisories");
  const zh = (await getLocale()) === "zh";
  return (
    <aside
      aria-label={t("title")}
      className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900 sm:px-6 print:hidden"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">{t("banner", { n: pending.length })}</span>
        {pending.map((a) => (
          <Link key={a.id} href={`/advisories/${a.id}`} className="font-semibold underline hover:no-underline">
            {zh ? a.titleZh : a.titleEn} ({t(`severity.${a.severity}`)})
          </Link>
        ))}
      </div>
    </aside>
  );
}

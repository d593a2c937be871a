import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Permission } from "@/server/auth/permissions";

/**
 * In place of a page the signed-in role may not use: the page answers 403 and the nearest
 * forbidden.tsx shows <RefusalNotice>; the data itself is refused by the server.
 */
export function Refused(props: { permission: Permission }): never {
  void props.permission; // Which permission the page needs; the notice (forbidden.tsx takes no props) is the same for all.
  forbidden();
}

/** The refusal shown by forbidden.tsx: what happened, who to ask, a way home. */
export async function RefusalNotice() {
  const t = await getTranslations();
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-amber-200 bg-amber-50 p-6 text-amber-900">
      <h1 className="text-lg font-semibold">{t("common.refusedTitle")}</h1>
      <p className="mt-2 text-sm">{t("common.refusedBodyAny")}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
        {t("common.backHome")}
      </Link>
    </div>
  );
}

/** The title of a forbidden.tsx page. */
export async function refusedMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("refusedTitle") };
}

/** The root forbidden.tsx: a refusal outside any shell (routes without a forbidden.tsx of their own). */
export function BareRefusal() {
  return (
    <main id="main" className="px-4 py-24">
      <RefusalNotice />
    </main>
  );
}

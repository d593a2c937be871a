import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { rolesFor, type Permission } from "@/server/auth/permissions";

/** Shown in place of a page the signed-in role may not use; the data itself is refused by the server. */
export async function Refused({ permission }: { permission: Permission }) {
  const t = await getTranslations();
  const roles = rolesFor(permission);
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-amber-200 bg-amber-50 p-6 text-amber-900">
      <h1 className="text-lg font-semibold">{t("common.refusedTitle")}</h1>
      <p className="mt-2 text-sm">{t("common.refusedBody", { roles: roles.map((r) => t(`roles.${r}`)).join(", ") })}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
        {t("common.backHome")}
      </Link>
    </div>
  );
}

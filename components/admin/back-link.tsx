import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** The way back from an admin editor to the tiers and targets overview. */
export async function BackToAdmin() {
  const t = await getTranslations("adminEdit");
  return (
    <Link
      href="/admin"
      className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
    >
      <span aria-hidden>←</span> {t("back")}
    </Link>
  );
}

import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/**
 * What a page that does not exist says: a section's not-found.tsx shows it inside the section's
 * frame, whose <main> holds it (a second <main> there made two main landmarks).
 */
export async function NotFoundNotice() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        {t("backHome")}
      </Link>
    </div>
  );
}

/** The root not-found.tsx: an address no route matches is answered outside any frame, so in a <main> of its own. */
export function BareNotFound() {
  return (
    <main id="main" className="py-8">
      <NotFoundNotice />
    </main>
  );
}

import { getTranslations } from "next-intl/server";
import { TIER_CODES } from "@/db/schema/enums";

/** "Any tier" then every tier, for the tier select of the organization lists' filter forms ("" means any). */
export async function TierOptions() {
  const t = await getTranslations();
  return (
    <>
      <option value="">{t("accounts.directory.anyTier")}</option>
      {TIER_CODES.map((c) => (
        <option key={c} value={c}>
          {t(`tier.${c}`)}
        </option>
      ))}
    </>
  );
}

/** The submit button of the organization lists' GET filter forms. */
export async function ApplyFiltersButton() {
  const t = await getTranslations();
  return (
    <button
      type="submit"
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
    >
      {t("accounts.directory.apply")}
    </button>
  );
}

import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { SdkPlatform } from "@/db/schema/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DeclareSdkForm, RemoveDeclaredSdk } from "./declared-sdks";

type SupportState = "supported" | "security_only" | "unsupported" | "unknown";

const STATE_TONE: Record<SupportState, BadgeTone> = {
  supported: "green",
  security_only: "amber",
  unsupported: "red",
  unknown: "neutral",
};

/**
 * "SDK versions we use": the versions an organization declares, each with its support state today
 * (the SDK lifecycle); the customer administrator or account staff add and remove them, the others read.
 */
export async function DeclaredSdksCard({
  organizationId,
  declarations,
  canEdit,
  viewerIsCustomer,
}: {
  organizationId: number;
  declarations: { platform: SdkPlatform; version: string; support: SupportState }[];
  canEdit: boolean;
  viewerIsCustomer: boolean;
}) {
  const t = await getTranslations();
  return (
    <Card id="sdks" title={t("accounts.sdks.title")} description={t("accounts.sdks.description")}>
      {declarations.length === 0 ? (
        <p className="text-sm text-slate-600">{t("accounts.sdks.empty")}</p>
      ) : (
        <ul aria-label={t("accounts.sdks.caption")} className="divide-y divide-slate-100 text-sm">
          {declarations.map((d) => (
            <li key={`${d.platform}-${d.version}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">
                  {t(`sdkPlatform.${d.platform}`)} {d.version}
                </span>
                <Badge tone={STATE_TONE[d.support]}>{t(`lifecycle.states.${d.support}`)}</Badge>
              </span>
              {canEdit ? (
                <RemoveDeclaredSdk organizationId={organizationId} platform={d.platform} version={d.version} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href="/sdk-lifecycle" className="font-medium text-brand-700 hover:underline">
          {t("accounts.sdks.lifecycleLink")}
        </Link>
      </p>
      {canEdit ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">{t("accounts.sdks.formTitle")}</h3>
          <DeclareSdkForm organizationId={organizationId} />
        </div>
      ) : viewerIsCustomer ? (
        <p className="mt-3 text-sm text-slate-600">{t("accounts.sdks.adminOnly")}</p>
      ) : null}
    </Card>
  );
}

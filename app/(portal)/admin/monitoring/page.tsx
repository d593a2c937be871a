import type { Metadata } from "next";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { KeyActions } from "@/components/monitoring/key-actions";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { portalLink } from "@/server/identity/mail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("monitoring"))("title") };
}

/** Admins: the signing key of the inbound monitoring endpoint (decision 028) and how to call it. */
export default async function MonitoringPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "alerts.monitoring")) return <Refused permission="alerts.monitoring" />;
  const api = await serverCaller();
  const status = await api.monitoring.status();
  const t = await getTranslations("monitoring");
  const format = await getFormatter();
  const zone = zoneName(await getLocale(), await getTimeZone(), await getNow());
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="space-y-6">
        <Card id="key" title={t("keyTitle")} description={t("zone", { zone })}>
          <div className="space-y-2 text-sm text-slate-700">
            {status.current ? (
              <p>{t("current", { at: when(status.current.createdAt), name: status.current.createdBy })}</p>
            ) : (
              <p className="font-medium text-amber-800">{t("noKey")}</p>
            )}
            {status.previous ? <p>{t("previous", { at: when(status.previous.expiresAt) })}</p> : null}
            <p>{status.lastAlertAt ? t("lastAlert", { at: when(status.lastAlertAt) }) : t("noAlert")}</p>
          </div>
          <div className="mt-4">
            <KeyActions hasKey={status.current !== null} hasPrevious={status.previous !== null} />
          </div>
        </Card>
        <Card id="how" title={t("howTitle")}>
          <div className="space-y-2 text-sm break-words text-slate-700">
            <p>{t("how", { url: portalLink("/api/monitoring/alerts") })}</p>
            <p>{t("fields")}</p>
          </div>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SupportStateBadge } from "@/components/lifecycle/state-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { SDK_PLATFORMS } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lifecycle"))("title") };
}

/**
 * The SDK support lifecycle, public: each platform's release lines with their release date, the end
 * of full support and the end of security fixes, and where each stands today.
 */
export default async function SdkLifecyclePage() {
  const api = await serverCaller();
  const lines = await api.lifecycle.list();
  const guides = await api.lifecycle.guides({ locale: (await getLocale()) === "zh" ? "zh" : "en" });
  const guideList = (list: typeof guides) =>
    list.length > 0 ? (
      <div className="mt-3">
        <h3 className="text-sm font-semibold text-slate-800">{t("lifecycle.releaseGuides")}</h3>
        <ul className="mt-1 space-y-1 text-sm">
          {list.map((g) => (
            <li key={g.slug}>
              <Link href={`/kb/${g.slug}`} className="font-medium text-brand-700 hover:underline">
                {g.title}
              </Link>{" "}
              <span className="text-slate-500">· {t(`kb.types.${g.type}`)}</span>
            </li>
          ))}
        </ul>
      </div>
    ) : null;
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const platforms = SDK_PLATFORMS.filter((p) => lines.some((l) => l.platform === p));
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("lifecycle.title")} description={t("lifecycle.subtitle")} />
      <div className="space-y-6">
        {platforms.length === 0 ? (
          <Card>
            <p className="py-6 text-center text-sm text-slate-600">{t("lifecycle.empty")}</p>
          </Card>
        ) : null}
        {platforms.map((p) => (
          <Card key={p} id={`platform-${p}`} title={t(`sdkPlatform.${p}`)}>
            <Table caption={t("lifecycle.caption", { sdk: t(`sdkName.${p}`) })}>
              <thead>
                <tr>
                  <Th>{t("lifecycle.line")}</Th>
                  <Th>{t("lifecycle.released")}</Th>
                  <Th>{t("lifecycle.fullSupportUntil")}</Th>
                  <Th>{t("lifecycle.securityUntil")}</Th>
                  <Th>{t("lifecycle.state")}</Th>
                  <Th>{t("lifecycle.guide")}</Th>
                </tr>
              </thead>
              <tbody>
                {lines
                  .filter((l) => l.platform === p)
                  .map((l) => (
                    <tr key={l.id}>
                      <Td header>{t("lifecycle.lineName", { line: l.line })}</Td>
                      <Td>{day(l.releasedOn)}</Td>
                      <Td>{day(l.fullSupportUntil)}</Td>
                      <Td>{day(l.securityUntil)}</Td>
                      <Td>
                        <SupportStateBadge state={l.state} />
                      </Td>
                      <Td>
                        {l.guideSlug ? (
                          <Link href={`/kb/${l.guideSlug}`} className="font-medium text-brand-700 hover:underline">
                            {t("lifecycle.upgradeGuide")}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </Td>
                    </tr>
                  ))}
              </tbody>
            </Table>
            {guideList(guides.filter((g) => g.platforms.includes(p)))}
          </Card>
        ))}
        {guides.some((g) => g.platforms.length === 0) ? (
          <Card title={t("lifecycle.allPlatforms")}>{guideList(guides.filter((g) => g.platforms.length === 0))}</Card>
        ) : null}
        <p className="text-sm text-slate-600">{t("lifecycle.policy")}</p>
      </div>
    </div>
  );
}

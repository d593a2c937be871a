import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { NewArticleEditor } from "@/components/kb/article-editor";
import { Refused } from "@/components/ui/refused";
import { LOCALES, type Locale } from "@/db/schema/enums";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kbEdit");
  return { title: t("newTitle") };
}

type Search = { lang?: string; translationOf?: string };

/** Staff write a new article; /kb is public for reading, so this page checks the session itself. */
export default async function NewArticlePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/kb/new")}`);
  if (!can(user, "kb.write")) return <Refused permission="kb.write" />;
  const locale: Locale = (LOCALES as readonly string[]).includes(sp.lang ?? "")
    ? (sp.lang as Locale)
    : (await getLocale()) === "zh"
      ? "zh"
      : "en";
  const translationOf = /^[a-z0-9-]{1,120}$/.test(sp.translationOf ?? "") ? sp.translationOf! : null;
  await getQueryClient().prefetchQuery(trpc.kb.editorOptions.queryOptions());
  return (
    <HydrateClient>
      <NewArticleEditor locale={locale} translationOf={translationOf} />
    </HydrateClient>
  );
}

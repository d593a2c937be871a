import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EditArticleEditor } from "@/components/kb/article-editor";
import { Refused } from "@/components/ui/refused";
import { LOCALES, type Locale } from "@/db/schema/enums";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kbEdit");
  return { title: t("editTitle") };
}

type Params = { slug: string };
type Search = { lang?: string };

/** Staff edit an article in one language; /kb is public for reading, so this page checks the session itself. */
export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const user = await getSessionUser();
  if (!user)
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/kb/${slug}/edit${sp.lang ? `?lang=${sp.lang}` : ""}`)}`);
  if (!can(user, "kb.write")) return <Refused permission="kb.write" />;
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) notFound();
  const asked = (LOCALES as readonly string[]).includes(sp.lang ?? "") ? [sp.lang as Locale] : LOCALES;
  const qc = getQueryClient();
  await qc.prefetchQuery(trpc.kb.editorOptions.queryOptions());
  let locale: Locale | null = null;
  // No language named: edit whichever translation exists, English first.
  for (const l of asked) {
    const found = await qc.fetchQuery(trpc.kb.editArticle.queryOptions({ slug, locale: l })).then(
      () => true,
      (err: { code?: string }) => {
        if (err.code === "NOT_FOUND") return false;
        throw err;
      },
    );
    if (found) {
      locale = l;
      break;
    }
  }
  if (!locale) notFound();
  return (
    <HydrateClient>
      <EditArticleEditor slug={slug} locale={locale} />
    </HydrateClient>
  );
}

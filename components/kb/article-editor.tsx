"use client";

import { useQuery } from "@tanstack/react-query";
import { LoadError, LoadingCard } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import type { Locale } from "@/db/schema/enums";
import { EditorForm } from "./editor/editor-form";
import { fromStored, type FormState } from "./editor/use-article-form";

/** The create page: an empty article in the chosen language, optionally translating another one. */
export function NewArticleEditor({ locale, translationOf }: { locale: Locale; translationOf: string | null }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.kb.editorOptions.queryOptions());
  if (options.isPending) return <LoadingCard />;
  if (options.isError) return <LoadError onRetry={() => void options.refetch()} />;
  const initial: FormState = {
    slug: translationOf ?? "",
    title: "",
    summary: "",
    body: "",
    productArea: "video_calling",
    type: "faq",
    status: "draft",
    internal: false,
    ownerId: String(options.data.userId),
    tags: "",
    errorCodes: "",
    sdkVersions: "",
    locale,
    translationOf: translationOf ?? "",
  };
  return <EditorForm mode="create" initial={initial} options={options.data} />;
}

/** The edit page: the stored article; a refused stale save reloads it from here. */
export function EditArticleEditor({ slug, locale }: { slug: string; locale: Locale }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.kb.editorOptions.queryOptions());
  const article = useQuery(trpc.kb.editArticle.queryOptions({ slug, locale }));
  if (options.isPending || article.isPending) return <LoadingCard />;
  if (options.isError || article.isError)
    return <LoadError onRetry={() => void Promise.all([options.refetch(), article.refetch()])} />;
  return (
    <EditorForm
      key={article.data.updatedAt.getTime()}
      mode="edit"
      initial={fromStored(article.data)}
      stored={article.data}
      options={options.data}
      onReload={() => void article.refetch()}
    />
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import type { TRPCClientErrorLike } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import type { ArticleType, Locale, ProductArea } from "@/db/schema/enums";
import type { AppRouter } from "@/server/api/root";
import { parseList, slugFromTitle } from "@/server/kb/article-input";
import { languageTag } from "@/server/i18n/negotiate";

type Outputs = inferRouterOutputs<AppRouter>["kb"];
export type Stored = Outputs["editArticle"];
export type Options = Outputs["editorOptions"];

/** What the editor's fields hold: lists as the comma-separated text the author types. */
export type FormState = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  productArea: ProductArea;
  type: ArticleType;
  status: "draft" | "published";
  internal: boolean;
  ownerId: string;
  tags: string;
  errorCodes: string;
  sdkVersions: string;
  locale: Locale;
  translationOf: string;
};

const FIELDS = [
  "title",
  "slug",
  "summary",
  "body",
  "productArea",
  "type",
  "status",
  "internal",
  "ownerId",
  "tags",
  "errorCodes",
  "sdkVersions",
  "locale",
  "translationOf",
] as const;
export type Field = (typeof FIELDS)[number];

export function fromStored(a: Stored): FormState {
  return {
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    body: a.body,
    productArea: a.productArea,
    type: a.type,
    status: a.status,
    internal: a.internal,
    ownerId: a.ownerId ? String(a.ownerId) : "",
    tags: a.tags.join(", "),
    errorCodes: a.errorCodes.join(", "),
    sdkVersions: a.sdkVersions.join(", "),
    locale: a.locale,
    translationOf: "",
  };
}

export type EditorProps = {
  mode: "create" | "edit";
  initial: FormState;
  stored?: Stored;
  options: Options;
  onReload?: () => void;
};

/**
 * The article editor's one state: the fields, per-field and whole-form errors, the body's
 * write/preview tab, and the save (create or update, then the article page). A stale update
 * (someone saved in between) is marked so the form can offer to reload.
 */
export function useArticleForm({ mode, initial, stored, options }: EditorProps) {
  const t = useTranslations("kbEdit");
  const trpc = useTRPC();
  const router = useRouter();
  const serverText = useServerErrorText();
  const id = useId();
  const [form, setForm] = useState<FormState>(initial);
  const [slugTouched, setSlugTouched] = useState(mode === "edit" || initial.slug !== "");
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<{ text: string; stale: boolean } | null>(null);

  const preview = useMutation(trpc.kb.preview.mutationOptions());
  const onSaved = (saved: { slug: string; locale: Locale }) => {
    router.push(`/kb/${saved.slug}?lang=${saved.locale}`);
    router.refresh();
  };
  const onError = (error: TRPCClientErrorLike<AppRouter>) => {
    const fe = error.data?.fieldKeys ?? {};
    const next: Partial<Record<Field, string>> = {};
    for (const key of Object.keys(fe))
      if ((FIELDS as readonly string[]).includes(key)) next[key as Field] = t(`fieldErrors.${key as Field}`);
    setFieldErrors(next);
    setFormError(
      Object.keys(next).length
        ? { text: t("fixFields"), stale: false }
        : { text: serverText(error), stale: error.data?.messageKey === "kbEdit.errors.stale" },
    );
  };
  const create = useMutation(trpc.kb.createArticle.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.kb.updateArticle.mutationOptions({ onSuccess: onSaved, onError }));

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errId = (f: Field) => `${id}-${f}-error`;
  const invalid = (f: Field) => (fieldErrors[f] ? { "aria-invalid": true as const, "aria-describedby": errId(f) } : {});

  /** The title suggests the address until the author edits the address. */
  function setTitle(title: string) {
    set("title", title);
    if (!slugTouched) set("slug", slugFromTitle(title));
  }

  function setSlug(slug: string) {
    setSlugTouched(true);
    set("slug", slug);
  }

  function showPreview() {
    setTab("preview");
    preview.mutate({ body: form.body });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Partial<Record<Field, string>> = {};
    if (form.title.trim().length < 3) local.title = t("fieldErrors.title");
    if (!form.slug.trim()) local.slug = t("fieldErrors.slug");
    if (!form.body.trim()) local.body = t("fieldErrors.body");
    if (!form.ownerId) local.ownerId = t("fieldErrors.ownerId");
    setFieldErrors(local);
    if (Object.keys(local).length) {
      setFormError({ text: t("fixFields"), stale: false });
      return;
    }
    const fields = {
      slug: form.slug,
      title: form.title,
      summary: form.summary,
      body: form.body,
      productArea: form.productArea,
      type: form.type,
      status: form.status,
      internal: form.internal,
      ownerId: Number(form.ownerId),
      tags: parseList(form.tags),
      errorCodes: parseList(form.errorCodes),
      sdkVersions: parseList(form.sdkVersions),
    };
    if (mode === "create")
      create.mutate({ ...fields, locale: form.locale, translationOf: form.translationOf.trim() || null });
    else if (stored) update.mutate({ ...fields, id: stored.id, baseUpdatedAt: stored.updatedAt });
  }

  return {
    id,
    form,
    set,
    setTitle,
    setSlug,
    fieldErrors,
    formError,
    errId,
    invalid,
    tab,
    setTab,
    showPreview,
    preview,
    submit,
    saving: create.isPending || update.isPending,
    lockedPublished: mode === "edit" && stored?.status === "published" && !options.canPublish,
    /** The language of the article's text, for the inputs' lang attribute (spell checking, CJK fonts). */
    contentLang: languageTag(form.locale),
  };
}

export type ArticleFormState = ReturnType<typeof useArticleForm>;

"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { TRPCClientErrorLike } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import {
  Button,
  FieldError,
  FormAlert,
  inputClass,
  labelClass,
  LoadError,
  LoadingCard,
  useServerErrorText,
} from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  ARTICLE_TYPES,
  LOCALES,
  PRODUCT_AREAS,
  type ArticleType,
  type Locale,
  type ProductArea,
} from "@/db/schema/enums";
import type { AppRouter } from "@/server/api/root";
import { BODY_MAX, parseList, SLUG_MAX, slugFromTitle, SUMMARY_MAX, TITLE_MAX } from "@/server/kb/article-input";
import { MarkReviewedButton } from "./mark-reviewed-button";

type Outputs = inferRouterOutputs<AppRouter>["kb"];
type Stored = Outputs["editArticle"];
type Options = Outputs["editorOptions"];

type FormState = {
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
type Field = (typeof FIELDS)[number];

function fromStored(a: Stored): FormState {
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

function EditorForm({
  mode,
  initial,
  stored,
  options,
  onReload,
}: {
  mode: "create" | "edit";
  initial: FormState;
  stored?: Stored;
  options: Options;
  onReload?: () => void;
}) {
  const t = useTranslations("kbEdit");
  const tk = useTranslations("kb");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
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
    const fe = error.data?.fieldErrors ?? {};
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
  const saving = create.isPending || update.isPending;

  const lockedPublished = mode === "edit" && stored?.status === "published" && !options.canPublish;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errId = (f: Field) => `${id}-${f}-error`;
  const invalid = (f: Field) => (fieldErrors[f] ? { "aria-invalid": true as const, "aria-describedby": errId(f) } : {});

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

  const title = mode === "create" ? t("newTitle") : t("editTitle");
  const contentLang = form.locale === "zh" ? "zh-CN" : "en";
  return (
    <>
      <PageHeader title={title} description={mode === "create" ? t("newSubtitle") : stored?.title}>
        {stored ? (
          <a
            href={`/kb/${stored.slug}?lang=${stored.locale}`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {t("viewArticle")}
          </a>
        ) : null}
      </PageHeader>
      <form onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          {formError ? (
            <FormAlert>
              {formError.text}
              {formError.stale && onReload ? (
                <Button variant="link" className="ml-2 text-red-800 underline" onClick={onReload}>
                  {t("reload")}
                </Button>
              ) : null}
            </FormAlert>
          ) : null}
          {lockedPublished ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("lockedPublished")}</p>
          ) : null}
          <div>
            <label htmlFor={`${id}-title`} className={labelClass}>
              {t("title")}
            </label>
            <input
              id={`${id}-title`}
              lang={contentLang}
              value={form.title}
              maxLength={TITLE_MAX}
              required
              onChange={(e) => {
                set("title", e.target.value);
                if (!slugTouched) set("slug", slugFromTitle(e.target.value));
              }}
              className={`mt-1 ${inputClass}`}
              {...invalid("title")}
            />
            <FieldError id={errId("title")} message={fieldErrors.title} />
          </div>
          <div>
            <label htmlFor={`${id}-slug`} className={labelClass}>
              {t("slug")}
            </label>
            <div className="mt-1 flex items-center gap-1 text-sm text-slate-500">
              <span aria-hidden>/kb/</span>
              <input
                id={`${id}-slug`}
                value={form.slug}
                maxLength={SLUG_MAX}
                required
                spellCheck={false}
                aria-describedby={fieldErrors.slug ? errId("slug") : `${id}-slug-hint`}
                aria-invalid={fieldErrors.slug ? true : undefined}
                onChange={(e) => {
                  setSlugTouched(true);
                  set("slug", e.target.value);
                }}
                className={`${inputClass} font-mono`}
              />
            </div>
            <p id={`${id}-slug-hint`} className="mt-1 text-xs text-slate-500">
              {t("slugHint")}
            </p>
            <FieldError id={errId("slug")} message={fieldErrors.slug} />
          </div>
          <div>
            <label htmlFor={`${id}-summary`} className={labelClass}>
              {t("summary")}
            </label>
            <textarea
              id={`${id}-summary`}
              lang={contentLang}
              rows={2}
              value={form.summary}
              maxLength={SUMMARY_MAX}
              onChange={(e) => set("summary", e.target.value)}
              className={`mt-1 ${inputClass}`}
              {...invalid("summary")}
            />
            <FieldError id={errId("summary")} message={fieldErrors.summary} />
          </div>
          <div>
            <div className="flex flex-wrap items-end justify-between gap-2">
              <span id={`${id}-body-label`} className={labelClass}>
                {t("body")}
              </span>
              <div
                role="tablist"
                aria-label={t("bodyModes")}
                className="inline-flex rounded-md border border-slate-300 p-0.5 text-sm"
              >
                {(["write", "preview"] as const).map((k) => (
                  <button
                    key={k}
                    type="button"
                    role="tab"
                    id={`${id}-tab-${k}`}
                    aria-selected={tab === k}
                    aria-controls={`${id}-panel-${k}`}
                    onClick={() => (k === "preview" ? showPreview() : setTab("write"))}
                    className={`rounded px-3 py-1 font-medium ${tab === k ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                  >
                    {t(k)}
                  </button>
                ))}
              </div>
            </div>
            <div id={`${id}-panel-write`} role="tabpanel" aria-labelledby={`${id}-tab-write`} hidden={tab !== "write"}>
              <textarea
                id={`${id}-body`}
                lang={contentLang}
                aria-labelledby={`${id}-body-label`}
                rows={18}
                value={form.body}
                maxLength={BODY_MAX}
                onChange={(e) => set("body", e.target.value)}
                className={`mt-2 ${inputClass} font-mono text-[13px] leading-relaxed`}
                {...invalid("body")}
              />
              <p className="mt-1 text-xs text-slate-500">{t("bodyHint")}</p>
            </div>
            <div
              id={`${id}-panel-preview`}
              role="tabpanel"
              aria-labelledby={`${id}-tab-preview`}
              hidden={tab !== "preview"}
              className="mt-2 min-h-[12rem] rounded-md border border-slate-200 px-4 py-3"
            >
              {preview.isPending ? (
                <p role="status" className="text-sm text-slate-500">
                  {t("previewLoading")}
                </p>
              ) : preview.isError ? (
                <p role="alert" className="text-sm text-red-700">
                  {serverText(preview.error)}
                </p>
              ) : preview.data && form.body.trim() ? (
                // Rendered on the server by the article page's pipeline: raw HTML dropped, rehype-sanitize applied.
                <div lang={contentLang} className="kb-prose" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
              ) : (
                <p className="text-sm text-slate-500">{t("previewEmpty")}</p>
              )}
            </div>
            <FieldError id={errId("body")} message={fieldErrors.body} />
          </div>
        </div>

        <aside className="space-y-5">
          <Panel title={t("publishing")}>
            <fieldset>
              <legend className={labelClass}>{t("status")}</legend>
              <div className="mt-2 space-y-2 text-sm">
                {(["draft", "published"] as const).map((s) => (
                  <label key={s} className="flex items-start gap-2">
                    <input
                      type="radio"
                      name={`${id}-status`}
                      value={s}
                      checked={form.status === s}
                      disabled={s === "published" && !options.canPublish}
                      onChange={() => set("status", s)}
                      className="mt-0.5"
                    />
                    <span>
                      <span className="font-medium text-slate-800">{t(`statuses.${s}`)}</span>
                      <span className="block text-xs text-slate-500">{t(`statusHints.${s}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
              {!options.canPublish ? <p className="mt-2 text-xs text-slate-500">{t("cannotPublish")}</p> : null}
            </fieldset>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                checked={form.internal}
                onChange={(e) => set("internal", e.target.checked)}
                className="mt-0.5"
              />
              <span>
                <span className="font-medium text-slate-800">{t("internal")}</span>
                <span className="block text-xs text-slate-500">{t("internalHint")}</span>
              </span>
            </label>
            <SelectField
              id={`${id}-owner`}
              label={t("owner")}
              value={form.ownerId}
              onChange={(v) => set("ownerId", v)}
              error={fieldErrors.ownerId}
              errorId={errId("ownerId")}
            >
              <option value="">{t("chooseOwner")}</option>
              {options.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            {stored ? (
              <div className="space-y-2 border-t border-slate-100 pt-4 text-sm">
                <p className="text-slate-700">
                  {t("reviewedOn", { date: format.dateTime(stored.reviewedAt, { dateStyle: "medium" }) })}
                </p>
                {options.canPublish || stored.ownerId === options.userId ? (
                  <MarkReviewedButton articleId={stored.id} />
                ) : null}
              </div>
            ) : null}
          </Panel>

          <Panel title={t("classification")}>
            <SelectField
              id={`${id}-area`}
              label={tk("productArea")}
              value={form.productArea}
              onChange={(v) => set("productArea", v as ProductArea)}
            >
              {PRODUCT_AREAS.map((a) => (
                <option key={a} value={a}>
                  {tk(`areas.${a}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${id}-type`}
              label={tk("type")}
              value={form.type}
              onChange={(v) => set("type", v as ArticleType)}
            >
              {ARTICLE_TYPES.map((x) => (
                <option key={x} value={x}>
                  {tk(`types.${x}`)}
                </option>
              ))}
            </SelectField>
            {mode === "create" ? (
              <>
                <SelectField
                  id={`${id}-locale`}
                  label={tk("language")}
                  value={form.locale}
                  onChange={(v) => set("locale", v as Locale)}
                >
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {tk(`languages.${l}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={`${id}-translation`}
                  label={t("translationOf")}
                  hint={t("translationOfHint")}
                  value={form.translationOf}
                  onChange={(v) => set("translationOf", v)}
                  error={fieldErrors.translationOf}
                  errorId={errId("translationOf")}
                  mono
                />
              </>
            ) : (
              <div className="text-sm">
                <p className={labelClass}>{tk("language")}</p>
                <p className="mt-1 text-slate-700">{tk(`languages.${form.locale}`)}</p>
                {stored?.translations.length ? (
                  <p className="mt-1 text-slate-600">
                    {t("translatedAs")}{" "}
                    {stored.translations.map((tr) => (
                      <a
                        key={tr.locale}
                        href={`/kb/${tr.slug}/edit?lang=${tr.locale}`}
                        className="text-brand-700 underline"
                      >
                        {tk(`languages.${tr.locale}`)}
                      </a>
                    ))}
                  </p>
                ) : null}
              </div>
            )}
            <TextField
              id={`${id}-tags`}
              label={t("tags")}
              hint={t("listHint")}
              value={form.tags}
              onChange={(v) => set("tags", v)}
              error={fieldErrors.tags}
              errorId={errId("tags")}
            />
            <TextField
              id={`${id}-codes`}
              label={t("errorCodes")}
              hint={t("errorCodesHint")}
              value={form.errorCodes}
              onChange={(v) => set("errorCodes", v)}
              error={fieldErrors.errorCodes}
              errorId={errId("errorCodes")}
              mono
            />
            <TextField
              id={`${id}-sdk`}
              label={t("sdkVersions")}
              hint={t("sdkVersionsHint")}
              value={form.sdkVersions}
              onChange={(v) => set("sdkVersions", v)}
              error={fieldErrors.sdkVersions}
              errorId={errId("sdkVersions")}
              mono
            />
          </Panel>

          <div className="flex flex-wrap gap-2">
            <Button
              type="submit"
              variant="primary"
              disabled={!hydrated || saving || lockedPublished}
              className="flex-1"
            >
              {saving ? t("saving") : form.status === "published" ? t("savePublished") : t("saveDraft")}
            </Button>
          </div>
        </aside>
      </form>
    </>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function SelectField({
  id,
  label,
  value,
  onChange,
  children,
  error,
  errorId,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  children: ReactNode;
  error?: string;
  errorId?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`mt-1 ${inputClass}`}
      >
        {children}
      </select>
      {errorId ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}

function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  errorId,
  mono,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  errorId: string;
  mono?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : `${id}-hint`}
        className={`mt-1 ${inputClass} ${mono ? "font-mono" : ""}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

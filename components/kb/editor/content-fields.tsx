"use client";

import { useTranslations } from "next-intl";
import { FieldError, inputClass, labelClass } from "@/components/admin/controls";
import { SLUG_MAX, SUMMARY_MAX, TITLE_MAX } from "@/server/kb/article-input";
import type { ArticleFormState } from "./use-article-form";

/** The article's title, its address under /kb/ (suggested from the title) and its summary. */
export function ContentFields({ state }: { state: ArticleFormState }) {
  const t = useTranslations("kbEdit");
  const { id, form, fieldErrors, errId, invalid, contentLang } = state;
  return (
    <>
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
          onChange={(e) => state.setTitle(e.target.value)}
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
            onChange={(e) => state.setSlug(e.target.value)}
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
          onChange={(e) => state.set("summary", e.target.value)}
          className={`mt-1 ${inputClass}`}
          {...invalid("summary")}
        />
        <FieldError id={errId("summary")} message={fieldErrors.summary} />
      </div>
    </>
  );
}

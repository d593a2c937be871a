"use client";

import { useTranslations } from "next-intl";
import { FieldError, inputClass, labelClass, useServerErrorText } from "@/components/admin/controls";
import { BODY_MAX } from "@/server/kb/article-input";
import type { ArticleFormState } from "./use-article-form";

/** The Markdown body, with a preview tab rendered by the server exactly as the article page will show it. */
export function BodyField({ state }: { state: ArticleFormState }) {
  const t = useTranslations("kbEdit");
  const serverText = useServerErrorText();
  const { id, form, tab, preview, fieldErrors, errId, invalid, contentLang } = state;
  return (
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
              onClick={() => (k === "preview" ? state.showPreview() : state.setTab("write"))}
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
          onChange={(e) => state.set("body", e.target.value)}
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
  );
}

"use client";

import { useTranslations } from "next-intl";
import { Button, FormAlert } from "@/components/admin/controls";
import { PageHeader } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { BodyField } from "./body-field";
import { ClassificationPanel } from "./classification-panel";
import { ContentFields } from "./content-fields";
import { PublishingPanel } from "./publishing-panel";
import { useArticleForm, type EditorProps } from "./use-article-form";

/** The article form: the text on the left (title, address, summary, body), publishing and classification beside it. */
export function EditorForm(props: EditorProps) {
  const { mode, stored, options, onReload } = props;
  const t = useTranslations("kbEdit");
  const hydrated = useHydrated();
  const state = useArticleForm(props);
  const { formError } = state;

  return (
    <>
      <PageHeader
        title={mode === "create" ? t("newTitle") : t("editTitle")}
        description={mode === "create" ? t("newSubtitle") : stored?.title}
      >
        {stored ? (
          <a
            href={`/kb/${stored.slug}?lang=${stored.locale}`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {t("viewArticle")}
          </a>
        ) : null}
      </PageHeader>
      <form onSubmit={state.submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
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
          {state.lockedPublished ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("lockedPublished")}</p>
          ) : null}
          <ContentFields state={state} />
          <BodyField state={state} />
        </div>

        <aside aria-label={t("sidePanel")} className="space-y-5">
          <PublishingPanel state={state} options={options} stored={stored} />
          <ClassificationPanel state={state} mode={mode} stored={stored} />
          <div className="flex flex-wrap gap-2">
            <Button
              type="submit"
              variant="primary"
              disabled={!hydrated || state.saving || state.lockedPublished}
              className="flex-1"
            >
              {state.saving ? t("saving") : state.form.status === "published" ? t("savePublished") : t("saveDraft")}
            </Button>
          </div>
        </aside>
      </form>
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { labelClass } from "@/components/admin/controls";
import {
  ARTICLE_TYPES,
  LOCALES,
  PRODUCT_AREAS,
  type ArticleType,
  type Locale,
  type ProductArea,
} from "@/db/schema/enums";
import { Panel, SelectField, TextField } from "./fields";
import type { ArticleFormState, Stored } from "./use-article-form";

/**
 * Where the article belongs: product area and type; its language (chosen once, when creating,
 * with the article it translates) or its translations; and its tags, error codes and SDK versions.
 */
export function ClassificationPanel({
  state,
  mode,
  stored,
}: {
  state: ArticleFormState;
  mode: "create" | "edit";
  stored?: Stored;
}) {
  const t = useTranslations("kbEdit");
  const tk = useTranslations("kb");
  const { id, form, set, fieldErrors, errId } = state;
  return (
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
                <a key={tr.locale} href={`/kb/${tr.slug}/edit?lang=${tr.locale}`} className="text-brand-700 underline">
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
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { labelClass } from "@/components/admin/controls";
import { MarkReviewedButton } from "../mark-reviewed-button";
import { Panel, SelectField } from "./fields";
import type { ArticleFormState, Options, Stored } from "./use-article-form";

/**
 * Draft or published (publishing only for those allowed), internal or public, the owner, and for a
 * stored article when it was last reviewed, with the button to mark it reviewed for its owner or a publisher.
 */
export function PublishingPanel({
  state,
  options,
  stored,
}: {
  state: ArticleFormState;
  options: Options;
  stored?: Stored;
}) {
  const t = useTranslations("kbEdit");
  const format = useFormatter();
  const { id, form, set, fieldErrors, errId } = state;
  return (
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
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, type ReactNode } from "react";
import { REGIONS } from "@/db/schema/enums";
import { Card } from "@/components/ui/card";
import {
  CHAT_HANDLE_MAX,
  EMAIL_MAX,
  GROUP_LINK_MAX,
  HOTLINE_MAX,
  ORGANIZATION_NAME_MAX,
  REGION_ZONES,
  slugForName,
  type OrganizationField,
} from "@/server/organizations/rules";
import { Button, FieldError, FormAlert, inputClass, labelClass, StatusNote } from "../controls";
import {
  useOrganizationForm,
  type OrganizationChoices,
  type OrganizationFormState,
  type OrganizationRecord,
} from "./use-organization-form";

/**
 * Create or edit an organization: details, contract and commitment, account team and the channels
 * its customers see, saved together from the bar at the bottom. Every control is labelled; each
 * problem is shown beside its field (the first takes the focus after a refused save).
 */
export function OrganizationForm({
  record,
  choices,
  justCreated = false,
}: {
  record: OrganizationRecord | null;
  choices: OrganizationChoices;
  justCreated?: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useOrganizationForm(record, choices, formRef);
  const t = useTranslations("organizationsAdmin");
  const tAll = useTranslations();
  const { values, saved } = form;
  const tier = choices.tiers.find((x) => x.code === values.tierCode);
  const slug = slugForName(values.name.trim());
  const format = useFormatter();
  const percent = (n: number) => format.number(n / 100, { style: "percent", maximumFractionDigits: 3 });

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit} className="space-y-6">
      {justCreated && !form.dirty && !form.status ? <StatusNote message={t("created")} /> : null}
      <Card id={`${form.uid}-details`} title={t("section.details")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            form={form}
            field="name"
            label={t("field.name")}
            hint={
              values.name.trim()
                ? slug.derived
                  ? t("field.slugPreview", { slug: slug.slug })
                  : t("field.slugFallback")
                : undefined
            }
          >
            {(p) => <input {...p} maxLength={ORGANIZATION_NAME_MAX + 20} autoComplete="organization" />}
          </Field>
          <Field
            form={form}
            field="tierCode"
            label={t("field.tier")}
            hint={saved && values.tierCode !== saved.tierCode ? t("field.tierChangeHint") : undefined}
            hintTone={saved && values.tierCode !== saved.tierCode ? "warn" : undefined}
          >
            {(p) => (
              <select {...p}>
                <option value="">{t("field.chooseTier")}</option>
                {choices.tiers.map((x) => (
                  <option key={x.code} value={x.code}>
                    {tAll(`tier.${x.code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            form={form}
            field="region"
            label={t("field.region")}
            hint={t("field.regionHint", { zone: REGION_ZONES[values.region as keyof typeof REGION_ZONES] ?? "" })}
          >
            {(p) => (
              <select {...p}>
                {REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {tAll(`region.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} field="calendarId" label={t("field.calendar")}>
            {(p) => (
              <select {...p}>
                <option value="">{t("field.chooseCalendar")}</option>
                {choices.calendars.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name} ({c.timeZone})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </Card>

      <Card id={`${form.uid}-contract`} title={t("section.contract")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field form={form} field="contractStart" label={t("field.contractStart")}>
            {(p) => <input {...p} type="date" />}
          </Field>
          <Field form={form} field="contractEnd" label={t("field.contractEnd")}>
            {(p) => <input {...p} type="date" min={values.contractStart || undefined} />}
          </Field>
          <Field
            form={form}
            field="availabilityCommitment"
            label={t("field.commitment")}
            hint={
              tier
                ? t("field.commitmentHint", { value: percent(tier.availabilityCommitment) })
                : t("field.commitmentHintNoTier")
            }
          >
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                placeholder={tier ? String(tier.availabilityCommitment) : undefined}
                maxLength={12}
              />
            )}
          </Field>
        </div>
      </Card>

      <Card
        id={`${form.uid}-team`}
        title={t("section.team")}
        description={
          tier
            ? t("field.teamHint", {
                tier: tAll(`tier.${tier.code}`),
                contacts: t(`namedContacts.${tier.namedContacts}`),
              })
            : undefined
        }
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {(["accountManagerId", "technicalAccountManagerId"] as const).map((field) => (
            <Field
              key={field}
              form={form}
              field={field}
              label={field === "accountManagerId" ? t("field.accountManager") : t("field.tam")}
            >
              {(p) => (
                <select {...p}>
                  <option value="">{t("field.none")}</option>
                  {choices.accountManagers.map((m) => (
                    <option key={m.id} value={String(m.id)}>
                      {m.title ? `${m.name} · ${m.title}` : m.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </div>
      </Card>

      <Card id={`${form.uid}-channels`} title={t("section.channels")} description={t("section.channelsHint")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            form={form}
            field="hotline"
            label={t("field.hotline")}
            hint={
              tier?.hotline
                ? t("field.hotlineHint", { hotline: tier.hotline })
                : tier
                  ? t("field.hotlineHintNone")
                  : undefined
            }
          >
            {(p) => (
              <input
                {...p}
                type="tel"
                inputMode="tel"
                maxLength={HOTLINE_MAX + 10}
                placeholder={tier?.hotline ?? undefined}
              />
            )}
          </Field>
          <Field form={form} field="supportEmail" label={t("field.supportEmail")}>
            {(p) => <input {...p} type="email" maxLength={EMAIL_MAX + 10} autoComplete="off" />}
          </Field>
          <Field form={form} field="chatHandle" label={t("field.chatHandle")}>
            {(p) => <input {...p} maxLength={CHAT_HANDLE_MAX + 10} autoComplete="off" />}
          </Field>
          <Field form={form} field="groupLink" label={t("field.groupLink")} hint={t("field.groupLinkHint")}>
            {(p) => <input {...p} type="url" inputMode="url" maxLength={GROUP_LINK_MAX + 10} placeholder="https://" />}
          </Field>
        </div>
      </Card>

      <SaveBar form={form} />
    </form>
  );
}

type ControlProps = {
  id: string;
  name: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  onBlur: () => void;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
};

/** One labelled control with its hint and its error, wired for screen readers. */
function Field({
  form,
  field,
  label,
  hint,
  hintTone,
  children,
}: {
  form: OrganizationFormState;
  field: OrganizationField;
  label: string;
  hint?: string;
  hintTone?: "warn";
  children: (props: ControlProps) => ReactNode;
}) {
  const id = `${form.uid}-${field}`;
  const error = form.errorFor(field);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({
        id,
        name: field,
        value: form.values[field],
        onChange: (e) => form.set(field, e.target.value),
        onBlur: () => form.touch(field),
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described || undefined,
        className: `mt-1 ${inputClass}`,
      })}
      {hint ? (
        <p id={`${id}-hint`} className={`mt-1 text-xs ${hintTone === "warn" ? "text-amber-800" : "text-slate-500"}`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function SaveBar({ form }: { form: OrganizationFormState }) {
  const t = useTranslations("organizationsAdmin");
  const creating = form.saved === null;
  return (
    <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-5">
      {form.submitted && form.hasIssues ? <FormAlert>{t("fixErrors")}</FormAlert> : null}
      {form.serverError ? <FormAlert>{t("saveFailed", { message: form.serverError })}</FormAlert> : null}
      <StatusNote message={form.status} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={form.saving}
          aria-busy={form.saving || undefined}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {creating ? (form.saving ? t("creating") : t("create")) : form.saving ? t("saving") : t("save")}
        </button>
        {form.dirty && !creating ? (
          <>
            <Button onClick={form.discard}>{t("discard")}</Button>
            <span className="text-sm text-amber-800">{t("unsaved")}</span>
          </>
        ) : null}
      </div>
    </div>
  );
}

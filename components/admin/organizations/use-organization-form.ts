"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState, type FormEvent, type RefObject } from "react";
import type { Region, TierCode } from "@/db/schema/enums";
import { useTRPC } from "@/components/trpc/client";
import {
  validateOrganization,
  type OrganizationField,
  type OrganizationInput,
  type OrganizationIssue,
} from "@/server/organizations/rules";
import type { AppRouter } from "@/server/api/root";
import { useServerErrorText } from "../controls";

type Outputs = inferRouterOutputs<AppRouter>["organizations"];
export type OrganizationRecord = Outputs["get"];
export type OrganizationChoices = Outputs["choices"];

/** The form's fields as typed: every control holds text ("" for nothing chosen). */
export type OrganizationValues = Record<OrganizationField, string>;

const text = (v: string | number | null) => (v === null ? "" : String(v));

/** A saved record as the form shows it; a new organization starts empty apart from the region. */
export function toValues(record: OrganizationRecord | null, choices: OrganizationChoices): OrganizationValues {
  if (!record) {
    const region: Region = "china";
    return {
      name: "",
      tierCode: "",
      region,
      calendarId: text(choices.calendars.find((c) => c.region === region)?.id ?? null),
      contractStart: "",
      contractEnd: "",
      availabilityCommitment: "",
      accountManagerId: "",
      technicalAccountManagerId: "",
      hotline: "",
      supportEmail: "",
      chatHandle: "",
      groupLink: "",
    };
  }
  return {
    name: record.name,
    tierCode: record.tierCode,
    region: record.region,
    calendarId: text(record.calendarId),
    contractStart: record.contractStart,
    contractEnd: record.contractEnd,
    availabilityCommitment: text(record.availabilityCommitment),
    accountManagerId: text(record.accountManagerId),
    technicalAccountManagerId: text(record.technicalAccountManagerId),
    hotline: text(record.hotline),
    supportEmail: text(record.supportEmail),
    chatHandle: text(record.chatHandle),
    groupLink: text(record.groupLink),
  };
}

const id = (v: string) => (v === "" ? null : Number(v));

/** The text as the API takes it; a commitment that is not a number becomes NaN, for the form to refuse. */
export function toInput(v: OrganizationValues): OrganizationInput {
  const commitment = v.availabilityCommitment.trim().replace(",", ".");
  return {
    name: v.name,
    tierCode: v.tierCode === "" ? null : (v.tierCode as TierCode),
    region: v.region as Region,
    calendarId: id(v.calendarId),
    contractStart: v.contractStart,
    contractEnd: v.contractEnd,
    availabilityCommitment: commitment === "" ? null : Number(commitment),
    accountManagerId: id(v.accountManagerId),
    technicalAccountManagerId: id(v.technicalAccountManagerId),
    hotline: v.hotline,
    supportEmail: v.supportEmail,
    chatHandle: v.chatHandle,
    groupLink: v.groupLink,
  };
}

/** The form's problems: the server's own rules, plus a commitment that is not a number at all. */
function issuesOf(v: OrganizationValues): OrganizationIssue[] {
  const input = toInput(v);
  if (input.availabilityCommitment !== null && !Number.isFinite(input.availabilityCommitment))
    return [
      ...validateOrganization({ ...input, availabilityCommitment: null }),
      { field: "availabilityCommitment", code: "commitmentRange", values: { min: 90, max: 100 } },
    ];
  return validateOrganization(input);
}

/**
 * The organization form's one state: the fields, which ones the admin has left (their errors show
 * then, or after a submit), a refusal the server placed on a field, and the save. The form refuses
 * what the server would, with the server's own `validateOrganization`; what needs the database (a
 * taken name, an account manager who left) comes back from the server and is shown at its field.
 */
export function useOrganizationForm(
  record: OrganizationRecord | null,
  choices: OrganizationChoices,
  formRef: RefObject<HTMLFormElement | null>,
) {
  const t = useTranslations("organizationsAdmin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const serverErrorText = useServerErrorText();
  const uid = useId();
  const [saved, setSaved] = useState(record);
  const [values, setValues] = useState(() => toValues(record, choices));
  const [touched, setTouched] = useState<ReadonlySet<OrganizationField>>(new Set());
  const [submitted, setSubmitted] = useState(0);
  const [serverError, setServerError] = useState<{ field: OrganizationField | null; message: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const issues = useMemo(() => issuesOf(values), [values]);
  const byField = new Map<OrganizationField, OrganizationIssue>();
  for (const issue of issues) if (!byField.has(issue.field)) byField.set(issue.field, issue);
  const baseline = useMemo(() => JSON.stringify(toValues(saved, choices)), [saved, choices]);
  const dirty = JSON.stringify(values) !== baseline;

  /** A field's error: its own once left or after a submit, else the server's refusal placed on it. */
  const errorFor = (field: OrganizationField): string | null => {
    const issue = submitted > 0 || touched.has(field) ? byField.get(field) : undefined;
    if (issue) return t(`issues.${issue.code}`, issue.values ?? {});
    return serverError?.field === field ? serverError.message : null;
  };

  useEffect(() => {
    const first = submitted > 0 ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    first?.scrollIntoView({ block: "center" });
    first?.focus({ preventScroll: true });
  }, [submitted, formRef]);

  const onServerError = (err: Parameters<typeof serverErrorText>[0]) => {
    const field = err.data?.messageValues?.field;
    setServerError({
      field: typeof field === "string" && field in values ? (field as OrganizationField) : null,
      message: serverErrorText(err),
    });
    setSubmitted((n) => n + 1);
  };

  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess: (created) => {
        queryClient.setQueryData(trpc.organizations.get.queryKey({ id: created.id }), created);
        void queryClient.invalidateQueries({ queryKey: trpc.organizations.list.queryKey() });
        router.push(`/admin/organizations/${created.id}?created=1`);
      },
      onError: onServerError,
    }),
  );
  const update = useMutation(
    trpc.organizations.update.mutationOptions({
      onSuccess: (res) => {
        queryClient.setQueryData(trpc.organizations.get.queryKey({ id: res.organization.id }), res.organization);
        setSaved(res.organization);
        setValues(toValues(res.organization, choices));
        setTouched(new Set());
        setSubmitted(0);
        setStatus(
          res.changed.includes("tierCode")
            ? t("savedTier", { n: res.openTicketsKeepingTargets })
            : res.changed.includes("calendarId") && res.ticketsRefreshed > 0
              ? t("savedCalendar", { n: res.ticketsRefreshed })
              : res.changed.length === 0
                ? t("savedNoChange")
                : t("saved"),
        );
        router.refresh();
      },
      onError: onServerError,
    }),
  );

  function set(field: OrganizationField, value: string) {
    setStatus(null);
    if (serverError?.field === field) setServerError(null);
    setValues((v) => {
      const next = { ...v, [field]: value };
      // The region's calendar follows the region, unless the admin had chosen another region's calendar.
      if (field === "region") {
        const current = choices.calendars.find((c) => String(c.id) === v.calendarId);
        const regional = choices.calendars.find((c) => c.region === value);
        if (regional && (!current || current.region === v.region)) next.calendarId = String(regional.id);
      }
      return next;
    });
  }
  const touch = (field: OrganizationField) => setTouched((s) => new Set(s).add(field));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    setServerError(null);
    if (issues.length) {
      setSubmitted((n) => n + 1);
      return;
    }
    const input = toInput(values);
    if (saved) update.mutate({ ...input, id: saved.id });
    else create.mutate(input);
  }

  function discard() {
    setValues(toValues(saved, choices));
    setTouched(new Set());
    setSubmitted(0);
    setServerError(null);
    setStatus(null);
  }

  return {
    uid,
    values,
    saved,
    set,
    touch,
    errorFor,
    dirty,
    submitted: submitted > 0,
    hasIssues: issues.length > 0,
    serverError: serverError?.message ?? null,
    status,
    saving: create.isPending || update.isPending || (create.isSuccess && !saved),
    onSubmit,
    discard,
  };
}

export type OrganizationFormState = ReturnType<typeof useOrganizationForm>;

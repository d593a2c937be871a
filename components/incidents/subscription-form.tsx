"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useFormErrors } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ProductArea, Region } from "@/db/schema/enums";

export type SubscriptionValue = {
  productAreas: ProductArea[];
  regions: Region[];
  incidents: boolean;
  maintenance: boolean;
  isDefault: boolean;
  /** As saved: whether it tells its holder anything (the server's rule). */
  subscribed: boolean;
};

/** The form's words, translated by the server component that renders it (components/incidents/subscription-card.tsx). */
export type SubscriptionLabels = {
  kinds: string;
  incidents: string;
  maintenance: string;
  areas: string;
  regions: string;
  all: string;
  save: string;
  saved: string;
  unsubscribed: string;
  unsubscribe: string;
  unsubscribeHint: string;
  subscribed: string;
  notSubscribed: string;
  defaultNote: string | null;
};

type Option<T> = { value: T; label: string };

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

function Checks<T extends string>({
  legend,
  allLabel,
  options,
  chosen,
  onChange,
  columns = 1,
}: {
  columns?: 1 | 2;
  legend: string;
  allLabel: string;
  options: Option<T>[];
  chosen: T[];
  onChange: (next: T[]) => void;
}) {
  const all = options.every((o) => chosen.includes(o.value));
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => onChange(e.target.checked ? options.map((o) => o.value) : [])}
        />
        {allLabel}
      </label>
      <div className={`mt-1 grid gap-1 ${columns === 2 ? "sm:grid-cols-2" : ""}`}>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={o.value}
              checked={chosen.includes(o.value)}
              onChange={(e) => onChange(toggle(chosen, o.value, e.target.checked))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A customer's subscription to incident and maintenance notices: which kinds, product areas and
 * regions (decision 027). Shown on the account page and offered on the status page.
 */
export function SubscriptionForm({
  initial,
  labels,
  areas,
  regions,
}: {
  initial: SubscriptionValue;
  labels: SubscriptionLabels;
  areas: Option<ProductArea>[];
  regions: Option<Region>[];
}) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [value, setValue] = useState(initial);
  // What is saved, as the server answered: the badge and the message say what is in force, not what is ticked.
  const [stored, setStored] = useState(initial);
  const [saved, setSaved] = useState(false);
  // The Unsubscribe button goes once used: the focus moves to the sentence saying so.
  const [focusStatus, setFocusStatus] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved && focusStatus) status.current?.focus();
  }, [saved, focusStatus]);
  const { formError, clearErrors, onError } = useFormErrors();
  const save = useMutation(
    trpc.incidents.subscribe.mutationOptions({
      onMutate: () => {
        clearErrors();
        setSaved(false);
      },
      onError,
      onSuccess: (next) => {
        setValue(next);
        setStored(next);
        setSaved(true);
      },
    }),
  );
  return (
    <form
      aria-label={labels.kinds}
      onSubmit={(e) => {
        e.preventDefault();
        setFocusStatus(false);
        save.mutate({
          productAreas: value.productAreas,
          regions: value.regions,
          incidents: value.incidents,
          maintenance: value.maintenance,
        });
      }}
    >
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <Badge tone={stored.subscribed ? "green" : "neutral"}>
          {stored.subscribed ? labels.subscribed : labels.notSubscribed}
        </Badge>
        {stored.isDefault && labels.defaultNote ? <span>{labels.defaultNote}</span> : null}
      </p>
      <fieldset aria-describedby="subscription-kinds-hint">
        <legend className="text-sm font-medium text-slate-700">{labels.kinds}</legend>
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="incidents"
            checked={value.incidents}
            onChange={(e) => setValue({ ...value, incidents: e.target.checked })}
          />
          {labels.incidents}
        </label>
        <label className="mt-1 flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="maintenance"
            checked={value.maintenance}
            onChange={(e) => setValue({ ...value, maintenance: e.target.checked })}
          />
          {labels.maintenance}
        </label>
        <p id="subscription-kinds-hint" className="mt-1 text-xs text-slate-500">
          {labels.unsubscribeHint}
        </p>
      </fieldset>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Checks
          legend={labels.areas}
          allLabel={labels.all}
          options={areas}
          columns={2}
          chosen={value.productAreas}
          onChange={(productAreas) => setValue({ ...value, productAreas })}
        />
        <Checks
          legend={labels.regions}
          allLabel={labels.all}
          options={regions}
          chosen={value.regions}
          onChange={(next) => setValue({ ...value, regions: next })}
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={!hydrated || save.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {labels.save}
        </button>
        {stored.subscribed ? (
          // As a status page offers it: one click stops every notice (saving with no kind ticked does too).
          <button
            type="button"
            disabled={!hydrated || save.isPending}
            onClick={() => {
              setFocusStatus(true);
              save.mutate({ productAreas: [], regions: [], incidents: false, maintenance: false });
            }}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
          >
            {labels.unsubscribe}
          </button>
        ) : null}
      </div>
      {formError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      {saved ? (
        <p
          ref={status}
          role="status"
          tabIndex={-1}
          className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 focus:outline-none"
        >
          {stored.subscribed ? labels.saved : labels.unsubscribed}
        </p>
      ) : null}
    </form>
  );
}

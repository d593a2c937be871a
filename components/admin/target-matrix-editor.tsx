"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { DATE_TIME_WITH_ZONE, formatTarget } from "@/components/format";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { useTRPC } from "@/components/trpc/client";
import { CALENDAR_MODES, METRICS, PRIORITIES, type CalendarMode, type TierCode } from "@/db/schema/enums";
import {
  formatAmount,
  NOTE_MAX,
  parseTargetAmount,
  preferredUnit,
  TARGET_UNITS,
  type Metric,
  type Priority,
  type TargetCell,
  type TargetCellDraft,
  type TargetUnit,
} from "@/server/admin/target-matrix";
import type { AppRouter } from "@/server/api/root";
import {
  Button,
  FieldError,
  FormAlert,
  inputBase,
  inputClass,
  labelClass,
  LoadError,
  LoadingCard,
  StatusNote,
  useServerErrorText,
} from "./controls";

type Versions = inferRouterOutputs<AppRouter>["admin"]["targetVersions"]["versions"];
type Version = Versions[number];
type CellState = { text: string; unit: TargetUnit; mode: CalendarMode };
type CellKey = `${Priority}:${Metric}`;

const cellKey = (p: Priority, m: Metric): CellKey => `${p}:${m}`;

/** The admin's target page: the matrix in force as an editable form, and every version before it. */
export function TargetMatrixEditor({
  tierCode,
  businessDayMinutes,
}: {
  tierCode: TierCode;
  /** The regional calendars' usual business day; null when no calendar is ever open. */
  businessDayMinutes: number | null;
}) {
  const trpc = useTRPC();
  const t = useTranslations("adminEdit");
  const tt = useTranslations();
  const format = useFormatter();
  const query = useQuery(trpc.admin.targetVersions.queryOptions({ tierCode }));
  const [status, setStatus] = useState<string | null>(null);
  if (query.isPending) return <LoadingCard />;
  if (query.isError) return <LoadError onRetry={() => void query.refetch()} />;
  const current = query.data.versions[0];
  if (!current) return <LoadError onRetry={() => void query.refetch()} />;
  const tier = tt(`tier.${tierCode}`);
  return (
    <>
      <PageHeader title={t("targets.title", { tier })} description={t("targets.subtitle", { tier })} />
      <div className="space-y-6">
        <StatusNote message={status} />
        <MatrixForm
          key={current.version}
          tierCode={tierCode}
          current={current}
          // Without an open calendar there is no business day: the unit is not offered, and no amount equals one.
          businessDayMinutes={businessDayMinutes ?? Number.POSITIVE_INFINITY}
          inForce={t("targets.inForce", {
            version: current.version,
            date: format.dateTime(current.createdAt, DATE_TIME_WITH_ZONE),
          })}
          onSaved={(version) => setStatus(t("targets.saved", { version }))}
          onReload={() => void query.refetch()}
        />
        <VersionHistory versions={query.data.versions} businessDayMinutes={businessDayMinutes} />
      </div>
    </>
  );
}

function initialCells(cells: readonly TargetCell[], businessDayMinutes: number): Record<CellKey, CellState> {
  const out = {} as Record<CellKey, CellState>;
  for (const p of PRIORITIES) {
    for (const m of METRICS) {
      const cell = cells.find((c) => c.priority === p && c.metric === m);
      out[cellKey(p, m)] = cell
        ? {
            text: formatAmount(
              cell.minutes,
              preferredUnit(cell.minutes, cell.calendarMode, businessDayMinutes),
              businessDayMinutes,
            ),
            unit: preferredUnit(cell.minutes, cell.calendarMode, businessDayMinutes),
            mode: cell.calendarMode,
          }
        : { text: "", unit: "hours", mode: "business" };
    }
  }
  return out;
}

function MatrixForm({
  tierCode,
  current,
  businessDayMinutes,
  inForce,
  onSaved,
  onReload,
}: {
  tierCode: TierCode;
  current: Version;
  businessDayMinutes: number;
  inForce: string;
  onSaved: (version: number) => void;
  onReload: () => void;
}) {
  const t = useTranslations("adminEdit");
  const tt = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverErrorText = useServerErrorText();
  const uid = useId();
  const [cells, setCells] = useState(() => initialCells(current.cells, businessDayMinutes));
  const [note, setNote] = useState("");
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(0);
  const [serverError, setServerError] = useState<{ text: string; stale: boolean } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const parsed = Object.fromEntries(
    Object.entries(cells).map(([k, c]) => [k, parseTargetAmount(c.text, c.unit, businessDayMinutes)]),
  ) as Record<CellKey, ReturnType<typeof parseTargetAmount>>;
  const drafts: TargetCellDraft[] = PRIORITIES.flatMap((priority) =>
    METRICS.map((metric) => {
      const r = parsed[cellKey(priority, metric)];
      return {
        priority,
        metric,
        minutes: "minutes" in r ? r.minutes : null,
        calendarMode: cells[cellKey(priority, metric)].mode,
      };
    }),
  );
  const isChanged = (p: Priority, m: Metric) => {
    const r = parsed[cellKey(p, m)];
    if (!("minutes" in r)) return true;
    const before = current.cells.find((c) => c.priority === p && c.metric === m);
    if (r.minutes === null || !before) return (r.minutes === null) !== !before;
    return r.minutes !== before.minutes || cells[cellKey(p, m)].mode !== before.calendarMode;
  };
  const changedCount = PRIORITIES.reduce((n, p) => n + METRICS.filter((m) => isChanged(p, m)).length, 0);
  const cellIssues = Object.entries(parsed).filter(([, r]) => "issue" in r).length;
  const noteIssue = note.trim().length === 0 ? "noteRequired" : note.trim().length > NOTE_MAX ? "noteTooLong" : null;
  const hasIssues = cellIssues > 0 || noteIssue !== null;

  useEffect(() => {
    const first = submitted > 0 ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    // Centred, so the sticky save bar does not cover the field that needs attention.
    first?.scrollIntoView({ block: "center" });
    first?.focus({ preventScroll: true });
  }, [submitted]);

  const save = useMutation(
    trpc.admin.saveTargets.mutationOptions({
      onSuccess: async (res) => {
        onSaved(res.version);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.targetVersions.queryKey({ tierCode }) });
      },
      onError: (err) => setServerError({ text: serverErrorText(err), stale: err.data?.code === "CONFLICT" }),
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setServerError(null);
    if (hasIssues) {
      setSubmitted((n) => n + 1);
      return;
    }
    save.mutate({ tierCode, baseVersion: current.version, note, cells: drafts });
  }

  const setCell = (key: CellKey, patch: Partial<CellState>) =>
    setCells((all) => ({ ...all, [key]: { ...all[key], ...patch } }));
  const touch = (field: string) => setTouched((s) => new Set(s).add(field));

  /** Changing the unit keeps the target: the amount is restated in the new unit. */
  function changeUnit(key: CellKey, unit: TargetUnit) {
    const r = parsed[key];
    setCell(
      key,
      "minutes" in r && r.minutes !== null
        ? { unit, text: formatAmount(r.minutes, unit, businessDayMinutes) }
        : { unit },
    );
  }

  function changeMode(key: CellKey, mode: CalendarMode) {
    if (mode === "always" && cells[key].unit === "businessDays") {
      const r = parsed[key];
      setCell(
        key,
        "minutes" in r && r.minutes !== null
          ? { mode, unit: "hours", text: formatAmount(r.minutes, "hours", businessDayMinutes) }
          : { mode, unit: "hours" },
      );
    } else setCell(key, { mode });
  }

  const noteError =
    submitted > 0 || touched.has("note") ? (noteIssue ? t(`issues.${noteIssue}`, { max: NOTE_MAX }) : null) : null;

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-6">
      <Card id={`${uid}-matrix`} title={t("targets.matrix")} description={inForce}>
        <p className="mb-4 text-sm text-slate-600">
          {t("targets.matrixHint")} {t("targets.workaroundHint")}
        </p>
        <div className="space-y-4">
          {PRIORITIES.map((p) => (
            <fieldset key={p} className="rounded-lg border border-slate-200 px-4 pt-2 pb-4">
              <legend className="px-1">
                <Badge tone={PRIORITY_TONE[p]}>{tt(`priority.${p}`)}</Badge>
              </legend>
              <div className="grid gap-4 md:grid-cols-3">
                {METRICS.map((m) => {
                  const key = cellKey(p, m);
                  const cell = cells[key];
                  const r = parsed[key];
                  const id = `${uid}-${p}-${m}`;
                  const metric = tt(`metric.${m}`);
                  const error =
                    "issue" in r && (submitted > 0 || touched.has(key)) ? t(`issues.${r.issue}`, r.values ?? {}) : null;
                  const minutes = "minutes" in r ? r.minutes : null;
                  const changed = isChanged(p, m);
                  return (
                    <div key={m} className={`rounded-md p-2 ${changed ? "bg-amber-50 ring-1 ring-amber-200" : ""}`}>
                      <div className="flex items-center justify-between gap-2">
                        <label htmlFor={id} className={labelClass}>
                          {metric}
                        </label>
                        {changed ? (
                          <span className="text-xs font-medium text-amber-800">{t("targets.changed")}</span>
                        ) : null}
                      </div>
                      <div className="mt-1 flex gap-2">
                        <input
                          id={id}
                          value={cell.text}
                          inputMode="decimal"
                          autoComplete="off"
                          placeholder={t("targets.noTarget")}
                          onChange={(e) => setCell(key, { text: e.target.value })}
                          onBlur={() => touch(key)}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
                          className={`w-20 shrink-0 tabular-nums ${inputBase}`}
                        />
                        <select
                          aria-label={t("targets.unit", { metric })}
                          value={cell.unit}
                          onChange={(e) => changeUnit(key, e.target.value as TargetUnit)}
                          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
                        >
                          {TARGET_UNITS.filter(
                            (u) =>
                              u !== "businessDays" || (cell.mode === "business" && Number.isFinite(businessDayMinutes)),
                          ).map((u) => (
                            <option key={u} value={u}>
                              {t(`targets.units.${u}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <select
                        aria-label={t("targets.coverage", { metric })}
                        value={cell.mode}
                        onChange={(e) => changeMode(key, e.target.value as CalendarMode)}
                        className="mt-2 w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
                      >
                        {CALENDAR_MODES.map((mode) => (
                          <option key={mode} value={mode}>
                            {tt(`coverage.${mode}`)}
                          </option>
                        ))}
                      </select>
                      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
                        {"issue" in r
                          ? null
                          : minutes === null
                            ? t("targets.noTarget")
                            : cell.unit === "minutes"
                              ? formatTarget(tt, minutes, cell.mode, businessDayMinutes)
                              : `${formatTarget(tt, minutes, cell.mode, businessDayMinutes)} ${t("targets.equals", { minutes })}`}
                      </p>
                      <FieldError id={`${id}-error`} message={error} />
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
        <div className="mt-5">
          <label htmlFor={`${uid}-note`} className={labelClass}>
            {t("targets.note")}
          </label>
          <textarea
            id={`${uid}-note`}
            value={note}
            rows={2}
            maxLength={NOTE_MAX + 50}
            placeholder={t("targets.notePlaceholder")}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => touch("note")}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${uid}-note-error` : undefined}
            className={`mt-1 ${inputClass}`}
          />
          <FieldError id={`${uid}-note-error`} message={noteError} />
        </div>
      </Card>

      <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-5">
        {submitted > 0 && hasIssues ? <FormAlert>{t("fixErrors")}</FormAlert> : null}
        {serverError ? (
          <FormAlert>
            {t("saveFailed", { message: serverError.text })}
            {serverError.stale ? (
              <Button variant="link" className="ml-2 !text-red-800 underline" onClick={onReload}>
                {t("targets.reload")}
              </Button>
            ) : null}
          </FormAlert>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {save.isPending ? t("saving") : t("targets.save", { version: current.version + 1 })}
          </button>
          {changedCount > 0 || note ? (
            <Button
              onClick={() => {
                setCells(initialCells(current.cells, businessDayMinutes));
                setNote("");
                setTouched(new Set());
                setSubmitted(0);
                setServerError(null);
              }}
            >
              {t("discard")}
            </Button>
          ) : null}
          <span className="text-sm text-slate-600">{t("targets.changedCount", { n: changedCount })}</span>
        </div>
      </div>
    </form>
  );
}

function VersionHistory({ versions, businessDayMinutes }: { versions: Versions; businessDayMinutes: number | null }) {
  const t = useTranslations("adminEdit");
  const tt = useTranslations();
  const format = useFormatter();
  const describe = (v: { minutes: number; calendarMode: CalendarMode } | null) =>
    v
      ? `${formatTarget(tt, v.minutes, v.calendarMode, businessDayMinutes)} · ${tt(`coverage.${v.calendarMode}`)}`
      : t("targets.none");
  return (
    <Card id="target-history" title={t("targets.history")} description={t("targets.historyDescription")}>
      <ol className="space-y-3">
        {versions.map((v, i) => (
          <li key={v.id} className="rounded-lg border border-slate-200 p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("targets.version", { version: v.version })}</h3>
              {i === 0 ? <Badge tone="green">{t("targets.current")}</Badge> : null}
            </div>
            <p className="mt-0.5 text-xs text-slate-500">
              {v.createdByName
                ? t("targets.by", {
                    date: format.dateTime(v.createdAt, DATE_TIME_WITH_ZONE),
                    name: v.createdByName,
                  })
                : t("targets.bySystem", {
                    date: format.dateTime(v.createdAt, DATE_TIME_WITH_ZONE),
                  })}
            </p>
            <p className="mt-2 text-sm text-slate-800">
              {v.note ?? <span className="text-slate-500">{t("targets.noNote")}</span>}
            </p>
            {v.changes === null ? (
              <p className="mt-1 text-sm text-slate-600">{t("targets.initial")}</p>
            ) : v.changes.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">{t("targets.noChanges")}</p>
            ) : (
              <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
                {v.changes.map((c) => (
                  <li key={`${c.priority}:${c.metric}`}>
                    {t("targets.change", {
                      priority: tt(`priority.${c.priority}`),
                      metric: tt(`metric.${c.metric}`),
                      before: describe(c.before),
                      after: describe(c.after),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-brand-700">
                {t("targets.showMatrix", { version: v.version })}
              </summary>
              <ScrollRegion label={t("targets.version", { version: v.version })} className="mt-2 overflow-x-auto">
                <table className="w-full border-collapse text-sm">
                  <caption className="sr-only">{t("targets.version", { version: v.version })}</caption>
                  <thead>
                    <tr>
                      <th
                        scope="col"
                        className="border-b border-slate-200 px-2 py-1 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase"
                      >
                        {tt("home.customer.priorityColumn")}
                      </th>
                      {METRICS.map((m) => (
                        <th
                          key={m}
                          scope="col"
                          className="border-b border-slate-200 px-2 py-1 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase"
                        >
                          {tt(`metric.${m}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {PRIORITIES.map((p) => (
                      <tr key={p}>
                        <th
                          scope="row"
                          className="border-b border-slate-100 px-2 py-1 text-left font-medium whitespace-nowrap text-slate-900"
                        >
                          {tt(`priority.${p}`)}
                        </th>
                        {METRICS.map((m) => {
                          const cell = v.cells.find((c) => c.priority === p && c.metric === m);
                          return (
                            <td key={m} className="border-b border-slate-100 px-2 py-1 text-slate-700">
                              {cell ? describe(cell) : <span className="text-slate-500">{t("targets.none")}</span>}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </details>
          </li>
        ))}
      </ol>
    </Card>
  );
}

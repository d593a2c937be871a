"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { AttachmentPicker, type PickerState } from "@/components/attachments/attachment-picker";
import { useTRPC } from "@/components/trpc/client";
import { ErrorSummary, inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { dayWriter } from "@/components/format";
import {
  FAULT_ENVIRONMENTS,
  PRIORITIES,
  PRODUCT_AREAS,
  SDK_PLATFORMS,
  TICKET_CATEGORIES,
  USERS_AFFECTED,
  type FaultEnvironment,
  type Priority,
  type ProductArea,
  type TicketCategory,
  type UsersAffected,
} from "@/db/schema/enums";
import { allowedPriorities, isPriorityAllowed, isOutsideSla, priorityFloor } from "@/server/tickets/priorities";
import { filingProblems } from "./filing-check";

/** The time zone conversions (luxon), loaded when the fault's start time is first needed. */
const loadZoned = () => import("@/components/incidents/zoned");

/** Product areas whose faults happen in a channel between users: the form asks for the channel and user ids. */
const CHANNEL_AREAS: readonly ProductArea[] = [
  "voice_calling",
  "video_calling",
  "live_streaming",
  "realtime_messaging",
];

/**
 * The customer's ticket form: the meaning of each priority beside the choice, the fault details an
 * engineer needs (by product area), files with their upload progress, field messages from the server.
 */
export function NewTicketForm({ staff = false, zoneLabel }: { staff?: boolean; zoneLabel: string }) {
  const tt = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [category, setCategory] = useState<string>("");
  const [who, setWho] = useState("");
  const params = useSearchParams();
  const [subject, setSubject] = useState(() => (params.get("subject") ?? "").slice(0, 200));
  const [query, setQuery] = useState("");
  const filed = useRef(false);
  const typed = useRef("");
  const deflection = useMutation(trpc.tickets.deflection.mutationOptions());
  const record = deflection.mutate;
  useEffect(() => {
    const id = window.setTimeout(() => setQuery(subject.trim()), 300);
    return () => window.clearTimeout(id);
  }, [subject]);
  useEffect(() => {
    if (staff) return;
    const leave = () => {
      if (!filed.current && typed.current.length >= 2) record({ kind: "abandoned", query: typed.current });
      typed.current = "";
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [staff, record]);
  const longEnough = /[\u3400-\u9fff]/.test(query) ? query.length >= 2 : query.length >= 3;
  const suggestions = useQuery({
    ...trpc.kb.search.queryOptions({ q: query, limit: 5, logGaps: false }),
    enabled: !staff && longEnough,
  });
  const requesters = useQuery({
    ...trpc.tickets.requesters.queryOptions({ query: who, limit: 20 }),
    enabled: staff && who.trim().length >= 2,
  });
  const [priority, setPriority] = useState<Priority>("P2");
  // The fault's refusals (its start) name the start time's field.
  const { errors, clearErrors, onError, fieldError, summary, setFormError, report } = useFormErrors({
    fieldId: (name) => (name === "fault" ? "startedAt" : name),
  });
  /** aria-invalid and aria-describedby of a field's control, naming its error when it has one. */
  const described = (name: string, hint?: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  /** Set while the submit waits for the time zone code: the button is disabled, a second submit ignored. */
  const [preparing, setPreparing] = useState(false);
  const preparingNow = useRef(false);
  const [description, setDescription] = useState("");
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const preview = useMutation(
    trpc.tickets.preview.mutationOptions({
      onMutate: clearErrors,
      // A text over the limits is refused with what to fix, in the form's error line.
      onError,
      onSuccess: ({ html }) => setPreviewHtml(html),
    }),
  );
  /** The ticket this form's submit repeats (a retry after a lost answer, a second tab): the server names it. */
  const [filedAs, setFiledAs] = useState<number | null>(null);
  const create = useMutation(
    trpc.tickets.create.mutationOptions({
      onMutate: () => setFiledAs(null),
      onError: (err) => {
        onError(err);
        const id = err.data?.messageKey === "tickets.errors.repeatedTicket" ? err.data.messageValues?.id : null;
        setFiledAs(typeof id === "number" ? id : null);
      },
    }),
  );
  const zone = useTimeZone() ?? "UTC";
  const [area, setArea] = useState<string>("");
  const [platform, setPlatform] = useState("");
  const [version, setVersion] = useState("");
  const [checkedVersion, setCheckedVersion] = useState("");
  useEffect(() => {
    const id = window.setTimeout(() => setCheckedVersion(version.trim()), 400);
    return () => window.clearTimeout(id);
  }, [version]);
  const chosenPlatform = SDK_PLATFORMS.find((p) => p === platform) ?? null;
  const support = useQuery({
    ...trpc.lifecycle.check.queryOptions({ platform: chosenPlatform ?? "android", version: checkedVersion || "0" }),
    enabled: chosenPlatform !== null && checkedVersion.length > 0,
  });
  const [files, setFiles] = useState<PickerState>({ uploadIds: [], busy: false });
  const onFiles = useCallback((s: PickerState) => setFiles(s), []);
  const chosen = TICKET_CATEGORIES.find((c) => c === category) ?? null;
  const floor = chosen ? priorityFloor(chosen) : null;
  const allowed: readonly Priority[] = chosen ? allowedPriorities(chosen) : PRIORITIES;

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={async (e) => {
        e.preventDefault();
        if (preparingNow.current || create.isPending) return;
        const f = new FormData(e.currentTarget);
        clearErrors();
        const started = String(f.get("startedAt") ?? "");
        // The time zone library is loaded only when the field is filled in (the field starts the
        // load): it is 22 kB of compressed JavaScript the form's first load need not carry (issue 25).
        let startedAt: Date | null = null;
        if (started) {
          preparingNow.current = true;
          setPreparing(true);
          try {
            startedAt = (await loadZoned()).fromLocalInput(started, zone);
          } catch {
            setFormError(tt("tickets.form.loadFailed"));
            return;
          } finally {
            preparingNow.current = false;
            setPreparing(false);
          }
        }
        const input = {
          subject: String(f.get("subject") ?? ""),
          description: String(f.get("description") ?? ""),
          productArea: String(f.get("productArea") ?? "") as (typeof PRODUCT_AREAS)[number],
          category: String(f.get("category") ?? "") as TicketCategory,
          watchers: String(f.get("watchers") ?? "")
            .split(/[\s,;，；]+/)
            .filter(Boolean),
        };
        const requesterId = staff ? Number(f.get("requesterId")) || null : null;
        // Every problem the form can find is shown at once; the server checks again (and who may watch).
        const problems = filingProblems({ ...input, priority, startedAt, requesterId, staff }, new Date());
        if (Object.keys(problems).length > 0) {
          report(
            Object.fromEntries(
              Object.entries(problems).map(([name, list]) => [name, list.map((p) => tt(p.key, p.values))]),
            ),
          );
          return;
        }
        create.mutate(
          {
            ...input,
            priority,
            sdkPlatform: String(f.get("sdkPlatform") ?? "") || null,
            sdkVersion: String(f.get("sdkVersion") ?? "") || null,
            attachmentIds: files.uploadIds,
            fault: {
              environment: (String(f.get("environment") ?? "") || null) as FaultEnvironment | null,
              usersAffected: (String(f.get("usersAffected") ?? "") || null) as UsersAffected | null,
              startedAt,
              appId: String(f.get("appId") ?? "").trim() || null,
              channelName: String(f.get("channelName") ?? "").trim() || null,
              userIds: String(f.get("userIds") ?? "").trim() || null,
              reproSteps: String(f.get("reproSteps") ?? "").trim() || null,
            },
            ...(staff
              ? {
                  requesterId: requesterId ?? undefined,
                  channel: String(f.get("channel") ?? "phone") as "phone",
                }
              : {}),
          },
          {
            onSuccess: ({ id }) => {
              filed.current = true;
              router.push(`/tickets/${id}`);
            },
          },
        );
      }}
    >
      {staff ? (
        <div className="grid gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2">
          <div>
            <label htmlFor="requester-search" className="block text-sm font-medium text-slate-700">
              {tt("tickets.form.requesterSearch")}
            </label>
            <input id="requester-search" value={who} onChange={(e) => setWho(e.target.value)} className={inputClass} />
            <label htmlFor="requesterId" className="mt-2 block text-sm font-medium text-slate-700">
              {tt("tickets.form.requester")}
            </label>
            <select
              id="requesterId"
              name="requesterId"
              required
              className={inputClass}
              defaultValue=""
              {...described("requesterId")}
            >
              <option value="" disabled>
                {tt("tickets.form.choose")}
              </option>
              {(requesters.data ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} · {r.email} · {r.organization}
                </option>
              ))}
            </select>
            {fieldError("requesterId")}
          </div>
          <div>
            <label htmlFor="channel" className="block text-sm font-medium text-slate-700">
              {tt("tickets.form.channel")}
            </label>
            <select id="channel" name="channel" defaultValue="phone" className={inputClass}>
              {(["phone", "email", "chat"] as const).map((c) => (
                <option key={c} value={c}>
                  {tt(`tickets.channels.${c}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <div>
        <label htmlFor="subject" className="block text-sm font-medium text-slate-700">
          {tt("tickets.form.subject")}
        </label>
        <input
          id="subject"
          name="subject"
          required
          maxLength={200}
          value={subject}
          onChange={(e) => {
            setSubject(e.target.value);
            typed.current = e.target.value.trim();
          }}
          {...described("subject")}
          className={inputClass}
        />
        {fieldError("subject")}
        {!staff && longEnough && suggestions.data ? (
          <div
            role="region"
            aria-label={tt("tickets.form.suggestions")}
            aria-live="polite"
            className="mt-2 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm"
          >
            <p className="font-medium text-brand-900">
              {suggestions.data.items.length > 0 ? tt("tickets.form.suggestions") : tt("tickets.form.suggestionsNone")}
            </p>
            <ul className="mt-1 space-y-1">
              {suggestions.data.items.map((a) => (
                <li key={a.id}>
                  <Link
                    href={`/kb/${a.slug}?lang=${a.locale}`}
                    target="_blank"
                    rel="noopener"
                    onClick={() => record({ kind: "suggestion_opened", articleId: a.id, query })}
                    className="text-brand-700 underline"
                  >
                    {a.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="productArea" className="block text-sm font-medium text-slate-700">
            {tt("tickets.form.productArea")}
          </label>
          <select
            id="productArea"
            name="productArea"
            required
            value={area}
            onChange={(e) => setArea(e.target.value)}
            {...described("productArea")}
            className={inputClass}
          >
            <option value="" disabled>
              {tt("tickets.form.choose")}
            </option>
            {PRODUCT_AREAS.map((a) => (
              <option key={a} value={a}>
                {tt(`tickets.productAreas.${a}`)}
              </option>
            ))}
          </select>
          {fieldError("productArea")}
        </div>
        <div>
          <label htmlFor="category" className="block text-sm font-medium text-slate-700">
            {tt("tickets.form.category")}
          </label>
          <select
            id="category"
            name="category"
            required
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              const next = TICKET_CATEGORIES.find((c) => c === e.target.value);
              if (next && !isPriorityAllowed(next, priority)) setPriority(priorityFloor(next) ?? priority);
            }}
            {...described("category")}
            className={inputClass}
          >
            <option value="" disabled>
              {tt("tickets.form.choose")}
            </option>
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tt(`tickets.categories.${c}`)}
              </option>
            ))}
          </select>
          {fieldError("category")}
          {chosen && isOutsideSla(chosen) ? (
            <p className="mt-1 text-sm text-slate-600">{tt("tickets.form.customDev")}</p>
          ) : null}
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{tt("tickets.form.priority")}</legend>
        {floor ? <p className="mt-1 text-sm text-amber-800">{tt("tickets.form.securityFloor")}</p> : null}
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {PRIORITIES.map((p) => (
            <label
              key={p}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm ${priority === p ? "border-brand-600 bg-brand-50" : "border-slate-200"} ${allowed.includes(p) ? "" : "cursor-not-allowed opacity-50"}`}
            >
              <input
                type="radio"
                name="priority"
                value={p}
                checked={priority === p}
                disabled={!allowed.includes(p)}
                onChange={() => setPriority(p)}
                className="mt-1"
              />
              <span>
                <span className="block font-semibold text-slate-900">{tt(`priority.${p}`)}</span>
                <span className="block text-slate-600">{tt(`tickets.priorityMeaning.${p}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError("priority")}
      </fieldset>
      <div>
        <label htmlFor="description" className="block text-sm font-medium text-slate-700">
          {tt("tickets.form.description")}
        </label>
        {previewHtml === null ? (
          <textarea
            id="description"
            name="description"
            rows={8}
            required
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            {...described("description", "description-hint")}
            className={inputClass}
          />
        ) : (
          <>
            <input type="hidden" name="description" value={description} />
            <div
              id="description"
              role="region"
              aria-label={tt("tickets.form.preview")}
              className="kb-prose mt-1 min-h-32 rounded-md border border-slate-200 bg-slate-50 px-3 py-2"
              dangerouslySetInnerHTML={{ __html: previewHtml }}
            />
          </>
        )}
        <button
          type="button"
          onClick={() => (previewHtml === null ? preview.mutate({ markdown: description }) : setPreviewHtml(null))}
          className="mt-1 text-sm font-medium text-brand-700 hover:underline"
        >
          {previewHtml === null ? tt("tickets.form.preview") : tt("tickets.form.edit")}
        </button>
        <p id="description-hint" className="mt-1 text-xs text-slate-500">
          {tt("tickets.form.descriptionHint")}
        </p>
        {fieldError("description")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="sdkPlatform" className="block text-sm font-medium text-slate-700">
            {tt("tickets.form.sdkPlatform")}
          </label>
          <select
            id="sdkPlatform"
            name="sdkPlatform"
            value={platform}
            onChange={(e) => setPlatform(e.target.value)}
            className={inputClass}
          >
            <option value="">—</option>
            {SDK_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {tt(`sdkPlatform.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sdkVersion" className="block text-sm font-medium text-slate-700">
            {tt("tickets.form.sdkVersion")}
          </label>
          <input
            id="sdkVersion"
            name="sdkVersion"
            maxLength={40}
            placeholder="4.5.0"
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            aria-describedby="sdk-support"
            className={inputClass}
          />
        </div>
        <div id="sdk-support" aria-live="polite" className="sm:col-span-2">
          {support.data &&
          chosenPlatform &&
          (support.data.state === "unsupported" || support.data.state === "security_only") ? (
            <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {tt(
                support.data.state === "unsupported" ? "tickets.form.sdkUnsupported" : "tickets.form.sdkSecurityOnly",
                {
                  sdk: tt(`sdkName.${chosenPlatform}`),
                  line: support.data.line ?? "",
                  date: support.data.securityUntil ? dayWriter(locale)(support.data.securityUntil) : "",
                },
              )}{" "}
              {support.data.guideSlug ? (
                <Link
                  href={`/kb/${support.data.guideSlug}`}
                  target="_blank"
                  rel="noopener"
                  className="font-medium underline"
                >
                  {tt("tickets.form.upgradeGuide")}
                </Link>
              ) : null}{" "}
              <Link href="/sdk-lifecycle" target="_blank" rel="noopener" className="underline">
                {tt("tickets.form.sdkLifecycle")}
              </Link>
            </p>
          ) : null}
        </div>
      </div>
      <fieldset className="rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-700">{tt("tickets.fault.title")}</legend>
        <p className="text-xs text-slate-500">{tt("tickets.fault.hint")}</p>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="environment" className="block text-sm font-medium text-slate-700">
              {tt("tickets.fault.environment")}
            </label>
            <select id="environment" name="environment" defaultValue="" className={inputClass}>
              <option value="">—</option>
              {FAULT_ENVIRONMENTS.map((e) => (
                <option key={e} value={e}>
                  {tt(`tickets.fault.environments.${e}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="usersAffected" className="block text-sm font-medium text-slate-700">
              {tt("tickets.fault.usersAffected")}
            </label>
            <select id="usersAffected" name="usersAffected" defaultValue="" className={inputClass}>
              <option value="">—</option>
              {USERS_AFFECTED.map((u) => (
                <option key={u} value={u}>
                  {tt(`tickets.fault.users.${u}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="startedAt" className="block text-sm font-medium text-slate-700">
              {tt("tickets.fault.startedAtIn", { zone: zoneLabel })}
            </label>
            <input
              id="startedAt"
              name="startedAt"
              type="datetime-local"
              onChange={() => void loadZoned().catch(() => undefined)}
              aria-invalid={errors.fault ? true : undefined}
              aria-describedby={errors.fault ? "fault-error" : undefined}
              className={inputClass}
            />
            {fieldError("fault")}
          </div>
          <div>
            <label htmlFor="appId" className="block text-sm font-medium text-slate-700">
              {tt("tickets.fault.appId")}
            </label>
            <input id="appId" name="appId" maxLength={100} autoComplete="off" className={inputClass} />
          </div>
          {CHANNEL_AREAS.includes(area as ProductArea) ? (
            <>
              <div>
                <label htmlFor="channelName" className="block text-sm font-medium text-slate-700">
                  {tt("tickets.fault.channelName")}
                </label>
                <input id="channelName" name="channelName" maxLength={200} autoComplete="off" className={inputClass} />
              </div>
              <div>
                <label htmlFor="userIds" className="block text-sm font-medium text-slate-700">
                  {tt("tickets.fault.userIds")}
                </label>
                <input
                  id="userIds"
                  name="userIds"
                  maxLength={1000}
                  autoComplete="off"
                  aria-describedby="userIds-hint"
                  className={inputClass}
                />
                <p id="userIds-hint" className="mt-1 text-xs text-slate-500">
                  {tt("tickets.fault.userIdsHint")}
                </p>
              </div>
            </>
          ) : null}
        </div>
        <div className="mt-4">
          <label htmlFor="reproSteps" className="block text-sm font-medium text-slate-700">
            {tt("tickets.fault.reproSteps")}
          </label>
          <textarea
            id="reproSteps"
            name="reproSteps"
            rows={4}
            maxLength={10000}
            placeholder={tt("tickets.fault.reproPlaceholder")}
            className={inputClass}
          />
        </div>
      </fieldset>
      <div>
        <p id="ticket-files-label" className="mb-1 block text-sm font-medium text-slate-700">
          {tt("tickets.form.attachments")}
        </p>
        <AttachmentPicker id="ticket-files" onChange={onFiles} />
      </div>
      <div>
        <label htmlFor="watchers" className="block text-sm font-medium text-slate-700">
          {tt("tickets.form.watchers")}
        </label>
        <input
          id="watchers"
          name="watchers"
          maxLength={2000}
          {...described("watchers", "watchers-hint")}
          className={inputClass}
        />
        <p id="watchers-hint" className="mt-1 text-xs text-slate-500">
          {tt("tickets.form.watchersHint")}
        </p>
        {fieldError("watchers")}
      </div>
      <ErrorSummary {...summary} fieldId={(name) => (name === "fault" ? "startedAt" : name)} />
      {filedAs !== null ? (
        <p className="text-sm">
          <Link href={`/tickets/${filedAs}`} className="font-medium text-brand-700 underline">
            {tt("tickets.form.openFiled", { id: filedAs })}
          </Link>
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!hydrated || preparing || create.isPending || files.busy}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {preparing || create.isPending ? tt("tickets.form.submitting") : tt("tickets.form.submit")}
      </button>
    </form>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { Locale } from "@/db/schema/enums";
import { fillPlaceholders, macroValues } from "@/server/macros/placeholders";
import type { Detail } from "../detail/types";
import type { AppliedMacro } from "./use-workspace";

/** The ticket's next due time: the earliest target still running (or already missed) and not yet met. */
export function nextDue(metrics: Detail["metrics"]): Date | null {
  const open = metrics.filter((m) => !m.achievedAt && (m.status === "running" || m.status === "breached"));
  return open.length === 0 ? null : new Date(Math.min(...open.map((m) => m.dueAt.getTime())));
}

/**
 * The reply box's macro menu: a menu button (Enter, Space or ArrowDown opens it; arrows move,
 * Escape closes and returns to the button) listing the shared and the viewer's macros; the one
 * chosen is filled in for this ticket in the chosen language (the requester's, when known).
 */
export function MacroMenu({
  data,
  onApply,
}: {
  data: Detail;
  onApply: (text: string, macro: AppliedMacro, title: string) => void;
}) {
  const t = useTranslations("tickets.workspace");
  const trpc = useTRPC();
  const viewerLocale = useLocale() as Locale;
  const timeZone = useTimeZone() ?? "UTC";
  const macros = useQuery(trpc.macros.list.queryOptions(undefined, { staleTime: 30_000 }));
  const [open, setOpen] = useState(false);
  const [lang, setLang] = useState<Locale>(data.ticket.requesterLocale ?? viewerLocale);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  function show() {
    setOpen(true);
  }
  // An opened menu puts focus on its first item (again once the macros arrive).
  useEffect(() => {
    if (open && !menu.current?.contains(document.activeElement)) items()[0]?.focus();
  }, [open, macros.data]);
  function hide(refocus = true) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }
  function onMenuKey(e: KeyboardEvent) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(list.length - 1);
    else if (e.key === "Escape") hide();
    else if (e.key === "Tab") hide(false);
    else return;
    e.preventDefault();
  }

  const values = macroValues({
    customerName: data.ticket.requester,
    ticketId: data.ticket.id,
    due: nextDue(data.metrics),
    locale: lang,
    timeZone,
    none: "—",
  });

  return (
    <div className="relative flex items-center gap-2">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="macro-menu"
        onClick={() => (open ? hide() : show())}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            show();
          }
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-50"
      >
        {t("macros")} ▾
      </button>
      <label className="flex items-center gap-1 text-xs text-slate-600">
        <span className="sr-only">{t("macroLanguage")}</span>
        <select
          aria-label={t("macroLanguage")}
          value={lang}
          onChange={(e) => setLang(e.target.value as Locale)}
          className="rounded border border-slate-300 px-1 py-0.5 text-xs"
        >
          <option value="en">EN</option>
          <option value="zh">中文</option>
        </select>
      </label>
      {open ? (
        <div
          ref={menu}
          id="macro-menu"
          role="menu"
          aria-label={t("macros")}
          onKeyDown={onMenuKey}
          className="absolute bottom-full left-0 z-20 mb-1 max-h-72 w-80 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
        >
          {(macros.data ?? []).length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">{t("noMacros")}</p>
          ) : null}
          {(macros.data ?? []).map((m) => {
            const title = lang === "zh" ? m.titleZh : m.titleEn;
            return (
              <button
                key={m.id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  onApply(fillPlaceholders(lang === "zh" ? m.bodyZh : m.bodyEn, values), m, title);
                  hide();
                }}
                className="block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-brand-50 focus:bg-brand-50 focus:outline-none"
              >
                {title}{" "}
                <span className="text-xs text-slate-500">({m.shared ? t("sharedMacro") : t("personalMacro")})</span>
              </button>
            );
          })}
          <Link
            href="/macros"
            role="menuitem"
            tabIndex={-1}
            className="block border-t border-slate-100 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus:bg-brand-50 focus:outline-none"
          >
            {t("manageMacros")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}

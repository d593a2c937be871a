"use client";

import { useId, useMemo, useState } from "react";
import { inputClass } from "@/components/ui/form";

/** "America/New_York" as people type it: case, underscores, slashes and spaces do not matter. */
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_/\s-]+/g, " ")
    .trim();

/** The UTC offset of a zone now, "UTC+08:00", for telling zones apart in the list. */
function offsetOf(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    return part === "GMT" ? "UTC" : (part ?? "").replace("GMT", "UTC");
  } catch {
    return "";
  }
}

const MAX_SHOWN = 60;

/**
 * A searchable choice of IANA time zone (a combobox with a list box, as ARIA's pattern has it):
 * typing "new york" or "shanghai" narrows the list; arrows move, Enter picks, Escape closes.
 * The zones are the server's own (`Intl.supportedValuesOf`), so every choice is one it accepts.
 */
export function TimeZoneSelect({
  id,
  value,
  onChange,
  zones,
  describedBy,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  zones: readonly string[];
  describedBy?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const [query, setQuery] = useState(value);
  // A zone chosen from outside (the "use this device's zone" button) shows in the field too.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value) setQuery(value);
  }
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const now = useMemo(() => new Date(), []);
  const matches = useMemo(() => {
    const q = fold(query);
    const all = q && query !== value ? zones.filter((z) => fold(z).includes(q)) : zones;
    return all.slice(0, MAX_SHOWN);
  }, [query, value, zones]);

  const pick = (zone: string) => {
    onChange(zone);
    setQuery(zone);
    setOpen(false);
  };

  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          // A zone typed out in full counts at once; anything else waits for a choice from the list.
          const exact = zones.find((z) => z.toLowerCase() === e.target.value.trim().toLowerCase());
          onChange(exact ?? "");
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          if (!zones.includes(query)) setQuery(value || query);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && matches[active]) {
            e.preventDefault();
            pick(matches[active]!);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className={inputClass}
      />
      {open && matches.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          className="absolute z-30 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((zone, i) => (
            <li
              key={zone}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={zone === value}
              // Chosen before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(zone);
              }}
              onMouseEnter={() => setActive(i)}
              className={`flex cursor-pointer justify-between gap-3 px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-700"}`}
            >
              <span>{zone.replace(/_/g, " ")}</span>
              <span className="text-xs text-slate-500 tabular-nums">{offsetOf(zone, now)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

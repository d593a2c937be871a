"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { inputClass } from "@/components/ui/form";
import { exactZone, matchZones, moveActive } from "./time-zone-match";

/** Each zone's UTC offset, "UTC+08:00", computed once per page: ~400 formatters are not built on every keystroke. */
const offsets = new Map<string, string>();

/** The UTC offset of a zone now, "UTC+08:00", for telling zones apart in the list. */
function offsetOf(zone: string, at: Date): string {
  const known = offsets.get(zone);
  if (known !== undefined) return known;
  let offset = "";
  try {
    const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    offset = part === "GMT" ? "UTC" : (part ?? "").replace("GMT", "UTC");
  } catch {
    // an unknown zone shows without an offset
  }
  offsets.set(zone, offset);
  return offset;
}

/**
 * A searchable choice of IANA time zone, as ARIA's combobox pattern has it (list autocomplete with
 * automatic selection): typing "new york" or "shanghai" narrows the list to matching zones, the best
 * match highlighted; Down and Up open the list and move through it (wrapping round), Alt+Down opens
 * it, Enter picks the highlighted zone, Escape and Alt+Up close the list. A field that still shows
 * the chosen zone offers every zone, the chosen one highlighted. The zones are the server's own
 * (`Intl.supportedValuesOf`), so every choice is one it accepts.
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
  const list = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState(value);
  // A zone chosen from outside (the "use this device's zone" button) shows in the field too.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value) setQuery(value);
  }
  const [open, setOpen] = useState(false);
  // True until the user types: the field shows the chosen zone, and the list offers every zone.
  const [browsing, setBrowsing] = useState(true);
  const [active, setActive] = useState(-1);
  const now = useMemo(() => new Date(), []);
  const options = useMemo(() => (browsing ? [...zones] : matchZones(query, zones)), [browsing, query, zones]);
  const highlighted = open && active >= 0 && active < options.length ? active : -1;

  useEffect(() => {
    if (highlighted < 0) return;
    list.current?.querySelector(`[data-index="${highlighted}"]`)?.scrollIntoView({ block: "nearest" });
  }, [highlighted]);

  /** Opens the list; browsing, the chosen zone is highlighted (else `fallback`, the first or the last option). */
  const openList = (fallback: number) => {
    const chosen = browsing ? options.indexOf(value) : -1;
    setActive(chosen >= 0 ? chosen : fallback);
    setOpen(true);
  };
  const pick = (zone: string) => {
    onChange(zone);
    setQuery(zone);
    setBrowsing(true);
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
        aria-activedescendant={highlighted >= 0 ? `${listId}-${highlighted}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setBrowsing(false);
          // The best match is highlighted, so Enter picks the zone typed (an exact name comes first).
          setActive(0);
          setOpen(true);
          // A zone typed out in full counts at once; anything else waits for a choice from the list.
          onChange(exactZone(e.target.value, zones) ?? "");
        }}
        onFocus={() => {
          setBrowsing(query === value);
          setActive(query === value ? zones.indexOf(value) : 0);
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
          if (!zones.includes(query)) setQuery(value || query);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const step = e.key === "ArrowDown" ? 1 : -1;
            if (e.altKey) {
              if (step === 1) openList(-1);
              else setOpen(false);
            } else if (!open) openList(step === 1 ? 0 : options.length - 1);
            else setActive((a) => moveActive(a, step, options.length));
          } else if (e.key === "Enter") {
            if (!open || highlighted < 0) return; // a closed list lets Enter submit the form
            e.preventDefault();
            pick(options[highlighted]!);
          } else if (e.key === "Escape") {
            if (!open) return;
            e.preventDefault();
            setOpen(false);
          }
        }}
        className={inputClass}
      />
      <ul
        ref={list}
        id={listId}
        role="listbox"
        hidden={!open || options.length === 0}
        className="absolute z-30 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
      >
        {open
          ? options.map((zone, i) => (
              <li
                key={zone}
                id={`${listId}-${i}`}
                data-index={i}
                role="option"
                // The highlighted option is the selected one, as the pattern has it: Enter picks it.
                aria-selected={i === highlighted}
                // Chosen before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(zone);
                }}
                onMouseEnter={() => setActive(i)}
                className={`flex cursor-pointer justify-between gap-3 px-3 py-1.5 ${i === highlighted ? "bg-brand-50 text-brand-900" : "text-slate-700"} ${zone === value ? "font-medium" : ""}`}
              >
                <span>{zone.replace(/_/g, " ")}</span>
                <span className="text-xs text-slate-500 tabular-nums">{offsetOf(zone, now)}</span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}

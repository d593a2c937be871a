"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A box that scrolls sideways when what it holds (a wide table) is wider than the screen. While it
 * does scroll, it is a named group in the tab order, so a keyboard user can reach it and scroll it
 * with the arrow keys (WCAG 2.1.1); while everything fits, it is a plain box and adds no tab stop.
 * A group, not a region: a table's caption is often its card's title, and a region of that name
 * inside the card's section would be a second landmark of the same name.
 * It is `relative`, so visually hidden children (an sr-only caption or column heading, positioned
 * absolutely) stay inside it: otherwise they sit where the table ends and widen the page.
 */
export function ScrollRegion({
  label,
  labelledBy,
  className = "",
  children,
}: {
  /** The region's name, or `labelledBy`: the id of the element that names it (a table's caption). */
  label?: string;
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    measure();
    // The box's width follows the screen; its content's follows what it shows (another metric, more rows).
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className={`relative ${className}`}
      {...(scrolls ? { tabIndex: 0, role: "group", "aria-label": label, "aria-labelledby": labelledBy } : {})}
    >
      {children}
    </div>
  );
}

import Link from "next/link";

/** Previous / next links around "Page N" (server-rendered; each page is its own URL). */
export function Pager({
  label,
  previous,
  next,
  status,
  previousLabel,
  nextLabel,
}: {
  label: string;
  previous: string | null;
  next: string | null;
  status: string;
  previousLabel: string;
  nextLabel: string;
}) {
  if (!previous && !next) return null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3 text-sm">
      {previous ? (
        <Link href={previous} rel="prev" className={link}>
          ← {previousLabel}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600" aria-current="page">
        {status}
      </span>
      {next ? (
        <Link href={next} rel="next" className={link}>
          {nextLabel} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A search snippet: plain text with the matched words highlighted, rendered as elements, never HTML. */
export function Snippet({ parts }: { parts: { text: string; hit: boolean }[] }) {
  return (
    <p className="mt-1 text-sm text-slate-600">
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="kb-hit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

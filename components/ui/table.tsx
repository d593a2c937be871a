import type { ReactNode } from "react";

export function Table({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table className="w-full min-w-[28rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, align = "left" }: { children?: ReactNode; align?: "left" | "right" }) {
  return (
    <th
      scope="col"
      className={`border-b border-slate-200 px-3 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase ${align === "right" ? "text-right" : "text-left"}`}
    >
      {children}
    </th>
  );
}

export function Td({
  children,
  align = "left",
  header = false,
}: {
  children?: ReactNode;
  align?: "left" | "right";
  header?: boolean;
}) {
  const cls = `border-b border-slate-100 px-3 py-2 ${align === "right" ? "text-right tabular-nums" : "text-left"}`;
  return header ? (
    <th scope="row" className={`${cls} font-medium text-slate-900`}>
      {children}
    </th>
  ) : (
    <td className={cls}>{children}</td>
  );
}

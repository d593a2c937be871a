import { useId, type ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

/** A card's table: on a narrow screen it scrolls inside the card, in a box named by its caption. */
export function Table({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId} className="-mx-5 overflow-x-auto px-5">
      <table className="w-full min-w-[28rem] border-collapse text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        {children}
      </table>
    </ScrollRegion>
  );
}

export function Th({ children, align = "left" }: { children?: ReactNode; align?: "left" | "right" }) {
  return (
    <th scope="col" className={`col-head ${align === "right" ? "text-right" : "text-left"}`}>
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
  // The cell and cell-num utilities (app/globals.css): one short class on every cell of every table.
  const cls = align === "right" ? "cell-num" : "cell";
  return header ? (
    <th scope="row" className={`${cls} font-medium text-slate-900`}>
      {children}
    </th>
  ) : (
    <td className={cls}>{children}</td>
  );
}

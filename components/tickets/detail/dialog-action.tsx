"use client";

import { useState, type ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";

/**
 * An action that takes a reason (an exclusion, a dispute decision), behind a button that opens it
 * in a focused dialog; the dialog closes once the action succeeds.
 */
export function DialogAction({
  id,
  label,
  title,
  done,
  children,
}: {
  id: string;
  label: string;
  title: string;
  done: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [wasDone, setWasDone] = useState(done);
  if (done !== wasDone) {
    setWasDone(done);
    if (done) setOpen(false);
  }
  return (
    <div className="border-t border-slate-100 pt-4 first:border-0 first:pt-0">
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
      >
        {label}
      </button>
      <Dialog id={id} open={open} onClose={() => setOpen(false)} title={title}>
        {children}
      </Dialog>
    </div>
  );
}

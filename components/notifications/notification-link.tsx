"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/** A notification's link: opening an unread notification marks it read (issue #21). */
export function NotificationLink({
  id,
  href,
  unread,
  children,
}: {
  id: number;
  href: string;
  unread: boolean;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const mark = useMutation(trpc.notifications.markRead.mutationOptions());
  return (
    <Link
      href={href}
      onClick={() => {
        if (unread) mark.mutate({ id });
      }}
      className="text-brand-700 hover:underline"
    >
      {children}
    </Link>
  );
}

/** Marks one notification read and shows the list again. */
export function MarkRead({ id, label }: { id: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const mark = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <button
      type="button"
      disabled={!hydrated || mark.isPending}
      onClick={() => mark.mutate({ id })}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60"
    >
      {label}
    </button>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";

/** Removes a shift or an override. */
export function RemoveEntryButton({ id, label }: { id: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.onCall.removeShift.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <button
      type="button"
      disabled={remove.isPending}
      onClick={() => remove.mutate({ id })}
      className="text-sm text-red-700 hover:underline disabled:opacity-60"
    >
      {label}
    </button>
  );
}

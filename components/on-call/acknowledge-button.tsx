"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";

/** Acknowledges one page; the page list re-renders from the server afterwards. */
export function AcknowledgeButton({ pageId, label }: { pageId: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const ack = useMutation(
    trpc.onCall.acknowledge.mutationOptions({
      onSuccess: () => router.refresh(),
      // The server's sentence, in the user's language (server/api/trpc.ts).
      onError: (err) => setError(err.message),
    }),
  );
  return (
    <span>
      <button
        type="button"
        disabled={ack.isPending}
        onClick={() => ack.mutate({ pageId })}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
      >
        {label}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

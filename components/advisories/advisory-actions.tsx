"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { FormAlert, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";

const button =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";

/** Staff publish a draft: the affected organizations are told at once. */
export function PublishButton({ id, label }: { id: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const { formError, onError, clearErrors } = useFormErrors();
  const publish = useMutation(
    trpc.advisories.publish.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: () => router.refresh(),
    }),
  );
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={button}
        disabled={!hydrated || publish.isPending || publish.isSuccess}
        onClick={() => publish.mutate({ id })}
      >
        {label}
      </button>
      <FormAlert message={formError} />
    </div>
  );
}

/** A customer acknowledges an advisory for their organization, in one click. */
export function AcknowledgeButton({ id, label }: { id: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const { formError, onError, clearErrors } = useFormErrors();
  const ack = useMutation(
    trpc.advisories.acknowledge.mutationOptions({
      onMutate: clearErrors,
      onError,
      onSuccess: () => router.refresh(),
    }),
  );
  return (
    <div className="space-y-2">
      <button type="button" className={button} disabled={!hydrated || ack.isPending} onClick={() => ack.mutate({ id })}>
        {label}
      </button>
      <FormAlert message={formError} />
    </div>
  );
}

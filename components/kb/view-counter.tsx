"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/client";

const COOKIE = "attain_vid";

/** The browser's anonymous visitor id, kept in a first-party cookie for a year. */
function visitorId(): string {
  const found = document.cookie.split("; ").find((c) => c.startsWith(`${COOKIE}=`));
  const existing = found?.slice(COOKIE.length + 1);
  if (existing && /^[A-Za-z0-9-]{8,64}$/.test(existing)) return existing;
  const id = crypto.randomUUID();
  document.cookie = `${COOKIE}=${id}; path=/; max-age=31536000; samesite=lax`;
  return id;
}

/** Counts the article view once per page load; the server counts once per visitor per day. */
export function ViewCounter({ articleId }: { articleId: number }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.kb.recordView.mutationOptions());
  const sent = useRef<number | null>(null);
  useEffect(() => {
    if (sent.current === articleId) return;
    sent.current = articleId;
    mutate({ articleId, visitorId: visitorId() });
  }, [articleId, mutate]);
  return null;
}

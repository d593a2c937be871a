"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputClass, labelClass, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

const CHANNELS = ["video", "phone", "onsite", "chat"] as const;

/** A customer asks the account manager for a meeting: topic, preferred times, channel. */
export function MeetingRequestForm() {
  const t = useTranslations("accounts.meetings");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [topic, setTopic] = useState("");
  const [times, setTimes] = useState("");
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>("video");
  const [done, setDone] = useState<string | null>(null);
  const send = useMutation(
    trpc.accounts.requestMeeting.mutationOptions({
      onSuccess: () => {
        setTopic("");
        setTimes("");
        setDone(t("sent"));
        router.refresh();
      },
    }),
  );
  return (
    <form
      aria-label={t("formTitle")}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        send.mutate({ topic, preferredTimes: times, channel });
      }}
    >
      <label className={labelClass}>
        {t("topic")}
        <input
          required
          minLength={3}
          maxLength={200}
          className={`mt-1 ${inputClass}`}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
        />
      </label>
      <label className={labelClass}>
        {t("preferredTimes")}
        <textarea
          required
          minLength={3}
          maxLength={500}
          rows={2}
          placeholder={t("preferredTimesHint")}
          className={`mt-1 ${inputClass}`}
          value={times}
          onChange={(e) => setTimes(e.target.value)}
        />
      </label>
      <label className={labelClass}>
        {t("channel")}
        <select
          className={`mt-1 ${inputClass}`}
          value={channel}
          onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number])}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="primary" disabled={!hydrated || send.isPending}>
        {t("send")}
      </Button>
      {send.error ? <FormAlert>{errorText(send.error)}</FormAlert> : null}
      <StatusNote message={done} />
    </form>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, FormAlert, inputClass, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";

/**
 * A person's address in the people list, with "Change address" for those who may correct it: an
 * inline field that saves at once (the server refuses a used or single sign-on address, and tells
 * the old address).
 */
export function EmailCorrection({
  person,
  editable,
  onCorrected,
}: {
  person: { id: number; name: string; email: string };
  editable: boolean;
  onCorrected: (note: string) => void;
}) {
  const t = useTranslations("people");
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const [open, setOpen] = useState(false);
  const correct = useMutation(trpc.people.correctEmail.mutationOptions());
  const fieldId = `person-${person.id}-email`;

  if (!open)
    return (
      <div className="flex flex-wrap items-center gap-x-2 text-xs font-normal text-slate-500">
        <span className="break-all">{person.email}</span>
        {editable ? (
          <Button
            variant="link"
            className="text-xs"
            aria-label={t("changeEmailLabel", { name: person.name })}
            onClick={() => setOpen(true)}
          >
            {t("changeEmail")}
          </Button>
        ) : null}
      </div>
    );

  return (
    <form
      noValidate
      className="mt-1 max-w-sm space-y-2 font-normal"
      onSubmit={(e) => {
        e.preventDefault();
        const email = String(new FormData(e.currentTarget).get("email") ?? "");
        correct.mutate(
          { userId: person.id, email },
          {
            onSuccess: (saved) => {
              setOpen(false);
              onCorrected(t("emailCorrected", { name: person.name, email: saved.email }));
            },
          },
        );
      }}
    >
      <label htmlFor={fieldId} className="block text-xs font-medium text-slate-700">
        {t("newEmailOf", { name: person.name })}
      </label>
      <input
        id={fieldId}
        name="email"
        type="email"
        required
        maxLength={254}
        defaultValue={person.email}
        autoComplete="off"
        className={inputClass}
      />
      {correct.error ? <FormAlert>{errorText(correct.error)}</FormAlert> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={correct.isPending}>
          {t("saveEmail")}
        </Button>
        <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
      </div>
    </form>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, FormAlert, inputClass, labelClass, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import type { Role } from "@/db/schema/enums";

/**
 * Invites one person: staff with a role (`organizationId` null), or a customer of the organization,
 * optionally as its customer administrator. The email goes out in the language chosen here.
 */
export function InviteForm({
  organizationId,
  staffRoles,
  onInvited,
}: {
  organizationId: number | null;
  staffRoles: readonly Role[];
  onInvited: () => void;
}) {
  const t = useTranslations("people");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const [done, setDone] = useState<string | null>(null);
  const invite = useMutation(
    trpc.people.invite.mutationOptions({
      onSuccess: (_r, input) => {
        setDone(t("invited", { email: input.email }));
        onInvited();
      },
    }),
  );
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    invite.mutate(
      {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: organizationId === null ? (String(form.get("role")) as Role) : "customer",
        organizationId,
        orgAdmin: form.get("orgAdmin") === "on",
        locale: form.get("mailLocale") === "zh" ? "zh" : "en",
      },
      { onSuccess: () => formEl.reset() },
    );
  }
  const id = (s: string) => `invite-${s}`;
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-labelledby={id("title")} noValidate>
      <h3 id={id("title")} className="text-sm font-semibold text-slate-900">
        {organizationId === null ? t("inviteStaff") : t("inviteCustomer")}
      </h3>
      {invite.error ? <FormAlert>{errorText(invite.error)}</FormAlert> : null}
      <StatusNote message={done} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={id("email")} className={labelClass}>
            {t("email")}
          </label>
          <input id={id("email")} name="email" type="email" required autoComplete="off" className={inputClass} />
        </div>
        <div>
          <label htmlFor={id("name")} className={labelClass}>
            {t("name")}
          </label>
          <input id={id("name")} name="name" required autoComplete="off" className={inputClass} />
        </div>
        {organizationId === null ? (
          <div>
            <label htmlFor={id("role")} className={labelClass}>
              {t("role")}
            </label>
            <select id={id("role")} name="role" className={inputClass} defaultValue={staffRoles[0]}>
              {staffRoles.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="flex items-end">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="orgAdmin" className="h-4 w-4 rounded border-slate-300" />
              {t("asOrgAdmin")}
            </label>
          </div>
        )}
        <div>
          <label htmlFor={id("mailLocale")} className={labelClass}>
            {t("mailLanguage")}
          </label>
          <select id={id("mailLocale")} name="mailLocale" className={inputClass} defaultValue={locale}>
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </div>
      </div>
      <Button type="submit" variant="primary" disabled={invite.isPending}>
        {invite.isPending ? t("sending") : t("sendInvitation")}
      </Button>
    </form>
  );
}

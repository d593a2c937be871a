"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DATE_TIME_WITH_ZONE } from "@/components/format";
import { useState } from "react";
import { Button, FormAlert, LoadError, StatusNote, inputClass, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Role } from "@/db/schema/enums";
import { EmailCorrection } from "./email-correction";
import { InviteForm } from "./invite-form";

/**
 * The people of one organization (or the staff, `organizationId` null): who has an account, who is
 * invited, and what the viewer may do about it: invite, resend or withdraw an invitation,
 * deactivate or reactivate an account, make a customer their organization's administrator, correct
 * someone's sign-in address, or (staff, administrators only) change a role. The server decides every one of these again.
 * `initialQuery` starts the search (a link to one person, from the audit log: `?q=email`).
 */
export function PeopleManager({
  organizationId,
  viewerId,
  staffRoles = [],
  canChangeRoles = false,
  canCorrectEmail = false,
  initialQuery = "",
}: {
  organizationId: number | null;
  viewerId: number;
  staffRoles?: readonly Role[];
  canChangeRoles?: boolean;
  /** Whether the viewer may correct people's sign-in addresses (`people.email`). */
  canCorrectEmail?: boolean;
  initialQuery?: string;
}) {
  const t = useTranslations("people");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useServerErrorText();
  const [q, setQ] = useState(initialQuery);
  const [note, setNote] = useState<string | null>(null);
  const input = { organizationId, q: q.trim() || undefined, page: 1, pageSize: 100 };
  const list = useQuery(trpc.people.list.queryOptions(input, { placeholderData: (prev) => prev }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.people.list.queryKey() });
  const done = (message: string) => () => {
    setNote(message);
    refresh();
  };
  const setActive = useMutation(trpc.people.setActive.mutationOptions());
  const setOrgAdmin = useMutation(trpc.people.setOrgAdmin.mutationOptions());
  const changeRole = useMutation(trpc.people.changeRole.mutationOptions());
  const resend = useMutation(trpc.people.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.people.revokeInvitation.mutationOptions());
  const failed = [setActive, setOrgAdmin, changeRole, resend, revoke].find((m) => m.error)?.error;
  const when = (d: Date) => format.dateTime(d, DATE_TIME_WITH_ZONE);

  if (list.isError) return <LoadError onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <div className="space-y-8">
      <section aria-labelledby="people-invite" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="people-invite" className="sr-only">
          {t("invite")}
        </h2>
        <InviteForm organizationId={organizationId} staffRoles={staffRoles} onInvited={refresh} />
      </section>

      {failed ? <FormAlert>{errorText(failed)}</FormAlert> : null}
      <StatusNote message={note} />

      <section aria-labelledby="people-members" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 id="people-members" className="text-base font-semibold text-slate-900">
            {t("members", { n: data?.total ?? 0 })}
          </h2>
          <div className="w-full sm:w-64">
            <label htmlFor="people-search" className="sr-only">
              {t("search")}
            </label>
            <input
              id="people-search"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t("search")}
              className={inputClass}
            />
          </div>
        </div>
        {!data ? (
          <div role="status" className="h-24 animate-pulse rounded bg-slate-100">
            <span className="sr-only">{t("loading")}</span>
          </div>
        ) : data.people.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{q ? t("noMatch") : t("empty")}</p>
        ) : (
          <Table caption={t("members", { n: data.total })}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("role")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("lastSignIn")}</Th>
                <Th align="right">{t("actions")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.people.map((p) => {
                const self = p.id === viewerId;
                return (
                  <tr key={p.id}>
                    <Td header>
                      <div>{p.name}</div>
                      <EmailCorrection
                        key={p.email}
                        person={p}
                        editable={canCorrectEmail && !self}
                        onCorrected={(message) => done(message)()}
                      />
                    </Td>
                    <Td>
                      {canChangeRoles && p.role !== "customer" && !self ? (
                        <select
                          aria-label={t("roleOf", { name: p.name })}
                          value={p.role}
                          disabled={changeRole.isPending}
                          onChange={(e) =>
                            changeRole.mutate(
                              { userId: p.id, role: e.target.value as Role },
                              { onSuccess: done(t("roleChanged", { name: p.name })) },
                            )
                          }
                          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                        >
                          {staffRoles.map((r) => (
                            <option key={r} value={r}>
                              {tRoles(r)}
                            </option>
                          ))}
                        </select>
                      ) : p.role === "customer" ? (
                        <label className="flex items-center gap-2">
                          <input
                            type="checkbox"
                            checked={p.orgAdmin}
                            disabled={self || setOrgAdmin.isPending}
                            onChange={(e) =>
                              setOrgAdmin.mutate(
                                { userId: p.id, orgAdmin: e.target.checked },
                                { onSuccess: done(t("orgAdminChanged", { name: p.name })) },
                              )
                            }
                            className="h-4 w-4 rounded border-slate-300"
                          />
                          <span>{tRoles("customer_admin")}</span>
                        </label>
                      ) : (
                        tRoles(p.role)
                      )}
                    </Td>
                    <Td>
                      {p.active ? (
                        <Badge tone="green">{t("active")}</Badge>
                      ) : (
                        <Badge tone="neutral">{t("deactivated")}</Badge>
                      )}
                    </Td>
                    <Td>{p.lastSignInAt ? when(p.lastSignInAt) : t("never")}</Td>
                    <Td align="right">
                      {self ? (
                        <span className="text-xs text-slate-500">{t("you")}</span>
                      ) : p.active ? (
                        <Button
                          variant="danger"
                          aria-label={t("deactivateLabel", { name: p.name })}
                          disabled={setActive.isPending}
                          onClick={() => {
                            if (!window.confirm(t("confirmDeactivate", { name: p.name }))) return;
                            setActive.mutate(
                              { userId: p.id, active: false },
                              { onSuccess: done(t("deactivatedNote", { name: p.name })) },
                            );
                          }}
                        >
                          {t("deactivate")}
                        </Button>
                      ) : (
                        <Button
                          aria-label={t("reactivateLabel", { name: p.name })}
                          disabled={setActive.isPending}
                          onClick={() =>
                            setActive.mutate(
                              { userId: p.id, active: true },
                              { onSuccess: done(t("reactivatedNote", { name: p.name })) },
                            )
                          }
                        >
                          {t("reactivate")}
                        </Button>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </section>

      <section
        aria-labelledby="people-invitations"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="people-invitations" className="mb-3 text-base font-semibold text-slate-900">
          {t("invitations", { n: data?.invitations.length ?? 0 })}
        </h2>
        {data && data.invitations.length === 0 ? (
          <p className="py-4 text-center text-sm text-slate-500">{t("noInvitations")}</p>
        ) : data ? (
          <Table caption={t("invitations", { n: data.invitations.length })}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("role")}</Th>
                <Th>{t("invitedBy")}</Th>
                <Th>{t("expires")}</Th>
                <Th align="right">{t("actions")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.invitations.map((i) => (
                <tr key={i.id}>
                  <Td header>
                    <div>{i.name}</div>
                    <div className="text-xs font-normal text-slate-500">{i.email}</div>
                  </Td>
                  <Td>{tRoles(i.role === "customer" && i.orgAdmin ? "customer_admin" : i.role)}</Td>
                  <Td>{i.invitedBy}</Td>
                  <Td>{i.state === "expired" ? <Badge tone="amber">{t("expired")}</Badge> : when(i.expiresAt)}</Td>
                  <Td align="right">
                    <div className="flex justify-end gap-2">
                      <Button
                        aria-label={t("resendLabel", { email: i.email })}
                        disabled={resend.isPending}
                        onClick={() =>
                          resend.mutate(
                            { id: i.id, locale: locale === "zh" ? "zh" : "en" },
                            { onSuccess: done(t("resent", { email: i.email })) },
                          )
                        }
                      >
                        {t("resend")}
                      </Button>
                      <Button
                        variant="danger"
                        aria-label={t("withdrawLabel", { email: i.email })}
                        disabled={revoke.isPending}
                        onClick={() =>
                          revoke.mutate({ id: i.id }, { onSuccess: done(t("withdrawn", { email: i.email })) })
                        }
                      >
                        {t("withdraw")}
                      </Button>
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </section>
    </div>
  );
}

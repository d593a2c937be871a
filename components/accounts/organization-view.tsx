import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { dayWriter, formatPercent, zoneName } from "@/components/format";
import { TargetsTable } from "@/components/sla/targets-table";
import { Badge } from "@/components/ui/badge";
import { Card, Stat } from "@/components/ui/card";
import { workingHoursInZone } from "@/server/accounts/working-hours";
import { businessDayMinutes } from "@/server/sla/business-day";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

/** An organization as both its customers (home page) and staff (organization page) receive it. */
export type OrganizationOverview = inferRouterOutputs<AppRouter>["home"]["customer"];
type OrganizationData = inferRouterOutputs<AppRouter>["accounts"]["organization"];

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

/**
 * What the tier entitles the organization to. `grid` (organization page) adds the support
 * coverage; the ways to reach support are `ContactChannels`, beside the account team.
 */
export async function EntitlementList({
  tier,
  layout,
}: {
  tier: OrganizationOverview["tier"];
  layout: "grid" | "stack";
}) {
  const t = await getTranslations();
  const grid = layout === "grid";
  const value = grid ? "mt-1 font-medium" : "font-medium";
  return (
    <dl className={grid ? "grid gap-4 text-sm sm:grid-cols-2" : "space-y-3 text-sm"}>
      <div>
        <dt className="text-slate-500">{t("home.customer.channels")}</dt>
        <dd className="mt-1 flex flex-wrap gap-1">
          {tier.channels.map((c) => (
            <Badge key={c} tone="brand">
              {t(`channel.${c}`)}
            </Badge>
          ))}
        </dd>
      </div>
      {grid ? (
        <div>
          <dt className="text-slate-500">{t("accounts.org.coverage")}</dt>
          <dd className={value}>{t(`accounts.org.coverageByTier.${tier.code}`)}</dd>
        </div>
      ) : null}
      <div>
        <dt className="text-slate-500">{t("home.customer.reviews")}</dt>
        <dd className={value}>{t(`reviewCadence.${tier.reviewCadence}`)}</dd>
      </div>
      <div>
        <dt className="text-slate-500">{t("home.customer.proactiveAlerts")}</dt>
        <dd className={value}>{tier.proactiveAlerts ? t("home.customer.yes") : t("home.customer.no")}</dd>
      </div>
    </dl>
  );
}

/**
 * The account team: each contact with initials, email, phone, chat handle and working hours also
 * given in `viewerZone`. `organization` (organization page) orders the team by role, links the
 * phone and names both zones; `home` keeps the team's order and reads "your time".
 */
export async function TeamMemberList({
  team,
  viewerZone,
  variant,
}: {
  team: OrganizationOverview["team"];
  viewerZone: string;
  variant: "organization" | "home";
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const now = await getNow();
  const page = variant === "organization";
  const row = page ? "flex flex-wrap gap-x-2" : "flex gap-2";
  if (team.length === 0) return <p className="text-sm text-slate-600">{t("home.customer.noTeam")}</p>;
  return (
    <ul className="space-y-5">
      {(page ? [...team].sort((a, b) => a.role.localeCompare(b.role)) : team).map((m) => {
        const local = m.workingHours ? workingHoursInZone(m.workingHours, m.timeZone, viewerZone, now) : null;
        return (
          <li key={m.id} className="flex gap-3">
            <span
              aria-hidden
              className="grid h-11 w-11 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
            >
              {initials(m.name)}
            </span>
            <div className="min-w-0 text-sm">
              <p className="font-semibold text-slate-900">{m.name}</p>
              <p className="text-slate-600">{t(`accounts.team.role.${m.role}`)}</p>
              <dl className="mt-2 space-y-1 text-slate-700">
                <div className={row}>
                  <dt className="text-slate-500">{t("home.customer.emailLabel")}</dt>
                  <dd className={page ? "break-all" : undefined}>
                    <a className="text-brand-700 underline" href={`mailto:${m.email}`}>
                      {m.email}
                    </a>
                  </dd>
                </div>
                {m.phone ? (
                  <div className={row}>
                    <dt className="text-slate-500">{t("home.customer.phoneLabel")}</dt>
                    <dd>
                      {page ? (
                        <a className="text-brand-700 underline" href={`tel:${m.phone.replace(/\s+/g, "")}`}>
                          {m.phone}
                        </a>
                      ) : (
                        m.phone
                      )}
                    </dd>
                  </div>
                ) : null}
                {m.chatHandle ? (
                  <div className={row}>
                    <dt className="text-slate-500">{t("home.customer.chatLabel")}</dt>
                    <dd>{m.chatHandle}</dd>
                  </div>
                ) : null}
                {m.workingHours && local ? (
                  <div>
                    <dt className="text-slate-500">{t("home.customer.workingHours")}</dt>
                    <dd>
                      {page
                        ? t("accounts.team.hours", {
                            hours: m.workingHours,
                            zone: m.timeZone,
                            local: `${local.start}-${local.end}`,
                            localZone: zoneName(locale, viewerZone, now),
                          })
                        : t("home.customer.workingHoursValue", {
                            hours: m.workingHours,
                            zone: m.timeZone,
                            local: `${local.start}-${local.end} ${zoneName(locale, viewerZone, now)}`,
                          })}
                    </dd>
                  </div>
                ) : null}
              </dl>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** Tier, contract, entitlements and targets of an organization: the same for its customers and staff. */
export async function OrganizationSummary({ org }: { org: OrganizationData }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const date = dayWriter(locale);
  const tier = org.tier;
  return (
    <>
      <Card id="org-summary" title={t("accounts.org.summary")}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label={t("home.customer.tier")} value={t(`tier.${tier.code}`)} />
          <Stat label={t("home.customer.region")} value={t(`region.${org.region}`)} hint={org.timeZone} />
          <Stat
            label={t("accounts.org.renewal")}
            value={
              org.daysToRenewal < 0
                ? t("accounts.org.lapsed", { days: -org.daysToRenewal })
                : t("accounts.org.daysToRenewal", { days: org.daysToRenewal })
            }
            hint={t("home.customer.contractRange", { start: date(org.contractStart), end: date(org.contractEnd) })}
          />
          <Stat
            label={t("home.customer.availability")}
            value={formatPercent(locale, org.availabilityCommitment / 100)}
            hint={t("home.customer.openTickets", { n: org.openTickets })}
          />
        </dl>
      </Card>
      <Card id="org-entitlements" title={t("home.customer.entitlements")}>
        <EntitlementList tier={tier} layout="grid" />
        <div className="mt-4">
          <TargetsTable
            caption={t("home.customer.targets")}
            targets={org.targets}
            businessDayMinutes={businessDayMinutes(org.calendar.hours)}
          />
        </div>
      </Card>
    </>
  );
}

/**
 * The account team card: the team with working hours in the customer's local time (the
 * organization's zone for staff viewers, the viewer's own zone for customers), plus the ways to reach support.
 */
export async function AccountTeamCard({ org, viewerIsCustomer }: { org: OrganizationData; viewerIsCustomer: boolean }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const now = await getNow();
  const viewerZone = viewerIsCustomer ? await getTimeZone() : org.timeZone;
  return (
    <Card
      id="account-team"
      title={t("accounts.team.title")}
      description={
        viewerIsCustomer ? undefined : t("accounts.team.customerTime", { zone: zoneName(locale, org.timeZone, now) })
      }
    >
      <TeamMemberList team={org.team} viewerZone={viewerZone} variant="organization" />
      {hasContactChannels(org.contact) ? (
        <div className="mt-4 border-t border-slate-100 pt-3">
          <h3 className="text-sm font-semibold text-slate-900">{t("contact.title")}</h3>
          <div className="mt-2">
            <ContactChannels contact={org.contact} />
          </div>
        </div>
      ) : null}
    </Card>
  );
}

/** True when the organization has any way to reach support to show. */
export const hasContactChannels = (c: OrganizationOverview["contact"]) =>
  Boolean(c.hotline || c.supportEmail || c.chatHandle || c.groupLink);

/**
 * How the customer reaches support: the hotline (the organization's own, else its tier's) to dial,
 * the support address to write to, the chat handle, and the dedicated group (an http(s) link only:
 * the server drops any other, and it opens in a new tab without access to this page).
 */
export async function ContactChannels({ contact }: { contact: OrganizationOverview["contact"] }) {
  const t = await getTranslations("contact");
  const link = "font-medium break-all text-brand-700 underline";
  return (
    <dl className="space-y-2 text-sm">
      {contact.hotline ? (
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-500">{t("hotline")}</dt>
          <dd>
            <a className={link} href={`tel:${contact.hotline.replace(/[^+\d]/g, "")}`}>
              {contact.hotline}
            </a>
          </dd>
        </div>
      ) : null}
      {contact.supportEmail ? (
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-500">{t("supportEmail")}</dt>
          <dd>
            <a className={link} href={`mailto:${contact.supportEmail}`}>
              {contact.supportEmail}
            </a>
          </dd>
        </div>
      ) : null}
      {contact.chatHandle ? (
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-500">{t("chatHandle")}</dt>
          <dd className="font-medium break-all text-slate-900">{contact.chatHandle}</dd>
        </div>
      ) : null}
      {contact.groupLink ? (
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-500">{t("groupLink")}</dt>
          <dd>
            <a className={link} href={contact.groupLink} target="_blank" rel="noopener noreferrer">
              {t("openGroup")}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

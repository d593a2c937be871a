import type { Metadata } from "next";
import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { EmailForm } from "@/components/account/email-form";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SessionsList } from "@/components/account/sessions-list";
import { PreferencesForm } from "@/components/email/preferences-form";
import { zoneName } from "@/components/format";
import { SubscriptionCard } from "@/components/incidents/subscription-card";
import { PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("account") };
}

/** The zones the server accepts (Node's ICU), for the profile's time zone choice. */
function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

/**
 * Every signed-in user's own account: profile, email notifications, sign-in address, password and sessions (the portal layout requires
 * sign-in). The language shown is the one the portal speaks now (the switcher's choice outranks the
 * account's), so saving the profile keeps what the user sees.
 */
export default async function AccountPage() {
  const api = await serverCaller();
  const [me, sessions, preferences, emailChange] = await Promise.all([
    api.me.get(),
    api.me.sessions(),
    api.email.preferences(),
    api.me.emailChange(),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.subtitle")} />
      <div className="grid max-w-4xl gap-6">
        <ProfileForm
          initial={{
            name: me.name,
            email: me.email,
            locale: locale === "zh" ? "zh" : "en",
            timeZone: me.timeZone,
          }}
          zones={timeZones()}
        />
        <PreferencesForm initial={preferences} />
        <SubscriptionCard variant="account" />
        <EmailForm email={me.email} {...emailChange} />
        <PasswordForm email={me.email} />
        <SessionsList
          initial={sessions}
          zoneNote={t("common.timeZoneNote", { zone: zoneName(locale, await getTimeZone(), await getNow()) })}
        />
      </div>
    </>
  );
}

import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/**
 * The pieces an organization's admin page is built from, so further sections (single sign-on,
 * people) stack under the form the same way: the way back to the list, the page's column, and a
 * titled section.
 */
export async function BackToOrganizations() {
  const t = await getTranslations("organizationsAdmin");
  return (
    <Link
      href="/admin/organizations"
      className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
    >
      <span aria-hidden>←</span> {t("backToList")}
    </Link>
  );
}

/** The organization page's column: the edit form first, then each section below it. */
export function OrganizationPageLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto max-w-5xl space-y-8">{children}</div>;
}

/** A titled section of the organization page (e.g. people), laid out like the form's cards. */
export function OrganizationPageSection({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} title={title} description={description} actions={actions}>
      {children}
    </Card>
  );
}

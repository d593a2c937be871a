import type { inferRouterOutputs } from "@trpc/server";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/server/api/root";
import { inputClass, labelClass } from "../controls";

type List = inferRouterOutputs<AppRouter>["organizations"]["list"];

const linkButton =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700";

/**
 * The administrator's organization directory: search by name, one row per organization (name,
 * tier, region, account manager, customers, contract end), paging, and the way to a new one. On a
 * phone each organization is a short card instead of a table row.
 */
export async function OrganizationList({ list, search }: { list: List; search: string | undefined }) {
  const t = await getTranslations("organizationsAdmin");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const hrefFor = (page: number) =>
    `/admin/organizations?${new URLSearchParams([...(search ? [["q", search]] : []), ["page", String(page)]])}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")}>
        <Link href="/admin/organizations/new" className={linkButton}>
          <span aria-hidden className="mr-1">
            +
          </span>
          {t("new")}
        </Link>
      </PageHeader>
      <Card>
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
          <div className="min-w-[12rem] flex-1">
            <label htmlFor="org-search" className={labelClass}>
              {t("search")}
            </label>
            <input
              id="org-search"
              type="search"
              name="q"
              defaultValue={search ?? ""}
              maxLength={120}
              className={`mt-1 ${inputClass}`}
            />
          </div>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            {t("searchButton")}
          </button>
          {search ? (
            <Link href="/admin/organizations" className="px-1 py-2 text-sm font-medium text-brand-700 hover:underline">
              {t("clearSearch")}
            </Link>
          ) : null}
        </form>
        <p role="status" className="mb-2 text-sm text-slate-600">
          {t("count", { n: list.total })}
        </p>
        {list.items.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
            <p>{search ? t("emptySearch", { search }) : t("empty")}</p>
            {search ? null : (
              <Link href="/admin/organizations/new" className={`mt-4 ${linkButton}`}>
                {t("new")}
              </Link>
            )}
          </div>
        ) : (
          <>
            <div className="hidden sm:block">
              <Table caption={t("listCaption")}>
                <thead>
                  <tr>
                    <Th>{t("column.name")}</Th>
                    <Th>{t("column.tier")}</Th>
                    <Th>{t("column.region")}</Th>
                    <Th>{t("column.accountManager")}</Th>
                    <Th align="right">{t("column.customers")}</Th>
                    <Th>{t("column.contractEnd")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((o) => (
                    <tr key={o.id}>
                      <Td header>
                        <Link
                          href={`/admin/organizations/${o.id}`}
                          aria-label={t("editLabel", { name: o.name })}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {o.name}
                        </Link>
                      </Td>
                      <Td>
                        <Badge tone="brand">{tAll(`tier.${o.tierCode}`)}</Badge>
                      </Td>
                      <Td>{tAll(`region.${o.region}`)}</Td>
                      <Td>{o.accountManagerName ?? <span className="text-slate-500">{t("noAccountManager")}</span>}</Td>
                      <Td align="right">{format.number(o.customers)}</Td>
                      <Td>{date(o.contractEnd)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
            <ul className="divide-y divide-slate-100 sm:hidden" aria-label={t("listCaption")}>
              {list.items.map((o) => (
                <li key={o.id} className="py-3">
                  <Link
                    href={`/admin/organizations/${o.id}`}
                    aria-label={t("editLabel", { name: o.name })}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {o.name}
                  </Link>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <Badge tone="brand">{tAll(`tier.${o.tierCode}`)}</Badge>
                    <span>{tAll(`region.${o.region}`)}</span>
                  </p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
                    <dt className="text-slate-500">{t("column.accountManager")}</dt>
                    <dd>{o.accountManagerName ?? t("noAccountManager")}</dd>
                    <dt className="text-slate-500">{t("column.customers")}</dt>
                    <dd>{format.number(o.customers)}</dd>
                    <dt className="text-slate-500">{t("column.contractEnd")}</dt>
                    <dd>{date(o.contractEnd)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
        {pages > 1 ? (
          <nav aria-label={t("pages")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
            <span className="text-slate-600">{t("pageSummary", { page: list.page, pages })}</span>
            <span className="flex gap-3">
              {list.page > 1 ? (
                <Link href={hrefFor(list.page - 1)} className="font-medium text-brand-700 hover:underline">
                  {t("previous")}
                </Link>
              ) : null}
              {list.page < pages ? (
                <Link href={hrefFor(list.page + 1)} className="font-medium text-brand-700 hover:underline">
                  {t("next")}
                </Link>
              ) : null}
            </span>
          </nav>
        ) : null}
      </Card>
    </>
  );
}

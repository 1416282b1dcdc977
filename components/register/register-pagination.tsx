import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { type RegisterQuery, registerSearchParams } from "@/lib/register-query";

function pageHref(query: RegisterQuery, page: number): string {
  const search = registerSearchParams({ ...query, page }, { withPerPage: "non-default" }).toString();
  return search ? `/register?${search}` : "/register";
}

const linkClass = "rounded-md border border-slate-300 px-3 py-2 text-brand-700 hover:bg-brand-50";

export async function RegisterPagination({ query, pageCount }: { query: RegisterQuery; pageCount: number }) {
  const t = await getTranslations("Register");
  if (pageCount <= 1 && query.page <= 1) return null;
  const previous = Math.min(query.page - 1, pageCount);
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3">
      {query.page > 1 ? (
        <Link href={pageHref(query, previous)} rel="prev" className={linkClass}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">{t("pageOf", { page: query.page, pageCount })}</p>
      {query.page < pageCount ? (
        <Link href={pageHref(query, query.page + 1)} rel="next" className={linkClass}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export { pageHref };

import type { NextRequest } from "next/server";
import { getRegisterPage } from "@/db/queries/public-register-cache";
import { publicOrigin } from "@/lib/env";
import { OPEN_DATA_HEADERS, requestedLocale } from "@/lib/open-data-request";
import { openDataRecord } from "@/lib/server/register-open-data";
import { API_MAX_PAGE_SIZE, parseRegisterQuery, REGISTER_PAGE_SIZE, registerSearchParams } from "@/lib/register-query";

/** Read-only, paginated JSON API of the register; documented on /{locale}/register/open-data. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const locale = requestedLocale(params);
  const query = parseRegisterQuery(params, { defaultPerPage: REGISTER_PAGE_SIZE, maxPerPage: API_MAX_PAGE_SIZE });
  const page = await getRegisterPage(query, locale);
  const link = (pageNumber: number) => {
    const search = registerSearchParams({ ...query, page: pageNumber }, { withPerPage: true });
    search.set("page", String(pageNumber));
    if (params.has("lang")) search.set("lang", locale);
    // The portal's public address: the request may come from the page cache's own render (lib/server/page-cache).
    return `${publicOrigin()}${request.nextUrl.pathname}?${search}`;
  };
  return Response.json(
    {
      data: page.items.map((org) => openDataRecord(org, locale)),
      meta: { page: page.page, per_page: page.perPage, total: page.total, page_count: page.pageCount },
      links: {
        self: link(page.page),
        first: link(1),
        last: link(page.pageCount),
        prev: page.page > 1 ? link(Math.min(page.page - 1, page.pageCount)) : null,
        next: page.page < page.pageCount ? link(page.page + 1) : null,
      },
    },
    { headers: OPEN_DATA_HEADERS },
  );
}

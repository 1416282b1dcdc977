import type { NextRequest } from "next/server";

/**
 * The public pages whose HTML is the same for every visitor (the header's account part is filled in
 * by the browser, components/layout/account-context.tsx) and changes only with the
 * register's revision (or time, which the cache's lifetime bounds): home, how to take part, the
 * register with its searches, the pending list, organization pages, the code of conduct and the
 * privacy notice. Sign-in, verification and the mailbox depend on the visitor and stay rendered.
 */
const CACHEABLE_PAGE = /^\/(es|pt|en)(\/(how-to-take-part|code-of-conduct|privacy|register(\/[a-z0-9-]+)?))?$/;
/** The register's open data (downloads and the JSON API): public, and changed by the same revision. */
const CACHEABLE_DATA = /^\/api\/(v1\/organizations(\/[a-z0-9-]+)?|v1\/pending-applications|register\.(csv|json)|pending\.(csv|json))$/;

export const PAGE_FILL_HEADER = "x-csm-page-fill";

export type CacheableRequest = { key: string; kind: "page" | "data" };

/** What may be answered from the page cache, with its key, or null. */
export function cacheableRequest(request: NextRequest): CacheableRequest | null {
  if (request.method !== "GET") return null;
  const { pathname, search } = request.nextUrl;
  const kind = CACHEABLE_PAGE.test(pathname) ? "page" : CACHEABLE_DATA.test(pathname) ? "data" : null;
  if (!kind) return null;
  // Only a document's HTML is kept: Next's client router wants the page's React payload for its
  // navigations and prefetches, and Next removes their RSC headers and _rsc parameter before the
  // proxy sees the request; their Accept header (fetch's default) still tells them apart.
  if (kind === "page" && !request.headers.get("accept")?.includes("text/html")) return null;
  if (request.headers.has(PAGE_FILL_HEADER)) return null;
  return { key: pathname + search, kind };
}

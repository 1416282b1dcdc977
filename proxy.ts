import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { refusedRequest } from "@/lib/request-guard";
import { isProduction, servedOverHttps } from "@/lib/env";
import { createNonce, pageSecurityHeaders } from "@/lib/security-headers";
import { SESSION_COOKIES } from "@/lib/session-cookies";
import { cacheableRequest } from "@/lib/server/page-cache/cacheable-request";
import { cachedPage } from "@/lib/server/page-cache/page-cache";
import { registerRevision } from "@/db/queries/register-revision";
import { sharedRead } from "@/lib/server/page-cache/shared-read";

const intl = createMiddleware(routing);
const currentRevision = sharedRead(registerRevision);
const PROTECTED = /^\/(es|pt|en)\/(applicant|secretariat|states|account(?!\/erased))(\/|$)/;
/** Not pages: API routes and files at the root (robots.txt, sitemap.xml, favicon.ico). */
const NOT_A_PAGE = /^\/(api\/|[^/]*\.[^/]*$)/;

/**
 * Optimistic only: a visitor with no session cookie goes to sign-in. Pages and actions check for real.
 * Every page also gets its Content-Security-Policy with a fresh nonce: on the request, where Next
 * reads it to put the nonce on its scripts, and on the response, where the browser enforces it.
 */
export default async function proxy(request: NextRequest) {
  const url = new URL(request.url);
  const refused = refusedRequest(url.pathname + url.search, request.headers.get("content-length"));
  if (refused) return new NextResponse(refused.reason, { status: refused.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const security = pageSecurityHeaders({
    nonce: createNonce(),
    https: servedOverHttps(),
    development: !isProduction(),
  });
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) return (await fromPageCache(request)) ?? NextResponse.next();
  if (NOT_A_PAGE.test(pathname)) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
    return response;
  }
  const match = PROTECTED.exec(pathname);
  let response: NextResponse;
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL(`/${match[1]}/sign-in`, request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
  } else {
    const cached = await fromPageCache(request);
    if (cached) return cached;
    // next-intl copies the request's headers into the ones the page is rendered with.
    request.headers.set("Content-Security-Policy", security["Content-Security-Policy"]!);
    response = intl(request);
  }
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

/**
 * An anonymous visitor's public page, from the page cache (lib/server/page-cache), with a policy that
 * lists the hashes of its inline scripts. next-intl still decides: its redirects win, and its
 * cookie and alternate-language links are sent with the cached page.
 */
async function fromPageCache(request: NextRequest): Promise<Response | null> {
  // The development server's pages change with every edit, and its policy differs.
  const cacheable = isProduction() ? cacheableRequest(request) : null;
  if (!cacheable) return null;
  const localized = cacheable.kind === "page" ? intl(request) : null;
  if (localized && (localized.status !== 200 || localized.headers.has("x-middleware-rewrite"))) return null;
  // Without the database the page is rendered as before, and says so in the visitor's language.
  const revision = await currentRevision().catch(() => null);
  if (revision === null) return null;
  const { page, hit } = await cachedPage(request, cacheable, revision);
  if (page instanceof Response) return page;
  const response = new NextResponse(page.body, { status: 200 });
  for (const [name, value] of page.headers) {
    if (name === "link") response.headers.append(name, value);
    else response.headers.set(name, value);
  }
  response.headers.set("X-Page-Cache", hit ? "hit" : "miss");
  // Open data keeps the fixed policy of API routes (next.config.js).
  if (!localized) return response;
  for (const name of ["set-cookie", "link"]) {
    const value = localized.headers.get(name);
    if (value) response.headers.append(name, value);
  }
  const security = pageSecurityHeaders({ scriptHashes: page.scriptHashes, https: servedOverHttps(), development: !isProduction() });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every path but Next's own build files: API routes for the request checks, paths with a dot
  // (/es/register/x.y) for the page's Content-Security-Policy too.
  matcher: ["/((?!_next/|_vercel/).*)"],
};

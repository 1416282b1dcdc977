import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { createNonce, pageSecurityHeaders, servedOverHttps } from "@/lib/security-headers";
import { SESSION_COOKIES } from "@/lib/session-cookies";

const intl = createMiddleware(routing);
const PROTECTED = /^\/(es|pt|en)\/(applicant|secretariat)(\/|$)/;

/**
 * Optimistic only: a visitor with no session cookie goes to sign-in. Pages and actions check for real.
 * Every page also gets its Content-Security-Policy with a fresh nonce: on the request, where Next
 * reads it to put the nonce on its scripts, and on the response, where the browser enforces it.
 */
export default function proxy(request: NextRequest) {
  const security = pageSecurityHeaders({
    nonce: createNonce(),
    https: servedOverHttps(),
    development: process.env.NODE_ENV === "development",
  });
  const { pathname, search } = request.nextUrl;
  const match = PROTECTED.exec(pathname);
  let response: NextResponse;
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL(`/${match[1]}/sign-in`, request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
  } else {
    // next-intl copies the request's headers into the ones the page is rendered with.
    request.headers.set("Content-Security-Policy", security["Content-Security-Policy"]!);
    response = intl(request);
  }
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};

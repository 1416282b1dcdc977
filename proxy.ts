import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

const intl = createMiddleware(routing);
const PROTECTED = /^\/(es|pt|en)\/(applicant|secretariat)(\/|$)/;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** Optimistic only: a visitor with no session cookie goes to sign-in. Pages and actions check for real. */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const match = PROTECTED.exec(pathname);
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL(`/${match[1]}/sign-in`, request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  return intl(request);
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};

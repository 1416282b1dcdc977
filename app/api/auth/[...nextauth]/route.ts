import { handlers } from "@/lib/server/auth";

/**
 * Auth.js only reads and ends sessions here. Signing in goes through the sign-in page's actions
 * (rate limits, a link confirmed by a POST, a typed code), so Auth.js's own sign-in and callback
 * endpoints are closed: nothing here signs anyone in on a GET.
 */
function closed(request: Request): boolean {
  const { pathname } = new URL(request.url);
  return pathname.startsWith("/api/auth/signin") || pathname.startsWith("/api/auth/callback");
}

export async function GET(request: Parameters<typeof handlers.GET>[0]) {
  return closed(request) ? new Response("Not found", { status: 404 }) : handlers.GET(request);
}

export async function POST(request: Parameters<typeof handlers.POST>[0]) {
  return closed(request) ? new Response("Not found", { status: 404 }) : handlers.POST(request);
}

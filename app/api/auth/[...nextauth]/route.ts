import { handlers } from "@/lib/auth";

export const { GET } = handlers;

/**
 * Links are requested only through the sign-in page's action, which applies the rate
 * limits; Auth.js's own sign-in endpoint would bypass them, so it is closed.
 */
export async function POST(request: Parameters<typeof handlers.POST>[0]) {
  if (new URL(request.url).pathname.startsWith("/api/auth/signin")) {
    return new Response("Not found", { status: 404 });
  }
  return handlers.POST(request);
}

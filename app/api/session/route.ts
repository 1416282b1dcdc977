import { getActor } from "@/lib/server/session";

/**
 * Who is signed in, for the header of a page served from the page cache (components/layout/account-context.tsx):
 * the visitor's own address and role, never cached.
 */
export async function GET() {
  const actor = await getActor();
  return Response.json({ account: actor ? { email: actor.email, role: actor.role } : null }, { headers: { "Cache-Control": "private, no-store" } });
}

import "server-only";
import { headers } from "next/headers";

/** The portal's public address for links in e-mails: AUTH_URL when set, else the request's own host. */
export async function appOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

import "server-only";
import { cookies } from "next/headers";
import type { SignedIn } from "@/db/queries/sign-in-challenges";
import { servedOverHttps } from "@/lib/env";
import { SESSION_COOKIES } from "@/lib/session-cookies";

/** Hands the new database session to the browser under the cookie Auth.js reads, with its settings. */
export async function setSessionCookie(session: SignedIn): Promise<void> {
  const secure = servedOverHttps();
  const [plain, prefixed] = SESSION_COOKIES;
  (await cookies()).set(secure ? prefixed! : plain!, session.sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    expires: session.expires,
  });
}

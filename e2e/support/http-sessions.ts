/**
 * Signed-in request contexts without a browser: the sign-in form's action is posted as the
 * page would post it, the link arrives through the local SMTP server, and its confirmation page's
 * button (a server action) sets the session cookie in the context, exactly as for a user.
 */
import { type APIRequestContext, expect, request } from "@playwright/test";
import { APP_URL } from "./env";
import { isSignInMail, latestMailTo, magicLinkFrom } from "./mail";
import { callServerAction, serverActionId } from "./server-actions";

/**
 * A new connection per request: on a loaded machine a pause between calls can outlast the server's
 * keep-alive, and a reused socket the server is just closing fails with ECONNRESET.
 */
const FRESH_CONNECTION = { Connection: "close" };

export async function anonymousContext(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: APP_URL, extraHTTPHeaders: FRESH_CONNECTION });
}

export async function signInOverHttp(email: string): Promise<APIRequestContext> {
  const context = await anonymousContext();
  const since = Date.now();
  const asked = await callServerAction(context, "/es/sign-in", serverActionId("requestSignInLinkAction", "sign-in/actions"), { email });
  expect(asked.headers()["x-action-redirect"], `sign-in of ${email}`).toContain("/sign-in/check-email");
  const mail = await latestMailTo(email, { since, matching: isSignInMail });
  const link = new URL(magicLinkFrom(mail.text));
  const opened = await context.get(link.toString());
  expect(opened.status(), `sign-in link of ${email}`).toBe(200);
  // The confirmation page's button, posted as the page posts it.
  const confirmed = await callServerAction(context, `${link.pathname}${link.search}`, serverActionId("confirmSignInAction", "sign-in/confirm/actions"), {
    token: link.searchParams.get("token")!,
  });
  expect(confirmed.headers()["x-action-redirect"], `sign-in of ${email}`).toBeTruthy();
  const session = (await (await context.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email, `session of ${email}`).toBe(email);
  return context;
}

export const SESSION_COOKIE = "authjs.session-token";

/** The session cookie's value, which a script can keep sending after the app told the browser to drop it. */
export async function sessionToken(context: APIRequestContext): Promise<string> {
  const cookie = (await context.storageState()).cookies.find(({ name }) => name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie");
  return cookie.value;
}

/** A context that always sends this session cookie, whatever the server answers. */
export async function contextHolding(token: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { ...FRESH_CONNECTION, Cookie: `${SESSION_COOKIE}=${token}` } });
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * The page's markup, which must load, without its scripts: a page behind a loading skeleton streams its
 * content after React's payload, which holds the same names and links in another order.
 */
export async function pageHtml(context: APIRequestContext, path: string): Promise<string> {
  const response = await context.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
}

/** The first id in `html` after `anchor` that follows `prefix` (e.g. `/applications/`). */
export function idAfter(html: string, anchor: string, prefix: string): string {
  const start = html.indexOf(anchor);
  if (start < 0) throw new Error(`"${anchor}" is not on the page`);
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(${UUID})`).exec(html.slice(start));
  if (!match) throw new Error(`no ${prefix}<id> after "${anchor}"`);
  return match[1]!;
}

/** The value of a form's hidden field `name` on a page (a meeting's version, for one). */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="${name}"`).exec(html);
  if (!match) throw new Error(`no field "${name}" on the page`);
  return (match[1] ?? match[2])!;
}

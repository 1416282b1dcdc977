/**
 * Public pages come from the page cache (lib/server/page-cache): the same HTML for every visitor,
 * with the header's account part filled in by the browser from /api/session.
 */
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";

/** What a browser sends for a page (the page cache keeps documents, not the client router's fetches). */
const AS_DOCUMENT = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };

const pt = messages("pt");

test("a signed-in visitor gets the public page everyone gets, and their header names their area and signs them out", async ({ page, request }) => {
  const email = uniqueEmail("cached-header");
  await signIn(page, email, "pt");

  const response = await page.goto("/pt/how-to-take-part");
  expect(response!.headers()["x-page-cache"]).toMatch(/^(hit|miss)$/);
  // The HTML is the anonymous visitor's: nothing in it names this visitor.
  const html = await response!.text();
  expect(html).not.toContain(email);
  expect(html).toContain(`href="/pt/sign-in"`);
  const anonymous = await request.get("/pt/how-to-take-part", AS_DOCUMENT);
  expect(anonymous.headers()["x-page-cache"]).toMatch(/^(hit|miss)$/);

  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: pt.Nav.applicant })).toBeVisible();
  await expect(banner.getByRole("link", { name: pt.Nav.signIn })).toHaveCount(0);
  await expect(banner.getByText(email)).toBeVisible();

  // The session endpoint answers the visitor alone, and is never kept by a cache.
  const session = await page.request.get("/api/session");
  expect(session.headers()["cache-control"]).toBe("private, no-store");
  expect(await session.json()).toEqual({ account: { email, role: "applicant" } });
  expect(await (await request.get("/api/session")).json()).toEqual({ account: null });

  await banner.getByRole("button", { name: pt.Nav.signOut }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: pt.Nav.signIn })).toBeVisible();
  expect(await (await page.request.get("/api/session")).json()).toEqual({ account: null });
});

test("moving between cached pages in the browser is a client navigation, and links prefetch without hanging", async ({ page }) => {
  await page.goto("/pt", { waitUntil: "networkidle" });
  await page.evaluate(() => ((window as unknown as { sameDocument?: boolean }).sameDocument = true));
  await page.getByRole("banner").getByRole("link", { name: pt.HowToTakePart.navLabel }).click();
  await expect(page).toHaveURL("/pt/how-to-take-part");
  await expect(page.getByRole("heading", { level: 1, name: pt.HowToTakePart.title })).toBeVisible();
  // The router got the page's React payload, not the cached HTML: the document was not reloaded.
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.waitForLoadState("networkidle");
});

test("links prefetch their page when the reader points at or focuses them, not when they come into view", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto("/pt/register", { waitUntil: "networkidle" });
  expect(prefetched).toEqual([]);

  const banner = page.getByRole("banner");
  await banner.getByRole("link", { name: pt.HowToTakePart.navLabel }).hover();
  await expect.poll(() => prefetched).toContain("/pt/how-to-take-part");
  await banner.getByRole("link", { name: pt.Nav.signIn }).focus();
  await expect.poll(() => prefetched).toContain("/pt/sign-in");
  expect(prefetched.filter((path) => path !== "/pt/how-to-take-part" && path !== "/pt/sign-in")).toEqual([]);
});

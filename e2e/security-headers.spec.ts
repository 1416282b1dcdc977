/**
 * The headers and cookies the real server sends over plain HTTP (the e2e server's AUTH_URL is
 * http://localhost): a nonce-based Content-Security-Policy the page runs under, the fixed
 * headers on pages and API routes, no HSTS, and a session cookie that scripts cannot read.
 * The HTTPS case (HSTS, upgrade-insecure-requests, Secure cookies) is in tests/unit/security-headers.test.ts.
 */
import { expect, signIn, test, uniqueEmail } from "./fixtures";

/** What a browser sends for a page (the page cache keeps documents, not the client router's fetches). */
const AS_DOCUMENT = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };

const FIXED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

test("pages rendered per request carry a per-request nonce CSP, the page's scripts carry that nonce, and the fixed headers", async ({ page, request }) => {
  const response = await page.goto("/es/sign-in");
  const headers = response!.headers();
  expect(headers).toMatchObject(FIXED);
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined();
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toContain("upgrade-insecure-requests");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);

  // Every script in the document has this request's nonce (the browser hides it from the DOM attribute).
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  // Next's runtime ran under the policy: it announces itself on window when it boots.
  await page.waitForFunction(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string");

  const again = await request.get("/es/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  const api = await request.get("/api/health");
  expect(api.headers()).toMatchObject({ ...FIXED, "content-security-policy": "default-src 'none'; frame-ancestors 'none'" });
});

test("a public page served from the page cache lists its inline scripts' hashes, carries no nonce, and runs", async ({ page, request }) => {
  // Other tests change the register meanwhile (a new revision renders the page again), so a hit may take a try or two.
  await expect.poll(async () => (await request.get("/es/how-to-take-part", AS_DOCUMENT)).headers()["x-page-cache"]).toBe("hit");
  const cached = await request.get("/es/how-to-take-part", AS_DOCUMENT);
  expect(cached.headers()).toMatchObject(FIXED);

  const response = await page.goto("/es/how-to-take-part");
  const csp = response!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).not.toContain("nonce");
  expect(csp).not.toContain("unsafe");
  // No nonce value is left, neither on a tag nor in React's payload (which names the render's nonce).
  expect(await response!.text()).not.toMatch(/nonce[^A-Za-z0-9+/]{1,8}[A-Za-z0-9+/]{22}==/);
  expect(await page.locator("script:not([src])").count()).toBeGreaterThan(0);
  await page.waitForFunction(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string");
});

test("an inline script injected into a cached page's HTML does not run; the page's own scripts do", async ({ browser, request }) => {
  await request.get("/es/how-to-take-part", AS_DOCUMENT);
  const context = await browser.newContext();
  const page = await context.newPage();
  // What a poisoned cache entry or a tampering intermediary would serve: the cached page and its
  // policy, with one more inline script in the HTML.
  await page.route("**/es/how-to-take-part", async (route) => {
    const cached = await route.fetch();
    expect(cached.headers()["x-page-cache"]).toMatch(/^(hit|miss)$/);
    const html = (await cached.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response: cached, body: html });
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await page.goto("/es/how-to-take-part");
  await page.waitForFunction(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string");
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  expect(violations.length).toBeGreaterThan(0);
  await context.close();
});

test("an inline event handler injected into a page does not run", async ({ browser }) => {
  // A context of its own: the violation this test provokes is the point, not a failure of the app.
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(event.effectiveDirective));
  });
  const page = await context.newPage();
  await page.goto("/es");
  // What an injected piece of markup would try: an inline event handler.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<img alt="" src="/missing.png" onerror="window.injected = true">`);
  });
  await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(["script-src-attr"]);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  await context.close();
});

test("the session cookie is httpOnly and SameSite=Lax (Secure only when served over HTTPS)", async ({ page }) => {
  await signIn(page, uniqueEmail("cookie-flags"), "es");
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("authjs.session-token");
});

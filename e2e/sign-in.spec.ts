import { confirmSignInLink, expect, requestSignInLink, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";
import { SIGN_IN_LIMIT_PER_EMAIL } from "./support/env";
import { signInAccounts } from "./support/fixtures/sign-in";
import { latestMailTo, magicLinkFrom, mailsTo, signInCodeFrom } from "./support/mail";

const es = messages("es");

test.describe("Signing in with an e-mail link", () => {
  test("a new organization signs up through the link it receives by e-mail; the demo mailbox keeps the message without its link once delivered", async ({
    page,
  }) => {
    const email = uniqueEmail("new");

    const { mail, link } = await signIn(page, email);

    // The message reached the mail server, in the visitor's language.
    expect(mail.text).toContain(es.Email.signIn.body);
    expect(mail.text).toContain(es.Email.signIn.footer);
    // The new account is an applicant one, with no organization yet.
    await expect(page.getByText(es.Applicant.noOrganization)).toBeVisible();
    const header = page.getByRole("banner");
    await expect(header.getByText(`${email} (${es.Role.applicant})`)).toBeVisible();
    await expect(header.getByRole("link", { name: es.Nav.secretariat })).toHaveCount(0);

    // The same message is kept in the outbox, shown on the demo mailbox page, marked as sent, and
    // delivered: its link and code are no longer kept.
    await page.getByRole("banner").getByRole("link", { name: es.Nav.mailbox }).click();
    await expect(page).toHaveURL("/es/mailbox");
    await expect(page.getByRole("heading", { level: 1, name: es.Mailbox.title })).toBeVisible();
    const message = page.getByRole("article", { name: es.Email.signIn.subject }).filter({ hasText: email });
    await expect(message).toHaveCount(1);
    await expect(message.getByText(es.Mailbox.sent, { exact: true })).toBeVisible();
    await expect(message.getByText(es.Email.signIn.redacted)).toBeVisible();
    await expect(message.getByRole("link")).toHaveCount(0);
    await expect(message).not.toContainText(signInCodeFrom(mail.text));
    expect(new URL(link).pathname).toBe("/es/sign-in/confirm");
  });

  test("a mail scanner that opens the link first (GET, HEAD, prefetch) signs no one in; the person's button still does", async ({ page, request }) => {
    const email = uniqueEmail("scanned");
    const since = await requestSignInLink(page, email);
    await expect(page.getByRole("heading", { level: 1, name: es.SignIn.checkEmailTitle })).toBeVisible();
    const link = magicLinkFrom((await latestMailTo(email, { since })).text);

    const scanned = await request.get(link);
    expect(scanned.status()).toBe(200);
    expect(await scanned.text()).toContain(es.SignIn.confirmButton);
    expect((await request.head(link)).status()).toBe(200);
    expect((await request.get(link, { headers: { RSC: "1", "Next-Router-Prefetch": "1" } })).status()).toBe(200);
    // The scanner got no session.
    expect(await (await request.get("/api/auth/session")).json()).toBeNull();

    await confirmSignInLink(page, link, email, "es");

    await expect(page).toHaveURL("/es/applicant");
    await expect(page.getByRole("heading", { level: 1, name: es.Applicant.title })).toBeVisible();
  });

  test("the code from the e-mail, typed on the check-email page, signs in; typed again it is refused", async ({ page, a11y }) => {
    const email = uniqueEmail("code");
    const since = await requestSignInLink(page, email);
    await expect(page).toHaveURL("/es/sign-in/check-email");
    const code = signInCodeFrom((await latestMailTo(email, { since })).text);

    // A code that is not 8 digits: a translated field error, and what was typed stays.
    await page.getByLabel(es.SignIn.code).fill("12-34");
    await page.getByRole("button", { name: es.SignIn.codeSubmit }).click();
    await expect(page.getByLabel(es.SignIn.code)).toHaveAccessibleDescription(`${es.SignIn.codeHint} ${es.Validation.signInCode}`);
    await expect(page.getByLabel(es.SignIn.code)).toHaveValue("12-34");
    await a11y.check("check-email page with a code error");

    await page.getByLabel(es.SignIn.code).fill(`${code.slice(0, 4)} ${code.slice(4)}`);
    await page.getByRole("button", { name: es.SignIn.codeSubmit }).click();
    await expect(page).toHaveURL("/es/applicant");
    await expect(page.getByRole("heading", { level: 1, name: es.Applicant.title })).toBeVisible();

    await page.getByRole("banner").getByRole("button", { name: es.Nav.signOut }).click();
    await expect(page).toHaveURL("/es");
    await page.goto("/es/sign-in/check-email");
    await page.getByLabel(es.SignIn.code).fill(code);
    await page.getByRole("button", { name: es.SignIn.codeSubmit }).click();
    await expect(page.getByRole("status").filter({ hasText: es.SignIn.codeInvalid })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: es.Nav.signIn })).toBeVisible();
  });

  test("a code whose request was already used by its link is refused, in the page's language", async ({ page }) => {
    const en = messages("en");
    const email = uniqueEmail("used-code");
    const since = await requestSignInLink(page, email, { locale: "en" });
    await expect(page).toHaveURL("/en/sign-in/check-email");
    const mail = await latestMailTo(email, { since });
    await confirmSignInLink(page, magicLinkFrom(mail.text), email, "en");
    await expect(page).toHaveURL("/en/applicant");
    await page.getByRole("banner").getByRole("button", { name: en.Nav.signOut }).click();
    await expect(page).toHaveURL("/en");

    await page.goto("/en/sign-in/check-email");
    await page.getByLabel(en.SignIn.code).fill(signInCodeFrom(mail.text));
    await page.getByRole("button", { name: en.SignIn.codeSubmit }).click();

    await expect(page.getByRole("status").filter({ hasText: en.SignIn.codeInvalid })).toBeVisible();
    await page.goto("/en/applicant");
    await expect(page).toHaveURL(/\/en\/sign-in/);
  });

  test("signing in from /pt/sign-in lands in pt and makes pt the account's language", async ({ page }) => {
    const { email } = signInAccounts.spanishSpeaker;
    const { mail } = await signIn(page, email, "pt");

    expect(mail.text).toContain(messages("pt").Email.signIn.body);
    await expect(page.locator("html")).toHaveAttribute("lang", "pt");
    // Stored: where a sign-in lands by default (in the account's language) is now pt, even from /es.
    await page.goto("/es/welcome");
    await expect(page).toHaveURL("/pt/applicant");
  });

  test("a deactivated account gets the same answer on the page, and no e-mail", async ({ page }) => {
    const { email } = signInAccounts.deactivated;
    const other = uniqueEmail("active");

    await requestSignInLink(page, email);
    await expect(page).toHaveURL("/es/sign-in/check-email");
    await expect(page.getByRole("heading", { level: 1, name: es.SignIn.checkEmailTitle })).toBeVisible();
    // An active address asked right after gets its message: the deactivated one's had its chance.
    const since = await requestSignInLink(page, other);
    await latestMailTo(other, { since });
    expect(mailsTo(email)).toHaveLength(0);
  });

  test("a mistyped address gets a translated field error and keeps what was typed", async ({ page, a11y }) => {
    for (const locale of ["es", "en"] as const) {
      const t = messages(locale);
      await requestSignInLink(page, "maria.example.org", { locale });

      await expect(page).toHaveURL(`/${locale}/sign-in`);
      const field = page.getByLabel(t.SignIn.email);
      await expect(field).toHaveValue("maria.example.org");
      await expect(field).toHaveAttribute("aria-invalid", "true");
      // The field's error is tied to it, so screen readers announce it with the field.
      await expect(field).toHaveAccessibleDescription(t.Validation.email);
      const summary = page.getByRole("alert").filter({ hasText: t.Errors.invalid });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link")).toHaveText(t.UI.errorSummaryItem.replace("{field}", t.SignIn.email).replace("{message}", t.Validation.email));
      await a11y.check(`sign-in form with a field error (${locale})`);
    }
    expect(mailsTo("maria.example.org")).toHaveLength(0);
  });

  test("a link works once: opened again, it says that it is no longer valid", async ({ page }) => {
    const email = uniqueEmail("twice");
    const { link } = await signIn(page, email);

    await page.goto(link);

    await expect(page).toHaveURL("/es/sign-in?error=Verification");
    await expect(page.getByText(es.SignIn.errorVerification)).toBeVisible();
    // The sign-in form is right there to ask for a new link.
    await expect(page.getByLabel(es.SignIn.email)).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, uniqueEmail("bye"));

    await page.getByRole("banner").getByRole("button", { name: es.Nav.signOut }).click();

    await expect(page).toHaveURL("/es");
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: es.Nav.signIn })).toBeVisible();
    await expect(header.getByRole("button", { name: es.Nav.signOut })).toHaveCount(0);
    // The applicant area now asks for a sign-in again.
    await page.goto("/es/applicant");
    await expect(page).toHaveURL("/es/sign-in?callbackUrl=%2Fes%2Fapplicant");
  });

  test(`asking for more than ${SIGN_IN_LIMIT_PER_EMAIL} links for one address is refused with a translated message`, async ({ page, a11y }) => {
    const email = uniqueEmail("eager");
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT_PER_EMAIL; attempt++) {
      await requestSignInLink(page, email);
      await expect(page.getByRole("heading", { level: 1, name: es.SignIn.checkEmailTitle })).toBeVisible();
    }

    await requestSignInLink(page, email);

    await expect(page.getByRole("status").filter({ hasText: es.Errors.rate_limited })).toBeVisible();
    await expect(page).toHaveURL("/es/sign-in");
    await expect(page.getByLabel(es.SignIn.email)).toHaveValue(email);
    // Only the allowed requests sent a message.
    expect(mailsTo(email)).toHaveLength(SIGN_IN_LIMIT_PER_EMAIL);
    await a11y.check("sign-in form refusing a request (rate limit)");
  });

  test("Auth.js's own sign-in endpoint is closed, so the rate limits cannot be bypassed", async ({ request }) => {
    const email = uniqueEmail("bypass");
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };

    const response = await request.post("/api/auth/signin/email", {
      form: { email, csrfToken, callbackUrl: "/es/welcome" },
      maxRedirects: 0,
    });

    expect(response.status()).toBe(404);
    expect(mailsTo(email)).toHaveLength(0);
    // Nor does its callback sign anyone in on a GET.
    const callback = await request.get(`/api/auth/callback/email?token=x&email=${encodeURIComponent(email)}`, { maxRedirects: 0 });
    expect(callback.status()).toBe(404);
  });
});

import { expect, requestSignInLink, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";
import { SIGN_IN_LIMIT_PER_EMAIL } from "./support/env";
import { mailsTo } from "./support/mail";

const es = messages("es");

test.describe("Signing in with an e-mail link", () => {
  test("a new organization signs up through the link it receives by e-mail, which the demo mailbox also keeps", async ({
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

    // The same message is kept in the outbox, shown on the demo mailbox page, marked as sent.
    await page.getByRole("banner").getByRole("link", { name: es.Nav.mailbox }).click();
    await expect(page).toHaveURL("/es/mailbox");
    await expect(page.getByRole("heading", { level: 1, name: es.Mailbox.title })).toBeVisible();
    const message = page.getByRole("article", { name: es.Email.signIn.subject }).filter({ hasText: email });
    await expect(message).toHaveCount(1);
    await expect(message.getByText(es.Mailbox.sent, { exact: true })).toBeVisible();
    await expect(message.getByRole("link", { name: link })).toHaveAttribute("href", link);
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
      await expect(page.getByRole("status").filter({ hasText: t.Errors.invalid })).toBeVisible();
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

  test(`asking for more than ${SIGN_IN_LIMIT_PER_EMAIL} links for one address is refused with a translated message`, async ({
    page,
    a11y,
  }) => {
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
  });
});

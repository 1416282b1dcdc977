import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { LOCALES, messages } from "./support/catalog";
import { EXPECTED_DRIVER } from "./support/env";

test.describe("Three languages", () => {
  for (const locale of LOCALES) {
    test(`the home page speaks ${locale}`, async ({ page }) => {
      const t = messages(locale);

      await page.goto(`/${locale}`);

      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page).toHaveTitle(t.Metadata.title);
      await expect(page.getByRole("heading", { level: 1, name: t.Home.title })).toBeVisible();
      await expect(page.getByRole("link", { name: t.Home.cta })).toHaveAttribute("href", `/${locale}/sign-in`);
      const switcher = page.getByRole("navigation", { name: t.LocaleSwitcher.label });
      await expect(switcher.getByRole("link", { name: t.LocaleSwitcher[locale] })).toHaveAttribute("aria-current", "true");
    });
  }

  test("the language switcher changes the language and keeps the page", async ({ page }) => {
    await page.goto("/es/sign-in");

    for (const [from, to] of [
      ["es", "pt"],
      ["pt", "en"],
      ["en", "es"],
    ] as const) {
      const switcher = page.getByRole("navigation", { name: messages(from).LocaleSwitcher.label });
      await switcher.getByRole("link", { name: messages(from).LocaleSwitcher[to] }).click();

      await expect(page).toHaveURL(`/${to}/sign-in`);
      await expect(page.locator("html")).toHaveAttribute("lang", to);
      await expect(page.getByRole("heading", { level: 1, name: messages(to).SignIn.title })).toBeVisible();
      await expect(page.getByLabel(messages(to).SignIn.email)).toBeVisible();
    }
  });

  test("an English-speaking organization signs up in English and gets its e-mail in English", async ({ page }) => {
    const en = messages("en");
    // signIn checks the e-mail's subject and the landing page in the language it started from.
    const { mail } = await signIn(page, uniqueEmail("english"), "en");

    expect(mail.text).toContain(en.Email.signIn.body);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText(en.Applicant.noOrganization)).toBeVisible();
  });

  test("a signed-in user's language choice is remembered, and the language of the next sign-in page wins over it", async ({ page, context }) => {
    const email = uniqueEmail("polyglot");
    await signIn(page, email, "es");

    const switcher = page.getByRole("navigation", { name: messages("es").LocaleSwitcher.label });
    await switcher.getByRole("link", { name: messages("es").LocaleSwitcher.pt }).click();
    await expect(page).toHaveURL("/pt/applicant");
    // Remembered: the default landing page now answers in pt.
    await page.goto("/es/welcome");
    await expect(page).toHaveURL("/pt/applicant");
    await page
      .getByRole("banner")
      .getByRole("button", { name: messages("pt").Nav.signOut })
      .click();
    await expect(page).toHaveURL("/pt");
    await context.clearCookies(); // as on another device: no language cookie left

    await signIn(page, email, "en");

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/es/welcome");
    await expect(page).toHaveURL("/en/applicant");
  });

  test("/ sends a Spanish-speaking browser to /es", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/es");
    await expect(page.getByRole("heading", { level: 1, name: messages("es").Home.title })).toBeVisible();
  });

  test.describe("in a Portuguese-speaking browser", () => {
    test.use({ locale: "pt-BR" });

    test("/ sends it to /pt", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL("/pt");
      await expect(page.getByRole("heading", { level: 1, name: messages("pt").Home.title })).toBeVisible();
    });
  });

  test("GET /api/health reports that the portal and its database are up", async ({ request }) => {
    const response = await request.get("/api/health");

    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = (await response.json()) as { status: string; database: { status: string; driver: string } };
    expect(body).toMatchObject({ status: "ok", database: { status: "ok", driver: EXPECTED_DRIVER } });
  });
});

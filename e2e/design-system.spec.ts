import { expect, signIn, test } from "./fixtures";
import { LOCALES, messages } from "./support/catalog";

test.describe("The design system page", () => {
  test("shows every component to an admin in the three languages, without sideways scrolling, and refuses reviewers", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin@demo.test");
    for (const locale of LOCALES) {
      const t = messages(locale);
      await page.goto(`/${locale}/secretariat/design`);
      await expect(page.getByRole("heading", { level: 1, name: t.DesignSystem.title })).toBeVisible();
      for (const section of ["fields", "messages", "steps", "upload", "status", "lists", "confirm", "timeline"] as const) {
        await expect(page.getByRole("region", { name: t.DesignSystem[section] })).toBeVisible();
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    }

    // The samples behave as on the real pages: a summary link lands on its field, the dialog opens and closes.
    const en = messages("en");
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: en.UI.errorSummaryTitle }) });
    await summary.getByRole("link", { name: new RegExp(`^${en.ApplicantForm.city}`) }).click();
    await expect(page.getByRole("textbox", { name: en.ApplicantForm.city })).toBeFocused();
    const confirm = page.getByRole("region", { name: en.DesignSystem.confirm });
    await confirm.getByRole("button", { name: en.DesignSystem.confirmOpen }).click();
    const dialog = page.getByRole("dialog", { name: en.Review.confirm.title });
    await expect(dialog).toContainText(en.DesignSystem.confirmBody);
    await dialog.getByRole("button", { name: en.Review.confirm.back }).click();
    await expect(dialog).toBeHidden();

    const reviewer = await browser.newPage();
    await signIn(reviewer, "reviewer@demo.test");
    const response = await reviewer.goto("/es/secretariat/design");
    expect(response?.status()).toBe(403);
    await reviewer.close();
  });
});

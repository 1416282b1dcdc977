import type { Page } from "@playwright/test";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";

const es = messages("es");

/** The count shown for one status in the secretariat's "applications by status" table. */
async function countFor(page: Page, statusLabel: string): Promise<number> {
  const table = page.getByRole("table", { name: es.Secretariat.countsTitle });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: statusLabel, exact: true }) });
  await expect(row).toHaveCount(1);
  return Number(await row.getByRole("cell").textContent());
}

test.describe("Who may enter which area", () => {
  for (const email of ["reviewer@demo.test", "admin@demo.test"]) {
    test(`${email.split("@")[0]} signs in and reaches the secretariat's dashboard`, async ({ page }) => {
      await signIn(page, email); // lands on /es/secretariat with its heading

      const header = page.getByRole("banner");
      await expect(header.getByRole("link", { name: es.Nav.secretariat })).toBeVisible();
      // Every status of the seeded pipeline is counted; the demo data has one submitted application or more.
      expect(await countFor(page, es.Status.submitted)).toBeGreaterThanOrEqual(1);
      expect(await countFor(page, es.Status.in_review)).toBeGreaterThanOrEqual(1);
      expect(await countFor(page, es.Status.accredited_participant)).toBeGreaterThanOrEqual(12);
      const total = await countFor(page, es.Secretariat.total);
      let sum = 0;
      for (const status of Object.values(es.Status)) sum += await countFor(page, status);
      expect(total).toBe(sum);
    });
  }

  test("an applicant who opens the secretariat's address is refused (403)", async ({ page }) => {
    await signIn(page, "applicant@demo.test"); // lands on /es/applicant
    await expect(page.getByRole("heading", { level: 2, name: /Red de Apoyo a Personas Migrantes/ })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: es.Nav.secretariat })).toHaveCount(0);

    const response = await page.goto("/es/secretariat");

    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: es.Forbidden.title })).toBeVisible();
    await expect(page.getByText(es.Forbidden.text)).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.getByRole("main").getByRole("link", { name: es.Forbidden.back }).click();
    await expect(page).toHaveURL("/es");
  });

  test("a visitor who opens the applicant area is sent to sign in, and the link brings them back there", async ({
    page,
  }) => {
    await page.goto("/es/applicant");

    await expect(page).toHaveURL("/es/sign-in?callbackUrl=%2Fes%2Fapplicant");
    await expect(page.getByRole("heading", { level: 1, name: es.SignIn.title })).toBeVisible();
    await signIn(page, uniqueEmail("returning"), "es", { fromCurrentPage: true, landsOn: "/es/applicant" });

    await expect(page.getByRole("heading", { level: 1, name: es.Applicant.title })).toBeVisible();
  });
});

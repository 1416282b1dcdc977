import type { Page } from "@playwright/test";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_APPLICANT_ORGANIZATIONS } from "@/db/seed-data";
import { applicationLink, fmt } from "./support/applicant";
import { messages } from "./support/catalog";
import { meetingSection, nominationForm, openDelegatesPage } from "./support/delegates";
import { CURRENT_MEETING } from "./support/meetings";

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
      // Every status the queue shows is counted (drafts are the applicants' own); the demo data has one submitted application or more.
      expect(await countFor(page, es.Status.submitted)).toBeGreaterThanOrEqual(1);
      expect(await countFor(page, es.Status.in_review)).toBeGreaterThanOrEqual(1);
      expect(await countFor(page, es.Status.accredited_participant)).toBeGreaterThanOrEqual(12);
      const total = await countFor(page, es.Secretariat.total);
      let sum = 0;
      for (const [status, label] of Object.entries(es.Status)) if (status !== "draft") sum += await countFor(page, label);
      expect(total).toBe(sum);
      const table = page.getByRole("table", { name: es.Secretariat.countsTitle });
      await expect(table.getByRole("rowheader", { name: es.Status.draft, exact: true })).toHaveCount(0);

      // Each count links to the queue filtered to the rows it counts; "me" is resolved by the server.
      await expect(page.getByTestId("count-in_review").getByRole("link")).toHaveAttribute("href", "/es/secretariat/applications?status=in_review");
      await expect(page.getByTestId("count-all").getByRole("link")).toHaveAttribute("href", "/es/secretariat/applications?status=all");
      await expect(page.getByTestId("assigned-to-me")).toHaveAttribute("href", "/es/secretariat/applications?reviewer=me");
      await expect(page.getByTestId("open-count")).toHaveAttribute("href", "/es/secretariat/applications");
      const toDecide = page.getByTestId("to-decide");
      if (email.startsWith("admin")) await expect(toDecide).toHaveAttribute("href", "/es/secretariat/applications?status=recommended");
      else await expect(toDecide).toHaveCount(0);
    });
  }

  // The only test signing in as the demo applicant: two at once would take each other's links.
  test("the demo applicant finds its draft and reaches its accredited organization's delegates without any setup, and is refused the secretariat (403)", async ({
    page,
  }) => {
    const { delegate } = DEMO_APPLICANT_ORGANIZATIONS;
    await signIn(page, DEMO_ACCOUNTS.applicant); // lands on /es/applicant
    await expect(page.getByRole("banner").getByRole("link", { name: es.Nav.secretariat })).toHaveCount(0);
    const draft = page.getByRole("article", { name: /Red de Apoyo a Personas Migrantes/ });
    await expect(draft.getByText(es.Status.draft, { exact: true })).toBeVisible();
    await expect(applicationLink(draft, "es")).toBeVisible();
    const accredited = page.getByRole("article", { name: "Migrant Support Network Guyana (demo)" });
    await expect(accredited).toContainText(fmt(es.Applicant.accreditation, { category: es.Category.observer }));

    await openDelegatesPage(page, "es", "Migrant Support Network Guyana (demo)");
    const section = meetingSection(page, "es", CURRENT_MEETING);
    await expect(section.getByText(fmt(es.Delegates.quota, { live: 1, quota: 2 }))).toBeVisible();
    const entry = section.getByRole("listitem").filter({ hasText: delegate.email });
    await expect(entry).toContainText(delegate.name);
    await expect(entry).toContainText(es.DelegateStatus.nominated);
    await expect(nominationForm(section, "es").getByRole("button", { name: es.DelegatesForm.nominate })).toBeVisible();

    const response = await page.goto("/es/secretariat");

    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: es.Forbidden.title })).toBeVisible();
    await expect(page.getByText(es.Forbidden.text)).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.getByRole("main").getByRole("link", { name: es.Forbidden.back }).click();
    await expect(page).toHaveURL("/es");
  });

  test("a visitor who opens the applicant area is sent to sign in, and the link brings them back there", async ({ page }) => {
    await page.goto("/es/applicant");

    await expect(page).toHaveURL("/es/sign-in?callbackUrl=%2Fes%2Fapplicant");
    await expect(page.getByRole("heading", { level: 1, name: es.SignIn.title })).toBeVisible();
    await signIn(page, uniqueEmail("returning"), "es", { fromCurrentPage: true, landsOn: "/es/applicant" });

    await expect(page.getByRole("heading", { level: 1, name: es.Applicant.title })).toBeVisible();
  });
});

import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "./fixtures";
import { signInStaff } from "./support/applicant";
import { messages } from "./support/catalog";
import { privacyFixture } from "./support/fixtures/privacy";
import { answerInformationRequest, openOwnApplication } from "./support/secretariat";

const es = messages("es");
const { applicant, admin, organization } = privacyFixture;

test.describe("Privacy", () => {
  test("a visitor reads the privacy notice from the footer and from the sign-in form", async ({ page, a11y }) => {
    await page.goto("/es/sign-in");
    await page.getByRole("main").getByRole("link", { name: es.PrivacyNotice.formNotice }).click();
    await expect(page).toHaveURL("/es/privacy");
    await expect(page.getByRole("heading", { level: 1, name: es.PrivacyNotice.title })).toBeVisible();
    await expect(page.getByText(es.PrivacyNotice.keptDelegates.replace("{days}", "90"))).toBeVisible();
    await a11y.check("privacy notice");

    await page.goto("/en");
    await page
      .getByRole("contentinfo")
      .getByRole("link", { name: messages("en").PrivacyNotice.navLabel })
      .click();
    await expect(page).toHaveURL("/en/privacy");
    await expect(page.getByRole("heading", { level: 1, name: messages("en").PrivacyNotice.title })).toBeVisible();
  });

  test("a person downloads their data and erases their account; the organization's history stays, showing a former member; the address signs up again as someone new", async ({
    page,
    browser,
    a11y,
  }) => {
    // Three people's sessions and a download on a shared machine: more than the default minute.
    test.slow();
    const answer = "Adjuntamos la información pedida antes de borrar mi cuenta.";
    await signIn(page, applicant.email);
    const applicationId = await openOwnApplication(page, "es");
    await answerInformationRequest(page, "es", applicationId, answer);

    // Everything held about them, as JSON.
    await page.getByRole("banner").getByRole("link", { name: es.Account.navLabel }).click();
    await expect(page).toHaveURL("/es/account");
    await expect(page.getByRole("heading", { level: 1, name: es.Account.title })).toBeVisible();
    await a11y.check("my account");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: es.Account.downloadButton }).click()]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(data.account).toMatchObject({ email: applicant.email, name: applicant.name, role: "applicant" });
    expect(data.memberships).toEqual([expect.objectContaining({ organization: organization.legalName, role: "owner" })]);
    expect(data.applicationHistory).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId, message: answer })]));

    // Erasing asks for a confirmation first.
    const erase = page.getByRole("button", { name: es.Account.eraseButton });
    await erase.click();
    await expect(page.getByText(es.Account.confirmRequired, { exact: true })).toBeVisible();
    await expect(page).toHaveURL("/es/account");
    await page.getByLabel(es.Account.confirmLabel).check();
    await erase.click();
    await expect(page).toHaveURL("/es/account/erased");
    await expect(page.getByRole("heading", { level: 1, name: es.Account.erasedTitle })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: es.Nav.signIn })).toBeVisible();
    await page.goto("/es/account");
    await expect(page).toHaveURL("/es/sign-in?callbackUrl=%2Fes%2Faccount");

    // The secretariat still sees the whole history; the answer is now a former member's.
    const { context, staff } = await signInStaff(browser, admin.email, "es");
    await staff.goto(`/es/secretariat/applications/${applicationId}`);
    const answered = staff.getByRole("listitem").filter({ hasText: answer });
    await expect(answered).toBeVisible();
    await expect(answered).toContainText(es.Person.formerMember);
    await expect(staff.getByText(applicant.email)).toHaveCount(0);
    await expect(staff.getByText(applicant.name)).toHaveCount(0);
    await staff.goto("/es/secretariat/audit");
    // The log's entry reads "Exmiembro eliminó su cuenta": the entry stays, the name does not.
    await expect(staff.getByRole("row").filter({ hasText: es.AuditActions.sentences.account.erased.replace("{actor}", es.Person.formerMember) })).toHaveCount(
      1,
    );
    await context.close();

    // The same address signs up again, as a new person with no organization.
    const fresh = await browser.newContext();
    const again = await fresh.newPage();
    await signIn(again, applicant.email);
    await expect(again.getByText(es.Applicant.noOrganization)).toBeVisible();
    await fresh.close();
  });
});

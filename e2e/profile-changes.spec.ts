/**
 * Bad intent, point 3: a member of an accredited organization changes its public entry from a
 * renewal draft. The register keeps what the secretariat decided until a reviewer publishes the
 * change; a refusal keeps the register as it was and tells the organization why.
 */
import { expect, signIn, test } from "./fixtures";
import { signInStaff } from "./support/applicant";
import { messages } from "./support/catalog";
import { profileChangesFixture } from "./support/fixtures/profile-changes";
import { latestMailTo } from "./support/mail";
import { openOwnApplication } from "./support/secretariat";

const es = messages("es");
const en = messages("en");
const { member, reviewer, organization } = profileChangesFixture;
const PHISHING = "https://csm-acreditacion.example.net/login";

test("a listed organization's public changes wait for a reviewer, who publishes one and refuses the next", async ({ page, browser, a11y }) => {
  test.slow();
  const publicPage = `/es/register/${organization.slug}`;

  await signIn(page, member.email);
  const applicationId = await openOwnApplication(page, "es");
  await page.goto(`/es/applicant/applications/${applicationId}/organization`);
  await page.getByLabel(es.ApplicantForm.website).fill(PHISHING);
  await page.getByLabel(es.ApplicantForm.city).fill("Encarnación");
  await page.getByRole("button", { name: es.ApplicantForm.save }).click();
  await expect(page).not.toHaveURL(/\/organization$/);

  // The register still shows what the secretariat decided.
  await page.goto(publicPage);
  await expect(page.getByRole("heading", { level: 1, name: organization.legalName })).toBeVisible();
  await expect(page.getByText(PHISHING)).toHaveCount(0);
  await expect(page.getByText("Encarnación")).toHaveCount(0);

  // The member sees what waits, before → proposed.
  await page.goto("/es/applicant");
  const waiting = page.getByRole("region", { name: es.OwnProfileChange.pendingTitle });
  await expect(waiting).toBeVisible();
  await expect(waiting.getByRole("row", { name: new RegExp(es.ProfileChange.field.website) })).toContainText(PHISHING);
  await expect(waiting.getByRole("row", { name: new RegExp(es.ProfileChange.field.city) })).toContainText("Asunción");
  await a11y.check("member's home with a pending public change");

  // A reviewer finds it from the dashboard and refuses it, with a message.
  const { context, staff } = await signInStaff(browser, reviewer.email, "en");
  await staff.getByTestId("pending-profile-changes").getByRole("link", { name: organization.legalName }).click();
  const panel = staff.getByRole("region", { name: en.ProfileChange.title });
  await expect(panel.getByRole("row", { name: new RegExp(en.ProfileChange.field.website) })).toContainText(PHISHING);
  await panel.getByRole("button", { name: en.ProfileChange.refuseButton }).click();
  await expect(panel.getByText(en.Validation.required, { exact: true })).toBeVisible();
  const refusedSince = Date.now();
  await panel.getByLabel(en.ProfileChange.messageLabel).fill("This website does not belong to your organization.");
  await panel.getByRole("button", { name: en.ProfileChange.refuseButton }).click();
  await expect(staff.getByRole("status").filter({ hasText: en.ProfileChange.done.refused })).toBeVisible();
  await expect(staff.getByRole("region", { name: en.ProfileChange.title })).toHaveCount(0);

  const refusal = await latestMailTo(member.email, { since: refusedSince });
  expect(refusal.subject).toBe(es.ProfileChangeEmail.refused.subject.replace("{organization}", organization.legalName));
  expect(refusal.text).toContain("This website does not belong to your organization.");
  await page.goto("/es/applicant");
  await expect(page.getByRole("region", { name: es.OwnProfileChange.refusedTitle })).toContainText("This website does not belong to your organization.");
  await page.goto(publicPage);
  await expect(page.getByText(PHISHING)).toHaveCount(0);

  // The member proposes a city only; the reviewer publishes it and the register shows it at once.
  await page.goto(`/es/applicant/applications/${applicationId}/organization`);
  await page.getByLabel(es.ApplicantForm.website).fill("");
  await page.getByLabel(es.ApplicantForm.city).fill("Encarnación");
  await page.getByRole("button", { name: es.ApplicantForm.save }).click();
  await expect(page).not.toHaveURL(/\/organization$/);
  await staff.reload();
  const next = staff.getByRole("region", { name: en.ProfileChange.title });
  await expect(next.getByRole("row", { name: new RegExp(en.ProfileChange.field.city) })).toContainText("Encarnación");
  await next.getByRole("button", { name: en.ProfileChange.approveButton }).click();
  await expect(staff.getByRole("status").filter({ hasText: en.ProfileChange.done.approved })).toBeVisible();
  await context.close();

  await page.goto(publicPage);
  await expect(page.getByText("Encarnación")).toBeVisible();
  await expect(page.getByText(PHISHING)).toHaveCount(0);
});

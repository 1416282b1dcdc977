import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { type Locale, messages } from "./support/catalog";
import { category, lifecycle, refused } from "./support/fixtures/accreditations";
import { latestMailTo } from "./support/mail";
import { searchRegister, signInAsStaff } from "./support/secretariat";
import { callServerAction, serverActionId } from "./support/server-actions";

const ORGANIZATION_ACTIONS_FILE = "app/[locale]/(secretariat)/secretariat/organizations/[id]/actions.ts";

/** From the secretariat menu to the organization's page, found by a search typed without accents. */
async function openOrganization(page: Page, locale: Locale, search: string, legalName: string): Promise<string> {
  const t = messages(locale);
  await page.getByRole("navigation", { name: t.Secretariat.subnav }).getByRole("link", { name: t.AccreditedOrganizations.nav }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.AccreditedOrganizations.title })).toBeVisible();
  await page.getByLabel(t.AccreditedOrganizations.search).fill(search);
  await page.getByRole("button", { name: t.UI.filtersApply }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${search.replace(/ /g, "\\+")}`));
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: legalName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: legalName })).toBeVisible();
  const match = /\/secretariat\/organizations\/([0-9a-f-]{36})/.exec(page.url());
  return match![1]!;
}

function accreditationState(page: Page): Locator {
  return page.getByTestId("accreditation-state");
}

/** Presses Tab until `target` has the focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit = 10): Promise<void> {
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

async function publicStatus(page: Page, locale: Locale, slug: string): Promise<Locator> {
  await page.goto(`/${locale}/register/${slug}`);
  const t = messages(locale).RegisterOrganization;
  return page.getByRole("region", { name: t.accreditationTitle });
}

test.describe("The accreditation lifecycle", () => {
  test("an admin suspends by keyboard, the register shows it at once, the member is told, then reinstates and revokes", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const es = messages("es");
    const pt = messages("pt");
    const { legalName, slug } = lifecycle.organization;

    // A visitor reads the public page and the list first, so a stale cache would show.
    const visitor = await browser.newPage();
    let accreditation = await publicStatus(visitor, "es", slug);
    await expect(accreditation).toContainText(es.Register.statusActive);
    let results = await searchRegister(visitor, "es", "guacamayo andino");
    await expect(results).toHaveCount(1);
    await expect(results.first().getByText(es.Register.suspended)).toHaveCount(0);

    await signInAsStaff(page, lifecycle.admin.email, "es");
    const organizationId = await openOrganization(page, "es", "colectivo guacamayo", legalName);
    await expect(accreditationState(page)).toContainText(es.AccreditedOrganizations.statusLabel.active);

    // An empty reason: an error, nothing changes.
    const suspend = page.getByRole("region", { name: es.OrganizationAccreditation.suspendTitle });
    const reason = suspend.getByLabel(es.OrganizationAccreditation.reasonPublic);
    await reason.focus();
    await tabTo(page, suspend.getByRole("button", { name: es.OrganizationAccreditation.suspendButton }));
    await page.keyboard.press("Enter");
    await expect(suspend.getByText(es.Validation.required, { exact: true })).toBeVisible();
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(accreditationState(page)).toContainText(es.AccreditedOrganizations.statusLabel.active);

    // With a reason, by keyboard.
    await reason.focus();
    await page.keyboard.type("Investigación abierta sobre la rendición de cuentas.");
    await page.keyboard.press("Tab");
    await expect(suspend.getByRole("button", { name: es.OrganizationAccreditation.suspendButton })).toBeFocused();
    const since = Date.now();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: es.OrganizationAccreditation.done.suspended })).toBeVisible();
    await expect(accreditationState(page)).toContainText(es.AccreditedOrganizations.statusLabel.suspended);
    const history = page.getByTestId("accreditation-history");
    await expect(history.getByRole("listitem").first()).toContainText(es.OrganizationAccreditation.event.suspended);
    await expect(history.getByRole("listitem").first()).toContainText("Investigación abierta sobre la rendición de cuentas.");
    await expect(history.getByRole("listitem").first()).toContainText(lifecycle.admin.email);

    // The public register shows it at once, in every language.
    for (const locale of ["es", "pt", "en"] as const) {
      const t = messages(locale);
      accreditation = await publicStatus(visitor, locale, slug);
      await expect(accreditation).toContainText(t.Register.statusSuspended);
      await expect(accreditation).toContainText(`${t.RegisterOrganization.reason}Investigación abierta sobre la rendición de cuentas.`);
      results = await searchRegister(visitor, locale, "guacamayo andino");
      await expect(results.first().getByText(t.Register.suspended)).toBeVisible();
    }

    // The member is told, in Portuguese, with the reason.
    const mail = await latestMailTo(lifecycle.member.email, { since });
    expect(mail.subject).toBe(pt.AccreditationEmail.suspended.subject.replace("{organization}", legalName));
    expect(mail.text).toContain("Investigación abierta sobre la rendición de cuentas.");
    expect(mail.text).toContain(`/pt/register/${slug}`);

    // Reinstated with no reason.
    const reinstate = page.getByRole("region", { name: es.OrganizationAccreditation.reinstateTitle });
    await reinstate.getByRole("button", { name: es.OrganizationAccreditation.reinstateButton }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: es.OrganizationAccreditation.done.reinstated })).toBeVisible();
    await expect(accreditationState(page)).toContainText(es.AccreditedOrganizations.statusLabel.active);
    accreditation = await publicStatus(visitor, "es", slug);
    await expect(accreditation.getByRole("definition").filter({ hasText: es.Register.statusActive })).toBeVisible();
    await expect(accreditation.getByText("Acreditación restablecida", { exact: false })).toBeVisible();

    // Revoked: a reason and an explicit confirmation.
    const revoke = page.getByRole("region", { name: es.OrganizationAccreditation.revokeTitle });
    await revoke.getByLabel(es.OrganizationAccreditation.reasonPublic).fill("Incumplimiento grave del código de conducta.");
    await page.keyboard.press("Tab");
    await expect(revoke.getByRole("button", { name: es.OrganizationAccreditation.revokeButton })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(revoke.getByRole("heading", { name: es.OrganizationAccreditation.revokeConfirmTitle })).toBeFocused();
    // Cancelling returns to the first step; nothing changed.
    await revoke.getByRole("button", { name: es.OrganizationAccreditation.cancel }).press("Enter");
    await expect(revoke.getByRole("button", { name: es.OrganizationAccreditation.revokeButton })).toBeFocused();
    await expect(accreditationState(page)).toContainText(es.AccreditedOrganizations.statusLabel.active);
    await page.keyboard.press("Enter");
    await tabTo(page, revoke.getByRole("button", { name: es.OrganizationAccreditation.revokeConfirm }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: es.OrganizationAccreditation.done.revoked })).toBeVisible();
    await expect(accreditationState(page)).toContainText(es.AccreditedOrganizations.statusLabel.revoked);
    await expect(page.getByText(es.OrganizationAccreditation.revokedNoActions)).toBeVisible();
    await expect(page.getByRole("button", { name: es.OrganizationAccreditation.suspendButton })).toHaveCount(0);

    // Gone from the register: its page is not found and the search does not list it.
    const gone = await visitor.goto(`/es/register/${slug}`);
    expect(gone!.status()).toBe(404);
    results = await searchRegister(visitor, "es", "guacamayo andino");
    await expect(results).toHaveCount(0);

    // The secretariat still lists it, as revoked.
    await page.goto(`/es/secretariat/organizations?q=guacamayo+andino&status=revoked`);
    await expect(page.getByRole("link", { name: legalName, exact: true })).toHaveAttribute("href", `/es/secretariat/organizations/${organizationId}`);
    await visitor.close();

    // The audit log tells the story as sentences, in English as in Spanish.
    const en = messages("en");
    await page.goto(`/en/secretariat/audit?organization=${encodeURIComponent(legalName)}&kind=accreditations`);
    const log = page.getByRole("table", { name: en.AuditLog.tableCaption });
    await expect(log.getByRole("row").filter({ hasText: `suspended ${legalName}’s accreditation` })).toContainText(
      "Reason: “Investigación abierta sobre la rendición de cuentas.”",
    );
    await expect(log.getByRole("row").filter({ hasText: `suspended ${legalName}’s accreditation` })).toContainText("Status: Active → Suspended");
    await expect(log.getByRole("row").filter({ hasText: `revoked ${legalName}’s accreditation` })).toContainText("Status: Active → Revoked");
    await expect(log).not.toContainText("accreditation.");
    await page.goto(`/es/secretariat/audit?organization=${encodeURIComponent(legalName)}&kind=accreditations`);
    await expect(page.getByRole("table", { name: es.AuditLog.tableCaption })).toContainText(`suspendió la acreditación de ${legalName}`);
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 780 } });

    test("an admin changes the category in English and the public history shows it", async ({ page }) => {
      test.setTimeout(120_000);
      const en = messages("en");
      const pt = messages("pt");
      const { legalName, slug } = category.organization;
      await signInAsStaff(page, category.admin.email, "en");
      await openOrganization(page, "en", "red guacamayo", legalName);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      const change = page.getByRole("region", { name: en.OrganizationAccreditation.categoryTitle });
      const button = change.getByRole("button", { name: en.OrganizationAccreditation.categoryButton.replace("{category}", en.Category.participant) });
      await change.getByLabel(en.OrganizationAccreditation.reasonPublic).fill("The organization asked to take part fully.");
      const since = Date.now();
      await button.click();
      await expect(page.getByRole("status").filter({ hasText: en.OrganizationAccreditation.done.category_changed })).toBeVisible();
      await expect(accreditationState(page)).toContainText(en.Category.participant);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      const accreditation = await publicStatus(page, "pt", slug);
      await expect(accreditation.getByRole("definition").filter({ hasText: pt.Category.participant })).toBeVisible();
      const latest = accreditation.getByRole("listitem").last();
      await expect(latest).toContainText("Categoria alterada para participante");
      await expect(latest).not.toContainText(" como ");
      await expect(latest).toContainText("The organization asked to take part fully.");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      const mail = await latestMailTo(category.member.email, { since });
      expect(mail.subject).toBe(en.AccreditationEmail.category_changed.subject.replace("{organization}", legalName));

      await page.goto(`/pt/secretariat/audit?organization=${encodeURIComponent(legalName)}`);
      const entry = page.getByRole("row").filter({ hasText: `mudou a categoria do credenciamento de ${legalName}` });
      await expect(entry).toContainText("Categoria: Observadora → Participante");
      await expect(entry).toContainText("Motivo: “The organization asked to take part fully.”");
    });
  });

  test("a reviewer sees the organization but no action forms, and a direct call of an action is refused", async ({ page }) => {
    const es = messages("es");
    const { legalName, slug } = refused.organization;
    await signInAsStaff(page, refused.reviewer.email, "es");
    const organizationId = await openOrganization(page, "es", "fundacion guacamayo", legalName);
    await expect(page.getByText(es.OrganizationAccreditation.adminOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: es.OrganizationAccreditation.suspendButton })).toHaveCount(0);
    await expect(page.getByRole("button", { name: es.OrganizationAccreditation.revokeButton })).toHaveCount(0);
    await expect(page.getByTestId("accreditation-history").getByRole("listitem")).toHaveCount(1);
    // Its application opens the existing review page, which links back here.
    await page.getByRole("region", { name: es.OrganizationAccreditation.applicationsTitle }).getByRole("link").click();
    await page.getByRole("link", { name: es.OrganizationAccreditation.manageLink }).click();
    await expect(page).toHaveURL(`/es/secretariat/organizations/${organizationId}`);

    for (const [name, fields] of [
      ["suspendAccreditationAction", { organizationId, reason: "Suspendida por quien no puede." }],
      ["revokeAccreditationAction", { organizationId, reason: "Revocada por quien no puede.", expectedStatus: "active", confirm: "yes" }],
    ] as const) {
      const response = await callServerAction(
        page.request,
        `/es/secretariat/organizations/${organizationId}`,
        serverActionId(name, ORGANIZATION_ACTIONS_FILE),
        fields,
      );
      expect(await response.text()).toContain(es.Errors.forbidden);
    }

    await page.reload();
    await expect(accreditationState(page)).toContainText(es.AccreditedOrganizations.statusLabel.active);
    await expect(page.getByTestId("accreditation-history").getByRole("listitem")).toHaveCount(1);
    const accreditation = await publicStatus(page, "es", slug);
    await expect(accreditation).toContainText(es.Register.statusActive);
  });
});

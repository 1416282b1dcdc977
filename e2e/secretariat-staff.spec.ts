import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";
import { latestMailTo } from "./support/mail";
import { staff } from "./support/fixtures/secretariat";

const es = messages("es");
const pt = messages("pt");

test.describe("Staff management", () => {
  test("an admin invites a reviewer, changes the role and deactivates the account, which loses access on its next request", async ({ page, browser, a11y }) => {
    // Two browsers, an e-mail, three role changes and two audit-log pages in different languages.
    test.setTimeout(120_000);
    const adminEmail = staff.admin.email;
    const invitee = uniqueEmail("invitee");

    await signIn(page, adminEmail, "es", { landsOn: "/es/secretariat" });
    await page.getByRole("navigation", { name: es.Secretariat.subnav }).getByRole("link", { name: es.Secretariat.navStaff }).click();
    await expect(page.getByRole("heading", { level: 1, name: es.Staff.title })).toBeVisible();

    // A bad address is refused and kept for correction.
    await page.getByLabel(es.Staff.email, { exact: true }).fill("not-an-address");
    await page.getByRole("button", { name: es.Staff.invite }).click();
    await expect(page.getByText(es.Validation.email, { exact: true })).toBeVisible();
    await expect(page.getByLabel(es.Staff.email, { exact: true })).toHaveValue("not-an-address");
    await a11y.check("invitation with a field error");

    await page.getByLabel(es.Staff.email, { exact: true }).fill(invitee);
    await page.getByLabel(es.Staff.role, { exact: true }).selectOption("reviewer");
    await page.getByLabel(es.Staff.language, { exact: true }).selectOption("pt");
    const since = Date.now();
    await page.getByRole("button", { name: es.Staff.invite }).click();
    await expect(page.getByRole("status").filter({ hasText: invitee })).toBeVisible();
    const invitation = await latestMailTo(invitee, { since });
    expect(invitation.subject).toBe(pt.SecretariatEmail.staffInvitation.subject);
    expect(invitation.text).toContain("/pt/sign-in");
    const row = page.getByTestId("staff-row").filter({ hasText: invitee });
    await expect(row.getByRole("cell").first()).toHaveText(es.Role.reviewer);
    await expect(row.getByRole("cell").nth(1)).toHaveText(es.Staff.pending);

    // The invited reviewer signs in, in their own browser, and lands in the secretariat.
    const reviewerContext = await browser.newContext({ baseURL: page.url() });
    const reviewerPage = await reviewerContext.newPage();
    await signIn(reviewerPage, invitee, "pt", { landsOn: "/pt/secretariat" });
    await a11y.check("the invited reviewer's dashboard", reviewerPage);
    await expect(reviewerPage.getByRole("navigation", { name: pt.Secretariat.subnav }).getByRole("link", { name: pt.Secretariat.navStaff })).toHaveCount(0);
    expect((await reviewerPage.goto("/pt/secretariat/staff"))?.status()).toBe(403);
    await page.reload();
    await expect(row.getByRole("cell").nth(1)).toHaveText(es.Staff.active);

    // Promoted to admin and back to reviewer.
    await row.getByLabel(es.Staff.newRoleFor.replace("{email}", invitee)).selectOption("admin");
    await row.getByRole("button", { name: `${es.Staff.saveRole}: ${invitee}` }).click();
    await expect(row.getByRole("cell").first()).toHaveText(es.Role.admin);
    expect((await reviewerPage.goto("/pt/secretariat/staff"))?.status()).toBe(200);
    await row.getByLabel(es.Staff.newRoleFor.replace("{email}", invitee)).selectOption("reviewer");
    await row.getByRole("button", { name: `${es.Staff.saveRole}: ${invitee}` }).click();
    await expect(row.getByRole("cell").first()).toHaveText(es.Role.reviewer);

    // Deactivated: the next request finds no session (tests/integration checks the sessions are deleted).
    // Deactivation is confirmed in a dialog that names the account; going back changes nothing.
    const deactivate = row.getByRole("button", { name: es.Staff.deactivateLabel.replace("{email}", invitee) });
    const dialog = page.getByRole("dialog", { name: es.Staff.deactivateConfirmTitle });
    await deactivate.click();
    await expect(dialog).toContainText(es.Staff.deactivateConfirmText.replace("{email}", invitee));
    await dialog.getByRole("button", { name: es.Staff.deactivateCancel }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByRole("cell").nth(1)).not.toHaveText(es.Staff.deactivated);
    await deactivate.click();
    await dialog.getByRole("button", { name: es.Staff.deactivateConfirm }).click();
    await expect(row.getByRole("cell").nth(1)).toHaveText(es.Staff.deactivated);
    await page.goto(`/pt/secretariat/audit?person=${encodeURIComponent(invitee)}&kind=staff`);
    const deactivation = page.getByRole("row").filter({ hasText: `desativou a conta de ${invitee}` });
    await expect(deactivation).toContainText("Conta: Ativa → Desativada");
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: `mudou o papel de ${invitee}` })
        .first(),
    ).toContainText(`Papel: ${pt.Role.admin} → ${pt.Role.reviewer}`);
    await page.goto("/es/secretariat/staff");
    await reviewerPage.goto("/pt/secretariat/applications");
    await expect(reviewerPage).toHaveURL(/\/pt\/sign-in\?callbackUrl=/);
    expect((await reviewerPage.request.get("/api/secretariat/queue")).status()).toBe(401);
    await reviewerContext.close();
  });

  test("the audit log shows staff changes and sign-ins, filters them and exports them as CSV", async ({ page }) => {
    const adminEmail = staff.auditAdmin.email;
    const invitee = uniqueEmail("audited");

    await signIn(page, adminEmail, "es", { landsOn: "/es/secretariat" });
    await page.goto("/es/secretariat/staff");
    await page.getByLabel(es.Staff.email, { exact: true }).fill(invitee);
    await page.getByLabel(es.Staff.role, { exact: true }).selectOption("admin");
    await page.getByRole("button", { name: es.Staff.invite }).click();
    await expect(page.getByRole("status").filter({ hasText: invitee })).toBeVisible();

    await page.getByRole("navigation", { name: es.Secretariat.subnav }).getByRole("link", { name: es.Secretariat.navAudit }).click();
    await expect(page.getByRole("heading", { level: 1, name: es.AuditLog.title })).toBeVisible();
    await page.getByLabel(es.AuditLog.actor).fill(adminEmail);
    await page.getByLabel(es.AuditLog.kind).selectOption("staff");
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page).toHaveURL(/kind=staff/);
    const table = page.getByRole("table", { name: es.AuditLog.tableCaption });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText(`invitó a ${invitee} a la secretaría como ${es.Role.admin}`);
    await expect(table).toContainText(`${es.AuditActions.fields.role}: — → ${es.Role.admin}`);

    await page.getByLabel(es.AuditLog.kind).selectOption("sign_ins");
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page.getByTestId("audit-total")).toHaveText("1 registro");
    await expect(table).toContainText("inició sesión");

    await page.getByLabel(es.AuditLog.kind).selectOption("decisions");
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page.getByText(es.AuditLog.empty)).toBeVisible();

    await page.goto(`/es/secretariat/audit?actor=${encodeURIComponent(adminEmail)}`);
    const href = await page.getByRole("link", { name: es.AuditLog.export }).getAttribute("href");
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const body = (await csv.body()).toString("utf8");
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).trimEnd().split("\r\n");
    const columns = es.AuditActions.page;
    expect(lines[0]).toBe(
      [
        es.AuditLog.when,
        columns.actorColumn,
        columns.entry,
        columns.reasonColumn,
        columns.changes,
        columns.targetColumn,
        columns.organization,
        es.AuditLog.who,
        columns.rawAction,
        columns.rawTarget,
        columns.rawDetails,
      ].join(","),
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",staff.invite,");
    expect(lines[1]).toContain(`invitó a ${invitee} a la secretaría`);
    expect(lines[1]).toContain(`""email"":""${invitee}""`);
    expect(lines[2]).toContain(",staff.sign_in,");

    // Reviewers do not see the audit log.
    const reviewerEmail = staff.auditReviewer.email;
    await page.getByRole("banner").getByRole("button", { name: es.Nav.signOut }).click();
    await signIn(page, reviewerEmail, "es", { landsOn: "/es/secretariat" });
    expect((await page.goto("/es/secretariat/audit"))?.status()).toBe(403);
    expect((await page.request.get("/api/secretariat/audit")).status()).toBe(403);
  });
});

import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";
import { latestMailTo } from "./support/mail";
import { acceptMailTo, refuseMailTo } from "./support/mail-refusals";
import { staff } from "./support/fixtures/secretariat";

const es = messages("es");

test.describe("E-mail deliveries", () => {
  test("a message the provider refuses ends dead, shows on the dashboard and in health, and its retry delivers it", async ({ page, a11y }) => {
    const invitee = uniqueEmail("refused");
    refuseMailTo(invitee);
    try {
      await signIn(page, staff.deliveriesAdmin.email, "es", { landsOn: "/es/secretariat" });
      await page.goto("/es/secretariat/staff");
      await page.getByLabel(es.Staff.email, { exact: true }).fill(invitee);
      await page.getByRole("button", { name: es.Staff.invite }).click();
      await expect(page.getByRole("status").filter({ hasText: invitee })).toBeVisible();

      await page.getByRole("navigation", { name: es.Secretariat.subnav }).getByRole("link", { name: es.Deliveries.nav }).click();
      await expect(page.getByRole("heading", { level: 1, name: es.Deliveries.title })).toBeVisible();
      await page.getByLabel(es.Deliveries.recipient, { exact: true }).fill(invitee);
      await page.getByRole("button", { name: es.UI.filtersApply }).click();
      const row = page.getByTestId("delivery-row").filter({ hasText: invitee });
      // Two attempts a second apart (the e2e server's retry settings), then dead.
      await expect(async () => {
        await page.reload();
        await expect(row.getByRole("cell").nth(4)).toHaveText(es.Deliveries.statuses.dead, { timeout: 1000 });
      }).toPass({ timeout: 30_000 });
      await expect(row).toContainText("550");
      await a11y.check("a dead message on the deliveries page");

      const health = await (await page.request.get("/api/health")).json();
      expect(health.status).toBe("ok");
      expect(health.mail.status).toBe("warning");
      expect(health.mail.dead).toBeGreaterThan(0);
      await page.goto("/es/secretariat");
      await expect(page.getByTestId("dead-deliveries")).toBeVisible();

      acceptMailTo(invitee);
      await page.goto(`/es/secretariat/deliveries?recipient=${encodeURIComponent(invitee)}`);
      const since = Date.now();
      await row.getByRole("button", { name: `${es.Deliveries.retry}: ${es.SecretariatEmail.staffInvitation.subject}` }).click();
      const delivered = await latestMailTo(invitee, { since, timeoutMs: 20_000 });
      expect(delivered.subject).toBe(es.SecretariatEmail.staffInvitation.subject);
      await expect(async () => {
        await page.reload();
        await expect(row.getByRole("cell").nth(4)).toHaveText(es.Deliveries.statuses.sent, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
    } finally {
      acceptMailTo(invitee);
    }
  });
});

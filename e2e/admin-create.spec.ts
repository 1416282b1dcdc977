/**
 * `npm run admin:create`, the operator's way to the first admin. e2e/support/serve.ts runs it on
 * this run's fresh database before the server starts (PGlite allows no second process later);
 * on PostgreSQL a test also runs it against the live database while the portal serves.
 */
import { spawnSync } from "node:child_process";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";
import { APP_URL } from "./support/env";
import { CONSOLE_ADMIN } from "./support/fixtures/reliability";

const es = messages("es");

test("the admin made by `npm run admin:create` before the first start signs in and manages the staff", async ({ page }) => {
  await signIn(page, CONSOLE_ADMIN.email, "es", { landsOn: "/es/secretariat" });
  await page.getByRole("navigation", { name: es.Secretariat.subnav }).getByRole("link", { name: es.Secretariat.navStaff }).click();
  await expect(page).toHaveURL("/es/secretariat/staff");
  await expect(page.getByRole("heading", { level: 1, name: es.Staff.title })).toBeVisible();
  const row = page.getByTestId("staff-row").filter({ hasText: CONSOLE_ADMIN.email });
  await expect(row.getByRole("cell").first()).toHaveText(es.Role.admin);
  await expect(row.getByRole("cell").nth(1)).toHaveText(es.Staff.active);

  await page.goto(`/es/secretariat/audit?person=${encodeURIComponent(CONSOLE_ADMIN.email)}&kind=staff`);
  const entry = page.getByRole("row").filter({ hasText: `${CONSOLE_ADMIN.email} recibió el rol de administrador desde la consola del servidor` });
  await expect(entry).toContainText(`${es.AuditActions.fields.role}: — → ${es.Role.admin}`);
});

test("on PostgreSQL, `npm run admin:create` promotes a signed-in applicant while the portal runs", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "the embedded database belongs to the server's process while it runs");
  const email = uniqueEmail("promoted-by-console");
  await signIn(page, email, "es");
  expect((await page.goto("/es/secretariat/staff"))?.status()).toBe(403);

  const command = spawnSync("npm", ["run", "--silent", "admin:create", "--", email], { env: { ...process.env, AUTH_URL: APP_URL }, encoding: "utf8" });
  expect(command.status, command.stderr).toBe(0);
  expect(command.stdout).toContain(`${email} was promoted to administrator`);
  expect(command.stdout).toContain(`${APP_URL}/es/sign-in`);

  // The same session, on its next request: roles are read from the database, not the cookie.
  await page.goto("/es/secretariat/staff");
  await expect(page.getByRole("heading", { level: 1, name: es.Staff.title })).toBeVisible();
  await expect(page.getByTestId("staff-row").filter({ hasText: email }).getByRole("cell").first()).toHaveText(es.Role.admin);
});

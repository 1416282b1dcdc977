import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";
import { createApplication, createUser } from "./support/secretariat";

const es = messages("es");

test.describe("The review queue", () => {
  test("filters, accent-insensitive search, sorting and pagination live in the URL, and export as CSV", async ({ page, request }) => {
    const token = `q${Math.random().toString(36).slice(2, 8)}`;
    const reviewerEmail = uniqueEmail("queue-reviewer");
    await createUser(request, reviewerEmail, "reviewer", "es");
    const base = Date.UTC(2025, 0, 1);
    for (let index = 1; index <= 26; index++) {
      await createApplication(request, {
        legalName: `Asociación Paginada ${token} ${String(index).padStart(2, "0")}`,
        country: "AR",
        themes: ["asylum"],
        status: "submitted",
        submittedAt: new Date(base + index * 60_000).toISOString(),
      });
    }
    await createApplication(request, {
      legalName: `Instituto Andino ${token}`,
      acronym: `IA${token}`,
      country: "CO",
      type: "academic",
      themes: ["education"],
      status: "in_review",
      requestedCategory: "observer",
    });
    await createApplication(request, { legalName: `=Fórmula ${token}`, country: "PE", status: "submitted" });
    await createApplication(request, { legalName: `Borrador Oculto ${token}`, country: "PE", status: "draft" });

    await signIn(page, reviewerEmail, "es", { landsOn: "/es/secretariat" });
    await page.goto("/es/secretariat/applications");

    // Search without accents, submitted from the keyboard.
    const search = page.getByLabel(es.Queue.search);
    await search.fill(`asociacion paginada ${token.toUpperCase()}`);
    await search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=asociacion\\+paginada\\+${token.toUpperCase()}`));
    await expect(page.getByTestId("queue-total")).toHaveText("26 solicitudes");
    const rows = page.getByRole("table", { name: es.Queue.tableCaption }).getByRole("rowheader");
    await expect(rows).toHaveCount(25);
    await expect(rows.first()).toContainText(`Asociación Paginada ${token} 01`);

    // Page 2 keeps the filters.
    const pages = page.getByRole("navigation", { name: es.Queue.pagination });
    await expect(pages).toContainText("Página 1 de 2");
    await pages.getByRole("link", { name: es.Queue.next }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`Asociación Paginada ${token} 26`);
    await expect(page.getByLabel(es.Queue.search)).toHaveValue(`asociacion paginada ${token.toUpperCase()}`);
    await page.getByRole("navigation", { name: es.Queue.pagination }).getByRole("link", { name: es.Queue.previous }).click();
    await expect(rows).toHaveCount(25);

    // Sorting by name, descending.
    await page.getByLabel(es.Queue.sort, { exact: true }).selectOption("name");
    await page.getByLabel(es.Queue.direction, { exact: true }).selectOption("desc");
    await page.getByRole("button", { name: es.Queue.apply }).click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(rows.first()).toContainText(`Asociación Paginada ${token} 26`);

    // Filters combine with the search; drafts never appear.
    await page.goto(`/es/secretariat/applications?q=${token}`);
    await expect(page.getByTestId("queue-total")).toHaveText("28 solicitudes");
    await page.getByLabel(es.Queue.status).selectOption("in_review");
    await page.getByRole("button", { name: es.Queue.apply }).click();
    await expect(page.getByTestId("queue-total")).toHaveText("1 solicitud");
    await expect(rows.first()).toContainText(`Instituto Andino ${token}`);

    // A shared link restores every filter.
    const shared = `/es/secretariat/applications?q=${token}&country=CO&type=academic&theme=education&category=observer&reviewer=none`;
    await page.goto(shared);
    await expect(page.getByTestId("queue-total")).toHaveText("1 solicitud");
    await expect(page.getByLabel(es.Queue.country)).toHaveValue("CO");
    await expect(page.getByLabel(es.Queue.type)).toHaveValue("academic");
    await expect(page.getByLabel(es.Queue.theme)).toHaveValue("education");
    await expect(page.getByLabel(es.Queue.category)).toHaveValue("observer");
    await expect(page.getByLabel(es.Queue.reviewer)).toHaveValue("none");
    await page.goto(`/es/secretariat/applications?q=ia${token}`);
    await expect(rows).toHaveCount(1);
    await page.goto(`/es/secretariat/applications?q=${token}&country=CO&status=submitted`);
    await expect(page.getByText(es.Queue.empty)).toBeVisible();

    // The export follows the current filters: UTF-8 with a BOM, quoted, formulas neutralized.
    await page.goto(`/es/secretariat/applications?q=${token}&sort=name`);
    const href = await page.getByRole("link", { name: es.Queue.export }).getAttribute("href");
    expect(href).toContain(`q=${token}`);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="review-queue-\d{4}-\d{2}-\d{2}\.csv"/);
    const body = (await csv.body()).toString("utf8");
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      [es.Queue.csvId, es.Queue.organization, es.Queue.csvAcronym, es.Queue.type, es.Queue.country, es.Queue.status, es.Queue.category, es.Queue.submitted, es.Queue.updated, es.Queue.assigned].join(","),
    );
    expect(lines).toHaveLength(1 + 28);
    expect(lines[1]).toContain(`,'=Fórmula ${token},`);
    expect(body).toContain(`Instituto Andino ${token},IA${token},Académica,Colombia,En revisión,Observadora`);
    expect(body).not.toContain("Borrador Oculto");
  });
});

test.describe("The secretariat in three languages", () => {
  test("dashboard, queue and review page speak es, pt and en, at 360 px wide", async ({ page, request }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    const reviewerEmail = uniqueEmail("polyglot");
    await createUser(request, reviewerEmail, "reviewer", "es");
    const legalName = `Coletivo Trilíngue ${Math.random().toString(36).slice(2, 8)}`;
    const { applicationId } = await createApplication(request, { legalName, country: "BR", status: "in_review" });
    await signIn(page, reviewerEmail, "es", { landsOn: "/es/secretariat" });

    for (const locale of ["es", "pt", "en"] as const) {
      const t = messages(locale);
      await page.goto(`/${locale}/secretariat`);
      await expect(page.getByRole("heading", { level: 1, name: t.Secretariat.title })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: t.Secretariat.waitingTitle })).toBeVisible();
      await page.getByRole("navigation", { name: t.Secretariat.subnav }).getByRole("link", { name: t.Secretariat.navQueue }).click();
      await expect(page.getByRole("heading", { level: 1, name: t.Queue.title })).toBeVisible();
      await page.getByLabel(t.Queue.search).fill(legalName.toLowerCase().replace("í", "i"));
      await page.getByRole("button", { name: t.Queue.apply }).click();
      await page.getByRole("link", { name: legalName }).click();
      await expect(page.getByTestId("application-status")).toHaveText(t.Status.in_review);
      await expect(page.getByRole("heading", { level: 2, name: t.Review.eligibilityTitle })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: t.Review.historyTitle })).toBeVisible();
      expect(page.url()).toContain(`/${locale}/secretariat/applications/${applicationId}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${locale}: no horizontal scrolling at 360 px`).toBeLessThanOrEqual(0);
    }
  });
});

import { expect, signIn, test } from "./fixtures";
import { messages } from "./support/catalog";
import { languages, queue } from "./support/fixtures/secretariat";
import { openFromQueue } from "./support/secretariat";

const es = messages("es");

test.describe("The review queue", () => {
  test("filters, accent-insensitive search, sorting and pagination live in the URL, and export as CSV", async ({ page }) => {
    // Some twenty pages, each checked by axe, on a shared 2-core machine.
    test.setTimeout(120_000);
    const { token } = queue;
    await signIn(page, queue.reviewer.email, "es", { landsOn: "/es/secretariat" });
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
    const pages = page.getByRole("navigation", { name: es.UI.pagination });
    await expect(pages).toContainText("Página 1 de 2");
    await pages.getByRole("link", { name: es.UI.pageNext }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`Asociación Paginada ${token} 26`);
    await expect(page.getByLabel(es.Queue.search)).toHaveValue(`asociacion paginada ${token.toUpperCase()}`);
    await page.getByRole("navigation", { name: es.UI.pagination }).getByRole("link", { name: es.UI.pagePrevious }).click();
    await expect(rows).toHaveCount(25);

    // Sorting by name, descending.
    await page.getByLabel(es.Queue.sort, { exact: true }).selectOption("name");
    await page.getByLabel(es.Queue.direction, { exact: true }).selectOption("desc");
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(rows.first()).toContainText(`Asociación Paginada ${token} 26`);

    // The queue opens on open applications, each with its age; filters combine with the search; drafts never appear.
    await page.goto(`/es/secretariat/applications?q=${token}`);
    await expect(page.getByTestId("queue-total")).toHaveText("28 solicitudes");
    await expect(page.getByLabel(es.Queue.status)).toHaveValue("open");
    await expect(page.getByRole("link", { name: queue.closed.legalName })).toHaveCount(0);
    await expect(page.getByTestId("application-age")).toHaveCount(25);
    await page.getByLabel(es.Queue.status).selectOption("in_review");
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page.getByTestId("queue-total")).toHaveText("1 solicitud");
    await expect(rows.first()).toContainText(`Instituto Andino ${token}`);

    // Decided applications, and all of them, are one filter away.
    await page.getByLabel(es.Queue.status).selectOption({ label: es.Queue.statusDecided });
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page).toHaveURL(/status=decided/);
    await expect(page.getByTestId("queue-total")).toHaveText("1 solicitud");
    await expect(rows.first()).toContainText(queue.closed.legalName);
    await expect(page.getByTestId("application-age")).toHaveCount(0);
    await page.goto(`/es/secretariat/applications?q=${token}&status=all`);
    await expect(page.getByTestId("queue-total")).toHaveText("29 solicitudes");

    // A shared link restores every filter; the reviewer is chosen in the form (the seeded review is the demo reviewer's).
    await page.goto(`/es/secretariat/applications?q=${token}&country=CO&type=academic&theme=education&category=participant`);
    await page.getByLabel(es.Queue.reviewer).selectOption({ label: "Reviewer (demo) <reviewer@demo.test>" });
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page).toHaveURL(/reviewer=[0-9a-f-]{36}/);
    const shared = page.url();
    const reviewerId = new URL(shared).searchParams.get("reviewer")!;
    await page.goto("/es/secretariat/applications");
    await page.goto(shared);
    await expect(page.getByTestId("queue-total")).toHaveText("1 solicitud");
    await expect(rows.first()).toContainText(`Instituto Andino ${token}`);
    await expect(page.getByLabel(es.Queue.search)).toHaveValue(token);
    await expect(page.getByLabel(es.Queue.country)).toHaveValue("CO");
    await expect(page.getByLabel(es.Queue.type)).toHaveValue("academic");
    await expect(page.getByLabel(es.Queue.theme)).toHaveValue("education");
    await expect(page.getByLabel(es.Queue.category)).toHaveValue("participant");
    await expect(page.getByLabel(es.Queue.reviewer)).toHaveValue(reviewerId);
    await page.goto(`/es/secretariat/applications?q=${token}&country=CO&reviewer=none`);
    await expect(page.getByText(es.Queue.empty)).toBeVisible();
    await page.goto(`/es/secretariat/applications?q=${token}&category=observer`);
    await expect(page.getByText(es.Queue.empty)).toBeVisible();
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
      [
        es.Queue.csvId,
        es.Queue.organization,
        es.Queue.csvAcronym,
        es.Queue.type,
        es.Queue.country,
        es.Queue.status,
        es.Queue.category,
        es.ApplicationKind.column,
        es.Queue.submitted,
        es.Queue.updated,
        es.Queue.assigned,
      ].join(","),
    );
    expect(lines).toHaveLength(1 + 28);
    expect(lines[1]).toContain(`,'=Fórmula ${token},`);
    expect(body).toContain(`Instituto Andino ${token},IA${token},Académica,Colombia,En revisión,Participante`);
    expect(body).not.toContain("Borrador Oculto");
  });
});

test.describe("The secretariat in three languages", () => {
  test("dashboard, queue and review page speak es, pt and en, at 360 px wide", async ({ page }) => {
    // Three languages, four pages each, every one checked by axe, on a shared 2-core machine.
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 800 });
    const { legalName } = languages.organization;
    await signIn(page, languages.reviewer.email, "es", { landsOn: "/es/secretariat" });

    let applicationId: string | null = null;
    for (const locale of ["es", "pt", "en"] as const) {
      const t = messages(locale);
      await page.goto(`/${locale}/secretariat`);
      await expect(page.getByRole("heading", { level: 1, name: t.Secretariat.title })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: t.Secretariat.waitingTitle })).toBeVisible();
      const found = await openFromQueue(page, locale, legalName.toLowerCase().replace("í", "i"), legalName);
      applicationId ??= found;
      expect(found).toBe(applicationId);
      await expect(page.getByTestId("application-status")).toHaveText(t.Status.in_review);
      await expect(page.getByRole("heading", { level: 2, name: t.Review.eligibilityTitle })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: t.Review.historyTitle })).toBeVisible();
      expect(page.url()).toContain(`/${locale}/secretariat/applications/${applicationId}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${locale}: no horizontal scrolling at 360 px`).toBeLessThanOrEqual(0);
    }
  });
});

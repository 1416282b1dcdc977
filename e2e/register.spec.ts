import type { Page } from "@playwright/test";
import { ACCREDITED_ORGANIZATIONS, PRIVATE_SEED_VALUES } from "@/db/seed-data";
import { translator } from "@/lib/i18n/messages";
import { expect, test } from "./fixtures";
import { type Locale, LOCALES, messages } from "./support/catalog";
import { csvRecords } from "./support/csv";

/** The twelve XXI CSM organizations, the accredited demo observer and the suspended demo organization. */
const LISTED_COUNT = ACCREDITED_ORGANIZATIONS.length + 2;

function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "");
}

async function resultSlugs(page: Page): Promise<string[]> {
  return page.locator("article[data-slug]").evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.slug!));
}

async function search(page: Page, locale: Locale, text: string): Promise<void> {
  const t = messages(locale).Register;
  await page.getByRole("searchbox", { name: t.search }).fill(text);
  await page.getByRole("searchbox", { name: t.search }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "\\+")}(&|$)`));
}

test.describe("Public register", () => {
  for (const locale of LOCALES) {
    test(`a visitor finds each of the twelve organizations by typing its name without accents (${locale})`, async ({ page }) => {
      test.setTimeout(180_000);
      const t = messages(locale).Register;
      await page.goto(`/${locale}/register`);
      await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
      for (const org of ACCREDITED_ORGANIZATIONS) {
        const typed = withoutAccents(org.legalName).toLowerCase();
        await search(page, locale, typed);
        await expect(page.getByRole("link", { name: org.legalName, exact: true })).toBeVisible();
        expect(await resultSlugs(page)).toContain(org.slug);
      }
    });
  }

  test("accents typed in the search match too, and so do acronyms in any case", async ({ page }) => {
    await page.goto("/es/register");
    await search(page, "es", "Comisión Argentina");
    expect(await resultSlugs(page)).toEqual(["caref"]);
    await search(page, "es", "accion migrante");
    expect(await resultSlugs(page)).toEqual(["movimiento-accion-migrante"]);
    await search(page, "es", "Dejusticia");
    expect(await resultSlugs(page)).toEqual(["dejusticia"]);
    await search(page, "es", "sjm");
    expect((await resultSlugs(page)).sort()).toEqual(["encuentros-sjm-peru", "sjm-chile"]);
    await search(page, "es", "zzz no existe");
    await expect(page.getByText(messages("es").Register.noResults)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: translator("es", "Register")("results", { total: 0 }) })).toBeVisible();
  });

  test("each filter narrows the register and stays in the URL", async ({ page }) => {
    const t = messages("en").Register;
    const cases: { label: string; param: string; value: string; expected: string[] }[] = [
      { label: t.country, param: "country", value: "AR", expected: ["caref", "cels"] },
      { label: t.country, param: "country", value: "regional", expected: ["rjm-lac"] },
      { label: t.category, param: "category", value: "observer", expected: ["demo-observer"] },
      { label: t.status, param: "status", value: "suspended", expected: ["demo-suspended"] },
      { label: t.type, param: "type", value: "network", expected: ["resama", "rjm-lac"] },
      { label: t.theme, param: "theme", value: "climate", expected: ["codhes", "resama"] },
    ];
    for (const { label, param, value, expected } of cases) {
      await page.goto("/en/register");
      await page.getByLabel(label, { exact: true }).selectOption(value);
      await page.getByRole("button", { name: t.submit }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]${param}=${value}(&|$)`));
      await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
      expect((await resultSlugs(page)).sort(), `${param}=${value}`).toEqual(expected);
      await expect(page.getByRole("heading", { level: 2, name: translator("en", "Register")("results", { total: expected.length }) })).toBeVisible();
    }
    await expect(page.getByText(t.suspended)).toHaveCount(0);
    await page.goto("/en/register?status=suspended");
    await expect(page.locator("article[data-slug=demo-suspended]").getByText(t.suspended)).toBeVisible();
    await page.getByRole("link", { name: t.clear }).click();
    await expect(page).toHaveURL("/en/register");
    expect(await resultSlugs(page)).toHaveLength(LISTED_COUNT);
  });

  test("filters combine, and the sort order is chosen in the form", async ({ page }) => {
    const t = messages("es").Register;
    await page.goto("/es/register?country=CL&theme=regularization");
    expect(await resultSlugs(page)).toEqual(["sjm-chile"]);

    await page.goto("/es/register");
    const byName = await resultSlugs(page);
    await page.getByLabel(t.sort, { exact: true }).selectOption("name_desc");
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(/sort=name_desc/);
    expect(await resultSlugs(page)).toEqual([...byName].reverse());

    await page.getByLabel(t.sort, { exact: true }).selectOption("country");
    await page.getByRole("button", { name: t.submit }).click();
    const countries = await page.locator("article[data-slug]").evaluateAll((cards) =>
      cards.map((card) => card.querySelector("h3 + p + p")!.textContent!.split("·")[0]!.split(",").at(-1)!.trim()),
    );
    expect(countries[0]).toBe("Argentina");
    expect(countries.at(-1)).toBe(messages("es").Country.regional);
  });

  test("pages through the results with a total, keeping the search in the links", async ({ page }) => {
    const t = messages("pt").Register;
    await page.goto("/pt/register");
    await page.getByLabel(t.perPage, { exact: true }).selectOption("10");
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByRole("heading", { level: 2, name: translator("pt", "Register")("results", { total: LISTED_COUNT }) })).toBeVisible();
    const pagination = page.getByRole("navigation", { name: t.pagination });
    await expect(pagination.getByText(translator("pt", "Register")("pageOf", { page: 1, pageCount: 2 }))).toBeVisible();
    const first = await resultSlugs(page);
    expect(first).toHaveLength(10);

    await pagination.getByRole("link", { name: t.next }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/per_page=10/);
    const second = await resultSlugs(page);
    expect(second).toHaveLength(LISTED_COUNT - 10);
    expect(second.filter((slug) => first.includes(slug))).toEqual([]);
    await expect(pagination.getByRole("link", { name: t.next })).toHaveCount(0);

    await pagination.getByRole("link", { name: t.previous }).click();
    expect(await resultSlugs(page)).toEqual(first);

    await page.goto("/pt/register?per_page=10&page=9");
    await expect(page.getByText(t.noResultsOnPage)).toBeVisible();
  });

  test("the landing page shows the figures by country, with a table for screen readers", async ({ page }) => {
    const t = messages("es").RegisterFigures;
    await page.goto("/es/register");
    await expect(page.getByRole("heading", { level: 2, name: t.title })).toBeVisible();
    const table = page.getByRole("table", { name: t.tableCaption });
    const chile = table.getByRole("row", { name: new RegExp(`^${messages("es").Country.CL}\\b`) });
    await expect(chile.getByRole("cell")).toHaveText(["3", "0", "0", "3"]);
    const bolivia = table.getByRole("row", { name: new RegExp(`^${messages("es").Country.BO}\\b`) });
    await expect(bolivia.getByRole("cell")).toHaveText(["0", "0", "1", "1"]);
    const all = table.getByRole("row", { name: new RegExp(`^${t.allCountries}`) });
    await expect(all.getByRole("cell")).toHaveText(["12", "1", "1", String(LISTED_COUNT)]);
    // The drawing itself is hidden from assistive technology: the table says the same.
    await expect(page.locator('[aria-hidden="true"] svg rect').first()).toBeAttached();
    await page.goto("/es/register?country=CL");
    await expect(page.getByRole("heading", { level: 2, name: t.title })).toHaveCount(0);
  });

  test("an organization page shows its profile, accreditation history and coalition both ways", async ({ page }) => {
    const t = messages("en").RegisterOrganization;
    await page.goto("/en/register?q=red+jesuita");
    await page.getByRole("link", { name: "Red Jesuita con Migrantes Latinoamérica y el Caribe" }).click();
    await expect(page).toHaveURL("/en/register/rjm-lac");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Red Jesuita con Migrantes Latinoamérica y el Caribe");
    await expect(page.getByRole("definition").filter({ hasText: messages("en").RegisterTerms.type.network })).toBeVisible();
    const coalition = page.getByRole("region", { name: t.coalitionTitle });
    await expect(coalition.getByRole("link")).toHaveText(["Encuentros Servicio Jesuita a Migrante", "Servicio Jesuita Migrante"]);
    await expect(page.getByRole("region", { name: t.meetingsTitle })).toContainText("XXII CSM");

    await coalition.getByRole("link", { name: "Servicio Jesuita Migrante" }).click();
    await expect(page).toHaveURL("/en/register/sjm-chile");
    const memberOf = page.getByRole("region", { name: t.coalitionTitle });
    await expect(memberOf.getByRole("heading", { name: t.memberOf })).toBeVisible();
    await memberOf.getByRole("link", { name: "Red Jesuita con Migrantes Latinoamérica y el Caribe" }).click();
    await expect(page).toHaveURL("/en/register/rjm-lac");
  });

  test("a suspended organization is marked with its reason; a revoked one is gone", async ({ page }) => {
    const t = messages("es");
    await page.goto("/es/register/demo-suspended");
    await expect(page.getByText(t.Register.suspended)).toBeVisible();
    const accreditation = page.getByRole("region", { name: t.RegisterOrganization.accreditationTitle });
    await expect(accreditation).toContainText(t.Register.statusSuspended);
    await expect(accreditation).toContainText("Suspendida mientras se revisa una denuncia de conducta.");
    await expect(accreditation.getByRole("listitem")).toHaveCount(2);

    const response = await page.goto("/es/register/demo-revoked");
    expect(response!.status()).toBe(404);
    await page.goto("/es/register?q=horizonte+andino");
    await expect(page.getByText(t.Register.noResults)).toBeVisible();
  });

  test("the CSV and JSON downloads hold exactly what the page shows for the same filters", async ({ page, request }) => {
    const t = messages("es").Register;
    await page.goto("/es/register?country=CL&sort=name_desc");
    const onPage = await resultSlugs(page);
    expect(onPage).toHaveLength(3);
    const names = await page.locator("article[data-slug] h3 a").allTextContents();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadCsv }).click()]);
    expect(download.suggestedFilename()).toBe("csm-register.csv");
    const bytes = await (await import("node:fs/promises")).readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvRecords(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    expect(csv.map((row) => row.slug)).toEqual(onPage);
    expect(csv.map((row) => row.name)).toEqual(names);
    expect(csv.find((row) => row.slug === "movimiento-accion-migrante")).toMatchObject({
      name: "Movimiento Acción Migrante",
      country: "CL",
      themes: "integration;labour",
      url: expect.stringMatching(/\/es\/register\/movimiento-accion-migrante$/),
    });

    const jsonHref = await page.getByRole("link", { name: t.downloadJson }).getAttribute("href");
    const json = (await (await request.get(jsonHref!)).json()) as { total: number; organizations: { slug: string; name: string }[] };
    expect(json.total).toBe(3);
    expect(json.organizations.map((org) => org.slug)).toEqual(onPage);
    expect(json.organizations.map((org) => org.name)).toEqual(names);

    // Without filters the downloads hold the whole register, more than one page of it.
    const all = csvRecords((await (await request.get("/api/register.csv")).text()).replace(/^\uFEFF/, ""));
    expect(all).toHaveLength(LISTED_COUNT);
  });

  test("the JSON API pages through the register and documents itself", async ({ page, request }) => {
    type ApiPage = { data: { slug: string }[]; meta: Record<string, number>; links: Record<string, string | null> };
    const firstResponse = await request.get("/api/v1/organizations?per_page=5");
    expect(firstResponse.headers()["access-control-allow-origin"]).toBe("*");
    const first = (await firstResponse.json()) as ApiPage;
    expect(first.meta).toEqual({ page: 1, per_page: 5, total: LISTED_COUNT, page_count: 3 });
    expect(first.data).toHaveLength(5);
    expect(first.links.prev).toBeNull();
    const second = (await (await request.get(first.links.next!)).json()) as ApiPage;
    expect(second.meta.page).toBe(2);
    expect(second.data.map((org) => org.slug).filter((slug) => first.data.some((org) => org.slug === slug))).toEqual([]);
    const last = (await (await request.get(first.links.last!)).json()) as ApiPage;
    expect(last.data).toHaveLength(LISTED_COUNT - 10);
    expect(last.links.next).toBeNull();

    const capped = (await (await request.get("/api/v1/organizations?per_page=5000")).json()) as ApiPage;
    expect(capped.meta.per_page).toBe(100);
    const filtered = (await (await request.get("/api/v1/organizations?q=CODHES&theme=climate")).json()) as ApiPage;
    expect(filtered.data.map((org) => org.slug)).toEqual(["codhes"]);
    expect((await request.get("/api/v1/organizations/demo-revoked")).status()).toBe(404);

    const t = messages("pt").OpenData;
    await page.goto("/pt/register/open-data");
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "per_page" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "accredited_since" })).toBeVisible();
  });

  test("no private value appears in any public page, download or API answer", async ({ page, request }) => {
    const secrets = [PRIVATE_SEED_VALUES.contactEmail, PRIVATE_SEED_VALUES.internalNote, "@demo.test"];
    const slug = PRIVATE_SEED_VALUES.organizationSlug;
    const bodies: string[] = [];
    for (const locale of LOCALES) {
      for (const path of [`/${locale}/register`, `/${locale}/register?q=caref`, `/${locale}/register/${slug}`, `/${locale}/how-to-take-part`]) {
        await page.goto(path);
        bodies.push(await page.content());
      }
    }
    for (const path of [
      "/api/register.csv",
      "/api/register.json",
      "/api/v1/organizations?per_page=100",
      `/api/v1/organizations/${slug}`,
      "/sitemap.xml",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      bodies.push(await response.text());
    }
    expect(bodies.join("\n")).toContain("CAREF");
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  });

  test("titles, descriptions, hreflang alternates, sitemap and robots.txt", async ({ page, request }) => {
    for (const locale of LOCALES) {
      const t = messages(locale);
      await page.goto(`/${locale}/register/caref`);
      await expect(page).toHaveTitle(new RegExp(`^Comisión Argentina para personas Refugiadas y Migrantes \\(CAREF\\)`));
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /CAREF|Comisión/);
      for (const other of LOCALES) {
        await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute("href", new RegExp(`/${other}/register/caref$`));
      }
      await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", /\/es\/register\/caref$/);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/${locale}/register/caref$`));

      await page.goto(`/${locale}/how-to-take-part`);
      await expect(page).toHaveTitle(new RegExp(`^${t.HowToTakePart.title}`));
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", t.HowToTakePart.description);
    }

    const sitemap = await (await request.get("/sitemap.xml")).text();
    for (const org of ACCREDITED_ORGANIZATIONS) expect(sitemap).toContain(`/pt/register/${org.slug}</loc>`);
    expect(sitemap).toContain('hreflang="en"');
    expect(sitemap).not.toContain("demo-revoked");
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/^Sitemap: http:\/\/localhost:\d+\/sitemap\.xml$/m);
    expect(robots).toContain("Disallow: /*/secretariat");
  });

  test("how to take part: criteria, documents, the application window and a call to apply", async ({ page }) => {
    const t = messages("pt").HowToTakePart;
    await page.goto("/pt");
    await page.getByRole("banner").getByRole("link", { name: t.navLabel }).click();
    await expect(page).toHaveURL("/pt/how-to-take-part");
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByText(t.criteria.two_years_activity)).toBeVisible();
    await expect(page.getByText(t.documents.mandate_letter)).toBeVisible();
    // The seeded meetings' windows are in the past: no window is open.
    await expect(page.getByRole("region", { name: t.windowTitle })).toContainText(t.windowClosed);
    await page.getByRole("link", { name: t.cta }).first().click();
    await expect(page).toHaveURL("/pt/sign-in");
  });

  test("works by keyboard alone", async ({ page }) => {
    const t = messages("en").Register;
    await page.goto("/en");
    const registerLink = page.getByRole("banner").getByRole("link", { name: t.navLabel });
    await registerLink.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/en/register");
    await page.getByRole("searchbox", { name: t.search }).focus();
    await page.keyboard.type("observatorio");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=observatorio/);
    const link = page.getByRole("link", { name: "Observatorio Ciudadano" });
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/en/register/observatorio-ciudadano");
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test("the register fits the screen without sideways scrolling", async ({ page }) => {
      const t = messages("es").Register;
      for (const path of ["/es/register", "/es/register/rjm-lac", "/es/how-to-take-part", "/es/register/open-data"]) {
        await page.goto(path);
        const wider = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest(".sr-only, .overflow-x-auto"))
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
        });
        expect(wider, path).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
      }
      await page.goto("/es/register");
      await search(page, "es", "conectas");
      await expect(page.getByRole("link", { name: "Conectas Direitos Humanos" })).toBeVisible();
      await expect(page.getByRole("button", { name: t.submit })).toBeVisible();
    });
  });
});

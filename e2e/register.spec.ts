import type { Page } from "@playwright/test";
import { ACCREDITED_ORGANIZATIONS, PRIVATE_SEED_VALUES } from "@/db/seed-data";
import { translator } from "@/lib/i18n/messages";
import { expect, test } from "./fixtures";
import { type Locale, LOCALES, messages } from "./support/catalog";
import { csvRecords } from "./support/csv";
import { REGISTER_FIXTURE_ORGANIZATIONS as FIXTURES, REGISTER_FIXTURE_WORD } from "./support/fixtures/register";
import { CURRENT_MEETING, messagePattern } from "./support/meetings";

/*
 * Other spec files accredit organizations while this one runs, so no assertion here counts the
 * whole register: each checks that every organization seeded for it is there and rightly
 * placed, or narrows the register to the register fixtures (a word only they hold).
 */

type Seeded = { slug: string; country: string | null; type: string; themes: string[]; category: "participant" | "observer"; suspended: boolean };

/** Every organization seeded into the register: the twelve XXI CSM organizations, the demo observer, the suspended demo and the fixtures. */
const SEEDED: Seeded[] = [
  ...ACCREDITED_ORGANIZATIONS.map((org) => ({ ...org, category: "participant" as const, suspended: false })),
  { slug: "demo-observer", country: "GY", type: "ngo", themes: ["health"], category: "observer", suspended: false },
  { slug: "demo-suspended", country: "BO", type: "ngo", themes: ["trafficking"], category: "participant", suspended: true },
  ...FIXTURES.map((org) => ({ ...org, category: "participant" as const, suspended: false })),
];
const SEEDED_SLUGS = new Set(SEEDED.map((org) => org.slug));
const FIXTURE_QUERY = withoutAccents(REGISTER_FIXTURE_WORD).toLowerCase();
const FIXTURE_SLUGS = FIXTURES.map((org) => org.slug);

function seededOnly(slugs: string[]): string[] {
  return slugs.filter((slug) => SEEDED_SLUGS.has(slug)).sort();
}

async function resultsTotal(page: Page, locale: Locale): Promise<number> {
  const heading = await page.locator("#register-results").textContent();
  const total = Number(heading!.replace(/\D/g, ""));
  await expect(page.locator("#register-results")).toHaveText(translator(locale, "Register")("results", { total }));
  return total;
}

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
  // Only the search is in the URL: the empty fields and default choices of the form are dropped.
  await expect(page).toHaveURL(`/${locale}/register?${new URLSearchParams({ q: text })}`);
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
    const cases: { label: string; param: string; value: string; matches: (org: Seeded) => boolean }[] = [
      { label: t.country, param: "country", value: "AR", matches: (org) => org.country === "AR" },
      { label: t.country, param: "country", value: "regional", matches: (org) => org.country === null },
      { label: t.category, param: "category", value: "observer", matches: (org) => org.category === "observer" },
      { label: t.status, param: "status", value: "suspended", matches: (org) => org.suspended },
      { label: t.type, param: "type", value: "network", matches: (org) => org.type === "network" },
      { label: t.theme, param: "theme", value: "climate", matches: (org) => org.themes.includes("climate") },
    ];
    for (const { label, param, value, matches } of cases) {
      const expected = SEEDED.filter(matches)
        .map((org) => org.slug)
        .sort();
      await page.goto("/en/register");
      await page.getByLabel(label, { exact: true }).selectOption(value);
      await page.getByLabel(t.perPage, { exact: true }).selectOption("50");
      await page.getByRole("button", { name: t.submit }).click();
      await expect(page).toHaveURL(`/en/register?${param}=${value}&per_page=50`);
      await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
      const slugs = await resultSlugs(page);
      // Every seeded organization that matches is listed, and none that does not.
      expect(seededOnly(slugs), `${param}=${value}`).toEqual(expected);
      expect(await resultsTotal(page, "en")).toBe(slugs.length);
    }
    expect(SEEDED.filter((org) => org.country === "AR").length).toBeGreaterThan(2);
    await expect(page.getByText(t.suspended)).toHaveCount(0);
    await page.goto("/en/register?status=suspended");
    await expect(page.locator("article[data-slug=demo-suspended]").getByText(t.suspended)).toBeVisible();
    await page.getByRole("link", { name: t.clear }).click();
    await expect(page).toHaveURL("/en/register");
    const total = await resultsTotal(page, "en");
    expect(total).toBeGreaterThanOrEqual(SEEDED.length);
    expect(await resultSlugs(page)).toHaveLength(20);
  });

  test("a link with empty fields or default choices is redirected to the tidy one", async ({ page }) => {
    await page.goto("/en/register?q=&country=CL&category=&status=&type=&theme=&sort=name&per_page=20");
    await expect(page).toHaveURL("/en/register?country=CL");
    await expect(page.getByLabel(messages("en").Register.country, { exact: true })).toHaveValue("CL");
    await page.goto("/en/register?q=+&sort=name_desc&per_page=10&page=1");
    await expect(page).toHaveURL("/en/register?sort=name_desc&per_page=10");
    await page.goto("/en/register?q=&country=");
    await expect(page).toHaveURL("/en/register");
  });

  test("filters combine, and the sort order is chosen in the form", async ({ page }) => {
    const t = messages("es").Register;
    await page.goto("/es/register?country=CL&theme=regularization");
    expect(seededOnly(await resultSlugs(page))).toEqual(["sjm-chile"]);

    await page.goto(`/es/register?q=${FIXTURE_QUERY}&per_page=50`);
    const byName = await resultSlugs(page);
    expect(byName).toEqual(FIXTURE_SLUGS);
    await page.getByLabel(t.sort, { exact: true }).selectOption("name_desc");
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(`/es/register?q=${FIXTURE_QUERY}&sort=name_desc&per_page=50`);
    expect(await resultSlugs(page)).toEqual([...byName].reverse());

    await page.getByLabel(t.sort, { exact: true }).selectOption("country");
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(`/es/register?q=${FIXTURE_QUERY}&sort=country&per_page=50`);
    await expect(page.locator("article[data-slug]")).toHaveCount(FIXTURE_SLUGS.length);
    const countries = await page
      .locator("article[data-slug]")
      .evaluateAll((cards) => cards.map((card) => card.querySelector("h3 + p + p")!.textContent!.split("·")[0]!.split(",").at(-1)!.trim()));
    expect(countries[0]).toBe("Argentina");
    expect(countries.at(-1)).toBe(messages("es").Country.regional);
  });

  test("pages through the results with a total, keeping the search in the links", async ({ page }) => {
    const t = messages("pt").Register;
    const pageOf = (n: number) => translator("pt", "Register")("pageOf", { page: n, pageCount: 3 });
    await page.goto("/pt/register");
    await page.getByRole("searchbox", { name: t.search }).fill(FIXTURE_QUERY);
    await page.getByLabel(t.perPage, { exact: true }).selectOption("10");
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(`/pt/register?q=${FIXTURE_QUERY}&per_page=10`);
    await expect(page.getByRole("heading", { level: 2, name: translator("pt", "Register")("results", { total: FIXTURES.length }) })).toBeVisible();
    const pagination = page.getByRole("navigation", { name: t.pagination });
    await expect(pagination.getByText(pageOf(1))).toBeVisible();
    await expect(pagination.getByRole("link", { name: t.previous })).toHaveCount(0);
    const first = await resultSlugs(page);
    expect(first).toEqual(FIXTURE_SLUGS.slice(0, 10));

    await pagination.getByRole("link", { name: t.next }).click();
    await expect(page).toHaveURL(`/pt/register?q=${FIXTURE_QUERY}&page=2&per_page=10`);
    await expect(pagination.getByText(pageOf(2))).toBeVisible();
    const second = await resultSlugs(page);
    expect(second).toEqual(FIXTURE_SLUGS.slice(10, 20));

    await pagination.getByRole("link", { name: t.next }).click();
    await expect(page).toHaveURL(/page=3/);
    await expect(pagination.getByText(pageOf(3))).toBeVisible();
    expect(await resultSlugs(page)).toEqual(FIXTURE_SLUGS.slice(20));
    await expect(pagination.getByRole("link", { name: t.next })).toHaveCount(0);

    await pagination.getByRole("link", { name: t.previous }).click();
    await expect(pagination.getByText(pageOf(2))).toBeVisible();
    await pagination.getByRole("link", { name: t.previous }).click();
    await expect(pagination.getByText(pageOf(1))).toBeVisible();
    await expect(page).toHaveURL(`/pt/register?q=${FIXTURE_QUERY}&per_page=10`);
    expect(await resultSlugs(page)).toEqual(first);

    await page.goto(`/pt/register?q=${FIXTURE_QUERY}&per_page=10&page=9`);
    await expect(page.getByText(t.noResultsOnPage)).toBeVisible();
  });

  test("the landing page shows the figures by country, with a table for screen readers", async ({ page }) => {
    const t = messages("es").RegisterFigures;
    const countryName = (code: string | null) => messages("es").Country[(code ?? "regional") as keyof ReturnType<typeof messages>["Country"]];
    const seededFigures = (rows: Seeded[]) => [
      rows.filter((org) => org.category === "participant" && !org.suspended).length,
      rows.filter((org) => org.category === "observer" && !org.suspended).length,
      rows.filter((org) => org.suspended).length,
    ];
    // Read in one go (and again if a decision elsewhere lands between the page's two queries).
    await expect(async () => {
      await page.goto("/es/register");
      await expect(page.getByRole("heading", { level: 2, name: t.title })).toBeVisible();
      const table = page.getByRole("table", { name: t.tableCaption });
      const tableRows = await table
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((row) => ({ name: row.querySelector("th")!.textContent!, cells: [...row.querySelectorAll("td")].map((cell) => Number(cell.textContent)) })),
        );
      const chartRows = await page.locator("[aria-hidden=true] [data-country]").evaluateAll((rows) =>
        rows.map((row) => ({
          name: row.querySelector("span")!.textContent!,
          total: Number(row.querySelector("span:last-child")!.textContent),
          bars: [...row.querySelectorAll("rect")]
            .slice(1)
            .map((rect) => ({ fill: rect.getAttribute("fill")!, width: parseFloat(rect.getAttribute("width")!) })),
        })),
      );
      const countries = tableRows.slice(0, -1);
      const all = tableRows.at(-1)!;
      expect(all.name).toBe(t.allCountries);
      // Each country's total is its three figures; the last row adds the countries up.
      for (const row of tableRows) expect(row.cells[3], row.name).toBe(row.cells[0]! + row.cells[1]! + row.cells[2]!);
      expect(all.cells).toEqual([0, 1, 2, 3].map((i) => countries.reduce((sum, row) => sum + row.cells[i]!, 0)));
      // The figures count what the register lists, on the same page load.
      expect(all.cells[3]).toBe(await resultsTotal(page, "es"));
      // Every seeded organization is counted in its country and status.
      for (const code of new Set(SEEDED.map((org) => org.country))) {
        const row = countries.find((r) => r.name === countryName(code));
        const seeded = seededFigures(SEEDED.filter((org) => org.country === code));
        seeded.forEach((count, i) => expect(row!.cells[i], `${code} ${i}`).toBeGreaterThanOrEqual(count));
      }
      seededFigures(SEEDED).forEach((count, i) => expect(all.cells[i]).toBeGreaterThanOrEqual(count));
      // The chart draws the table's numbers: same countries, totals and bar lengths.
      expect(chartRows.map((row) => row.name)).toEqual(countries.map((row) => row.name));
      const max = Math.max(...countries.map((row) => row.cells[3]!));
      const colors = ["#174c93", "#d97706", "#94a3b8"];
      for (const [i, chart] of chartRows.entries()) {
        const cells = countries[i]!.cells;
        expect(chart.total, chart.name).toBe(cells[3]);
        const expectedBars = colors.flatMap((fill, s) => (cells[s]! > 0 ? [{ fill, width: (cells[s]! / max) * 100 }] : []));
        expect(
          chart.bars.map((bar) => bar.fill),
          chart.name,
        ).toEqual(expectedBars.map((bar) => bar.fill));
        chart.bars.forEach((bar, b) => expect(bar.width).toBeCloseTo(expectedBars[b]!.width, 3));
      }
    }).toPass({ timeout: 30_000 });
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
    // The badge under the name, and the suspension's line in the history.
    await expect(page.getByText(t.Register.suspended)).toHaveCount(2);
    await expect(page.locator("ol").getByText(t.Register.suspended)).toHaveCount(1);
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
    await page.goto(`/es/register?q=${FIXTURE_QUERY}&country=CL&sort=name_desc`);
    const onPage = await resultSlugs(page);
    expect(onPage).toEqual(
      FIXTURES.filter((org) => org.country === "CL")
        .map((org) => org.slug)
        .reverse(),
    );
    expect(onPage.length).toBeGreaterThan(2);
    const names = await page.locator("article[data-slug] h3 a").allTextContents();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadCsv }).click()]);
    expect(download.suggestedFilename()).toBe("csm-register.csv");
    const bytes = await (await import("node:fs/promises")).readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvRecords(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    expect(csv.map((row) => row.slug)).toEqual(onPage);
    expect(csv.map((row) => row.name)).toEqual(names);
    expect(csv[0]).toMatchObject({ name: `Colectivo ${REGISTER_FIXTURE_WORD} 23`, country: "CL", themes: "education" });

    const jsonHref = await page.getByRole("link", { name: t.downloadJson }).getAttribute("href");
    const json = (await (await request.get(jsonHref!)).json()) as { total: number; organizations: { slug: string; name: string }[] };
    expect(json.total).toBe(onPage.length);
    expect(json.organizations.map((org) => org.slug)).toEqual(onPage);
    expect(json.organizations.map((org) => org.name)).toEqual(names);

    // Accents survive, in a seeded organization's row as the page shows it.
    await page.goto("/es/register?q=movimiento+accion+migrante");
    expect(await resultSlugs(page)).toEqual(["movimiento-accion-migrante"]);
    const csvHref = await page.getByRole("link", { name: t.downloadCsv }).getAttribute("href");
    const single = csvRecords((await (await request.get(csvHref!)).text()).replace(/^\uFEFF/, ""));
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({
      slug: "movimiento-accion-migrante",
      name: "Movimiento Acción Migrante",
      country: "CL",
      themes: "integration;labour",
      url: expect.stringMatching(/\/es\/register\/movimiento-accion-migrante$/),
    });

    // Without filters the downloads hold the whole register, more than one page of it.
    const all = csvRecords((await (await request.get("/api/register.csv")).text()).replace(/^\uFEFF/, ""));
    expect(seededOnly(all.map((row) => row.slug!))).toEqual([...SEEDED_SLUGS].sort());
    expect(all.length).toBeGreaterThan(20);
  });

  test("the JSON API pages through the register and documents itself", async ({ page, request }) => {
    type ApiPage = { data: { slug: string }[]; meta: Record<string, number>; links: Record<string, string | null> };
    const firstResponse = await request.get(`/api/v1/organizations?q=${FIXTURE_QUERY}&per_page=5`);
    expect(firstResponse.headers()["access-control-allow-origin"]).toBe("*");
    const first = (await firstResponse.json()) as ApiPage;
    expect(first.meta).toEqual({ page: 1, per_page: 5, total: FIXTURES.length, page_count: 5 });
    expect(first.links.prev).toBeNull();
    const slugs = first.data.map((org) => org.slug);
    let current = first;
    while (current.links.next) {
      current = (await (await request.get(current.links.next)).json()) as ApiPage;
      expect(current.links.next === null).toBe(current.meta.page === 5);
      slugs.push(...current.data.map((org) => org.slug));
    }
    expect(slugs).toEqual(FIXTURE_SLUGS);
    const last = (await (await request.get(first.links.last!)).json()) as ApiPage;
    expect(last.meta.page).toBe(5);
    expect(last.data.map((org) => org.slug)).toEqual(FIXTURE_SLUGS.slice(20));
    const whole = (await (await request.get("/api/v1/organizations?per_page=100")).json()) as ApiPage;
    expect(seededOnly(whole.data.map((org) => org.slug))).toEqual([...SEEDED_SLUGS].sort());

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
    for (const path of ["/api/register.csv", "/api/register.json", "/api/v1/organizations?per_page=100", `/api/v1/organizations/${slug}`, "/sitemap.xml"]) {
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
    // The seed's current edition, the XXIII CSM in Brasília, takes applications now.
    await expect(page.getByRole("region", { name: t.windowTitle })).toContainText(
      messagePattern(t.windowOpen, { number: CURRENT_MEETING, place: "Brasília, Brasil", closes: /.+/ }),
    );
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
      for (const path of ["/es/register", "/es/register/rjm-lac", "/es/how-to-take-part", "/es/code-of-conduct", "/es/register/open-data"]) {
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
      // Search first, on the first screen; the other filters folded; the figures after the results.
      await expect(page.getByRole("searchbox", { name: t.search })).toBeInViewport();
      await expect(page.getByLabel(t.country, { exact: true })).toBeHidden();
      const results = await page.locator("#register-results").boundingBox();
      const figures = await page.locator("#register-figures").boundingBox();
      expect(figures!.y).toBeGreaterThan(results!.y);
      await page.getByText(t.moreFilters, { exact: true }).click();
      await expect(page.getByLabel(t.country, { exact: true })).toBeVisible();
      await search(page, "es", "conectas");
      await expect(page.getByRole("link", { name: "Conectas Direitos Humanos" })).toBeVisible();
      await expect(page.getByRole("button", { name: t.submit })).toBeVisible();
    });
  });
});

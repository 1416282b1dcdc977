import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { narrowScreens } from "./support/fixtures/narrow-screens";

const PHONE = { width: 360, height: 740 };
/** Pages of one kind (an application, an organization) are alike: one of each is enough. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const kindOf = (path: string) => path.replace(UUID, ":id").replace(/^\/es\/register\/(?!open-data$)[^/]+$/, "/es/register/:slug");

/**
 * Opens every page reachable by links from `start` within `area` (GET only: nothing is changed), at 360 px,
 * and returns those that scroll sideways. The fixture checks each page with axe on the way.
 */
async function pagesScrollingSideways(page: Page, start: string, area: RegExp, limit: number): Promise<string[]> {
  const queue = [start];
  const seen = new Set([kindOf(start)]);
  const wide: string[] = [];
  for (let visited = 0; queue.length > 0 && visited < limit; visited++) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) wide.push(`${path} (${overflow} px)`);
    const links = await page
      .locator("main a[href^='/'], nav a[href^='/']")
      .evaluateAll((anchors) => anchors.filter((a) => !a.hasAttribute("download")).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const link of links) {
      if (!area.test(link) || seen.has(kindOf(link))) continue;
      seen.add(kindOf(link));
      queue.push(link);
    }
  }
  return wide;
}

test.describe("On a 360 px phone", () => {
  test.use({ viewport: PHONE });

  test("no public page scrolls sideways", async ({ page }) => {
    test.setTimeout(180_000);
    expect(await pagesScrollingSideways(page, "/es", /^\/es(\/(register|how-to-take-part|privacy|code-of-conduct|sign-in)(\/|$)|$)/, 20)).toEqual([]);
  });

  test("no page of the applicant's area scrolls sideways", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, narrowScreens.applicant, "es");
    expect(await pagesScrollingSideways(page, "/es/applicant", /^\/es\/(applicant|account)(\/|$)/, 30)).toEqual([]);
  });

  test("no page of the secretariat's area scrolls sideways", async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, narrowScreens.admin, "es", { landsOn: "/es/secretariat" });
    expect(await pagesScrollingSideways(page, "/es/secretariat", /^\/es\/(secretariat|account)(\/|$)/, 30)).toEqual([]);
  });
});

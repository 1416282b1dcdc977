import { expect, signIn, test } from "./fixtures";
import { messages } from "./support/catalog";
import { staff } from "./support/fixtures/secretariat";

const pt = messages("pt");

test("on a slow connection, the queue's skeleton shows at once under the area's navigation, then the queue replaces it", async ({ page }) => {
  await signIn(page, staff.slowReviewer.email, "pt", { landsOn: "/pt/secretariat" });
  // The page's own data arrives 4 s late; the loading state was prefetched with the link.
  let delayed = 0;
  await page.route("**/pt/secretariat/applications**", async (route) => {
    const headers = await route.request().allHeaders();
    if (headers.rsc === "1" && !headers["next-router-prefetch"]) {
      delayed += 1;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    }
    await route.continue();
  });
  const subnav = page.getByRole("navigation", { name: pt.Secretariat.subnav });
  await subnav.getByRole("link", { name: pt.Secretariat.navQueue }).click();

  const skeleton = page.getByTestId("page-skeleton");
  // Seen while the data is still held back, so before it arrived.
  await expect(skeleton).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: pt.UI.loading })).toBeAttached();
  await expect(subnav).toBeVisible();

  await expect(page.getByRole("heading", { level: 1, name: pt.Queue.title })).toBeVisible();
  await expect(skeleton).toHaveCount(0);
  expect(delayed).toBeGreaterThan(0);
});

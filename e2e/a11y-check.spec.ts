/**
 * The automatic accessibility check must be able to fail: this runs the same watcher the
 * `page` fixture uses on pages with a violation planted in them, and expects it to be found.
 */
import { test as plain } from "@playwright/test";
import { expect } from "./fixtures";
import { A11yWatcher } from "./support/a11y-watcher";

plain.describe("The accessibility check of every page", () => {
  plain("finds a serious problem in a page as it loads, and in a state a test reaches", async ({ page, context }) => {
    // The real home page, with its stylesheet making the main heading too faint to read (serious).
    await page.route("**/*.css", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nmain h1 { color: #d4d4d4 !important; }` });
    });
    // Its own result maps: this page's HTML is the real one, its looks are not, and other
    // tests in this worker must not reuse these results.
    const watcher = new A11yWatcher(new Map(), new Set());
    watcher.watch(page);

    await page.goto("/es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveCSS("color", "rgb(212, 212, 212)");
    await watcher.settle();
    expect(watcher.serious().map(({ rule }) => rule.id)).toEqual(["color-contrast"]);

    // Then a state with no navigation: an image with no text alternative (critical), found by an explicit check.
    await page.evaluate(() => {
      const image = document.createElement("img");
      image.src = "/planted.png";
      document.querySelector("main")?.append(image);
    });
    await watcher.checkNow(page, "after planting an image");
    await watcher.finish([page], () => context.newPage());

    expect(
      watcher
        .serious()
        .map(({ rule }) => rule.id)
        .sort(),
    ).toEqual(["color-contrast", "image-alt"]);
    const report = watcher.report();
    expect(report).toContain("[critical] image-alt");
    expect(report).toContain("[serious] color-contrast");
    expect(report).toContain("planted.png");
  });
});

import { expect, test } from "./fixtures";
import { messages } from "./support/catalog";
import { assignment } from "./support/fixtures/secretariat";
import { ACTIONS_FILE, openFromQueue, signInAsStaff } from "./support/secretariat";
import { callServerAction, serverActionId } from "./support/server-actions";

const es = messages("es");

test.describe("Assigning an application on its review page", () => {
  test("the assign-to list shows the current assignee after every action, and a stale page cannot undo a newer assignment", async ({ page }) => {
    // A dozen states of the review page, each checked by axe, on a shared 2-core machine.
    test.setTimeout(150_000);
    const { reviewer, colleague, organization } = assignment;
    await signInAsStaff(page, reviewer.email, "es");
    const applicationId = await openFromQueue(page, "es", "red asignada fixture", organization.legalName);
    const header = page.getByTestId("assigned-reviewer");
    const panel = page.getByRole("region", { name: es.Review.assignTitle });
    const list = panel.getByLabel(es.Review.assignTo);
    // Staff without a name are listed by their e-mail address.
    const idOf = async (email: string) => (await list.locator("option", { hasText: email }).getAttribute("value"))!;
    const reviewerId = await idOf(reviewer.email);
    const colleagueId = await idOf(colleague.email);
    await expect(header).toHaveText(es.Review.unassigned);
    await expect(list).toHaveValue("");

    // Starting the review assigns it to the reviewer: the header and the list both say so.
    await page.getByRole("button", { name: es.Review.startReview }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.reviewStarted })).toBeVisible();
    await expect(page.getByTestId("application-status")).toHaveText(es.Status.in_review);
    await expect(header).toHaveText(reviewer.email);
    await expect(list).toHaveValue(reviewerId);

    // Meanwhile, another tab hands it to a colleague; this page still shows the reviewer.
    const other = await callServerAction(
      page.request,
      `/es/secretariat/applications/${applicationId}`,
      serverActionId("assignApplicationAction", ACTIONS_FILE),
      {
        applicationId,
        reviewerId: colleagueId,
      },
    );
    expect(await other.text()).toContain(es.Review.assigned);
    await expect(header).toHaveText(reviewer.email);

    // Unassigning from the stale page is refused, and the page then shows the colleague.
    await list.selectOption("");
    await panel.getByRole("button", { name: es.Review.assign, exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: es.Errors.conflict })).toBeVisible();
    await expect(header).toHaveText(colleague.email);
    await expect(list).toHaveValue(colleagueId);
    await page.reload();
    await expect(header).toHaveText(colleague.email);

    // From the current page, taking it back and unassigning it go through; the list follows each time.
    await panel.getByRole("button", { name: es.Review.assignToMe }).click();
    await expect(header).toHaveText(reviewer.email);
    await expect(list).toHaveValue(reviewerId);
    await list.selectOption("");
    await panel.getByRole("button", { name: es.Review.assign, exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: es.Review.assigned })).toBeVisible();
    await expect(header).toHaveText(es.Review.unassigned);
    await expect(list).toHaveValue("");
    await list.selectOption(colleagueId);
    await panel.getByRole("button", { name: es.Review.assign, exact: true }).click();
    await expect(header).toHaveText(colleague.email);
    await expect(list).toHaveValue(colleagueId);
  });
});

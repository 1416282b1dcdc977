import { expect, test } from "./fixtures";
import { messages } from "./support/catalog";
import { remindersFixture } from "./support/fixtures/reminders";
import { createMeetingAsAdmin, futureMeeting } from "./support/meetings";
import { signInAsStaff, signOut } from "./support/secretariat";

const es = messages("es");
const t = es.MeetingReminders;
const field = (page: import("@playwright/test").Page, name: keyof typeof t.field) => page.getByLabel(t.field[name], { exact: true });

// The edition's window is in 2071, clear of every other test's windows.
test("an admin changes a meeting's reminder schedule, fixing a mistake first; a reviewer reads it", async ({ page }) => {
  test.slow();
  await signInAsStaff(page, remindersFixture.admin.email, "es");
  const id = await createMeetingAsAdmin(page, "es", futureMeeting("CCLXXI", 2071));

  const section = page.getByRole("region", { name: t.title });
  await expect(section.getByRole("heading", { level: 2, name: t.title })).toBeVisible();
  await expect(field(page, "draftReminderDays")).toHaveValue("7, 1");
  await expect(field(page, "infoRequestReminderDays")).toHaveValue("7");
  await expect(field(page, "nominationReminderDays")).toHaveValue("5");
  await expect(field(page, "reviewerReminderDays")).toHaveValue("5");
  await expect(field(page, "draftReminderDays")).toHaveAccessibleDescription(
    new RegExp(es.MeetingReminders.hint.dayList.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  );

  // A day given twice and a waiting time of zero: refused on their fields, what was typed kept.
  await field(page, "draftReminderDays").fill("14, 3, 3");
  await field(page, "nominationReminderDays").fill("");
  await field(page, "reviewerReminderDays").fill("0");
  await section.getByRole("button", { name: t.save }).click();
  await expect(page.getByRole("alert").filter({ hasText: es.Errors.invalid })).toBeVisible();
  await expect(field(page, "draftReminderDays")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#reminders-draftReminderDays-error")).toHaveText(es.ReminderValidation.repeated);
  await expect(page.locator("#reminders-reviewerReminderDays-error")).toHaveText(es.ReminderValidation.days);
  await expect(field(page, "draftReminderDays")).toHaveValue("14, 3, 3");
  await expect(field(page, "nominationReminderDays")).toHaveValue("");

  await field(page, "draftReminderDays").fill("3 14");
  await field(page, "reviewerReminderDays").fill("4");
  await field(page, "reviewerReminderDays").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: t.saved })).toBeVisible();
  expect(page.url()).toContain(`/es/secretariat/meetings/${id}?reminders=1`);
  await expect(field(page, "draftReminderDays")).toHaveValue("14, 3");
  await expect(field(page, "nominationReminderDays")).toHaveValue("");
  await expect(field(page, "reviewerReminderDays")).toHaveValue("4");

  // The meeting form still saves after the schedule changed the meeting's version.
  await page.getByRole("button", { name: es.Meetings.save }).click();
  await expect(page.getByRole("status").filter({ hasText: es.Meetings.saved })).toBeVisible();

  await signOut(page, "es");
  await signInAsStaff(page, remindersFixture.reviewer.email, "es");
  await page.goto(`/es/secretariat/meetings/${id}`);
  const schedule = page.getByTestId("reminder-schedule");
  await expect(schedule).toContainText(`${t.field.draftReminderDays}14, 3`);
  await expect(schedule).toContainText(`${t.field.nominationReminderDays}${t.none}`);
  await expect(schedule).toContainText(`${t.field.reviewerReminderDays}4`);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: t.save })).toHaveCount(0);
});

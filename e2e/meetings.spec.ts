import { expect, signIn, test } from "./fixtures";
import { fmt } from "./support/applicant";
import { messages } from "./support/catalog";
import { parseCsv } from "./support/csv";
import { meetingsFixture, QUEUE_TOKEN } from "./support/fixtures/meetings";
import {
  CURRENT_MEETING,
  fillMeetingForm,
  futureMeeting,
  meetingField,
  MEETINGS_ACTIONS_FILE,
  messagePattern,
  openNewMeetingForm,
  savedMeetingId,
  typeDate,
  typeMeetingFormByKeyboard,
} from "./support/meetings";
import { openOwnApplication, signInAsStaff } from "./support/secretariat";
import { callServerAction, serverActionId } from "./support/server-actions";

const es = messages("es");
const { admin, reviewer, queueReviewer, applicant, renewal, fresh } = meetingsFixture;
const meetingRow = (page: import("@playwright/test").Page, number: string) =>
  page.getByTestId("meeting-row").filter({ has: page.getByRole("link", { name: fmt(es.Meetings.meeting, { number }), exact: true }) });

// Every edition created here has its window years ahead, clear of the seed's open window that
// other tests apply into at the same time.
test("an admin creates a future edition by keyboard, fixing a mistake first, edits it, and cannot overlap its window", async ({ page }) => {
  // Three forms typed key by key: on a shared two-core machine this takes longer than one form.
  test.slow();
  await signInAsStaff(page, admin.email, "es");
  await page.getByRole("navigation", { name: es.Secretariat.subnav }).getByRole("link", { name: es.Meetings.nav }).click();
  await expect(page.getByRole("heading", { level: 1, name: es.Meetings.title })).toBeVisible();
  const current = meetingRow(page, CURRENT_MEETING);
  await expect(current).toContainText(es.Meetings.state.open);
  await expect(current.getByRole("link", { name: fmt(es.Meetings.delegatesOf, { number: CURRENT_MEETING }) })).toHaveAttribute(
    "href",
    /^\/es\/secretariat\/meetings\/[0-9a-f-]{36}\/delegates$/,
  );

  await page.getByRole("link", { name: es.Meetings.new }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: es.Meetings.newTitle })).toBeVisible();
  // The last day typed before the first: refused, with the problem on its field and everything typed kept.
  const typed = futureMeeting("cxi", 2041, { hostCountry: "PY", city: "Asunción", endsOn: "2041-11-09", observerQuota: 4 });
  await typeMeetingFormByKeyboard(page, "es", typed);
  await expect(page.getByRole("button", { name: es.Meetings.create })).toBeFocused();
  await page.keyboard.press("Enter");
  // The error summary takes the focus; its link, followed by keyboard, lands on the field it names.
  const summary = page.getByRole("alert").filter({ hasText: es.Errors.invalid });
  await expect(summary).toBeFocused();
  const endsOnError = summary.getByRole("link", {
    name: fmt(es.UI.errorSummaryItem, { field: es.Meetings.field.endsOn, message: es.MeetingValidation.endsBeforeStart }),
  });
  await page.keyboard.press("Tab");
  await expect(endsOnError).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(meetingField(page, "es", "endsOn")).toBeFocused();
  await expect(meetingField(page, "es", "endsOn")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#meeting-endsOn-error")).toHaveText(es.MeetingValidation.endsBeforeStart);
  for (const [name, value] of [
    ["number", "cxi"],
    ["hostCountry", "PY"],
    ["city", "Asunción"],
    ["startsOn", "2041-11-10"],
    ["endsOn", "2041-11-09"],
    ["applicationOpensOn", "2041-03-01"],
    ["observerQuota", "4"],
  ] as const) {
    await expect(meetingField(page, "es", name)).toHaveValue(value);
  }

  await typeDate(page, meetingField(page, "es", "endsOn"), "2041-11-12");
  await page.keyboard.press("Enter");
  const id = await savedMeetingId(page, "es", { created: true });
  await expect(page.getByRole("heading", { level: 1, name: fmt(es.Meetings.meeting, { number: "CXI" }) })).toBeVisible();
  await expect(meetingField(page, "es", "endsOn")).toHaveValue("2041-11-12");

  // Editing: another city, by keyboard too.
  await meetingField(page, "es", "city").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Encarnación");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: es.Meetings.saved })).toBeVisible();
  expect(page.url()).toContain(`/es/secretariat/meetings/${id}?saved=1`);
  await expect(meetingField(page, "es", "city")).toHaveValue("Encarnación");

  // A second edition whose window overlaps CXI's is refused, naming CXI, and keeps what was typed.
  await openNewMeetingForm(page, "es");
  await fillMeetingForm(
    page,
    "es",
    futureMeeting("CXII", 2042, { applicationOpensOn: "2041-06-01", applicationClosesOn: "2041-09-01", nominationDeadlineOn: "2042-01-15" }),
  );
  await page.getByRole("button", { name: es.Meetings.create }).click();
  const overlap = fmt(es.MeetingValidation.windowOverlap, { meeting: "CXI" });
  await expect(page.getByRole("alert").filter({ hasText: overlap })).toBeVisible();
  await expect(meetingField(page, "es", "applicationOpensOn")).toHaveAttribute("aria-invalid", "true");
  await expect(meetingField(page, "es", "number")).toHaveValue("CXII");
  await expect(meetingField(page, "es", "applicationClosesOn")).toHaveValue("2041-09-01");

  await page.getByRole("link", { name: es.Meetings.back }).click();
  const row = meetingRow(page, "CXI");
  await expect(row).toContainText("Encarnación, Paraguay");
  await expect(row).toContainText(es.Meetings.state.upcoming);
  await expect(row).toContainText(fmt(es.Meetings.quotaValues, { participant: 3, observer: 4 }));
  await expect(meetingRow(page, "CXII")).toHaveCount(0);
  await expect(meetingRow(page, CURRENT_MEETING)).toContainText(es.Meetings.state.open);
});

test("a reviewer reads the editions but gets no form, and a direct call to the admin's actions is refused", async ({ page }) => {
  await signInAsStaff(page, reviewer.email, "es");
  await page.getByRole("navigation", { name: es.Secretariat.subnav }).getByRole("link", { name: es.Meetings.nav }).click();
  await expect(meetingRow(page, CURRENT_MEETING)).toContainText(es.Meetings.state.open);
  await expect(page.getByRole("link", { name: es.Meetings.new })).toHaveCount(0);

  await meetingRow(page, CURRENT_MEETING)
    .getByRole("link", { name: fmt(es.Meetings.meeting, { number: CURRENT_MEETING }), exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: fmt(es.Meetings.meeting, { number: CURRENT_MEETING }) })).toBeVisible();
  await expect(page.getByTestId("meeting-details")).toContainText("Brasília, Brasil");
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: es.Meetings.save })).toHaveCount(0);
  const meetingId = /\/meetings\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

  const response = await page.goto("/es/secretariat/meetings/new");
  expect(response?.status()).toBe(403);

  const values = futureMeeting("CXV", 2045);
  const fields = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
  const create = await callServerAction(page.request, "/es/secretariat/meetings/new", serverActionId("createMeetingAction", MEETINGS_ACTIONS_FILE), fields);
  expect(await create.text()).toContain(es.Errors.forbidden);
  const update = await callServerAction(page.request, `/es/secretariat/meetings/${meetingId}`, serverActionId("updateMeetingAction", MEETINGS_ACTIONS_FILE), {
    ...fields,
    number: CURRENT_MEETING,
    meetingId,
    version: "2000-01-01T00:00:00.000000",
  });
  expect(await update.text()).toContain(es.Errors.forbidden);

  // Nothing changed.
  await page.goto("/es/secretariat/meetings");
  await expect(meetingRow(page, "CXV")).toHaveCount(0);
  await expect(meetingRow(page, CURRENT_MEETING)).toContainText("Brasília, Brasil");
});

test("the applicant sees the meeting whose window is open on their home and on their draft", async ({ page }) => {
  await signIn(page, applicant.email, "es");
  await expect(page.getByText(messagePattern(es.ApplicantHome.windowOpen, { meeting: CURRENT_MEETING, closes: /.+/ }))).toBeVisible();
  await openOwnApplication(page, "es");
  await expect(page.getByTestId("draft-window")).toHaveText(messagePattern(es.MeetingWindow.draftOpen, { meeting: CURRENT_MEETING, closes: /.+/ }));
  // The draft was seeded under the XXII CSM's window: its label names the meeting sending it now files it under.
  await expect(page.getByTestId("application-meeting")).toHaveText(fmt(es.ApplicantNav.meeting, { meeting: CURRENT_MEETING }));
});

test("the queue marks renewals, filters by kind in the URL and exports the kind", async ({ page }) => {
  // Six pages, each checked by axe: under a loaded machine its teardown alone passed the default minute.
  test.slow();
  await signInAsStaff(page, queueReviewer.email, "es");
  await page.goto(`/es/secretariat/applications?q=${QUEUE_TOKEN}`);
  const rowOf = (legalName: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name: legalName, exact: true }) });
  await expect(rowOf(renewal.legalName).getByTestId("renewal-badge")).toHaveText(es.ApplicationKind.renewal);
  await expect(rowOf(fresh.legalName)).toBeVisible();
  await expect(rowOf(fresh.legalName).getByTestId("renewal-badge")).toHaveCount(0);

  await page.getByLabel(es.ApplicationKind.filter).selectOption("renewal");
  await page.getByRole("button", { name: es.UI.filtersApply }).click();
  await expect(page).toHaveURL(/[?&]kind=renewal(&|$)/);
  await expect(rowOf(renewal.legalName)).toBeVisible();
  await expect(rowOf(fresh.legalName)).toHaveCount(0);
  await expect(page.getByLabel(es.ApplicationKind.filter)).toHaveValue("renewal");

  const href = await page.getByRole("link", { name: es.Queue.export }).getAttribute("href");
  const csv = parseCsv(await (await page.request.get(href!)).text());
  const kind = csv[0]!.indexOf(es.ApplicationKind.column);
  expect(kind).toBeGreaterThan(-1);
  expect(csv.slice(1).map((row) => [row[csv[0]!.indexOf(es.Queue.organization)], row[kind]])).toEqual([[renewal.legalName, es.ApplicationKind.renewal]]);

  await page.goto(`/es/secretariat/applications?q=${QUEUE_TOKEN}&kind=new`);
  await expect(rowOf(fresh.legalName)).toBeVisible();
  await expect(rowOf(renewal.legalName)).toHaveCount(0);

  await page.goto(`/es/secretariat/applications?q=${QUEUE_TOKEN}&kind=renewal`);
  await rowOf(renewal.legalName).getByRole("link", { name: renewal.legalName }).click();
  await expect(page.getByRole("heading", { level: 1, name: renewal.legalName })).toBeVisible();
  await expect(page.locator("article header").getByTestId("renewal-badge")).toHaveText(es.ApplicationKind.renewal);
});

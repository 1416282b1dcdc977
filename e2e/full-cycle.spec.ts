import { dayOf } from "@/lib/meeting-schema";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import {
  completeDraft,
  createOrganization,
  decideParticipant,
  expectStatus,
  fmt,
  recommendParticipant,
  signInStaff,
  submitFromReview,
  uniqueRegistryNumber,
} from "./support/applicant";
import { messages } from "./support/catalog";
import { parseCsv } from "./support/csv";
import {
  type DelegateInput,
  decideAsStaff,
  fillDelegate,
  meetingSection,
  nominateDelegate,
  nominationForm,
  openDelegatesPage,
  openMeetingDelegates,
} from "./support/delegates";
import { cycle } from "./support/fixtures/full-cycle";
import { mailsTo } from "./support/mail";
import {
  CURRENT_MEETING,
  createMeetingAsAdmin,
  fillMeetingForm,
  futureMeeting,
  messagePattern,
  openNewMeetingForm,
  submitMeetingForm,
} from "./support/meetings";
import { searchRegister } from "./support/secretariat";

const es = messages("es");
const en = messages("en");

/** The portal-time day `days` after `day` (both YYYY-MM-DD). */
function addDays(day: string, days: number): string {
  const noon = new Date(`${day}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + days);
  return noon.toISOString().slice(0, 10);
}

function delegate(label: string): DelegateInput {
  return { name: `${label} Ciclo`, email: uniqueEmail(`cycle-${label.toLowerCase()}`), role: "Coordinadora", nationality: "Peruana" };
}

test("the whole cycle: an admin opens a window, an organization applies into it, is accredited, nominates within the quota, staff confirm and export, the deadline and a suspension stop changes", async ({
  page,
  browser,
}) => {
  // Four accounts and every area of the portal, one step after the other.
  test.setTimeout(360_000);
  const today = dayOf(new Date());
  const visitor = await browser.newPage();

  // The admin opens a new edition's window: refused while the seeded edition's is open, accepted once it is closed.
  const { context: adminContext, staff: admin } = await signInStaff(browser, cycle.admin.email, "en");
  const edition = futureMeeting(cycle.meeting, Number(today.slice(0, 4)) + 1, {
    startsOn: addDays(today, 90),
    endsOn: addDays(today, 91),
    applicationOpensOn: addDays(today, -1),
    applicationClosesOn: addDays(today, 30),
    nominationDeadlineOn: addDays(today, 60),
    participantQuota: cycle.participantQuota,
  });
  await openNewMeetingForm(admin, "en");
  await fillMeetingForm(admin, "en", edition);
  await admin.getByRole("button", { name: en.Meetings.create }).click();
  await expect(admin.getByRole("alert").filter({ hasText: fmt(en.MeetingValidation.windowOverlap, { meeting: CURRENT_MEETING }) })).toBeVisible();

  await admin.goto("/en/secretariat/meetings");
  await admin.getByRole("link", { name: fmt(en.Meetings.meeting, { number: CURRENT_MEETING }), exact: true }).click();
  await fillMeetingForm(admin, "en", { applicationClosesOn: addDays(today, -2) });
  await submitMeetingForm(admin, "en", { created: false });
  const meetingId = await createMeetingAsAdmin(admin, "en", edition);

  // A new organization signs up and applies: the application goes into the new edition.
  const applicantEmail = uniqueEmail("cycle-applicant");
  const legalName = `Red Ciclo Completo ${Date.now().toString(36)}`;
  await signIn(page, applicantEmail, "es");
  const applicationId = await createOrganization(page, "es", { legalName, registryNumber: uniqueRegistryNumber(), country: "PE" });
  await completeDraft(page, "es");
  await expect(page.getByText(messagePattern(es.MeetingWindow.draftOpen, { meeting: cycle.meeting, closes: /.+/ }))).toBeVisible();
  await submitFromReview(page, "es", applicationId);
  await page.goto("/es/applicant");
  await expect(page.getByRole("link", { name: fmt(es.ApplicantHome.applicationFor, { meeting: cycle.meeting }) })).toBeVisible();

  // The reviewer reviews and recommends; the admin accredits.
  const { context: reviewerContext, staff: reviewer } = await signInStaff(browser, cycle.reviewer.email, "es");
  await reviewer.goto(`/es/secretariat/applications/${applicationId}`);
  await reviewer.getByRole("button", { name: es.Review.startReview }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: es.Review.reviewStarted })).toBeVisible();
  await recommendParticipant(reviewer, "es", applicationId, "Cumple todos los criterios.");
  await decideParticipant(admin, "en", applicationId, "Your organization meets every criterion.");
  await expectStatus(page, "es", applicationId, "accredited_participant");
  const results = await searchRegister(visitor, "es", legalName);
  await expect(results).toHaveCount(1);

  // Accredited today for a meeting still ahead: the home says what comes next and offers no start
  // (it could not work); the public page lists the meeting as upcoming, not as one it took part in.
  await page.goto("/es/applicant");
  await expect(page.getByText(fmt(es.ApplicantHome.accreditedForMeeting, { meeting: cycle.meeting }))).toBeVisible();
  // What comes next, as a link that works: nominating delegates (before the deadline, when the meeting has one).
  await expect(page.getByRole("link", { name: new RegExp(`^${es.ApplicantHome.nominate.slice(0, -1)}`) })).toBeVisible();
  await expect(page.getByRole("button", { name: es.ApplicantHome.startRenewal })).toHaveCount(0);
  await results.first().getByRole("link", { name: legalName, exact: true }).click();
  const meetingName = fmt(es.RegisterOrganization.meeting, { number: cycle.meeting });
  await expect(visitor.getByRole("region", { name: es.RegisterOrganization.upcomingMeetingsTitle })).toContainText(meetingName);
  await expect(visitor.getByRole("region", { name: es.RegisterOrganization.meetingsTitle })).toContainText(es.RegisterOrganization.noMeetings);

  // Delegates up to the quota; one more is refused; a substitution before the deadline.
  const organizationId = await openDelegatesPage(page, "es", legalName);
  const section = meetingSection(page, "es", cycle.meeting);
  await expect(section.getByText(fmt(es.Delegates.quota, { live: 0, quota: cycle.participantQuota }))).toBeVisible();
  const first = delegate("Primera");
  const second = delegate("Segunda");
  await nominateDelegate(page, "es", cycle.meeting, first);
  const colleague = await page.context().newPage();
  await colleague.goto(page.url());
  await nominateDelegate(page, "es", cycle.meeting, second);
  await expect(section.getByText(fmt(es.Delegates.quota, { live: 2, quota: cycle.participantQuota }))).toBeVisible();
  const colleagueForm = nominationForm(meetingSection(colleague, "es", cycle.meeting), "es");
  await fillDelegate(colleagueForm, "es", delegate("Tercera"));
  await colleagueForm.getByRole("button", { name: es.DelegatesForm.nominate }).click();
  await expect(colleague.getByRole("status").filter({ hasText: es.Delegates.refusal.quota_full })).toBeVisible();
  await colleague.close();

  const substitute = delegate("Sustituta");
  const details = section.locator("details").filter({ hasText: fmt(es.Delegates.substitute, { name: second.name }) });
  await details.locator("summary").click();
  await fillDelegate(details, "es", substitute);
  await details.getByRole("button", { name: es.DelegatesForm.substitute }).click();
  await expect(page.getByRole("status").filter({ hasText: es.Delegates.substituted })).toBeVisible();
  await expect(section.getByText(fmt(es.Delegates.quota, { live: 2, quota: cycle.participantQuota }))).toBeVisible();

  // The secretariat confirms both; the badges CSV lists them and not the withdrawn one; each delegate is told in Spanish.
  const since = Date.now();
  await openMeetingDelegates(reviewer, "es", meetingId);
  await decideAsStaff(reviewer, "es", first, "confirm");
  await decideAsStaff(reviewer, "es", substitute, "confirm");
  // Delivery is asynchronous: the substitute's "nominated" notice may arrive after `since` too.
  const confirmed = fmt(es.DelegatesEmail.confirm.subject, { meeting: cycle.meeting });
  await expect.poll(() => mailsTo(substitute.email, since).map((mail) => mail.subject), { timeout: 15_000 }).toContain(confirmed);
  const href = await reviewer.getByRole("link", { name: es.DelegatesStaff.csv }).getAttribute("href");
  const download = await reviewer.request.get(href!);
  expect(download.status()).toBe(200);
  const [, ...rows] = parseCsv((await download.text()).replace(/^\uFEFF/, ""));
  expect(rows.map((cells) => cells[1]).sort()).toEqual([first.email, substitute.email].sort());

  // After the deadline nothing on the list can change.
  await admin.goto(`/en/secretariat/meetings/${meetingId}`);
  await fillMeetingForm(admin, "en", { nominationDeadlineOn: addDays(today, -1) });
  await submitMeetingForm(admin, "en", { created: false });
  await page.goto(`/es/applicant/organizations/${organizationId}/delegates`);
  await expect(section.getByText(es.Delegates.closed)).toBeVisible();
  await expect(nominationForm(section, "es")).toHaveCount(0);
  await expect(section.getByRole("button")).toHaveCount(0);

  // A suspension shows in the register at once and stops every nomination.
  await admin.goto("/en/secretariat/organizations");
  await admin.getByLabel(en.AccreditedOrganizations.search).fill(legalName);
  await admin.getByRole("button", { name: en.UI.filtersApply }).click();
  await admin.getByRole("link", { name: legalName, exact: true }).click();
  const suspend = admin.getByRole("region", { name: en.OrganizationAccreditation.suspendTitle });
  await suspend.getByLabel(en.OrganizationAccreditation.reasonPublic).fill("Pending review of a complaint.");
  await suspend.getByRole("button", { name: en.OrganizationAccreditation.suspendButton }).click();
  await expect(admin.getByRole("status").filter({ hasText: en.OrganizationAccreditation.done.suspended })).toBeVisible();

  const suspended = await searchRegister(visitor, "es", legalName);
  await expect(suspended.first().getByText(es.Register.suspended)).toBeVisible();
  await page.reload();
  await expect(page.getByText(es.Delegates.suspended)).toBeVisible();
  await expect(page.getByRole("region", { name: es.Delegates.nominateTitle })).toHaveCount(0);

  await Promise.all([adminContext.close(), reviewerContext.close(), visitor.close()]);
});

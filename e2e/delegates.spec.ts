import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { messages } from "./support/catalog";
import { parseCsv } from "./support/csv";
import {
  decideAsStaff,
  DELEGATE_ACTIONS_FILE,
  fillDelegate,
  meetingSection,
  nominateDelegate,
  nominationForm,
  openDelegatesPage,
  openMeetingDelegates,
  staffDelegateEntry,
} from "./support/delegates";
import { CLOSED, CLOSED_MEETING, COALITION, CONFIRMATION, OPEN_MEETING, QUOTA, SUSPENDED } from "./support/fixtures/delegates";
import { latestMailTo } from "./support/mail";
import { pdfPageCount, pdfText, qrCodesInPdf } from "./support/pdf";
import { signOut } from "./support/secretariat";
import { callServerAction, serverActionId } from "./support/server-actions";

const es = messages("es");
const pt = messages("pt");

function delegate(label: string, extra: { needsVisaLetter?: boolean; accessibilityNeeds?: string } = {}) {
  return {
    name: `${label} Delegado`,
    email: uniqueEmail(
      `delegate-${label
        .normalize("NFD")
        .replace(/[^a-z]/gi, "")
        .toLowerCase()}`,
    ),
    role: "Coordinación",
    nationality: "Venezolana",
    ...extra,
  };
}

test.describe("Delegate nominations", () => {
  test("an organization nominates up to the quota by keyboard, is refused one more and substitutes before the deadline", async ({ page, context }) => {
    // Two tabs and a dozen page states, each checked by axe, on a shared 2-core machine.
    test.setTimeout(150_000);
    await signIn(page, QUOTA.applicant, "es");
    await openDelegatesPage(page, "es", QUOTA.organization.legalName);
    const section = meetingSection(page, "es", OPEN_MEETING.number);
    await expect(section.getByText("Delegados: 0 de 2")).toBeVisible();

    // The first delegate, typed and sent from the keyboard alone.
    const first = delegate("Primera");
    const form = nominationForm(section, "es");
    await form.getByLabel(es.DelegatesForm.name, { exact: true }).focus();
    await page.keyboard.type(first.name);
    await page.keyboard.press("Tab");
    await page.keyboard.type(first.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(first.role);
    await page.keyboard.press("Tab");
    await page.keyboard.type(first.nationality);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Intérprete de lengua de señas");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: es.Delegates.nominated })).toBeVisible();
    const firstEntry = section.getByRole("listitem").filter({ hasText: first.email });
    await expect(firstEntry).toContainText(es.DelegateStatus.nominated);
    await expect(firstEntry).toContainText(es.Delegates.visaLetter);
    await expect(section.getByText("Delegados: 1 de 2")).toBeVisible();

    // A colleague has the page open with one place left, while the last place is taken here.
    const colleague = await context.newPage();
    await colleague.goto(page.url());
    const second = delegate("Segunda");
    await nominateDelegate(page, "es", OPEN_MEETING.number, second);
    await expect(section.getByText("Delegados: 2 de 2")).toBeVisible();
    await expect(section.getByText(es.Delegates.quotaFull)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: es.Delegates.nominated })).toHaveCount(0);
    await expect(nominationForm(section, "es").getByRole("button", { name: es.DelegatesForm.nominate })).toHaveCount(0);

    const third = delegate("Tercera");
    const colleagueForm = nominationForm(meetingSection(colleague, "es", OPEN_MEETING.number), "es");
    await fillDelegate(colleagueForm, "es", third);
    await colleagueForm.getByRole("button", { name: es.DelegatesForm.nominate }).click();
    await expect(colleague.getByRole("status").filter({ hasText: es.Delegates.refusal.quota_full })).toBeVisible();
    await expect(colleagueForm.getByLabel(es.DelegatesForm.name, { exact: true })).toHaveValue(third.name);
    await expect(colleagueForm.getByLabel(es.DelegatesForm.email, { exact: true })).toHaveValue(third.email);
    await colleague.close();
    await page.reload();
    await expect(section.getByText("Delegados: 2 de 2")).toBeVisible();
    await expect(section.getByRole("listitem").filter({ hasText: third.email })).toHaveCount(0);

    // The second delegate cannot travel: a substitute takes the place in one step.
    const substitute = delegate("Sustituta");
    const details = section.locator("details").filter({ hasText: es.Delegates.substitute.replace("{name}", second.name) });
    await details.locator("summary").click();
    await fillDelegate(details, "es", substitute);
    const beforeSubstitution = Date.now();
    await details.getByRole("button", { name: es.DelegatesForm.substitute }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Delegates.substituted })).toBeVisible();
    const substituteEntry = section.getByRole("listitem").filter({ hasText: substitute.email });
    await expect(substituteEntry).toContainText(es.Delegates.replaces.replace("{name}", second.name));
    await expect(section.getByRole("listitem").filter({ hasText: second.email })).toContainText(es.DelegateStatus.withdrawn);
    await expect(section.getByText("Delegados: 2 de 2")).toBeVisible();
    // The replaced delegate is told, in the organization's language, who takes the place.
    const replacedMail = await latestMailTo(second.email, { since: beforeSubstitution });
    expect(replacedMail.subject).toBe(es.DelegatesEmail.replaced.subject.replace("{meeting}", OPEN_MEETING.number));
    expect(replacedMail.text).toContain(substitute.name);

    // Withdrawing frees a place, and the form is back.
    const beforeWithdrawal = Date.now();
    await firstEntry.getByRole("button", { name: es.Delegates.withdraw.replace("{name}", first.name) }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Delegates.withdrawn })).toBeVisible();
    await expect(firstEntry).toContainText(es.DelegateStatus.withdrawn);
    await expect(section.getByText("Delegados: 1 de 2")).toBeVisible();
    await expect(nominationForm(section, "es").getByRole("button", { name: es.DelegatesForm.nominate })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: es.Delegates.nominated })).toHaveCount(0);
    expect((await latestMailTo(first.email, { since: beforeWithdrawal })).subject).toBe(
      es.DelegatesEmail.withdraw.subject.replace("{meeting}", OPEN_MEETING.number),
    );
  });

  test("after the deadline the meeting is read-only, and a forged nomination is refused and changes nothing", async ({ page }) => {
    await signIn(page, CLOSED.applicant, "es");
    const organizationId = await openDelegatesPage(page, "es", CLOSED.organization.legalName);
    const closed = meetingSection(page, "es", CLOSED_MEETING.number);
    await expect(closed.getByText(es.Delegates.closed)).toBeVisible();
    await expect(closed.getByText("Delegados: 0 de 3")).toBeVisible();
    await expect(nominationForm(closed, "es")).toHaveCount(0);
    await expect(closed.getByRole("button")).toHaveCount(0);
    // The open meeting on the same page still takes nominations.
    await expect(nominationForm(meetingSection(page, "es", OPEN_MEETING.number), "es")).toBeVisible();

    const path = `/es/applicant/organizations/${organizationId}/delegates`;
    const forged = delegate("Tardía");
    const response = await callServerAction(page.request, path, serverActionId("nominateDelegateAction", DELEGATE_ACTIONS_FILE), {
      organizationId,
      meetingId: CLOSED_MEETING.id,
      name: forged.name,
      email: forged.email,
      roleInOrganization: forged.role,
      nationality: forged.nationality,
    });
    expect(await response.text()).toContain(es.Delegates.refusal.closed);
    await page.reload();
    await expect(closed.getByText("Delegados: 0 de 3")).toBeVisible();
    await expect(page.getByText(forged.email)).toHaveCount(0);
  });

  test("a suspended organization's member cannot nominate, not even by calling the action", async ({ page }) => {
    await signIn(page, SUSPENDED.applicant, "es");
    const article = page.getByRole("article", { name: SUSPENDED.organization.legalName });
    await expect(article.getByRole("link", { name: es.Delegates.homeLink })).toHaveCount(0);
    const peopleHref = await article.getByRole("link", { name: es.ApplicantHome.people }).getAttribute("href");
    const organizationId = /organizations\/([0-9a-f-]{36})\//.exec(peopleHref ?? "")![1]!;
    const path = `/es/applicant/organizations/${organizationId}/delegates`;
    await page.goto(path);
    await expect(page.getByText(es.Delegates.suspended)).toBeVisible();
    await expect(nominationForm(meetingSection(page, "es", OPEN_MEETING.number), "es")).toHaveCount(0);

    const forged = delegate("Suspendida");
    const response = await callServerAction(page.request, path, serverActionId("nominateDelegateAction", DELEGATE_ACTIONS_FILE), {
      organizationId,
      meetingId: OPEN_MEETING.id,
      name: forged.name,
      email: forged.email,
      roleInOrganization: forged.role,
      nationality: forged.nationality,
    });
    expect(await response.text()).toContain(es.Delegates.refusal.not_accredited);
    await page.reload();
    await expect(meetingSection(page, "es", OPEN_MEETING.number).getByText("Delegados: 0 de 2")).toBeVisible();
  });

  test("a coalition nominates a delegate on behalf of its member organization", async ({ page }) => {
    await signIn(page, COALITION.applicant, "es");
    await openDelegatesPage(page, "es", COALITION.organization.legalName);
    const member = delegate("Miembro");
    await nominateDelegate(page, "es", OPEN_MEETING.number, { ...member, onBehalfOf: COALITION.member.legalName });
    const entry = meetingSection(page, "es", OPEN_MEETING.number).getByRole("listitem").filter({ hasText: member.email });
    await expect(entry).toContainText(es.Delegates.onBehalfOf.replace("{organization}", COALITION.member.legalName));
  });

  test("the secretariat confirms and declines (with a reason); the CSV lists the confirmed only; the delegate is told in the organization's language", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await signIn(page, CONFIRMATION.applicant, "pt");
    const organizationId = await openDelegatesPage(page, "pt", CONFIRMATION.organization.legalName);
    const confirmed = delegate("Confirmada", { needsVisaLetter: true, accessibilityNeeds: "Rampa" });
    const declined = delegate("Recusada");
    await nominateDelegate(page, "pt", OPEN_MEETING.number, confirmed);
    await nominateDelegate(page, "pt", OPEN_MEETING.number, declined);
    // The badges export is the secretariat's alone.
    expect((await page.request.get(`/api/secretariat/meetings/${OPEN_MEETING.id}/delegates.csv`)).status()).toBe(403);
    expect((await page.goto(`/pt/secretariat/meetings/${OPEN_MEETING.id}/delegates`))?.status()).toBe(403);
    await page.goto("/pt/applicant");
    await signOut(page, "pt");

    await signIn(page, CONFIRMATION.reviewer, "es", { landsOn: "/es/secretariat" });
    await openMeetingDelegates(page, "es", OPEN_MEETING.id, `?organizationId=${organizationId}`);
    await expect(page.getByTestId("delegate-count")).toHaveText("2 nominaciones");
    await expect(page.getByRole("region", { name: es.DelegatesStaff.figures })).toBeVisible();

    // Declining without a reason is refused and keeps the choice.
    const declinedEntry = staffDelegateEntry(page, declined.email);
    await declinedEntry.getByLabel(es.DelegatesStaff.decline, { exact: true }).check();
    await declinedEntry.getByRole("button", { name: es.DelegatesStaff.decide }).click();
    await expect(declinedEntry.getByText(es.Validation.required, { exact: true })).toBeVisible();
    await expect(declinedEntry.getByLabel(es.DelegatesStaff.decline, { exact: true })).toBeChecked();
    await decideAsStaff(page, "es", declined, "decline", "Sin mandato de la organización");
    // The stored reason reads as the reason, not under the form's label (the form is gone once decided).
    await expect(declinedEntry.getByRole("term").filter({ hasText: new RegExp(`^${es.DelegatesStaff.storedReason}$`) })).toBeVisible();
    await expect(declinedEntry.getByRole("definition").filter({ hasText: "Sin mandato de la organización" })).toBeVisible();
    await expect(declinedEntry.getByText(es.DelegatesStaff.reason)).toHaveCount(0);

    // Confirming by keyboard.
    const since = Date.now();
    const confirmedEntry = staffDelegateEntry(page, confirmed.email);
    await confirmedEntry.getByLabel(es.DelegatesStaff.confirm, { exact: true }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: es.DelegatesStaff.confirmed.replace("{name}", confirmed.name) })).toBeVisible();
    await expect(confirmedEntry).toContainText(es.DelegateStatus.confirmed);
    await expect(declinedEntry).toContainText(es.DelegateStatus.declined);

    // The organization writes in Portuguese: so does the e-mail to the delegate.
    const mail = await latestMailTo(confirmed.email, { since });
    expect(mail.subject).toBe(pt.DelegatesEmail.confirm.subject.replace("{meeting}", OPEN_MEETING.number));
    expect(mail.text).toContain(CONFIRMATION.organization.legalName);
    expect(mail.text).toContain(pt.DelegatesEmail.badgeAttached);
    // The badge travels with it: one PDF page, in Portuguese, whose QR code holds a signed token.
    const [badge, ...others] = mail.attachments;
    expect(others).toEqual([]);
    expect(badge).toMatchObject({ contentType: "application/pdf", filename: expect.stringMatching(/^badge-.*\.pdf$/) });
    const badgeBytes = Buffer.from(badge!.base64, "base64");
    expect(await pdfPageCount(badgeBytes)).toBe(1);
    expect(await pdfText(badgeBytes)).toContain(pt.CredentialPdf.Badge.participant);
    expect(await qrCodesInPdf(badgeBytes)).toEqual([expect.stringMatching(/^CSM1\.[0-9A-Z]{12}\./)]);

    // The badges CSV: the confirmed delegate, not the declined one.
    const href = await page.getByRole("link", { name: es.DelegatesStaff.csv }).getAttribute("href");
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("text/csv");
    const [header, ...rows] = parseCsv((await download.text()).replace(/^\uFEFF/, ""));
    expect(header).toEqual(Object.values(es.DelegatesStaff.csvHeaders));
    const row = rows.find((cells) => cells[1] === confirmed.email);
    expect(row).toEqual([
      confirmed.name,
      confirmed.email,
      CONFIRMATION.organization.legalName,
      "",
      "Brasil",
      confirmed.role,
      confirmed.nationality,
      "Rampa",
      "Sí",
    ]);
    expect(rows.some((cells) => cells[1] === declined.email)).toBe(false);

    // Filters: declined only.
    await page.getByLabel(es.DelegatesStaff.status, { exact: true }).selectOption("declined");
    await page.getByRole("button", { name: es.UI.filtersApply }).click();
    await expect(page).toHaveURL(/status=declined/);
    await expect(staffDelegateEntry(page, declined.email)).toBeVisible();
    await expect(staffDelegateEntry(page, confirmed.email)).toHaveCount(0);
  });
});

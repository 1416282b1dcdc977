import { expect, signIn, test } from "./fixtures";
import { messages } from "./support/catalog";
import { csvRecords } from "./support/csv";
import { fillDelegate, meetingSection, openDelegatesPage } from "./support/delegates";
import { CREDENTIALS, CREDENTIALS_NOW, CREDENTIALS_UPCOMING } from "./support/fixtures/credentials";
import { APP_URL } from "./support/env";
import { launchWithCamera, qrVideo } from "./support/fake-camera";
import { pdfPageCount, pdfText, qrCodesInPdf } from "./support/pdf";
import { callServerAction, serverActionId } from "./support/server-actions";

const es = messages("es");
const pt = messages("pt");
const en = messages("en");
const CHECK_IN_FILE = "app/[locale]/(secretariat)/secretariat/meetings/[id]/check-in/actions.ts";

const squash = (text: string) => text.replace(/\s+/g, " ");
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
/** The sentence before the first placeholder: enough to tell one outcome from another, whatever the time. */
const opening = (template: string) => template.split("{")[0]!.trim() || template.split("}").at(-1)!.trim();

test.describe("Letters, badges and the meeting's entrance", () => {
  test("an organization downloads its delegate's letter; anyone verifies it; a substitution cancels it", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signIn(page, CREDENTIALS.applicant, "es");
    await openDelegatesPage(page, "es", CREDENTIALS.participant.legalName);
    const section = meetingSection(page, "es", CREDENTIALS_UPCOMING.number);
    const letterLink = section.getByRole("link", { name: fill(es.Delegates.letter, { name: CREDENTIALS.letterDelegate.name }) });
    const letter = await page.request.get((await letterLink.getAttribute("href"))!);
    expect(letter.status()).toBe(200);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    const text = squash(await pdfText(await letter.body()));
    // In the delegate's language (an Argentine organization: Spanish), with every accent as recorded.
    expect(text).toContain(CREDENTIALS.letterDelegate.name);
    expect(text).toContain(CREDENTIALS.participant.legalName);
    expect(text).toContain(CREDENTIALS_UPCOMING.number);
    expect(text).toContain("Montevideo");
    expect(text).toContain(squash(es.CredentialPdf.Letter.salutation));
    const code = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/.exec(text)?.[0];
    expect(code, "the letter's verification code").toBeTruthy();
    // A consulate may want it in another language: the same letter, the same code.
    const inEnglish = section.getByRole("link", { name: fill(es.DelegatesStaff.letterInFor, { name: CREDENTIALS.letterDelegate.name, language: "English" }) });
    const english = squash(await pdfText(await (await page.request.get((await inEnglish.getAttribute("href"))!)).body()));
    expect(english).toContain(squash(en.CredentialPdf.Letter.salutation));
    expect(english).toContain(code!);

    // A consulate officer checks the code on the public page, in Portuguese.
    const visitor = await browser.newPage();
    await visitor.goto("/pt/verify");
    await visitor.getByLabel(pt.Verify.code).fill(code!.toLowerCase().replace(/-/g, " "));
    await visitor.getByRole("button", { name: pt.Verify.check }).click();
    await expect(visitor).toHaveURL(`/pt/verify/${code}`);
    const genuine = visitor.getByRole("status");
    await expect(genuine).toContainText(pt.Verify.genuine);
    await expect(genuine).toContainText(CREDENTIALS.letterDelegate.name);
    await expect(genuine).toContainText(CREDENTIALS.participant.legalName);
    await expect(genuine).not.toContainText(CREDENTIALS.letterDelegate.email);
    await visitor.goto("/pt/verify/ZZZZ-ZZZZ-ZZZZ");
    await expect(visitor.getByRole("status")).toHaveText(pt.Verify.unknown);

    // The delegate cannot travel: the substitute takes the place, and the old letter stops being genuine.
    const details = section.locator("details").filter({ hasText: fill(es.Delegates.substitute, { name: CREDENTIALS.letterDelegate.name }) });
    await details.locator("summary").click();
    await fillDelegate(details, "es", {
      name: "Sustituta Credenciales",
      email: "credentials-substitute@e2e.test",
      role: "Coordinación",
      nationality: "Argentina",
    });
    await details.getByRole("button", { name: es.DelegatesForm.substitute }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Delegates.substituted })).toBeVisible();
    await expect(letterLink).toHaveCount(0);
    await visitor.goto(`/pt/verify/${code}`);
    await expect(visitor.getByRole("status")).toHaveText(pt.Verify.revoked);
    await visitor.close();
  });

  test("staff print the badges, scan them at the entrance once a day, refuse a forged, withdrawn or repeated badge, and count who came", async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page, CREDENTIALS.admin, "en", { landsOn: "/en/secretariat" });
    await page.goto(`/en/secretariat/meetings/${CREDENTIALS_NOW.id}`);
    const sheetHref = await page.getByRole("link", { name: en.MeetingCredentials.badgesSheet }).getAttribute("href");
    const sheet = await page.request.get(sheetHref!);
    expect(sheet.headers()["content-type"]).toBe("application/pdf");
    const bytes = await sheet.body();
    // Three confirmed delegates on one A4 sheet; the withdrawn one has no badge.
    expect(await pdfPageCount(bytes)).toBe(1);
    const badgeText = squash(await pdfText(bytes));
    for (const name of [CREDENTIALS.simultaneous.name, CREDENTIALS.arriving.name, CREDENTIALS.observing.name]) expect(badgeText).toContain(name);
    expect(badgeText).not.toContain(CREDENTIALS.withdrawn.name);
    expect(badgeText).toContain(en.CredentialPdf.Badge.participant);
    expect(badgeText).toContain(en.CredentialPdf.Badge.observer);
    // The QR codes, read from the PDF's images, hold signed tokens, never a database id.
    const tokens = await qrCodesInPdf(bytes);
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect(token).toMatch(/^CSM1\.[0-9A-Z]{12}\.[A-Za-z0-9_-]{22}$/);
    const single = await page.request.get(`/api/secretariat/meetings/${CREDENTIALS_NOW.id}/badges?layout=single&locale=en`);
    expect(await pdfPageCount(await single.body())).toBe(3);

    // At the entrance, on a phone.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("link", { name: en.MeetingCredentials.checkIn }).click();
    await expect(page.getByRole("heading", { level: 1, name: fill(en.CheckIn.heading, { meeting: CREDENTIALS_NOW.number }) })).toBeVisible();
    await expect(page.getByRole("button", { name: en.CheckInScanner.scan })).toBeVisible();
    const code = page.getByLabel(en.CheckIn.code);
    const record = page.getByRole("button", { name: en.CheckIn.record });
    const card = page.getByRole("alert").and(page.locator("[data-outcome]"));

    // Badges are in the order of their organizations' names, then their delegates': Ana, Joaquín, Conceição.
    const [simultaneous, arriving, observing] = tokens as [string, string, string];
    await code.fill(arriving);
    await record.click();
    await expect(card).toHaveAttribute("data-outcome", "arrived");
    await expect(card).toContainText(CREDENTIALS.arriving.name);
    await expect(card).toContainText(CREDENTIALS.participant.legalName);
    await expect(code).toHaveValue("");

    await code.fill(arriving);
    await record.click();
    await expect(card).toHaveAttribute("data-outcome", "already");
    await expect(card).toContainText(opening(en.CheckIn.outcome.already.replace("{name}", CREDENTIALS.arriving.name)));

    await code.fill(`${observing.slice(0, -4)}AAAA`);
    await record.click();
    await expect(page.getByText(en.CheckIn.outcome.forged)).toBeVisible();

    await code.fill(CREDENTIALS.withdrawn.code);
    await record.click();
    await expect(card).toHaveAttribute("data-outcome", "withdrawn");
    await expect(card).toContainText(fill(en.CheckIn.outcome.withdrawn, { name: CREDENTIALS.withdrawn.name }));

    await code.fill("not a code");
    await record.click();
    await expect(page.getByRole("alert").filter({ hasText: en.UI.errorSummaryTitle })).toBeVisible();
    await expect(code).toHaveValue("not a code");

    // Two phones scan one badge at the same moment: one arrival is recorded.
    const day = await page.getByLabel(en.CheckIn.day).inputValue();
    const actionId = serverActionId("recordArrivalAction", CHECK_IN_FILE);
    const path = `/en/secretariat/meetings/${CREDENTIALS_NOW.id}/check-in`;
    const answers = await Promise.all(
      [0, 1].map(async () => (await callServerAction(page.request, path, actionId, { meetingId: CREDENTIALS_NOW.id, day, code: simultaneous })).text()),
    );
    expect(answers.filter((body) => body.includes('"outcome":"arrived"'))).toHaveLength(1);
    expect(answers.filter((body) => body.includes('"outcome":"already"'))).toHaveLength(1);

    // The observer's badge, filmed by a phone's camera: the scanner reads it and records the arrival.
    const camera = await launchWithCamera(qrVideo(observing));
    try {
      const phone = await camera.newContext({ baseURL: APP_URL, storageState: await page.context().storageState(), viewport: { width: 360, height: 780 } });
      const entrance = await phone.newPage();
      await entrance.goto(path);
      await entrance.getByRole("button", { name: en.CheckInScanner.scan }).click();
      const scanned = entrance.getByRole("alert").and(entrance.locator("[data-outcome]"));
      await expect(scanned).toHaveAttribute("data-outcome", "arrived", { timeout: 20_000 });
      await expect(scanned).toContainText(CREDENTIALS.observing.name);
      await expect(entrance.getByRole("button", { name: en.CheckInScanner.scan })).toBeVisible();
    } finally {
      await camera.close();
    }

    // The figures count each person once, by country and by category; the CSV lists the arrivals.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("link", { name: en.CheckIn.attendanceLink }).click();
    await expect(page.getByTestId("attendance-total")).toHaveText("3 people recorded of 3 confirmed delegates.");
    await expect(page.getByRole("table", { name: en.Attendance.byCategory })).toContainText(en.Category.observer);
    await expect(page.getByRole("table", { name: en.Attendance.byCountry })).toContainText(en.Country.BR);
    const csv = await page.request.get(`/api/secretariat/meetings/${CREDENTIALS_NOW.id}/attendance.csv?locale=en`);
    const rows = csvRecords(await csv.text());
    expect(rows.map((row) => row[en.Attendance.csvHeaders.name]).sort()).toEqual(
      [CREDENTIALS.simultaneous.name, CREDENTIALS.observing.name, CREDENTIALS.arriving.name].sort(),
    );

    // The organization's public page now lists the meeting among those it took part in.
    await page.goto(`/en/register/${CREDENTIALS.participant.slug}`);
    await expect(page.getByRole("region", { name: en.RegisterOrganization.meetingsTitle })).toContainText(CREDENTIALS_NOW.number);
    const api = (await (await page.request.get(`/api/v1/organizations/${CREDENTIALS.participant.slug}`)).json()) as {
      data: { meetings: { number: string; attended: boolean }[] };
    };
    expect(api.data.meetings).toContainEqual(expect.objectContaining({ number: CREDENTIALS_NOW.number, attended: true }));
  });
});

/**
 * Steps around meetings (editions) that e2e tests share, done through the app's pages as an
 * admin would. Tests that create editions must keep their windows in the future and clear of
 * the seed's open window (CURRENT_MEETING): other tests running at the same time apply into it.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { type Locale, messages } from "./catalog";

/** The edition db/seed.ts keeps open for applications (opened 30 days before seeding, closes 60 days after). */
export const CURRENT_MEETING = "XXIII";
export const MEETINGS_ACTIONS_FILE = "app/[locale]/(secretariat)/secretariat/meetings/actions.ts";

/** What the meeting form holds; dates as YYYY-MM-DD. */
export type MeetingFormValues = {
  number: string;
  hostCountry: string;
  city: string;
  startsOn: string;
  endsOn: string;
  applicationOpensOn: string;
  applicationClosesOn: string;
  nominationDeadlineOn: string;
  participantQuota: number;
  observerQuota: number;
};

/** A valid edition in `year`, far from the seed's window; override what a test is about. */
export function futureMeeting(number: string, year: number, overrides: Partial<MeetingFormValues> = {}): MeetingFormValues {
  return {
    number,
    hostCountry: "UY",
    city: "Montevideo",
    startsOn: `${year}-11-10`,
    endsOn: `${year}-11-11`,
    applicationOpensOn: `${year}-03-01`,
    applicationClosesOn: `${year}-06-30`,
    nominationDeadlineOn: `${year}-10-01`,
    participantQuota: 3,
    observerQuota: 2,
    ...overrides,
  };
}

const TEXT_FIELDS = ["number", "city"] as const;
const DATE_FIELDS = ["startsOn", "endsOn", "applicationOpensOn", "applicationClosesOn", "nominationDeadlineOn"] as const;
const QUOTA_FIELDS = ["participantQuota", "observerQuota"] as const;

/** The form's field for `name`, found by its visible label. */
export function meetingField(page: Page, locale: Locale, name: keyof MeetingFormValues) {
  return page.getByLabel(messages(locale).Meetings.field[name], { exact: true });
}

/** Fills the create or edit form (whatever it held before) without sending it. */
export async function fillMeetingForm(page: Page, locale: Locale, values: Partial<MeetingFormValues>): Promise<void> {
  for (const name of [...TEXT_FIELDS, ...DATE_FIELDS, ...QUOTA_FIELDS]) {
    if (values[name] !== undefined) await meetingField(page, locale, name).fill(String(values[name]));
  }
  if (values.hostCountry) await meetingField(page, locale, "hostCountry").selectOption(values.hostCountry);
}

/**
 * Types a date into a date field with the keyboard. The order of its day, month and year parts
 * follows the browser's language settings, so it tries month-first and, if the field did not
 * take the date, day-first.
 */
export async function typeDate(page: Page, field: Locator, day: string): Promise<void> {
  const [year, month, dayOfMonth] = day.split("-");
  await field.focus();
  await page.keyboard.type(`${month}${dayOfMonth}${year}`);
  if ((await field.inputValue()) !== day) {
    await field.focus();
    await page.keyboard.type(`${dayOfMonth}${month}${year}`);
  }
  await expect(field).toHaveValue(day);
}

/** Types the whole form with the keyboard alone, field by field, ending on the submit button. */
export async function typeMeetingFormByKeyboard(page: Page, locale: Locale, values: MeetingFormValues): Promise<void> {
  const keyboard = page.keyboard;
  const replace = async (name: keyof MeetingFormValues) => {
    await meetingField(page, locale, name).focus();
    await keyboard.press("ControlOrMeta+A");
    await keyboard.type(String(values[name]));
  };
  await replace("number");
  await keyboard.press("Tab");
  // Arrow keys step through the options (typing a name is timing-sensitive on a busy machine).
  const country = meetingField(page, locale, "hostCountry");
  await expect(country).toBeFocused();
  const optionCount = await country.locator("option").count();
  for (let step = 0; step < optionCount && (await country.inputValue()) !== values.hostCountry; step++) await keyboard.press("ArrowDown");
  await expect(country).toHaveValue(values.hostCountry);
  await replace("city");
  for (const name of DATE_FIELDS) await typeDate(page, meetingField(page, locale, name), values[name]);
  for (const name of QUOTA_FIELDS) await replace(name);
  // Past the member states' consultation fields, kept at their defaults, to the submit button.
  for (let field = 0; field < 3; field++) await keyboard.press("Tab");
}

/** Opens the new-edition form from the meetings list (admins only). */
export async function openNewMeetingForm(page: Page, locale: Locale): Promise<void> {
  const t = messages(locale);
  await page.goto(`/${locale}/secretariat/meetings`);
  await page.getByRole("link", { name: t.Meetings.new }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.Meetings.newTitle })).toBeVisible();
}

/** Sends the filled form and waits for the edition's page; returns its id. */
export async function submitMeetingForm(page: Page, locale: Locale, { created }: { created: boolean }): Promise<string> {
  const t = messages(locale).Meetings;
  await page.getByRole("button", { name: created ? t.create : t.save }).click();
  return savedMeetingId(page, locale, { created });
}

/** After the form was sent (by click or Enter): waits for the edition's page saying so; returns its id. */
export async function savedMeetingId(page: Page, locale: Locale, { created }: { created: boolean }): Promise<string> {
  const t = messages(locale).Meetings;
  await expect(page.getByRole("status").filter({ hasText: created ? t.created : t.saved })).toBeVisible();
  const match = /\/secretariat\/meetings\/([0-9a-f-]{36})\?/.exec(page.url());
  if (!match) throw new Error(`No meeting id in ${page.url()}`);
  return match[1]!;
}

/** Creates an edition through the form as a signed-in admin; returns its id. */
export async function createMeetingAsAdmin(page: Page, locale: Locale, values: MeetingFormValues): Promise<string> {
  await openNewMeetingForm(page, locale);
  await fillMeetingForm(page, locale, values);
  return submitMeetingForm(page, locale, { created: true });
}

/** A message of the catalogs as a pattern: its placeholders match the given texts or patterns. */
export function messagePattern(message: string, values: Record<string, string | RegExp>): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = message
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      const value = values[name];
      if (value === undefined) throw new Error(`No value for {${name}}`);
      return typeof value === "string" ? escape(value) : value.source;
    })
    .join("");
  return new RegExp(source);
}

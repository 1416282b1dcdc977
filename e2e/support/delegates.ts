/**
 * Steps of the delegate nominations, done through the app's pages as their users would: the
 * organization's member nominates on /applicant/organizations/{id}/delegates, the secretariat
 * decides on /secretariat/meetings/{id}/delegates.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { type Locale, messages } from "./catalog";

export const DELEGATE_ACTIONS_FILE = "app/[locale]/(applicant)/applicant/organizations/[organizationId]/delegates/actions.ts";
export const DECISION_ACTIONS_FILE = "app/[locale]/(secretariat)/secretariat/meetings/[id]/delegates/actions.ts";

export type DelegateInput = {
  name: string;
  email: string;
  role: string;
  nationality: string;
  accessibilityNeeds?: string;
  needsVisaLetter?: boolean;
  /** A coalition's member organization, by its name in the "on behalf of" list. */
  onBehalfOf?: string;
};

/** From the applicant's home, follows the organization's delegates link; returns the organization id. */
export async function openDelegatesPage(page: Page, locale: Locale, organizationName: string): Promise<string> {
  const t = messages(locale);
  await page.goto(`/${locale}/applicant`);
  await page.getByRole("article", { name: organizationName }).getByRole("link", { name: t.Delegates.homeLink }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.Delegates.title })).toBeVisible();
  const match = /\/organizations\/([0-9a-f-]{36})\/delegates/.exec(page.url());
  if (!match) throw new Error(`No organization id in ${page.url()}`);
  return match[1]!;
}

/** One meeting's part of the delegates page. */
export function meetingSection(page: Page, locale: Locale, meetingNumber: string): Locator {
  return page.getByRole("article", { name: messages(locale).Delegates.meetingTitle.replace("{meeting}", meetingNumber) });
}

/** The nomination form of a meeting's section. */
export function nominationForm(section: Locator, locale: Locale): Locator {
  return section.getByRole("region", { name: messages(locale).Delegates.nominateTitle });
}

/** Fills the delegate's details into a nomination, edit or substitution form (without sending it). */
export async function fillDelegate(form: Locator, locale: Locale, delegate: DelegateInput): Promise<void> {
  const t = messages(locale).DelegatesForm;
  await form.getByLabel(t.name, { exact: true }).fill(delegate.name);
  await form.getByLabel(t.email, { exact: true }).fill(delegate.email);
  await form.getByLabel(t.roleInOrganization, { exact: true }).fill(delegate.role);
  await form.getByLabel(t.nationality, { exact: true }).fill(delegate.nationality);
  await form.getByLabel(t.accessibilityNeeds, { exact: true }).fill(delegate.accessibilityNeeds ?? "");
  await form.getByLabel(t.needsVisaLetter, { exact: true }).setChecked(delegate.needsVisaLetter ?? false);
  if (delegate.onBehalfOf) await form.getByLabel(t.memberOrganization, { exact: true }).selectOption({ label: delegate.onBehalfOf });
}

/**
 * Nominates a delegate for the meeting through its form and waits for it in the meeting's list.
 * (The form's confirmation goes away with the form when this nomination fills the quota.)
 */
export async function nominateDelegate(page: Page, locale: Locale, meetingNumber: string, delegate: DelegateInput): Promise<void> {
  const t = messages(locale);
  const form = nominationForm(meetingSection(page, locale, meetingNumber), locale);
  await fillDelegate(form, locale, delegate);
  await form.getByRole("button", { name: t.DelegatesForm.nominate }).click();
  await expect(meetingSection(page, locale, meetingNumber).getByRole("listitem").filter({ hasText: delegate.email })).toBeVisible();
}

/** One nomination's entry on the secretariat's delegates page. */
export function staffDelegateEntry(page: Page, email: string): Locator {
  return page.getByRole("listitem").filter({ hasText: email });
}

/** A staff member confirms or declines a nomination on the meeting's delegates page (already open). */
export async function decideAsStaff(
  page: Page,
  locale: Locale,
  delegate: { name: string; email: string },
  decision: "confirm" | "decline",
  reason = "",
): Promise<void> {
  const t = messages(locale).DelegatesStaff;
  const entry = staffDelegateEntry(page, delegate.email);
  const group = entry.getByRole("group", { name: t.decision.replace("{name}", delegate.name) });
  await group.getByLabel(decision === "confirm" ? t.confirm : t.decline, { exact: true }).check();
  await entry.getByLabel(t.reason).fill(reason);
  await entry.getByRole("button", { name: t.decide }).click();
  const done = (decision === "confirm" ? t.confirmed : t.declined).replace("{name}", delegate.name);
  await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
}

/** Opens the secretariat's delegates page of a meeting, by address (the meetings pages link to it). */
export async function openMeetingDelegates(page: Page, locale: Locale, meetingId: string, query = ""): Promise<void> {
  await page.goto(`/${locale}/secretariat/meetings/${meetingId}/delegates${query}`);
  const number = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  expect(number).toContain(messages(locale).DelegatesStaff.title.split("{meeting}")[0]!.trim());
}

import type { Messages } from "./messages";

type Namespace = keyof Messages;

/** What the client components every visitor can meet translate with (the header, errors, sign-in). */
export const PUBLIC_CLIENT_NAMESPACES = ["ErrorPage", "LocaleSwitcher", "Nav", "Role", "SignIn", "UI"] as const satisfies readonly Namespace[];

/**
 * What each signed-in area's client components translate with (forms), on top of the public ones:
 * every page of an area carries its list, so an area carries only its own (tests/unit/client-messages.test.ts
 * follows each area's imports to check that nothing is missing).
 */
export const CLIENT_NAMESPACES_BY_AREA = {
  applicant: [
    ...PUBLIC_CLIENT_NAMESPACES,
    "ApplicantChoices",
    "ApplicantDocuments",
    "ApplicantForm",
    "ApplicantHome",
    "ApplicantPeople",
    "ApplicantReview",
    "ApplicantStatus",
    "Country",
    "Delegates",
    "DelegatesForm",
    "DelegatesStaff",
    "StateQuestions",
  ],
  secretariat: [
    ...PUBLIC_CLIENT_NAMESPACES,
    "Category",
    "CheckIn",
    "CheckInScanner",
    "Country",
    "Deferral",
    "DelegatesStaff",
    "MeetingReminders",
    "Meetings",
    "OrganizationAccreditation",
    "Review",
    "SecretariatLabels",
    "Staff",
  ],
  states: [...PUBLIC_CLIENT_NAMESPACES, "ConsultationForm"],
  account: [...PUBLIC_CLIENT_NAMESPACES, "Account"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientArea = keyof typeof CLIENT_NAMESPACES_BY_AREA;

/**
 * The part of a catalog sent to the browser: every message passed to the client provider is
 * serialized into each page's HTML, and public pages need almost none of the 50 kB catalog.
 */
export function pickMessages(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}

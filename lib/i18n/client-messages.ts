import type { Messages } from "./messages";

type Namespace = keyof Messages;

/** What the client components every visitor can meet translate with (the header, errors, sign-in). */
export const PUBLIC_CLIENT_NAMESPACES = ["ErrorPage", "LocaleSwitcher", "Nav", "Role", "SignIn", "UI"] as const satisfies readonly Namespace[];

/** What the applicant's and the secretariat's client components translate with (forms). */
export const SIGNED_IN_CLIENT_NAMESPACES = [
  ...PUBLIC_CLIENT_NAMESPACES,
  "Account",
  "ApplicantChoices",
  "ApplicantDocuments",
  "ApplicantForm",
  "ApplicantHome",
  "ApplicantPeople",
  "ApplicantReview",
  "ApplicantStatus",
  "CheckIn",
  "CheckInScanner",
  "Category",
  "ConsultationForm",
  "Deferral",
  "StateQuestions",
  "Country",
  "Delegates",
  "DelegatesForm",
  "DelegatesStaff",
  "MeetingReminders",
  "Meetings",
  "OrganizationAccreditation",
  "Review",
  "SecretariatLabels",
  "Staff",
] as const satisfies readonly Namespace[];

/**
 * The part of a catalog sent to the browser: every message passed to the client provider is
 * serialized into each page's HTML, and public pages need almost none of the 50 kB catalog.
 */
export function pickMessages(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}

/**
 * The authorization matrix's one expectation table: every server action (keyed by its file and
 * export, as in the build's server-reference manifest) and every route handler (method and
 * route, as in the build's app-paths manifest), which of the six actors may call it, and the
 * valid-looking input an attacker would send (organization A's ids, whoever calls).
 *
 * Adding a row: copy a neighbour, list who is allowed, give the page the action is posted from
 * and its fields. Rows run in this order (refused actors first, then allowed ones), so allowed
 * calls leave the application in the state the next row expects.
 */
import { seedPdf } from "@/db/seed-sections";
import { AUTHZ_DELEGATES, AUTHZ_DOMAIN } from "./fixtures/authorization";
import type { ActionField } from "./server-actions";

export const ACTORS = ["anonymous", "applicantA", "applicantB", "reviewer", "admin", "focalPoint", "deactivated"] as const;
export type ActorName = (typeof ACTORS)[number];

/** Organization A's ids and the staff the admin's allowed calls change, read from the app's pages. */
export type FixtureIds = {
  aDraftOrganization: string;
  aDraftApplication: string;
  aSubmittedOrganization: string;
  aSubmittedApplication: string;
  aDocument: string;
  roleTargetUser: string;
  deactivateTargetUser: string;
  aAccreditedOrganization: string;
  aToRevokeOrganization: string;
  /** In consultation, with a state's question passed on (aQuestion) and one still to pass on. */
  aConsultedApplication: string;
  aQuestion: string;
  meeting: string;
  /** The meeting's version as its edit form holds it (not an id: the fingerprint leaves it out). */
  meetingVersion: string;
  editedDelegate: string;
  declinedDelegate: string;
  withdrawnDelegate: string;
};

const EVERYONE = ACTORS;
const APPLICANTS = ["applicantA", "applicantB"] as const;
const OWNER = ["applicantA"] as const;
const STAFF = ["reviewer", "admin"] as const;
const ADMIN = ["admin"] as const;
const FOCAL_POINT = ["focalPoint"] as const;
const SIGNED_IN = ["applicantA", "applicantB", "reviewer", "admin", "focalPoint"] as const;

export type ActionRow = {
  allowed: readonly ActorName[];
  page: (ids: FixtureIds) => string;
  /** A form action's fields; `formOnly` for `<form action>` actions (no previous state). */
  fields?: (ids: FixtureIds, actor: ActorName) => Record<string, ActionField>;
  formOnly?: boolean;
  /** An action called with plain arguments instead of a FormData. */
  args?: (ids: FixtureIds) => unknown[];
  /** The action answers nothing (void): a refusal shows only as nothing changed. */
  silent?: boolean;
};

export type RouteRow = {
  allowed: readonly ActorName[];
  path: (ids: FixtureIds) => string;
  /** A body for POST routes, sent as a form. */
  form?: Record<string, string>;
  /** A body for POST routes, sent as multipart from the portal's own origin (as its pages send it). */
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
};

const APPLICANT_FILE = "app/[locale]/(applicant)/applicant/actions.ts";
const REVIEW_FILE = "app/[locale]/(secretariat)/secretariat/applications/[id]/actions.ts";
const STAFF_FILE = "app/[locale]/(secretariat)/secretariat/staff/actions.ts";
const DELIVERIES_FILE = "app/[locale]/(secretariat)/secretariat/deliveries/actions.ts";
const ROOT_FILE = "app/[locale]/actions.ts";
const ACCOUNT_FILE = "app/[locale]/(account)/account/actions.ts";
const SIGN_IN_FILE = "app/[locale]/(public)/sign-in/actions.ts";
const SIGN_IN_CONFIRM_FILE = "app/[locale]/(public)/sign-in/confirm/actions.ts";
const MEETINGS_FILE = "app/[locale]/(secretariat)/secretariat/meetings/actions.ts";
const DELEGATE_DECISION_FILE = "app/[locale]/(secretariat)/secretariat/meetings/[id]/delegates/actions.ts";
const LIFECYCLE_FILE = "app/[locale]/(secretariat)/secretariat/organizations/[id]/actions.ts";
const DELEGATES_FILE = "app/[locale]/(applicant)/applicant/organizations/[organizationId]/delegates/actions.ts";
const STATES_FILE = "app/[locale]/(states)/states/applications/[id]/actions.ts";
const CHECK_IN_FILE = "app/[locale]/(secretariat)/secretariat/meetings/[id]/check-in/actions.ts";

export const actionKey = (file: string, exportedName: string) => `${file}#${exportedName}`;

const review = (ids: FixtureIds) => `/es/secretariat/applications/${ids.aSubmittedApplication}`;
const draftWork = (ids: FixtureIds) => `/es/applicant/applications/${ids.aDraftApplication}/work`;
const submittedStatus = (ids: FixtureIds) => `/es/applicant/applications/${ids.aSubmittedApplication}`;
const ownDelegates = (ids: FixtureIds) => `/es/applicant/organizations/${ids.aAccreditedOrganization}/delegates`;
const accreditation = (ids: FixtureIds) => `/es/secretariat/organizations/${ids.aAccreditedOrganization}`;
const delegate = (label: string): Record<string, ActionField> => ({
  name: `Delegada Authz ${label}`,
  email: `${label.toLowerCase()}@${AUTHZ_DOMAIN}`,
  roleInOrganization: "Coordinadora",
  nationality: "UY",
  accessibilityNeeds: "",
  memberOrganizationId: "",
});
/** A meeting whose dates clash with no other suite's: far in the future, its window in `year`; the city names the suite. */
export const meetingFields = (number: string, year: number, city = "Ciudad Authz"): Record<string, ActionField> => ({
  number,
  hostCountry: "UY",
  city,
  startsOn: `${year + 1}-06-01`,
  endsOn: `${year + 1}-06-02`,
  applicationOpensOn: `${year}-01-01`,
  applicationClosesOn: `${year}-02-01`,
  nominationDeadlineOn: `${year + 1}-05-01`,
  participantQuota: "10",
  observerQuota: "10",
});
/** Carries the suite's marker: a row a refused call wrote with it (a history row naming no fixture id) still shows in the fingerprint. */
const text = (label: string) => `Texto de prueba Authz de autorización (${label}).`;

export const PDF = { name: "estatuto.pdf", mimeType: "application/pdf", buffer: Buffer.from(seedPdf("estatuto.pdf")) };

export const organizationFields = (label: string): Record<string, ActionField> => ({
  legalName: `Authz Nueva ${label}`,
  acronym: "",
  type: "ngo",
  country: "UY",
  city: "Montevideo",
  foundedYear: "2001",
  registryName: "Registro de Personas Jurídicas",
  registryNumber: `AUTHZ-${label}`,
  website: "https://authz.example.org",
  contactEmail: `contact-${label.toLowerCase()}@${AUTHZ_DOMAIN}`,
  countriesOfWork: ["UY"],
});

export const ACTION_TABLE: Record<string, ActionRow> = {
  // --- the secretariat's review of organization A's submitted application ---
  [actionKey(REVIEW_FILE, "assignApplicationAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, reviewerId: "" }),
  },
  [actionKey(REVIEW_FILE, "addInternalNoteAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, message: text("nota interna") }),
  },
  [actionKey(REVIEW_FILE, "sendApplicantMessageAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, message: text("mensaje") }),
  },
  [actionKey(REVIEW_FILE, "saveEligibilityAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, "met-non_profit": "on", "note-non_profit": text("criterio") }),
  },
  [actionKey(REVIEW_FILE, "startReviewAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication }),
  },
  [actionKey(REVIEW_FILE, "requestInformationAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, message: text("pedido"), sections: ["work"] }),
  },
  [actionKey(APPLICANT_FILE, "respondAction")]: {
    allowed: OWNER,
    page: submittedStatus,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, answer: text("respuesta") }),
  },
  [actionKey(REVIEW_FILE, "recommendApplicationAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, recommendation: "participant", rationale: text("recomendación") }),
  },
  // Staff share a document of a submitted application with the member states' focal points.
  [actionKey(REVIEW_FILE, "shareDocumentAction")]: {
    allowed: STAFF,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, documentId: ids.aDocument, shared: "true" }),
  },
  // Staff pass a state's question on to the organization (the second call finds it passed on: a conflict, not a refusal).
  [actionKey(REVIEW_FILE, "forwardQuestionAction")]: {
    allowed: STAFF,
    page: (ids) => `/es/secretariat/applications/${ids.aConsultedApplication}`,
    fields: (ids) => ({ applicationId: ids.aConsultedApplication, country: "UY" }),
  },
  // The organization answers a question passed on to it (the second call finds it answered: a conflict).
  [actionKey(APPLICANT_FILE, "replyToQuestionAction")]: {
    allowed: OWNER,
    page: (ids) => `/es/applicant/applications/${ids.aConsultedApplication}`,
    fields: (ids) => ({ applicationId: ids.aConsultedApplication, questionId: ids.aQuestion, reply: text("respuesta a un Estado miembro") }),
  },
  // The recommendation opened the member states' consultation: only a focal point answers it.
  [actionKey(STATES_FILE, "answerConsultationAction")]: {
    allowed: FOCAL_POINT,
    page: (ids) => `/es/states/applications/${ids.aSubmittedApplication}`,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, answer: "objection", criteria: "independent", reasons: text("objeción") }),
  },
  // Refused for the others before the decision below; the admin's deferral, citing a criterion, leaves the application deferred.
  [actionKey(REVIEW_FILE, "deferApplicationAction")]: {
    allowed: ADMIN,
    page: review,
    fields: (ids) => ({
      applicationId: ids.aSubmittedApplication,
      criteria: "funding_disclosed",
      reason: text("aplazamiento"),
      earlyCloseReason: text("cierre anticipado del aplazamiento"),
    }),
  },
  // A rejection: the admin's allowed decision leaves the public register (other suites' subject) as it was; it closes the consultation early.
  [actionKey(REVIEW_FILE, "decideApplicationAction")]: {
    allowed: ADMIN,
    page: review,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, decision: "reject", reason: text("decisión"), earlyCloseReason: text("cierre anticipado") }),
  },

  // --- organization A's draft ---
  [actionKey(APPLICANT_FILE, "createOrganizationAction")]: {
    allowed: APPLICANTS,
    page: () => "/es/applicant/organizations/new",
    fields: (_ids, actor) => organizationFields(actor),
  },
  [actionKey(APPLICANT_FILE, "saveSectionAction")]: {
    allowed: OWNER,
    page: draftWork,
    fields: (ids) => ({
      applicationId: ids.aDraftApplication,
      section: "work",
      themes: ["asylum"],
      populationsServed: text("poblaciones"),
      description: text("descripción"),
    }),
  },
  [actionKey(APPLICANT_FILE, "uploadDocumentAction")]: {
    allowed: OWNER,
    page: (ids) => `/es/applicant/applications/${ids.aDraftApplication}/documents`,
    fields: (ids) => ({ applicationId: ids.aDraftApplication, kind: "statute", file: PDF }),
  },
  [actionKey(APPLICANT_FILE, "removeDocumentAction")]: {
    allowed: OWNER,
    page: (ids) => `/es/applicant/applications/${ids.aDraftApplication}/documents`,
    fields: (ids) => ({ applicationId: ids.aDraftApplication, kind: "statute" }),
  },
  [actionKey(APPLICANT_FILE, "submitApplicationAction")]: {
    allowed: OWNER,
    page: (ids) => `/es/applicant/applications/${ids.aDraftApplication}/review`,
    fields: (ids) => ({ applicationId: ids.aDraftApplication }),
  },
  [actionKey(APPLICANT_FILE, "inviteColleagueAction")]: {
    allowed: OWNER,
    page: (ids) => `/es/applicant/organizations/${ids.aDraftOrganization}/people`,
    fields: (ids, actor) => ({ organizationId: ids.aDraftOrganization, email: `colleague-${actor.toLowerCase()}@${AUTHZ_DOMAIN}` }),
  },
  [actionKey(APPLICANT_FILE, "startApplicationAction")]: {
    allowed: OWNER,
    page: () => "/es/applicant",
    fields: (ids) => ({ organizationId: ids.aDraftOrganization }),
  },
  [actionKey(APPLICANT_FILE, "withdrawApplicationAction")]: {
    allowed: OWNER,
    page: submittedStatus,
    fields: (ids) => ({ applicationId: ids.aSubmittedApplication, confirm: "on", reason: text("retiro") }),
  },

  // --- organization A's delegates for the suite's meeting, and the secretariat's decisions ---
  [actionKey(DELEGATES_FILE, "nominateDelegateAction")]: {
    allowed: OWNER,
    page: ownDelegates,
    fields: (ids, actor) => ({ organizationId: ids.aAccreditedOrganization, meetingId: ids.meeting, ...delegate(`nominada-${actor}`) }),
  },
  [actionKey(DELEGATES_FILE, "editDelegateAction")]: {
    allowed: OWNER,
    page: ownDelegates,
    fields: (ids, actor) => ({ organizationId: ids.aAccreditedOrganization, delegateId: ids.editedDelegate, ...delegate(`editada-${actor}`) }),
  },
  // The reviewer confirms one nomination, the admin declines another.
  [actionKey(DELEGATE_DECISION_FILE, "decideDelegateAction")]: {
    allowed: STAFF,
    page: (ids) => `/es/secretariat/meetings/${ids.meeting}/delegates`,
    fields: (ids, actor) =>
      actor === "admin"
        ? { meetingId: ids.meeting, delegateId: ids.declinedDelegate, decision: "decline", reason: text("rechazo"), delegateName: "Authz" }
        : { meetingId: ids.meeting, delegateId: ids.editedDelegate, decision: "confirm", reason: "", delegateName: "Authz" },
  },
  // After the reviewer's confirmation above: a new letter and badge for the delegate it confirmed.
  [actionKey(DELEGATE_DECISION_FILE, "reissueCredentialAction")]: {
    allowed: STAFF,
    page: (ids) => `/es/secretariat/meetings/${ids.meeting}/delegates`,
    fields: (ids) => ({ meetingId: ids.meeting, delegateId: ids.editedDelegate }),
  },
  // A code no badge carries: staff get the entrance's answer, everyone else a refusal.
  [actionKey(CHECK_IN_FILE, "recordArrivalAction")]: {
    allowed: STAFF,
    page: (ids) => `/es/secretariat/meetings/${ids.meeting}/check-in`,
    fields: (ids) => ({ meetingId: ids.meeting, day: new Date().toISOString().slice(0, 10), code: "ZZZZ-ZZZZ-ZZZZ" }),
  },
  [actionKey(DELEGATES_FILE, "substituteDelegateAction")]: {
    allowed: OWNER,
    page: ownDelegates,
    fields: (ids, actor) => ({ organizationId: ids.aAccreditedOrganization, delegateId: ids.editedDelegate, ...delegate(`sustituta-${actor}`) }),
  },
  [actionKey(DELEGATES_FILE, "withdrawDelegateAction")]: {
    allowed: OWNER,
    page: ownDelegates,
    fields: (ids) => ({ organizationId: ids.aAccreditedOrganization, delegateId: ids.withdrawnDelegate }),
  },

  // --- the admin's accreditation lifecycle on organization A's accreditations (suspend, reinstate, recategorize; revoke the other) ---
  [actionKey(LIFECYCLE_FILE, "suspendAccreditationAction")]: {
    allowed: ADMIN,
    page: accreditation,
    fields: (ids) => ({ organizationId: ids.aAccreditedOrganization, reason: text("suspensión") }),
  },
  [actionKey(LIFECYCLE_FILE, "reinstateAccreditationAction")]: {
    allowed: ADMIN,
    page: accreditation,
    fields: (ids) => ({ organizationId: ids.aAccreditedOrganization, reason: text("rehabilitación") }),
  },
  [actionKey(LIFECYCLE_FILE, "changeAccreditationCategoryAction")]: {
    allowed: ADMIN,
    page: accreditation,
    fields: (ids) => ({ organizationId: ids.aAccreditedOrganization, category: "observer", reason: text("categoría") }),
  },
  [actionKey(LIFECYCLE_FILE, "revokeAccreditationAction")]: {
    allowed: ADMIN,
    page: (ids) => `/es/secretariat/organizations/${ids.aToRevokeOrganization}`,
    fields: (ids) => ({ organizationId: ids.aToRevokeOrganization, reason: text("revocación"), expectedStatus: "active", confirm: "yes" }),
  },

  // --- pending public-entry changes (reviewers and admins). The suite seeds none, so staff's allowed
  // call finds no change to act on; what it checks is that everyone else is refused and nothing changes.
  // tests/integration/profile-changes.test.ts and e2e/profile-changes.spec.ts cover the allowed calls. ---
  [actionKey(LIFECYCLE_FILE, "approveProfileChangeAction")]: {
    allowed: STAFF,
    page: accreditation,
    fields: (ids) => ({ organizationId: ids.aAccreditedOrganization, changeId: "a7c2e5b0-0000-4000-8000-00000000c401", revision: "1" }),
    silent: true,
  },
  [actionKey(LIFECYCLE_FILE, "refuseProfileChangeAction")]: {
    allowed: STAFF,
    page: accreditation,
    fields: (ids) => ({
      organizationId: ids.aAccreditedOrganization,
      changeId: "a7c2e5b0-0000-4000-8000-00000000c401",
      revision: "1",
      reason: text("rechazo"),
    }),
    silent: true,
  },

  // --- meetings ---
  [actionKey(MEETINGS_FILE, "createMeetingAction")]: {
    allowed: ADMIN,
    page: () => "/es/secretariat/meetings/new",
    fields: () => meetingFields("MMC", 2090),
  },
  [actionKey(MEETINGS_FILE, "updateMeetingAction")]: {
    allowed: ADMIN,
    page: (ids) => `/es/secretariat/meetings/${ids.meeting}`,
    fields: (ids) => ({ meetingId: ids.meeting, version: ids.meetingVersion, ...meetingFields("MMCI", 2091) }),
  },
  [actionKey(MEETINGS_FILE, "updateReminderScheduleAction")]: {
    allowed: ADMIN,
    page: (ids) => `/es/secretariat/meetings/${ids.meeting}`,
    fields: (ids) => ({
      meetingId: ids.meeting,
      version: ids.meetingVersion,
      draftReminderDays: "7, 1",
      infoRequestReminderDays: "7",
      nominationReminderDays: "5",
      reviewerReminderDays: "5",
    }),
  },

  // --- staff ---
  [actionKey(STAFF_FILE, "inviteStaffAction")]: {
    allowed: ADMIN,
    page: () => "/es/secretariat/staff",
    fields: (_ids, actor) => ({ email: `invited-${actor.toLowerCase()}@${AUTHZ_DOMAIN}`, role: "admin", locale: "es" }),
  },
  [actionKey(STAFF_FILE, "changeStaffRoleAction")]: {
    allowed: ADMIN,
    page: () => "/es/secretariat/staff",
    fields: (ids) => ({ userId: ids.roleTargetUser, role: "admin" }),
  },
  [actionKey(STAFF_FILE, "deactivateStaffAction")]: {
    allowed: ADMIN,
    page: () => "/es/secretariat/staff",
    fields: (ids) => ({ userId: ids.deactivateTargetUser }),
  },

  // --- deliveries ---
  [actionKey(DELIVERIES_FILE, "retryDeliveryAction")]: {
    allowed: ADMIN,
    page: () => "/es/secretariat/deliveries",
    fields: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
  },
  [actionKey(DELIVERIES_FILE, "retryAllDeliveriesAction")]: {
    allowed: ADMIN,
    page: () => "/es/secretariat/deliveries",
    fields: () => ({}),
  },

  // --- everyone's ---
  [actionKey(SIGN_IN_FILE, "requestSignInLinkAction")]: {
    allowed: EVERYONE,
    page: () => "/es/sign-in",
    fields: (_ids, actor) => ({ email: `sign-in-probe-${actor.toLowerCase()}@${AUTHZ_DOMAIN}` }),
  },
  // Anyone may try; what lets one in is the e-mail's secret (the link's token, or the code in the
  // browser that asked), not a role: a made-up one changes nothing (e2e/sign-in.spec.ts).
  [actionKey(SIGN_IN_FILE, "signInWithCodeAction")]: {
    allowed: EVERYONE,
    page: () => "/es/sign-in/check-email",
    fields: () => ({ code: "00000000" }),
    silent: true,
  },
  [actionKey(SIGN_IN_CONFIRM_FILE, "confirmSignInAction")]: {
    allowed: EVERYONE,
    page: () => "/es/sign-in/confirm?token=made-up",
    fields: () => ({ token: "made-up" }),
    silent: true,
  },
  [actionKey(ROOT_FILE, "rememberLocaleAction")]: {
    allowed: SIGNED_IN,
    page: () => "/es",
    args: () => ["pt"],
    silent: true,
  },
  // The box unticked: fixture staff keep their notices off, as seeded (other tests' notices would reach the fingerprinted rows).
  [actionKey(ACCOUNT_FILE, "updateStaffNoticesAction")]: {
    allowed: STAFF,
    page: () => "/es/account",
    fields: () => ({}),
  },
  // Without the confirmation box the allowed callers only get the validation error: no one is erased here.
  [actionKey(ACCOUNT_FILE, "eraseOwnAccountAction")]: {
    allowed: SIGNED_IN,
    page: () => "/es/account",
    fields: () => ({}),
  },
  // Last: it ends the caller's session.
  [actionKey(ROOT_FILE, "signOutAction")]: {
    allowed: EVERYONE,
    page: () => "/es",
    fields: () => ({ locale: "es" }),
    formOnly: true,
  },
};

export const ROUTE_TABLE: Record<string, RouteRow> = {
  "GET /api/auth/[...nextauth]": { allowed: EVERYONE, path: () => "/api/auth/session" },
  // Without Auth.js's CSRF token (only the app's own sign-in action holds one) a POST is refused for everyone alike.
  "POST /api/auth/[...nextauth]": { allowed: [], path: () => "/api/auth/signin/email", form: { email: `csrf-probe@${AUTHZ_DOMAIN}` } },
  "POST /api/applications/[id]/documents/[kind]": {
    allowed: OWNER,
    path: (ids) => `/api/applications/${ids.aDraftApplication}/documents/statute?locale=es`,
    multipart: { file: PDF },
  },
  "GET /api/documents/[id]": { allowed: ["applicantA", ...STAFF], path: (ids) => `/api/documents/${ids.aDocument}` },
  "GET /api/account/export": { allowed: SIGNED_IN, path: () => "/api/account/export" },
  "GET /api/health": { allowed: EVERYONE, path: () => "/api/health" },
  // Everyone gets an answer: their own account, or none.
  "GET /api/session": { allowed: EVERYONE, path: () => "/api/session" },
  "GET /api/register.csv": { allowed: EVERYONE, path: () => "/api/register.csv" },
  "GET /api/register.json": { allowed: EVERYONE, path: () => "/api/register.json" },
  "GET /api/v1/organizations": { allowed: EVERYONE, path: () => "/api/v1/organizations" },
  "GET /api/v1/organizations/[slug]": { allowed: EVERYONE, path: () => "/api/v1/organizations/caref" },
  "GET /api/pending.csv": { allowed: EVERYONE, path: () => "/api/pending.csv" },
  "GET /api/pending.json": { allowed: EVERYONE, path: () => "/api/pending.json" },
  "GET /api/v1/pending-applications": { allowed: EVERYONE, path: () => "/api/v1/pending-applications" },
  "GET /api/secretariat/queue": { allowed: STAFF, path: () => "/api/secretariat/queue" },
  "GET /api/secretariat/meetings/[id]/delegates.csv": { allowed: STAFF, path: (ids) => `/api/secretariat/meetings/${ids.meeting}/delegates.csv` },
  "GET /api/secretariat/meetings/[id]/badges": { allowed: STAFF, path: (ids) => `/api/secretariat/meetings/${ids.meeting}/badges` },
  "GET /api/secretariat/meetings/[id]/attendance.csv": { allowed: STAFF, path: (ids) => `/api/secretariat/meetings/${ids.meeting}/attendance.csv` },
  "GET /api/delegates/[id]/letter": { allowed: ["applicantA", ...STAFF], path: () => `/api/delegates/${AUTHZ_DELEGATES.confirmed}/letter` },
  "GET /api/secretariat/audit": { allowed: ADMIN, path: () => "/api/secretariat/audit" },
  "GET /robots.txt": { allowed: EVERYONE, path: () => "/robots.txt" },
  "GET /sitemap.xml": { allowed: EVERYONE, path: () => "/sitemap.xml" },
};

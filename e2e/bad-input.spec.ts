/**
 * Bad input: every form field of every action gets each value of the bad-input corpus
 * (support/bad-input.ts), posted directly over HTTP as the role allowed to use the form: the
 * applicant in Portuguese, the admin in English, a visitor in Spanish. Each must come back as
 * a refusal with a message from that language's catalog, never a server error, and leave the
 * suite's rows unchanged.
 */
import { seedPdf } from "@/db/seed-sections";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { BAD_FILES, BAD_VALUES, type FieldKind } from "./support/bad-input";
import { type Locale, messages } from "./support/catalog";
import { databaseFingerprint } from "./support/database-fingerprint";
import { meetingFields } from "./support/authorization-table";
import { BAD_INPUT_DELEGATE, BAD_INPUT_DOMAIN, BAD_INPUT_MEETING, badInput, badInputOrganizations } from "./support/fixtures/authorization";
import { anonymousContext, hiddenValue, idAfter, pageHtml, signInOverHttp } from "./support/http-sessions";
import { type ActionField, callServerAction, serverActionId } from "./support/server-actions";

type Ids = {
  draftOrganization: string;
  draftApplication: string;
  inReviewApplication: string;
  staffTarget: string;
  accreditedOrganization: string;
  suspendedOrganization: string;
  meeting: string;
  /** The meeting's edit form's version (not an id: the fingerprint leaves it out). */
  meetingVersion: string;
  delegate: string;
  consultationApplication: string;
  inReviewDocument: string;
  consultationQuestion: string;
};
type Who = "applicant" | "admin" | "visitor" | "focalPoint";
type Target = {
  action: string;
  file: string;
  who: Who;
  page: (ids: Ids) => string;
  valid: (ids: Ids) => Record<string, ActionField>;
  bad: Record<string, FieldKind | "file">;
};

const APPLICANT = "(applicant)/applicant/actions";
const REVIEW = "secretariat/applications/[id]/actions";
const STAFF = "secretariat/staff/actions";
const STATES = "(states)/states/applications/[id]/actions";
const DELEGATES = "applicant/organizations/[organizationId]/delegates/actions";
const DELEGATE_DECISION = "secretariat/meetings/[id]/delegates/actions";
const MEETINGS = "secretariat/meetings/actions";
const LIFECYCLE = "secretariat/organizations/[id]/actions";
const LOCALE: Record<Who, Locale> = { applicant: "pt", admin: "en", visitor: "es", focalPoint: "es" };
const PDF = { name: "estatuto.pdf", mimeType: "application/pdf", buffer: Buffer.from(seedPdf("estatuto.pdf")) };

const organization = {
  legalName: "Entrada Mala Nueva Fixture",
  acronym: "EMN",
  type: "ngo",
  country: "UY",
  city: "Montevideo",
  foundedYear: "1999",
  registryName: "Registro de Personas Jurídicas",
  registryNumber: "BAD-INPUT-001",
  website: "https://entrada-mala.example.org",
  contactEmail: `contacto@${BAD_INPUT_DOMAIN}`,
  countriesOfWork: "UY",
};
const organizationKinds: Record<string, FieldKind> = {
  legalName: "text",
  acronym: "optionalText",
  type: "choice",
  country: "choice",
  city: "text",
  foundedYear: "year",
  registryName: "text",
  registryNumber: "text",
  website: "url",
  contactEmail: "email",
  countriesOfWork: "list",
};
const draft = (ids: Ids) => `/pt/applicant/applications/${ids.draftApplication}`;
const review = (ids: Ids) => `/en/secretariat/applications/${ids.inReviewApplication}`;
const text = "Texto válido de prueba.";

const delegate = {
  name: "Delegada Entrada Mala Nueva",
  email: `nueva@${BAD_INPUT_DOMAIN}`,
  roleInOrganization: "Coordenadora",
  nationality: "BR",
  accessibilityNeeds: "",
  needsVisaLetter: "on",
};
const delegateKinds: Record<string, FieldKind> = {
  name: "text",
  email: "email",
  roleInOrganization: "text",
  nationality: "text",
  accessibilityNeeds: "optionalText",
  needsVisaLetter: "choice",
};
const ownDelegates = (ids: Ids) => `/pt/applicant/organizations/${ids.accreditedOrganization}/delegates`;
const meetingKinds: Record<string, FieldKind> = {
  number: "choice",
  hostCountry: "choice",
  city: "text",
  startsOn: "date",
  endsOn: "date",
  applicationOpensOn: "date",
  applicationClosesOn: "date",
  nominationDeadlineOn: "date",
  participantQuota: "count",
  observerQuota: "count",
};
const accreditation = (ids: Ids) => `/en/secretariat/organizations/${ids.accreditedOrganization}`;

const TARGETS: Target[] = [
  {
    action: "requestSignInLinkAction",
    file: "sign-in/actions",
    who: "visitor",
    page: () => "/es/sign-in",
    valid: () => ({ email: `visitor@${BAD_INPUT_DOMAIN}` }),
    bad: { email: "email" },
  },
  {
    action: "createOrganizationAction",
    file: APPLICANT,
    who: "applicant",
    page: () => "/pt/applicant/organizations/new",
    valid: () => ({ ...organization }),
    bad: organizationKinds,
  },
  {
    action: "saveSectionAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `${draft(ids)}/organization`,
    valid: (ids) => ({ applicationId: ids.draftApplication, section: "organization", ...organization, registryNumber: "BAD-INPUT-002" }),
    bad: { applicationId: "id", section: "choice", ...organizationKinds },
  },
  {
    action: "saveSectionAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `${draft(ids)}/work`,
    valid: (ids) => ({ applicationId: ids.draftApplication, section: "work", themes: "asylum", populationsServed: text, description: text }),
    bad: { themes: "list", populationsServed: "text", description: "text" },
  },
  {
    action: "saveSectionAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `${draft(ids)}/representation`,
    valid: (ids) => ({ applicationId: ids.draftApplication, section: "representation", isCoalition: "on", "members.0.name": text, "members.0.country": "UY" }),
    bad: { "members.0.name": "text", "members.0.country": "choice" },
  },
  {
    action: "saveSectionAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `${draft(ids)}/governance`,
    valid: (ids) => ({ applicationId: ids.draftApplication, section: "governance", fundingSources: text, independenceDeclared: "on" }),
    bad: { fundingSources: "text" },
  },
  {
    action: "uploadDocumentAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `${draft(ids)}/documents`,
    valid: (ids) => ({ applicationId: ids.draftApplication, kind: "statute", file: PDF }),
    bad: { applicationId: "id", kind: "choice", file: "file" },
  },
  {
    action: "removeDocumentAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `${draft(ids)}/documents`,
    valid: (ids) => ({ applicationId: ids.draftApplication, kind: "statute" }),
    bad: { applicationId: "id", kind: "choice" },
  },
  {
    action: "submitApplicationAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `${draft(ids)}/review`,
    valid: (ids) => ({ applicationId: ids.draftApplication }),
    bad: { applicationId: "id" },
  },
  {
    action: "respondAction",
    file: APPLICANT,
    who: "applicant",
    page: draft,
    valid: (ids) => ({ applicationId: ids.draftApplication, answer: text }),
    bad: { applicationId: "id", answer: "text" },
  },
  {
    action: "startApplicationAction",
    file: APPLICANT,
    who: "applicant",
    page: () => "/pt/applicant",
    valid: (ids) => ({ organizationId: ids.draftOrganization }),
    bad: { organizationId: "id" },
  },
  {
    action: "inviteColleagueAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `/pt/applicant/organizations/${ids.draftOrganization}/people`,
    valid: (ids) => ({ organizationId: ids.draftOrganization, email: `colega@${BAD_INPUT_DOMAIN}` }),
    bad: { organizationId: "id", email: "email" },
  },
  {
    action: "withdrawApplicationAction",
    file: APPLICANT,
    who: "applicant",
    page: draft,
    valid: (ids) => ({ applicationId: ids.draftApplication, confirm: "on", reason: text }),
    bad: { applicationId: "id", confirm: "choice", reason: "optionalText" },
  },
  {
    action: "assignApplicationAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, reviewerId: ids.staffTarget }),
    bad: { applicationId: "id" },
  },
  {
    action: "addInternalNoteAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, message: text }),
    bad: { applicationId: "id", message: "text" },
  },
  {
    action: "sendApplicantMessageAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, message: text }),
    bad: { applicationId: "id", message: "text" },
  },
  {
    action: "saveEligibilityAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, "met-non_profit": "on", "note-non_profit": text }),
    bad: { applicationId: "id", "note-non_profit": "optionalText" },
  },
  {
    action: "startReviewAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication }),
    bad: { applicationId: "id" },
  },
  {
    action: "requestInformationAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, message: text, sections: "work" }),
    bad: { applicationId: "id", message: "text", sections: "list" },
  },
  {
    action: "recommendApplicationAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, recommendation: "participant", rationale: text }),
    bad: { applicationId: "id", recommendation: "choice", rationale: "text" },
  },
  {
    action: "decideApplicationAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, decision: "participant", reason: text }),
    bad: { applicationId: "id", decision: "choice", reason: "text" },
  },
  {
    action: "forwardQuestionAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.consultationApplication, country: "AR" }),
    bad: { applicationId: "id", country: "choice" },
  },
  {
    action: "replyToQuestionAction",
    file: APPLICANT,
    who: "applicant",
    page: (ids) => `/pt/applicant/applications/${ids.consultationApplication}`,
    valid: (ids) => ({ applicationId: ids.consultationApplication, questionId: ids.consultationQuestion, reply: text }),
    bad: { applicationId: "id", questionId: "id", reply: "text" },
  },
  {
    action: "shareDocumentAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.inReviewApplication, documentId: ids.inReviewDocument, shared: "true" }),
    bad: { applicationId: "id", documentId: "id", shared: "choice" },
  },
  {
    action: "deferApplicationAction",
    file: REVIEW,
    who: "admin",
    page: review,
    valid: (ids) => ({ applicationId: ids.consultationApplication, criteria: "independent", reason: text, earlyCloseReason: text }),
    bad: { applicationId: "id", criteria: "list", reason: "text", earlyCloseReason: "optionalText" },
  },
  {
    action: "answerConsultationAction",
    file: STATES,
    who: "focalPoint",
    page: (ids) => `/es/states/applications/${ids.consultationApplication}`,
    valid: (ids) => ({ applicationId: ids.consultationApplication, answer: "objection", criteria: "independent", reasons: text }),
    bad: { applicationId: "id", answer: "choice", criteria: "list", reasons: "text" },
  },
  {
    action: "inviteStaffAction",
    file: STAFF,
    who: "admin",
    page: () => "/en/secretariat/staff",
    valid: () => ({ email: `invitada@${BAD_INPUT_DOMAIN}`, role: "state", stateCountry: "AR", locale: "es" }),
    bad: { email: "email", role: "choice", stateCountry: "choice" },
  },
  {
    action: "changeStaffRoleAction",
    file: STAFF,
    who: "admin",
    page: () => "/en/secretariat/staff",
    valid: (ids) => ({ userId: ids.staffTarget, role: "admin" }),
    bad: { userId: "id", role: "choice" },
  },
  {
    action: "deactivateStaffAction",
    file: STAFF,
    who: "admin",
    page: () => "/en/secretariat/staff",
    valid: (ids) => ({ userId: ids.staffTarget }),
    bad: { userId: "id" },
  },
  {
    action: "nominateDelegateAction",
    file: DELEGATES,
    who: "applicant",
    page: ownDelegates,
    valid: (ids) => ({ organizationId: ids.accreditedOrganization, meetingId: ids.meeting, ...delegate }),
    bad: { organizationId: "id", meetingId: "id", ...delegateKinds },
  },
  {
    action: "editDelegateAction",
    file: DELEGATES,
    who: "applicant",
    page: ownDelegates,
    valid: (ids) => ({ organizationId: ids.accreditedOrganization, delegateId: ids.delegate, ...delegate }),
    bad: { organizationId: "id", delegateId: "id", ...delegateKinds },
  },
  {
    action: "substituteDelegateAction",
    file: DELEGATES,
    who: "applicant",
    page: ownDelegates,
    valid: (ids) => ({ organizationId: ids.accreditedOrganization, delegateId: ids.delegate, ...delegate }),
    bad: { organizationId: "id", delegateId: "id", ...delegateKinds },
  },
  {
    action: "withdrawDelegateAction",
    file: DELEGATES,
    who: "applicant",
    page: ownDelegates,
    valid: (ids) => ({ organizationId: ids.accreditedOrganization, delegateId: ids.delegate }),
    bad: { organizationId: "id", delegateId: "id" },
  },
  {
    action: "decideDelegateAction",
    file: DELEGATE_DECISION,
    who: "admin",
    page: (ids) => `/en/secretariat/meetings/${ids.meeting}/delegates`,
    valid: (ids) => ({ meetingId: ids.meeting, delegateId: ids.delegate, decision: "decline", reason: text, delegateName: "Delegada" }),
    bad: { delegateId: "id", decision: "choice", reason: "text" },
  },
  {
    action: "reissueCredentialAction",
    file: DELEGATE_DECISION,
    who: "admin",
    page: (ids) => `/en/secretariat/meetings/${ids.meeting}/delegates`,
    valid: (ids) => ({ meetingId: ids.meeting, delegateId: ids.delegate }),
    bad: { delegateId: "id" },
  },
  {
    action: "recordArrivalAction",
    file: "check-in/actions",
    who: "admin",
    page: (ids) => `/en/secretariat/meetings/${ids.meeting}/check-in`,
    valid: (ids) => ({ meetingId: ids.meeting, day: new Date().toISOString().slice(0, 10), code: "ZZZZ-ZZZZ-ZZZZ" }),
    bad: { meetingId: "id", day: "date", code: "text" },
  },
  {
    action: "createMeetingAction",
    file: MEETINGS,
    who: "admin",
    page: () => "/en/secretariat/meetings/new",
    valid: () => meetingFields("MMCIII", 2093, "Entrada Mala"),
    bad: meetingKinds,
  },
  {
    action: "updateMeetingAction",
    file: MEETINGS,
    who: "admin",
    page: (ids) => `/en/secretariat/meetings/${ids.meeting}`,
    valid: (ids) => ({ meetingId: ids.meeting, version: ids.meetingVersion, ...meetingFields(BAD_INPUT_MEETING.number, 2094, "Entrada Mala") }),
    bad: { meetingId: "id", version: "text", ...meetingKinds },
  },
  {
    action: "suspendAccreditationAction",
    file: LIFECYCLE,
    who: "admin",
    page: accreditation,
    valid: (ids) => ({ organizationId: ids.accreditedOrganization, reason: text }),
    bad: { organizationId: "id", reason: "text" },
  },
  {
    action: "reinstateAccreditationAction",
    file: LIFECYCLE,
    who: "admin",
    page: (ids) => `/en/secretariat/organizations/${ids.suspendedOrganization}`,
    valid: (ids) => ({ organizationId: ids.suspendedOrganization, reason: text }),
    bad: { organizationId: "id", reason: "optionalText" },
  },
  {
    action: "revokeAccreditationAction",
    file: LIFECYCLE,
    who: "admin",
    page: accreditation,
    valid: (ids) => ({ organizationId: ids.accreditedOrganization, reason: text, expectedStatus: "active", confirm: "yes" }),
    bad: { organizationId: "id", reason: "text", expectedStatus: "choice", confirm: "choice" },
  },
  {
    action: "changeAccreditationCategoryAction",
    file: LIFECYCLE,
    who: "admin",
    page: accreditation,
    valid: (ids) => ({ organizationId: ids.accreditedOrganization, category: "observer", reason: text }),
    bad: { organizationId: "id", category: "choice", reason: "text" },
  },
];

/** Every string of a catalog: a refusal's message must be one of them, in the user's language. */
function catalogStrings(locale: Locale): Set<string> {
  const strings = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === "string") strings.add(node);
    else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(messages(locale));
  return strings;
}

const ERROR_STATE = /"status":"error","message":("(?:[^"\\]|\\.)*")/;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

test("every form field refuses every bad value with a message in the user's language, and nothing changes", async () => {
  test.setTimeout(480_000);
  const [applicant, admin, focalPoint] = await Promise.all([
    signInOverHttp(badInput.applicant.email),
    signInOverHttp(badInput.admin.email),
    signInOverHttp(badInput.focalPoint.email),
  ]);
  const fingerprintReader = await signInOverHttp(badInput.admin.email);
  const contexts: Record<Who, APIRequestContext> = { applicant: applicant!, admin: admin!, visitor: await anonymousContext(), focalPoint: focalPoint! };

  const home = await pageHtml(applicant!, "/pt/applicant");
  const staffPage = await pageHtml(admin!, "/en/secretariat/staff");
  const ids: Ids = {
    draftOrganization: idAfter(home, badInputOrganizations.draft.legalName, "/organizations/"),
    draftApplication: idAfter(home, badInputOrganizations.draft.legalName, "/applications/"),
    inReviewApplication: idAfter(home, badInputOrganizations.inReview.legalName, "/applications/"),
    staffTarget: idAfter(staffPage, badInput.staffTarget.email, 'name="userId" value="'),
    accreditedOrganization: idAfter(home, badInputOrganizations.accredited.legalName, "/organizations/"),
    suspendedOrganization: idAfter(home, badInputOrganizations.suspended.legalName, "/organizations/"),
    meeting: BAD_INPUT_MEETING.id,
    meetingVersion: hiddenValue(await pageHtml(admin!, `/en/secretariat/meetings/${BAD_INPUT_MEETING.id}`), "version"),
    delegate: BAD_INPUT_DELEGATE,
    consultationApplication: idAfter(home, badInputOrganizations.inConsultation.legalName, "/applications/"),
    inReviewDocument: "",
    consultationQuestion: "",
  };
  ids.consultationQuestion = hiddenValue(await pageHtml(applicant!, `/pt/applicant/applications/${ids.consultationApplication}`), "questionId");
  ids.inReviewDocument = idAfter(await pageHtml(applicant!, `/pt/applicant/applications/${ids.inReviewApplication}/documents`), "<main", "/api/documents/");
  const { meetingVersion: _version, ...rowIds } = ids;
  const fingerprint = databaseFingerprint(
    BAD_INPUT_DOMAIN,
    () => ["Entrada Mala", ...Object.values(rowIds)],
    () => fingerprintReader,
  );
  const catalogs = { es: catalogStrings("es"), pt: catalogStrings("pt"), en: catalogStrings("en") };
  const problems: string[] = [];
  let tried = 0;

  try {
    for (const target of TARGETS) {
      const locale = LOCALE[target.who];
      const cases = Object.entries(target.bad).flatMap(([field, kind]) =>
        kind === "file"
          ? Object.entries(BAD_FILES).map(([label, value]) => ({ field, label, value: value as ActionField }))
          : Object.entries(BAD_VALUES[kind]).map(([label, value]) => ({ field, label, value: value as ActionField })),
      );
      const before = await fingerprint.take();
      await inBatches(cases, 4, async ({ field, label, value }) => {
        const name = `${target.action} ${field}=${label}`;
        const response = await callServerAction(contexts[target.who], target.page(ids), serverActionId(target.action, target.file), {
          ...target.valid(ids),
          [field]: value,
        });
        tried++;
        const body = await response.text();
        if (response.status() >= 500) return void problems.push(`${name}: HTTP ${response.status()}`);
        if (response.headers()["x-action-redirect"]) return void problems.push(`${name}: accepted (redirected to ${response.headers()["x-action-redirect"]})`);
        const match = ERROR_STATE.exec(body);
        if (!match) return void problems.push(`${name}: no refusal (HTTP ${response.status()}) ${body.slice(0, 200)}`);
        const message = JSON.parse(match[1]!) as string;
        if (!catalogs[locale].has(message)) problems.push(`${name}: "${message}" is not from the ${locale} catalog`);
      });
      const after = await fingerprint.take();
      for (const [table, value] of Object.entries(after)) {
        if (before[table] !== value) problems.push(`${target.action} (${Object.keys(target.bad).join(", ")}): ${table} changed`);
      }
    }
  } finally {
    await fingerprint.close();
  }

  test
    .info()
    .annotations.push({ type: "figures", description: `${TARGETS.length} forms, ${tried} bad inputs (${fingerprint.method}), problems: ${problems.length}` });
  console.log(`[bad input] ${TARGETS.length} forms, ${tried} bad inputs tried (${fingerprint.method}), problems: ${problems.length}`);
  expect(problems).toEqual([]);
});

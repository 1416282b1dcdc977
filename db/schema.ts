import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  bigint,
  check,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ACCREDITATION_CATEGORIES,
  ACCREDITATION_STATUSES,
  APPLICATION_STATUSES,
  CONSULTATION_ANSWERS,
  DELEGATE_STATUSES,
  DOCUMENT_KINDS,
  ELIGIBILITY_CRITERIA,
  LOCALES,
  ORGANIZATION_TYPES,
  ROLES,
} from "@/lib/domain";
import { NOT_OPEN_STATUSES } from "@/lib/application-status";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/**
 * The predicate of partial indexes over the open applications (lib/application-status.ts), written as
 * "none of the closed statuses": a status added to an enum cannot be named in the transaction that adds it.
 * Queries filter with the same words (db/queries/application-statuses.ts): with a list of the open statuses
 * instead, PostgreSQL checks each row's status in the table rather than answering from the index alone.
 */
export const openStatus = (status: AnyPgColumn) => sql`${status} not in (${sql.raw(NOT_OPEN_STATUSES.map((value) => `'${value}'`).join(", "))})`;

export const roleEnum = pgEnum("user_role", ROLES);
export const localeEnum = pgEnum("locale", LOCALES);
export const organizationTypeEnum = pgEnum("organization_type", ORGANIZATION_TYPES);
export const applicationStatusEnum = pgEnum("application_status", APPLICATION_STATUSES);
export const accreditationCategoryEnum = pgEnum("accreditation_category", ACCREDITATION_CATEGORIES);
export const accreditationStatusEnum = pgEnum("accreditation_status", ACCREDITATION_STATUSES);
export const documentKindEnum = pgEnum("document_kind", DOCUMENT_KINDS);
export const eligibilityCriterionEnum = pgEnum("eligibility_criterion", ELIGIBILITY_CRITERIA);
export const delegateStatusEnum = pgEnum("delegate_status", DELEGATE_STATUSES);
export const historyKindEnum = pgEnum("history_kind", ["transition", "message", "note", "assignment"]);
export const memberRoleEnum = pgEnum("member_role", ["owner", "member"]);
export const consultationAnswerEnum = pgEnum("consultation_answer", CONSULTATION_ANSWERS);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed", "dead"]);

// --- people and sign-in (the Auth.js adapter's tables, extended) ---

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
    image: text("image"),
    role: roleEnum("role").notNull().default("applicant"),
    locale: localeEnum("locale"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Set when the person erased their account: name and address are gone, the id stays for the history. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    invitedById: text("invited_by_id"),
    /** Staff only: e-mail me when an application is submitted, answered or recommended. */
    staffNotices: boolean("staff_notices").notNull().default(true),
    /** Focal points only: the member state (lib/domain CSM_COUNTRIES) they answer consultations for. */
    stateCountry: text("state_country"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_role_idx").on(t.role),
    index("users_state_country_idx")
      .on(t.stateCountry)
      .where(sql`${t.stateCountry} is not null`),
    // Compared as text: the role "state" is added to its enum in the same migration.
    check("users_state_country_role", sql`(${t.role}::text = 'state') = (${t.stateCountry} is not null)`),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * One request to sign in: the link's token and the typed code are kept only as hashes; only a POST
 * consumes it, once, so mail scanners that open the link change nothing.
 */
export const signInChallenges = pgTable(
  "sign_in_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    codeHash: text("code_hash").notNull(),
    // Hash of the random value in the asking browser's cookie: the code works only there.
    clientKey: text("client_key").notNull(),
    codeAttempts: integer("code_attempts").notNull().default(0),
    email: text("email").notNull(),
    locale: localeEnum("locale").notNull(),
    callbackPath: text("callback_path").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sign_in_challenges_token_key").on(t.tokenHash), index("sign_in_challenges_expires_idx").on(t.expiresAt)],
);

// --- organizations ---

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    legalName: text("legal_name").notNull(),
    acronym: text("acronym"),
    type: organizationTypeEnum("type").notNull(),
    /** Null for regional networks registered outside any single CSM state. */
    country: text("country"),
    city: text("city"),
    foundedYear: integer("founded_year"),
    registryName: text("registry_name"),
    registryNumber: text("registry_number"),
    website: text("website"),
    contactEmail: text("contact_email"),
    countriesOfWork: text("countries_of_work")
      .array()
      .notNull()
      .default(sql`'{}'`),
    themes: text("themes")
      .array()
      .notNull()
      .default(sql`'{}'`),
    populationsServed: text("populations_served"),
    description: text("description"),
    isCoalition: boolean("is_coalition").notNull().default(false),
    fundingSources: text("funding_sources"),
    independenceDeclared: boolean("independence_declared").notNull().default(false),
    searchKey: text("search_key").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    uniqueIndex("organizations_registry_key").on(t.country, t.registryNumber),
    index("organizations_country_idx").on(t.country),
    index("organizations_type_idx").on(t.type),
    // The review queue's theme filter (themes @> '{x}').
    index("organizations_themes_idx").using("gin", t.themes),
    // Search by any part of the name, acronym or city (search_key LIKE '%…%'), in the queue, the organizations list and the register.
    index("organizations_search_key_trgm_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);

export const organizationMembers = pgTable(
  "organization_members",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRoleEnum("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("organization_members_user_idx").on(t.userId)],
);

export const organizationInvitations = pgTable(
  "organization_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("organization_invitations_email_idx").on(t.email)],
);

/** A coalition's member organizations: linked when the member is itself registered, else by name and country. */
export const coalitionMembers = pgTable(
  "coalition_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coalitionId: uuid("coalition_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    memberOrganizationId: uuid("member_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    country: text("country"),
  },
  (t) => [index("coalition_members_coalition_idx").on(t.coalitionId), index("coalition_members_member_idx").on(t.memberOrganizationId)],
);

// --- meetings ---

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    hostCountry: text("host_country").notNull(),
    city: text("city"),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    applicationOpensAt: timestamp("application_opens_at", { withTimezone: true }),
    applicationClosesAt: timestamp("application_closes_at", { withTimezone: true }),
    nominationDeadline: timestamp("nomination_deadline", { withTimezone: true }),
    participantQuota: integer("participant_quota").notNull().default(3),
    observerQuota: integer("observer_quota").notNull().default(2),
    // The reminder schedule (lib/reminder-schedule.ts): days before a deadline, or days of waiting.
    draftReminderDays: integer("draft_reminder_days")
      .array()
      .notNull()
      .default(sql`'{7,1}'`),
    infoRequestReminderDays: integer("info_request_reminder_days").notNull().default(7),
    nominationReminderDays: integer("nomination_reminder_days")
      .array()
      .notNull()
      .default(sql`'{5}'`),
    reviewerReminderDays: integer("reviewer_reminder_days").notNull().default(5),
    /** How long the member states have to answer once a reviewer recommends an application of this meeting. */
    consultationDays: integer("consultation_days").notNull().default(14),
    /** How many member states' objections send an application to the plenary; null: objections are advisory. */
    objectionThreshold: integer("objection_threshold"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("meetings_number_key").on(t.number)],
);

// --- applications and their history ---

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    status: applicationStatusEnum("status").notNull().default("draft"),
    requestedCategory: accreditationCategoryEnum("requested_category").notNull().default("participant"),
    isRenewal: boolean("is_renewal").notNull().default(false),
    /** Section answers keyed by section name; validated by the section's zod schema on every save. */
    sections: jsonb("sections").$type<Record<string, unknown>>().notNull().default({}),
    completedSections: text("completed_sections")
      .array()
      .notNull()
      .default(sql`'{}'`),
    assignedReviewerId: text("assigned_reviewer_id").references(() => users.id, { onDelete: "set null" }),
    recommendation: accreditationCategoryEnum("recommendation"),
    recommendsRejection: boolean("recommends_rejection").notNull().default(false),
    recommendationRationale: text("recommendation_rationale"),
    decisionReason: text("decision_reason"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("applications_status_submitted_idx").on(t.status, t.submittedAt),
    // The queue's count by status joins on the organization: an index-only scan, not 10,000 heap pages.
    index("applications_status_organization_idx").on(t.status, t.organizationId),
    index("applications_organization_idx").on(t.organizationId),
    index("applications_reviewer_idx").on(t.assignedReviewerId),
    index("applications_meeting_idx").on(t.meetingId),
    // The review queue's default orders, over every status.
    index("applications_submitted_idx").on(t.submittedAt, t.id),
    index("applications_updated_idx").on(t.updatedAt, t.id),
    // The queue opens on the open applications, oldest first, and the older rows are mostly decided:
    // read in order through every status, the page would step over all of them first.
    index("applications_open_submitted_idx").on(t.submittedAt, t.id).where(openStatus(t.status)),
    // "Assigned to me": a reviewer's decided applications outnumber the open ones as years pass.
    index("applications_open_reviewer_idx").on(t.assignedReviewerId, t.submittedAt, t.id).where(openStatus(t.status)),
  ],
);

/**
 * How many applications are in each status, per assigned reviewer ('' for none): the dashboard's figures.
 * Kept by triggers on applications (drizzle/0021_application_counts.sql), so every writer's transaction
 * updates it with its change and the figures never drift from the rows.
 */
export const applicationCounts = pgTable(
  "application_counts",
  {
    status: applicationStatusEnum("status").notNull(),
    reviewerId: text("reviewer_id").notNull().default(""),
    total: integer("total").notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.reviewerId] })],
);

/** Append-only: rows are inserted, never updated or deleted. */
export const applicationHistory = pgTable(
  "application_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: historyKindEnum("kind").notNull(),
    fromStatus: applicationStatusEnum("from_status"),
    toStatus: applicationStatusEnum("to_status"),
    message: text("message"),
    visibleToApplicant: boolean("visible_to_applicant").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("application_history_application_idx").on(t.applicationId, t.createdAt)],
);

/**
 * The member states' consultation on a recommended application: one per application, opened by the
 * recommendation. `closedAt` is set when it ends: at `closesAt` by the scheduler, or earlier by an
 * admin's decision with its reason.
 */
export const consultations = pgTable(
  "consultations",
  {
    applicationId: uuid("application_id")
      .primaryKey()
      .references(() => applications.id, { onDelete: "cascade" }),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedEarlyById: text("closed_early_by_id").references(() => users.id, { onDelete: "set null" }),
    closedEarlyReason: text("closed_early_reason"),
    /** The meeting's rule when the consultation opened (null: advisory), so a later edit does not change it. */
    objectionThreshold: integer("objection_threshold"),
    /** Where the plenary's decision is recorded, for an application the rule sent there. */
    plenaryReference: text("plenary_reference"),
  },
  (t) => [
    index("consultations_open_idx")
      .on(t.closesAt)
      .where(sql`${t.closedAt} is null`),
  ],
);

/**
 * A member state's question, passed on to the organization by the secretariat (once per state and
 * application) and tracked like an information request: when it was forwarded, the answer, when.
 */
export const consultationQuestions = pgTable(
  "consultation_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    country: text("country").notNull(),
    question: text("question").notNull(),
    forwardedById: text("forwarded_by_id").references(() => users.id, { onDelete: "set null" }),
    forwardedAt: timestamp("forwarded_at", { withTimezone: true }).notNull().defaultNow(),
    reply: text("reply"),
    repliedById: text("replied_by_id").references(() => users.id, { onDelete: "set null" }),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("consultation_questions_state_key").on(t.applicationId, t.country)],
);

/** An admin's deferral of an application to the next meeting instead of a decision: the statute criteria it rests on and why. */
export const applicationDeferrals = pgTable(
  "application_deferrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    fromMeetingId: uuid("from_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    toMeetingId: uuid("to_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    criteria: eligibilityCriterionEnum("criteria").array().notNull(),
    reason: text("reason").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("application_deferrals_application_idx").on(t.applicationId, t.createdAt)],
);

/** A member state's answer; changeable (same row) until the consultation closes. */
export const consultationAnswers = pgTable(
  "consultation_answers",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => consultations.applicationId, { onDelete: "cascade" }),
    country: text("country").notNull(),
    answer: consultationAnswerEnum("answer").notNull(),
    criteria: eligibilityCriterionEnum("criteria")
      .array()
      .notNull()
      .default(sql`'{}'`),
    reasons: text("reasons"),
    answeredById: text("answered_by_id").references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.country] })],
);

export const eligibilityChecks = pgTable(
  "eligibility_checks",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    criterion: eligibilityCriterionEnum("criterion").notNull(),
    met: boolean("met").notNull(),
    note: text("note"),
    checkedById: text("checked_by_id").references(() => users.id, { onDelete: "set null" }),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.criterion] })],
);

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: documentKindEnum("kind").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    /** Marked by the secretariat: the member states' focal points may read it during the consultation. */
    sharedWithStates: boolean("shared_with_states").notNull().default(false),
    uploadedById: text("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("documents_application_kind_key").on(t.applicationId, t.kind)],
);

/** The default document store: bytes in PostgreSQL, addressed by storage key. */
export const documentBlobs = pgTable("document_blobs", {
  storageKey: text("storage_key").primaryKey(),
  bytes: bytea("bytes").notNull(),
  createdAt: createdAt(),
});

// --- accreditations ---

export const accreditations = pgTable(
  "accreditations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    category: accreditationCategoryEnum("category").notNull(),
    status: accreditationStatusEnum("status").notNull().default("active"),
    reason: text("reason"),
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "set null" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("accreditations_organization_key").on(t.organizationId), index("accreditations_status_category_idx").on(t.status, t.category)],
);

export const accreditationHistory = pgTable(
  "accreditation_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accreditationId: uuid("accreditation_id")
      .notNull()
      .references(() => accreditations.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    category: accreditationCategoryEnum("category").notNull(),
    reason: text("reason"),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("accreditation_history_accreditation_idx").on(t.accreditationId, t.createdAt)],
);

/** The public fields of a change an accredited organization proposed, and what they were when it did. */
export type PublicProfileFields = {
  legalName?: string;
  acronym?: string | null;
  type?: (typeof ORGANIZATION_TYPES)[number];
  country?: string | null;
  city?: string | null;
  foundedYear?: number | null;
  website?: string | null;
  countriesOfWork?: string[];
  themes?: string[];
  populationsServed?: string | null;
  description?: string | null;
  isCoalition?: boolean;
  /** Not a column: the coalition's rows in coalition_members, by name. */
  coalitionMembers?: { name: string; country: string | null }[];
};

export const profileChangeStatusEnum = pgEnum("profile_change_status", ["pending", "approved", "refused", "published"]);

/**
 * Changes to the public entry of an accredited organization wait here for the secretariat; the
 * register keeps showing `organizations` as decided. At most one pending change per organization.
 */
export const profileChanges = pgTable(
  "profile_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: profileChangeStatusEnum("status").notNull().default("pending"),
    before: jsonb("before").$type<PublicProfileFields>().notNull(),
    after: jsonb("after").$type<PublicProfileFields>().notNull(),
    /** Raised by every edit, so staff act on the proposal they read and not on a later one. */
    revision: integer("revision").notNull().default(1),
    proposedBy: text("proposed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    message: text("message"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("profile_changes_pending_key")
      .on(t.organizationId)
      .where(sql`${t.status} = 'pending'`),
    index("profile_changes_status_idx").on(t.status, t.createdAt),
    index("profile_changes_organization_idx").on(t.organizationId, t.createdAt),
  ],
);

// --- delegates ---

export const delegates = pgTable(
  "delegates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    memberOrganizationId: uuid("member_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    roleInOrganization: text("role_in_organization"),
    nationality: text("nationality"),
    accessibilityNeeds: text("accessibility_needs"),
    needsVisaLetter: boolean("needs_visa_letter").notNull().default(false),
    status: delegateStatusEnum("status").notNull().default("nominated"),
    decisionReason: text("decision_reason"),
    /** The delegate this one substitutes (that one is then withdrawn). */
    replacesDelegateId: uuid("replaces_delegate_id").references((): AnyPgColumn => delegates.id, { onDelete: "set null" }),
    nominatedById: text("nominated_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("delegates_meeting_organization_idx").on(t.meetingId, t.organizationId),
    index("delegates_meeting_status_idx").on(t.meetingId, t.status),
    // One live nomination per person and meeting, whichever organization nominates them.
    uniqueIndex("delegates_meeting_email_key")
      .on(t.meetingId, sql`lower(${t.email})`)
      .where(sql`${t.status} in ('nominated', 'confirmed')`),
  ],
);

/**
 * The verification code printed on a confirmed delegate's letter of invitation and badge (the badge's QR
 * code carries it signed). At most one live code per delegate; a new letter or a change of the delegate
 * revokes the old one, so a lost or superseded badge stops working.
 */
export const delegateCredentials = pgTable(
  "delegate_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    delegateId: uuid("delegate_id")
      .notNull()
      .references(() => delegates.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    issuedById: text("issued_by_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    uniqueIndex("delegate_credentials_live_key")
      .on(t.delegateId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** One arrival per delegate and day of the meeting: two phones scanning one badge at once record one. */
export const attendance = pgTable(
  "attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    delegateId: uuid("delegate_id")
      .notNull()
      .references(() => delegates.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    arrivedAt: timestamp("arrived_at", { withTimezone: true }).notNull().defaultNow(),
    recordedById: text("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("attendance_delegate_day_key").on(t.delegateId, t.day),
    index("attendance_meeting_day_idx").on(t.meetingId, t.day),
    index("attendance_organization_idx").on(t.organizationId, t.meetingId),
  ],
);

// --- infrastructure: mail, rate limits, audit ---

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** What the message reports (sign-in, decision, …): the delivery page filters on it. */
    kind: text("kind").notNull().default("notice"),
    /** The change it reports, so the same notice is never queued twice. */
    dedupeKey: text("dedupe_key").unique(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // A message carrying a secret (a sign-in link and code): the text kept in its place once it is
    // delivered or `sensitive_until` has passed.
    redactedText: text("redacted_text"),
    sensitiveUntil: timestamp("sensitive_until", { withTimezone: true }),
    /** A PDF made when the message is sent, so a secret-free row describes it: the badge of this credential. */
    badgeCredentialId: uuid("badge_credential_id").references(() => delegateCredentials.id, { onDelete: "set null" }),
  },
  (t) => [
    index("email_outbox_created_idx").on(t.createdAt),
    index("email_outbox_status_idx").on(t.status, t.createdAt),
    index("email_outbox_sensitive_idx")
      .on(t.sensitiveUntil)
      .where(sql`${t.redactedText} is not null`),
  ],
);

/** Fixed-window counters shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    // Names as they were when the entry was written, so the log still reads after a rename or erasure.
    actorName: text("actor_name"),
    targetName: text("target_name"),
    organizationName: text("organization_name"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt), index("audit_log_action_idx").on(t.action)],
);

/**
 * One row: a number that database triggers (drizzle/0004) raise in the same transaction as any
 * change the public register shows, so every instance can tell its cached register is out of
 * date with one primary-key read (docs/register-cache.md).
 */
export const registerRevisionCounter = pgTable("register_revision", {
  id: smallint("id").primaryKey().default(1),
  revision: bigint("revision", { mode: "number" }).notNull().default(0),
  // Drawn once per database: every database counts from 0, and Next's data cache (.next/cache)
  // outlives the database a server was pointed at, so the key needs both.
  databaseId: uuid("database_id").notNull().defaultRandom(),
});

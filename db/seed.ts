import { and, eq, inArray, sql } from "drizzle-orm";
import { PIPELINE, type Transition } from "@/lib/application-status";
import type { ApplicationStatus, ConsultationAnswer, EligibilityCriterion, Locale, Role } from "@/lib/domain";
import { searchKey } from "@/lib/search-key";
import type { Database, Transaction } from "./client";
import * as schema from "./schema";
import {
  ACCREDITATION_LIFECYCLE_DEMO,
  ACCREDITED_ORGANIZATIONS,
  DEMO_ACCOUNTS,
  DEMO_APPLICANT_ORGANIZATIONS,
  DEMO_ORGANIZATIONS,
  PRIVATE_SEED_VALUES,
  type SeedOrganization,
} from "./seed-data";
import { completedSections, seedDocuments, seedProfile, seedSections } from "./seed-sections";

const PATHS: Record<ApplicationStatus, Transition[]> = {
  draft: [],
  submitted: ["submit"],
  in_review: ["submit", "start_review"],
  info_requested: ["submit", "start_review", "request_info"],
  in_consultation: ["submit", "start_review", "recommend"],
  recommended: ["submit", "start_review", "recommend", "close_consultation"],
  deferred: ["submit", "start_review", "recommend", "close_consultation", "defer"],
  accredited_participant: ["submit", "start_review", "recommend", "close_consultation", "decide_participant"],
  accredited_observer: ["submit", "start_review", "recommend", "close_consultation", "decide_observer"],
  rejected: ["submit", "start_review", "recommend", "close_consultation", "decide_reject"],
  withdrawn: ["submit", "withdraw"],
};

const DAY = 24 * 60 * 60 * 1000;

async function upsertUser(
  tx: Transaction,
  email: string,
  role: Role,
  name: string | null,
  locale: Locale | null = "es",
  stateCountry: string | null = null,
): Promise<string> {
  await tx.insert(schema.users).values({ email, role, name, locale, stateCountry, emailVerified: new Date() }).onConflictDoNothing();
  const [user] = await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
  return user!.id;
}

async function upsertOrganization(tx: Transaction, org: SeedOrganization): Promise<string> {
  await tx
    .insert(schema.organizations)
    .values({
      slug: org.slug,
      legalName: org.legalName,
      acronym: org.acronym ?? null,
      type: org.type,
      country: org.country,
      city: org.city ?? null,
      countriesOfWork: org.countriesOfWork,
      themes: org.themes,
      isCoalition: org.isCoalition ?? false,
      ...seedProfile(org),
      searchKey: searchKey(org.legalName, org.acronym),
    })
    .onConflictDoNothing();
  const [row] = await tx.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.slug, org.slug));
  return row!.id;
}

async function seedApplication(
  tx: Transaction,
  org: SeedOrganization,
  organizationId: string,
  status: ApplicationStatus,
  meetingId: string,
  actors: { applicant: string; reviewer: string; admin: string },
  startedAt: Date,
  isRenewal = false,
): Promise<void> {
  const [existing] = await tx
    .select({ id: schema.applications.id })
    .from(schema.applications)
    .where(eq(schema.applications.organizationId, organizationId))
    .limit(1);
  if (existing) return;
  const path = PATHS[status];
  const at = (step: number) => new Date(startedAt.getTime() + step * 3 * DAY);
  const decided = status === "accredited_participant" || status === "accredited_observer" || status === "rejected";
  // Submitted applications hold the full answers, from the profile; the demo draft is half filled.
  const coalitionMembers = ACCREDITED_ORGANIZATIONS.filter((member) => member.memberOf === org.slug).map((member) => ({
    name: member.legalName,
    country: member.country!,
  }));
  const sections = seedSections(org, coalitionMembers, status !== "draft");
  if (isRenewal) sections.renewal = { report: "Participamos en la reunión anterior con dos delegadas y presentamos un informe sobre regularización." };
  const documents = status === "draft" ? [] : seedDocuments(org, sections);
  const [application] = await tx
    .insert(schema.applications)
    .values({
      organizationId,
      meetingId,
      status,
      isRenewal,
      requestedCategory: org.requestedCategory ?? "participant",
      sections,
      completedSections: completedSections(
        sections,
        documents.map((document) => document.kind),
      ),
      submittedAt: path.length > 0 ? at(1) : null,
      decidedAt: decided ? at(path.length) : null,
      assignedReviewerId: path.includes("start_review") ? actors.reviewer : null,
      recommendation: path.includes("recommend") ? (status === "accredited_observer" ? "observer" : "participant") : null,
      recommendsRejection: status === "rejected",
      recommendationRationale: path.includes("recommend") ? "Cumple los criterios de elegibilidad." : null,
      decisionReason: decided ? "Decisión de la Secretaría Técnica." : null,
      createdAt: at(0),
      updatedAt: at(path.length),
    })
    .returning({ id: schema.applications.id });
  for (const document of documents) {
    const storageKey = `db:seed-${application!.id}-${document.kind}`;
    await tx.insert(schema.documentBlobs).values({ storageKey, bytes: document.bytes });
    await tx.insert(schema.documents).values({
      applicationId: application!.id,
      kind: document.kind,
      fileName: document.fileName,
      contentType: "application/pdf",
      size: document.bytes.length,
      sha256: document.sha256,
      storageKey,
      createdAt: at(1),
    });
  }
  let from: ApplicationStatus = "draft";
  for (const [index, transition] of path.entries()) {
    const rule = PIPELINE[transition];
    const actorId =
      rule.roles.length === 0 ? null : rule.roles.includes("applicant") ? actors.applicant : rule.roles.includes("reviewer") ? actors.reviewer : actors.admin;
    await tx.insert(schema.applicationHistory).values({
      applicationId: application!.id,
      actorId,
      kind: "transition",
      fromStatus: from,
      toStatus: rule.to,
      message:
        transition === "request_info"
          ? "Por favor, adjunte el último informe de actividades."
          : transition === "defer"
            ? "Falta el informe de actividades del último año."
            : null,
      visibleToApplicant: true,
      data: transition === "request_info" ? { transition, sections: ["documents"] } : { transition },
      createdAt: at(index + 1),
    });
    from = rule.to;
  }
  if (path.includes("recommend")) {
    // The member states' consultation: still open for the demo's application in consultation, closed for the others.
    const opensAt = at(path.indexOf("recommend") + 1);
    const closesAt = path.includes("close_consultation") ? at(path.indexOf("close_consultation") + 1) : new Date(Date.now() + 10 * DAY);
    await tx
      .insert(schema.consultations)
      .values({ applicationId: application!.id, opensAt, closesAt, closedAt: path.includes("close_consultation") ? closesAt : null });
  }
  if (path.includes("defer")) {
    await tx.insert(schema.applicationDeferrals).values({
      applicationId: application!.id,
      fromMeetingId: meetingId,
      criteria: ["two_years_activity"],
      reason: "Falta el informe de actividades del último año.",
      actorId: actors.admin,
      createdAt: at(path.indexOf("defer") + 1),
    });
  }
  if (status === "accredited_participant" || status === "accredited_observer") {
    const category = status === "accredited_participant" ? "participant" : "observer";
    const [accreditation] = await tx
      .insert(schema.accreditations)
      .values({ organizationId, category, applicationId: application!.id, grantedAt: at(path.length) })
      .onConflictDoNothing()
      .returning({ id: schema.accreditations.id });
    if (accreditation) {
      await tx.insert(schema.accreditationHistory).values({
        accreditationId: accreditation.id,
        event: "granted",
        category,
        actorId: actors.admin,
        createdAt: at(path.length),
      });
    }
  }
}

/** The public register's demo cases: a suspended and a revoked accreditation, and private values it must hide. */
async function seedRegisterExtras(tx: Transaction, meetingId: string, actors: { applicant: string; reviewer: string; admin: string }): Promise<void> {
  for (const org of ACCREDITATION_LIFECYCLE_DEMO) {
    const id = await upsertOrganization(tx, org);
    await seedApplication(tx, org, id, "accredited_participant", meetingId, actors, new Date("2024-03-12T12:00:00Z"));
    const [accreditation] = await tx
      .update(schema.accreditations)
      .set({ status: org.event, reason: org.reason, updatedAt: new Date("2025-06-01T12:00:00Z") })
      .where(and(eq(schema.accreditations.organizationId, id), eq(schema.accreditations.status, "active")))
      .returning({ id: schema.accreditations.id });
    if (accreditation) {
      await tx.insert(schema.accreditationHistory).values({
        accreditationId: accreditation.id,
        event: org.event,
        category: "participant",
        reason: org.reason,
        actorId: actors.admin,
        createdAt: new Date("2025-06-01T12:00:00Z"),
      });
    }
  }

  const [owner] = await tx
    .update(schema.organizations)
    .set({ contactEmail: PRIVATE_SEED_VALUES.contactEmail })
    .where(eq(schema.organizations.slug, PRIVATE_SEED_VALUES.organizationSlug))
    .returning({ id: schema.organizations.id });
  const [application] = await tx
    .select({ id: schema.applications.id })
    .from(schema.applications)
    .where(eq(schema.applications.organizationId, owner!.id))
    .limit(1);
  const [noted] = await tx
    .select({ id: schema.applicationHistory.id })
    .from(schema.applicationHistory)
    .where(and(eq(schema.applicationHistory.applicationId, application!.id), eq(schema.applicationHistory.kind, "note")));
  if (!noted) {
    await tx.insert(schema.applicationHistory).values({
      applicationId: application!.id,
      actorId: actors.reviewer,
      kind: "note",
      message: PRIVATE_SEED_VALUES.internalNote,
      visibleToApplicant: false,
      createdAt: new Date("2024-03-20T12:00:00Z"),
    });
  }
}

/**
 * The edition taking applications, dated from the moment of seeding so the demo always has an
 * open window: it opened 30 days ago and closes in 60; nominations close in 75 days, and the
 * meeting takes place in 90.
 */
const CURRENT_MEETING_NUMBER = "XXIII";

function currentMeeting(now: number): typeof schema.meetings.$inferInsert {
  const day = (offset: number) => new Date(now + offset * DAY);
  return {
    number: CURRENT_MEETING_NUMBER,
    hostCountry: "BR",
    city: "Brasília",
    startsOn: day(90).toISOString().slice(0, 10),
    endsOn: day(91).toISOString().slice(0, 10),
    applicationOpensAt: day(-30),
    applicationClosesAt: day(60),
    nominationDeadline: day(75),
  };
}

/** The demo applicant's accredited organization nominates its delegate for the open meeting, once. */
async function seedDemoNomination(tx: Transaction, meetingId: string, applicantId: string): Promise<void> {
  const { delegate } = DEMO_APPLICANT_ORGANIZATIONS;
  const [organization] = await tx
    .select({ id: schema.organizations.id })
    .from(schema.organizations)
    .where(eq(schema.organizations.slug, DEMO_APPLICANT_ORGANIZATIONS.accredited));
  const [nominated] = await tx
    .select({ id: schema.delegates.id })
    .from(schema.delegates)
    .where(and(eq(schema.delegates.meetingId, meetingId), eq(schema.delegates.email, delegate.email)));
  if (nominated) return;
  await tx.insert(schema.delegates).values({ meetingId, organizationId: organization!.id, ...delegate, nominatedById: applicantId });
}

/**
 * The long-accredited organizations each sent one delegate to the XXII CSM, who was recorded at the
 * entrance: their public pages list it among the meetings they took part in.
 */
async function seedPastAttendance(tx: Transaction, meetingId: string, organizationIds: Map<string, string>): Promise<void> {
  for (const [slug, organizationId] of organizationIds) {
    const email = `delegacion@${slug}.example.org`;
    const [existing] = await tx
      .select({ id: schema.delegates.id })
      .from(schema.delegates)
      .where(and(eq(schema.delegates.meetingId, meetingId), eq(schema.delegates.email, email)));
    if (existing) continue;
    const [delegate] = await tx
      .insert(schema.delegates)
      .values({ meetingId, organizationId, name: `Delegación ${slug}`, email, status: "confirmed", decidedAt: new Date("2024-10-15T12:00:00Z") })
      .returning({ id: schema.delegates.id });
    await tx
      .insert(schema.attendance)
      .values({ meetingId, delegateId: delegate!.id, organizationId, day: "2024-11-01", arrivedAt: new Date("2024-11-01T13:00:00Z") });
  }
}

/** The demo's open consultation: Brazil has answered, Argentina (the demo focal point) has not; the statute is shared with the states. */
async function seedDemoConsultation(tx: Transaction): Promise<void> {
  const [application] = await tx
    .select({ id: schema.applications.id })
    .from(schema.applications)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.applications.organizationId))
    .where(and(eq(schema.organizations.slug, "demo-consultation"), eq(schema.applications.status, "in_consultation")));
  if (!application) return;
  await tx
    .insert(schema.consultationAnswers)
    .values({ applicationId: application.id, country: "BR", answer: "no_objection", reasons: "Sem objeção: trabalho reconhecido na fronteira." })
    .onConflictDoNothing();
  await tx
    .update(schema.documents)
    .set({ sharedWithStates: true })
    .where(and(eq(schema.documents.applicationId, application.id), eq(schema.documents.kind, "statute")));
}

/** Demo data; safe to run again (it adds only what is missing). */
export async function seedDatabase(db: Database): Promise<typeof DEMO_ACCOUNTS> {
  await db.transaction(async (tx) => {
    const admin = await upsertUser(tx, DEMO_ACCOUNTS.admin, "admin", "Admin (demo)");
    const reviewer = await upsertUser(tx, DEMO_ACCOUNTS.reviewer, "reviewer", "Reviewer (demo)");
    const applicant = await upsertUser(tx, DEMO_ACCOUNTS.applicant, "applicant", "Applicant (demo)");
    const actors = { admin, reviewer, applicant };
    await upsertUser(tx, DEMO_ACCOUNTS.stateArgentina, "state", "Punto focal Argentina (demo)", "es", "AR");
    await upsertUser(tx, DEMO_ACCOUNTS.stateBrazil, "state", "Ponto focal Brasil (demo)", "pt", "BR");

    await tx
      .insert(schema.meetings)
      .values([
        { number: "XXI", hostCountry: "PE", city: "Lima", startsOn: "2023-12-05", endsOn: "2023-12-06" },
        {
          number: "XXII",
          hostCountry: "CO",
          startsOn: "2024-11-01",
          applicationOpensAt: new Date("2024-03-01T00:00:00Z"),
          applicationClosesAt: new Date("2024-08-31T23:59:59Z"),
        },
        currentMeeting(Date.now()),
      ])
      .onConflictDoNothing();
    const meetings = await tx
      .select({ id: schema.meetings.id, number: schema.meetings.number })
      .from(schema.meetings)
      .where(inArray(schema.meetings.number, ["XXI", "XXII", CURRENT_MEETING_NUMBER]));
    const xxii = meetings.find((m) => m.number === "XXII")!.id;
    const current = meetings.find((m) => m.number === CURRENT_MEETING_NUMBER)!.id;

    const ids = new Map<string, string>();
    for (const org of ACCREDITED_ORGANIZATIONS) {
      const id = await upsertOrganization(tx, org);
      ids.set(org.slug, id);
      await seedApplication(tx, org, id, "accredited_participant", xxii, actors, new Date("2024-03-10T12:00:00Z"));
    }
    for (const org of ACCREDITED_ORGANIZATIONS.filter((o) => o.memberOf)) {
      const coalitionId = ids.get(org.memberOf!)!;
      const memberId = ids.get(org.slug)!;
      const [linked] = await tx
        .select({ id: schema.coalitionMembers.id })
        .from(schema.coalitionMembers)
        .where(eq(schema.coalitionMembers.memberOrganizationId, memberId));
      if (!linked) {
        await tx.insert(schema.coalitionMembers).values({ coalitionId, memberOrganizationId: memberId, name: org.legalName, country: org.country });
      }
    }

    for (const [index, org] of DEMO_ORGANIZATIONS.entries()) {
      const id = await upsertOrganization(tx, org);
      if (org.slug === DEMO_APPLICANT_ORGANIZATIONS.draft || org.slug === DEMO_APPLICANT_ORGANIZATIONS.accredited) {
        await tx.insert(schema.organizationMembers).values({ organizationId: id, userId: applicant, role: "owner" }).onConflictDoNothing();
      }
      // A draft is started in the window open now; decided applications were filed under the XXII CSM.
      await seedApplication(tx, org, id, org.status, org.status === "draft" ? current : xxii, actors, new Date(Date.now() - (30 - index) * DAY));
    }
    await seedDemoConsultation(tx);
    await seedDemoNomination(tx, current, applicant);
    await seedPastAttendance(tx, xxii, ids);
    await seedRegisterExtras(tx, xxii, actors);
  });
  return DEMO_ACCOUNTS;
}

export type ScenarioUser = {
  email: string;
  role: Role;
  locale?: Locale | null;
  name?: string;
  deactivated?: boolean;
  staffNotices?: boolean;
  /** A focal point's member state (role "state" only). */
  stateCountry?: string;
};
/**
 * An organization with one application in `status` (history, sections and documents as the demo's), and its
 * members; `memberOf` (a coalition's slug, seeded in the same scenario) links it to that coalition.
 */
export type ScenarioOrganization = SeedOrganization & {
  status: ApplicationStatus;
  members?: string[];
  /** An accredited organization's accreditation, suspended or revoked after the decision. */
  accreditationStatus?: "suspended" | "revoked";
  /** A renewal by an organization whose accreditation (participant) is in force. */
  renewal?: boolean;
  /** Declared in the application: its members would be at risk if it were named in public. */
  membersAtRisk?: boolean;
  /** An application in consultation: when its window closes (past: closed, not yet processed by the scheduler) and the states' answers. */
  consultation?: {
    closesAt: Date;
    /** A question `forwarded` was passed on to the organization by the secretariat. */
    answers?: { country: string; answer: ConsultationAnswer; criteria?: EligibilityCriterion[]; reasons?: string; forwarded?: boolean }[];
  };
};
/** A meeting of the scenario's own (dates relative to the run, so deadlines can be open or passed). */
export type ScenarioMeeting = {
  /** A fixed id lets a test open the meeting's secretariat pages by address. */
  id?: string;
  number: string;
  hostCountry?: string;
  city?: string;
  startsOn: string;
  /** The last day, when the meeting lasts more than one. */
  endsOn?: string;
  nominationDeadline: Date;
  participantQuota?: number;
  observerQuota?: number;
};
/** A nomination of a scenario organization (by slug) for a scenario meeting, still awaiting the secretariat. */
export type ScenarioDelegate = {
  /** A fixed id lets a test name the delegate in a direct call. */
  id: string;
  meetingId: string;
  organizationSlug: string;
  name: string;
  email: string;
  /** "nominated" unless given; a withdrawn one may keep the (revoked) code its badge was printed with. */
  status?: "confirmed" | "withdrawn";
  revokedCode?: string;
};
export type Scenario = { users?: ScenarioUser[]; organizations?: ScenarioOrganization[]; meetings?: ScenarioMeeting[]; delegates?: ScenarioDelegate[] };

/**
 * Extra accounts and applications on top of the demo data, for a known starting point (the e2e
 * suite seeds its fixtures with it before its server starts). Safe to run again.
 */
export async function seedScenario(db: Database, scenario: Scenario): Promise<void> {
  await db.transaction(async (tx) => {
    const actors = {
      admin: await upsertUser(tx, DEMO_ACCOUNTS.admin, "admin", "Admin (demo)"),
      reviewer: await upsertUser(tx, DEMO_ACCOUNTS.reviewer, "reviewer", "Reviewer (demo)"),
      applicant: await upsertUser(tx, DEMO_ACCOUNTS.applicant, "applicant", "Applicant (demo)"),
    };
    for (const user of scenario.users ?? []) {
      const id = await upsertUser(tx, user.email, user.role, user.name ?? null, user.locale ?? null, user.stateCountry ?? null);
      if (user.deactivated) await tx.update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, id));
      if (user.staffNotices !== undefined) await tx.update(schema.users).set({ staffNotices: user.staffNotices }).where(eq(schema.users.id, id));
    }
    const [meeting] = await tx.select({ id: schema.meetings.id }).from(schema.meetings).where(eq(schema.meetings.number, "XXII"));
    for (const [index, org] of (scenario.organizations ?? []).entries()) {
      const id = await upsertOrganization(tx, org);
      for (const email of org.members ?? []) {
        const userId = await upsertUser(tx, email, "applicant", null, null);
        await tx.insert(schema.organizationMembers).values({ organizationId: id, userId, role: "owner" }).onConflictDoNothing();
      }
      if (org.renewal) await seedActiveAccreditation(tx, id, actors.admin);
      await seedApplication(tx, org, id, org.status, meeting!.id, actors, new Date(Date.now() - (60 - index) * DAY), org.renewal);
      if (org.accreditationStatus) await changeAccreditationStatus(tx, id, org.accreditationStatus, actors.admin);
      if (org.consultation) await seedConsultation(tx, id, org.consultation);
      if (org.membersAtRisk) {
        await tx
          .update(schema.applications)
          .set({ sections: sql`jsonb_set(${schema.applications.sections}, '{declarations,membersAtRisk}', 'true'::jsonb)` })
          .where(eq(schema.applications.organizationId, id));
      }
    }
    for (const org of scenario.organizations ?? []) if (org.memberOf) await linkCoalitionMember(tx, org);
    for (const meeting of scenario.meetings ?? []) {
      await tx
        .insert(schema.meetings)
        .values({
          ...(meeting.id ? { id: meeting.id } : {}),
          number: meeting.number,
          hostCountry: meeting.hostCountry ?? "BR",
          city: meeting.city ?? "Brasília",
          startsOn: meeting.startsOn,
          endsOn: meeting.endsOn ?? meeting.startsOn,
          nominationDeadline: meeting.nominationDeadline,
          participantQuota: meeting.participantQuota ?? 3,
          observerQuota: meeting.observerQuota ?? 2,
        })
        .onConflictDoNothing();
    }
    for (const delegate of scenario.delegates ?? []) await seedDelegate(tx, delegate);
  });
}

async function seedConsultation(tx: Transaction, organizationId: string, consultation: NonNullable<ScenarioOrganization["consultation"]>): Promise<void> {
  const [application] = await tx.select({ id: schema.applications.id }).from(schema.applications).where(eq(schema.applications.organizationId, organizationId));
  await tx.update(schema.consultations).set({ closesAt: consultation.closesAt }).where(eq(schema.consultations.applicationId, application!.id));
  for (const answer of consultation.answers ?? []) {
    await tx
      .insert(schema.consultationAnswers)
      .values({
        applicationId: application!.id,
        country: answer.country,
        answer: answer.answer,
        criteria: answer.criteria ?? [],
        reasons: answer.reasons ?? null,
      })
      .onConflictDoNothing();
    if (answer.forwarded && answer.reasons) {
      await tx
        .insert(schema.consultationQuestions)
        .values({ applicationId: application!.id, country: answer.country, question: answer.reasons })
        .onConflictDoNothing();
    }
  }
}

async function seedDelegate(tx: Transaction, delegate: ScenarioDelegate): Promise<void> {
  const [organization] = await tx
    .select({ id: schema.organizations.id })
    .from(schema.organizations)
    .where(eq(schema.organizations.slug, delegate.organizationSlug));
  if (!organization) throw new Error(`seedScenario: organization ${delegate.organizationSlug} of delegate ${delegate.email} is not seeded`);
  await tx
    .insert(schema.delegates)
    .values({
      id: delegate.id,
      meetingId: delegate.meetingId,
      organizationId: organization.id,
      name: delegate.name,
      email: delegate.email,
      roleInOrganization: "Coordinadora",
      nationality: "UY",
      status: delegate.status ?? "nominated",
    })
    .onConflictDoNothing();
  if (delegate.revokedCode) {
    await tx
      .insert(schema.delegateCredentials)
      .values({ delegateId: delegate.id, code: delegate.revokedCode, revokedAt: new Date(), revokedReason: "withdrawn" })
      .onConflictDoNothing();
  }
}

async function changeAccreditationStatus(tx: Transaction, organizationId: string, status: "suspended" | "revoked", adminId: string): Promise<void> {
  const [accreditation] = await tx
    .update(schema.accreditations)
    .set({ status, reason: "Decisión de la Secretaría Técnica.", updatedAt: new Date() })
    .where(and(eq(schema.accreditations.organizationId, organizationId), eq(schema.accreditations.status, "active")))
    .returning({ id: schema.accreditations.id, category: schema.accreditations.category });
  if (accreditation) {
    await tx.insert(schema.accreditationHistory).values({
      accreditationId: accreditation.id,
      event: status,
      category: accreditation.category,
      reason: "Decisión de la Secretaría Técnica.",
      actorId: adminId,
    });
  }
}

/** Links a scenario organization to its coalition (both by slug), once. */
async function linkCoalitionMember(tx: Transaction, org: SeedOrganization): Promise<void> {
  const rows = await tx
    .select({ id: schema.organizations.id, slug: schema.organizations.slug })
    .from(schema.organizations)
    .where(inArray(schema.organizations.slug, [org.slug, org.memberOf!]));
  const memberId = rows.find((row) => row.slug === org.slug)?.id;
  const coalitionId = rows.find((row) => row.slug === org.memberOf)?.id;
  if (!memberId || !coalitionId) throw new Error(`seedScenario: coalition ${org.memberOf} of ${org.slug} is not seeded`);
  const [linked] = await tx
    .select({ id: schema.coalitionMembers.id })
    .from(schema.coalitionMembers)
    .where(and(eq(schema.coalitionMembers.coalitionId, coalitionId), eq(schema.coalitionMembers.memberOrganizationId, memberId)));
  if (!linked) await tx.insert(schema.coalitionMembers).values({ coalitionId, memberOrganizationId: memberId, name: org.legalName, country: org.country });
}

async function seedActiveAccreditation(tx: Transaction, organizationId: string, adminId: string): Promise<void> {
  const [accreditation] = await tx
    .insert(schema.accreditations)
    .values({ organizationId, category: "participant", grantedAt: new Date("2024-06-01T12:00:00Z") })
    .onConflictDoNothing()
    .returning({ id: schema.accreditations.id });
  if (accreditation) {
    await tx.insert(schema.accreditationHistory).values({
      accreditationId: accreditation.id,
      event: "granted",
      category: "participant",
      actorId: adminId,
      createdAt: new Date("2024-06-01T12:00:00Z"),
    });
  }
}

import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { consultationAnswerSchema, type ConsultationAnswerInput, DEFAULT_CONSULTATION_DAYS, CONSULTATION_REMINDER_DAYS } from "@/lib/consultation";
import {
  type AccreditationCategory,
  type ConsultationAnswer,
  CSM_COUNTRIES,
  type CountryCode,
  DEFAULT_LOCALE,
  type DocumentKind,
  type EligibilityCriterion,
  type Locale,
  type OrganizationType,
} from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import { type Executor, getDb, type Transaction } from "../client";
import { applicationHistory, applications, consultationAnswers, consultations, documents, eligibilityChecks, meetings, organizations, users } from "../schema";
import { recordAudit } from "./audit";
import { queueNotices, type Notice } from "./outbox";
import { publicColumns } from "./profile-changes";
import { organizationName } from "./application-organization";

const DAY = 24 * 60 * 60 * 1000;

export type ConsultationWindow = {
  opensAt: Date;
  closesAt: Date;
  open: boolean;
  closedEarly: { reason: string; by: string | null } | null;
  /** The meeting's rule: how many objections send the application to the plenary (null: advisory). */
  objectionThreshold: number | null;
};

export type StateAnswer = {
  country: CountryCode;
  answer: ConsultationAnswer;
  criteria: EligibilityCriterion[];
  reasons: string | null;
  answeredAt: Date;
};

export type ConsultationListItem = {
  applicationId: string;
  organization: string;
  country: string | null;
  type: OrganizationType;
  requestedCategory: AccreditationCategory;
  closesAt: Date;
  open: boolean;
  ownAnswer: ConsultationAnswer | null;
};

export type StateConsultation = {
  applicationId: string;
  organization: {
    legalName: string;
    acronym: string | null;
    type: OrganizationType;
    country: string | null;
    city: string | null;
    foundedYear: number | null;
    website: string | null;
    countriesOfWork: string[];
    themes: string[];
    populationsServed: string | null;
    description: string | null;
    isCoalition: boolean;
  };
  requestedCategory: AccreditationCategory;
  recommendation: { category: AccreditationCategory | null; rejection: boolean; rationale: string | null };
  eligibility: { criterion: EligibilityCriterion; met: boolean }[];
  window: ConsultationWindow;
  ownAnswer: StateAnswer | null;
  /** Every state's answer, once the window has closed; null while it is open. */
  answers: StateAnswer[] | null;
  /** The documents the secretariat shares with the member states. */
  documents: { id: string; kind: DocumentKind; fileName: string; size: number }[];
};

export type SecretariatConsultation = {
  window: ConsultationWindow;
  answers: (StateAnswer & { answeredBy: string | null })[];
  /** The objections reached the rule: the plenary decides, and the decision records its reference. */
  toPlenary: boolean;
  plenaryReference: string | null;
  /** The member states that have not answered (yet, while the window is open). */
  silent: CountryCode[];
};

/** The focal point's state; an account of role "state" without one (never written so) reaches nothing. */
function stateOf(actor: Actor): CountryCode {
  const country = actor.stateCountry;
  if (!country || !(CSM_COUNTRIES as readonly string[]).includes(country)) throw new AppError("forbidden", "focal point without a state");
  return country as CountryCode;
}

const isOpen = (row: { closedAt: Date | null; closesAt: Date }, now: Date) => row.closedAt === null && row.closesAt > now;

function windowOf(
  row: {
    opensAt: Date;
    closesAt: Date;
    closedAt: Date | null;
    closedEarlyReason: string | null;
    closedEarlyBy?: string | null;
    objectionThreshold: number | null;
  },
  now: Date,
): ConsultationWindow {
  return {
    opensAt: row.opensAt,
    closesAt: row.closedAt ?? row.closesAt,
    open: isOpen(row, now),
    closedEarly: row.closedEarlyReason ? { reason: row.closedEarlyReason, by: row.closedEarlyBy ?? null } : null,
    objectionThreshold: row.objectionThreshold,
  };
}

const answerColumns = {
  country: consultationAnswers.country,
  answer: consultationAnswers.answer,
  criteria: consultationAnswers.criteria,
  reasons: consultationAnswers.reasons,
  answeredAt: consultationAnswers.answeredAt,
};
const toAnswer = (row: {
  country: string;
  answer: ConsultationAnswer;
  criteria: EligibilityCriterion[];
  reasons: string | null;
  answeredAt: Date;
}): StateAnswer => ({
  ...row,
  country: row.country as CountryCode,
});

/** Active focal points, each in their language: who hears that a consultation opened or is closing. */
async function focalPoints(executor: Executor): Promise<{ id: string; email: string; locale: Locale | null }[]> {
  return executor
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "state"), isNull(users.deactivatedAt), isNull(users.erasedAt)));
}

/**
 * Opens the member states' consultation on an application just recommended, inside the
 * recommendation's transaction, for the meeting's number of days; every active focal point is
 * e-mailed in their language.
 */
export async function openConsultation(tx: Transaction, applicationId: string, now = new Date()): Promise<{ closesAt: Date }> {
  const [meeting] = await tx
    .select({ days: meetings.consultationDays, objectionThreshold: meetings.objectionThreshold })
    .from(applications)
    .leftJoin(meetings, eq(meetings.id, applications.meetingId))
    .where(eq(applications.id, applicationId));
  const closesAt = new Date(now.getTime() + (meeting?.days ?? DEFAULT_CONSULTATION_DAYS) * DAY);
  await tx.insert(consultations).values({ applicationId, opensAt: now, closesAt, objectionThreshold: meeting?.objectionThreshold ?? null });
  const organization = await organizationName(tx, applicationId);
  const recipients = await focalPoints(tx);
  await queueNotices(
    tx,
    recipients.map((recipient) => {
      const locale = recipient.locale ?? DEFAULT_LOCALE;
      const t = translator(locale, "StateEmail.opened");
      const date = closesAt.toLocaleDateString(locale, { dateStyle: "long", timeZone: "UTC" });
      return {
        to: recipient.email,
        kind: "consultation-opened",
        key: `consultation-opened:${applicationId}:${recipient.id}`,
        subject: t("subject", { organization }),
        text: `${t("body", { organization, date })}\n\n${new URL(`/${locale}/states/applications/${applicationId}`, publicOrigin())}\n\n${t("footer")}`,
      } satisfies Notice;
    }),
  );
  return { closesAt };
}

/** The consultations a focal point answers: open ones first (closing soonest first), then the last closed ones. */
export async function stateConsultations(actor: Actor | null, now = new Date()): Promise<ConsultationListItem[]> {
  assertCan(actor, "consultation:answer");
  const country = stateOf(actor);
  const db = await getDb();
  const rows = await db
    .select({
      applicationId: consultations.applicationId,
      organization: organizations.legalName,
      country: organizations.country,
      type: organizations.type,
      requestedCategory: applications.requestedCategory,
      closesAt: consultations.closesAt,
      closedAt: consultations.closedAt,
      ownAnswer: consultationAnswers.answer,
    })
    .from(consultations)
    .innerJoin(applications, eq(applications.id, consultations.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(consultationAnswers, and(eq(consultationAnswers.applicationId, consultations.applicationId), eq(consultationAnswers.country, country)))
    .orderBy(
      sql`${consultations.closedAt} is not null`,
      sql`case when ${consultations.closedAt} is null then ${consultations.closesAt} end asc`,
      desc(consultations.closedAt),
    )
    .limit(200);
  return rows.map(({ closedAt, ...row }) => ({ ...row, open: isOpen({ closedAt, closesAt: row.closesAt }, now), closesAt: closedAt ?? row.closesAt }));
}

/** One consultation as a focal point sees it: the organization's public profile, the recommendation, the checklist's result, their answer. */
export async function stateConsultation(actor: Actor | null, applicationId: string, now = new Date()): Promise<StateConsultation> {
  assertCan(actor, "consultation:answer");
  const country = stateOf(actor);
  const db = await getDb();
  const [row] = await db
    .select({
      consultation: consultations,
      requestedCategory: applications.requestedCategory,
      recommendation: applications.recommendation,
      recommendsRejection: applications.recommendsRejection,
      rationale: applications.recommendationRationale,
      organization: publicColumns,
    })
    .from(consultations)
    .innerJoin(applications, eq(applications.id, consultations.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(consultations.applicationId, applicationId));
  if (!row) throw new AppError("not_found");
  const window = windowOf(row.consultation, now);
  const [eligibility, answers, shared] = await Promise.all([
    db
      .select({ criterion: eligibilityChecks.criterion, met: eligibilityChecks.met })
      .from(eligibilityChecks)
      .where(eq(eligibilityChecks.applicationId, applicationId))
      .orderBy(asc(eligibilityChecks.criterion)),
    db
      .select(answerColumns)
      .from(consultationAnswers)
      // While the window is open a state reads its own answer only.
      .where(and(eq(consultationAnswers.applicationId, applicationId), window.open ? eq(consultationAnswers.country, country) : undefined))
      .orderBy(asc(consultationAnswers.country)),
    db
      .select({ id: documents.id, kind: documents.kind, fileName: documents.fileName, size: documents.size })
      .from(documents)
      .where(and(eq(documents.applicationId, applicationId), eq(documents.sharedWithStates, true)))
      .orderBy(asc(documents.kind)),
  ]);
  const own = answers.find((answer) => answer.country === country);
  return {
    applicationId,
    organization: row.organization,
    requestedCategory: row.requestedCategory,
    recommendation: { category: row.recommendation, rejection: row.recommendsRejection, rationale: row.rationale },
    eligibility,
    window: { ...window, closedEarly: window.closedEarly ? { reason: window.closedEarly.reason, by: null } : null },
    ownAnswer: own ? toAnswer(own) : null,
    answers: window.open ? null : answers.map(toAnswer),
    documents: shared,
  };
}

/**
 * A state's answer, given or changed while the window is open: one row per state and application
 * (two answers at once leave one), read under a share lock on the consultation so that an early
 * close cannot pass between the check and the write. Its history row is internal to the secretariat.
 */
export async function answerConsultation(actor: Actor | null, input: ConsultationAnswerInput): Promise<void> {
  assertCan(actor, "consultation:answer");
  const country = stateOf(actor);
  const parsed = consultationAnswerSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { applicationId, answer, criteria, reasons } = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [consultation] = await tx
      .select({ closesAt: consultations.closesAt, closedAt: consultations.closedAt })
      .from(consultations)
      .where(eq(consultations.applicationId, applicationId))
      .for("share");
    if (!consultation) throw new AppError("not_found");
    // Read once the lock is held: an early close that waited for this answer is dated after it.
    const now = new Date();
    if (!isOpen(consultation, now)) throw new AppError("consultation_closed");
    const values = { answer, criteria, reasons: reasons || null, answeredById: actor.id, answeredAt: now };
    await tx
      .insert(consultationAnswers)
      .values({ applicationId, country, ...values })
      .onConflictDoUpdate({ target: [consultationAnswers.applicationId, consultationAnswers.country], set: values });
    await tx.insert(applicationHistory).values({
      applicationId,
      actorId: actor.id,
      kind: "note",
      visibleToApplicant: false,
      message: reasons || null,
      data: { consultation: { country, answer, criteria } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.answer",
      targetType: "application",
      targetId: applicationId,
      data: { country, answer, criteria },
    });
  });
}

/** The consultation on the secretariat's review page: every answer with who gave it, and the states that did not answer. */
export async function secretariatConsultation(actor: Actor | null, applicationId: string, now = new Date()): Promise<SecretariatConsultation | null> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const closer = sql<string | null>`(select coalesce(${users.name}, ${users.email}) from ${users} where ${users.id} = ${consultations.closedEarlyById})`;
  const [row] = await db
    .select({
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
      closedAt: consultations.closedAt,
      closedEarlyReason: consultations.closedEarlyReason,
      closedEarlyBy: closer,
      objectionThreshold: consultations.objectionThreshold,
      plenaryReference: consultations.plenaryReference,
    })
    .from(consultations)
    .where(eq(consultations.applicationId, applicationId));
  if (!row) return null;
  const answers = await db
    .select({ ...answerColumns, answeredBy: sql<string | null>`coalesce(${users.name}, ${users.email})` })
    .from(consultationAnswers)
    .leftJoin(users, eq(users.id, consultationAnswers.answeredById))
    .where(eq(consultationAnswers.applicationId, applicationId))
    .orderBy(asc(consultationAnswers.country));
  const answered = new Set(answers.map((answer) => answer.country));
  const objections = answers.filter((answer) => answer.answer === "objection").length;
  return {
    window: windowOf(row, now),
    answers: answers.map((answer) => ({ ...toAnswer(answer), answeredBy: answer.answeredBy })),
    toPlenary: row.objectionThreshold !== null && objections >= row.objectionThreshold,
    plenaryReference: row.plenaryReference,
    silent: CSM_COUNTRIES.filter((code) => !answered.has(code)),
  };
}

/** What a decision or a deferral says about the consultation: why it closes early, and where the plenary decided. */
export type ClosingReasons = { earlyCloseReason?: string | null; plenaryReference?: string | null };

/**
 * Inside a decision's (or a deferral's) transaction: an open consultation is closed by it, only with the
 * admin's reason (audited); without one it is refused. A decision on an application whose objections
 * reached the meeting's rule records the plenary's reference, and is refused without it.
 */
export async function closeForDecision(
  tx: Transaction,
  actor: Actor,
  applicationId: string,
  { earlyCloseReason, plenaryReference }: ClosingReasons,
  now: Date,
  { deciding }: { deciding: boolean },
): Promise<void> {
  const [consultation] = await tx
    .select({ closesAt: consultations.closesAt, closedAt: consultations.closedAt, objectionThreshold: consultations.objectionThreshold })
    .from(consultations)
    .where(eq(consultations.applicationId, applicationId))
    .for("update");
  if (!consultation) return;
  if (deciding && consultation.objectionThreshold !== null) {
    const [counted] = await tx
      .select({ objections: sql<number>`count(*)::int` })
      .from(consultationAnswers)
      .where(and(eq(consultationAnswers.applicationId, applicationId), eq(consultationAnswers.answer, "objection")));
    const objections = counted?.objections ?? 0;
    if (objections >= consultation.objectionThreshold) {
      if (!plenaryReference) throw new AppError("plenary_required");
      await tx.update(consultations).set({ plenaryReference }).where(eq(consultations.applicationId, applicationId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "consultation.plenary",
        targetType: "application",
        targetId: applicationId,
        data: { plenaryReference, objections },
      });
    }
  }
  if (consultation.closedAt) return;
  // The lock may have waited for a state's answer: the close is dated from when it holds it.
  now = new Date(Math.max(now.getTime(), Date.now()));
  if (consultation.closesAt <= now) {
    await tx.update(consultations).set({ closedAt: consultation.closesAt }).where(eq(consultations.applicationId, applicationId));
    return;
  }
  if (!earlyCloseReason) throw new AppError("consultation_open");
  await tx
    .update(consultations)
    .set({ closedAt: now, closedEarlyById: actor.id, closedEarlyReason: earlyCloseReason })
    .where(eq(consultations.applicationId, applicationId));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "consultation.close_early",
    targetType: "application",
    targetId: applicationId,
    data: { reason: earlyCloseReason },
  });
}

/** Ends an open consultation at `now` (the application was withdrawn): nothing is left for the member states to answer. */
export async function endConsultation(tx: Transaction, applicationId: string, now: Date): Promise<void> {
  await tx
    .update(consultations)
    .set({ closedAt: now })
    .where(and(eq(consultations.applicationId, applicationId), isNull(consultations.closedAt)));
}

/** Whether the application's consultation is still open (the decision form then asks why it closes early). */
export async function consultationOpen(executor: Executor, applicationId: string, now = new Date()): Promise<boolean> {
  const [row] = await executor
    .select({ applicationId: consultations.applicationId })
    .from(consultations)
    .where(and(eq(consultations.applicationId, applicationId), isNull(consultations.closedAt), gt(consultations.closesAt, now)));
  return Boolean(row);
}

/**
 * The scheduler's step: each consultation whose window has passed is closed, its application moves
 * from in consultation to recommended (conditional on that status, with its history row), and the
 * administrators get a summary of the answers. Returns how many closed.
 */
export async function closeDueConsultations(tx: Executor, now: Date): Promise<number> {
  const closed = await tx
    .update(consultations)
    .set({ closedAt: sql`${consultations.closesAt}` })
    .where(and(isNull(consultations.closedAt), lte(consultations.closesAt, now)))
    .returning({ applicationId: consultations.applicationId, closesAt: consultations.closesAt });
  if (closed.length === 0) return 0;
  const ids = closed.map((row) => row.applicationId);
  const moved = await tx
    .update(applications)
    .set({ status: "recommended", updatedAt: now })
    .where(and(inArray(applications.id, ids), eq(applications.status, "in_consultation")))
    .returning({ id: applications.id });
  if (moved.length === 0) return closed.length;
  await tx.insert(applicationHistory).values(
    moved.map((row) => ({
      applicationId: row.id,
      actorId: null,
      kind: "transition" as const,
      fromStatus: "in_consultation" as const,
      toStatus: "recommended" as const,
      visibleToApplicant: true,
      data: { transition: "close_consultation" },
    })),
  );
  const answers = await tx
    .select({ applicationId: consultationAnswers.applicationId, answer: consultationAnswers.answer })
    .from(consultationAnswers)
    .where(inArray(consultationAnswers.applicationId, ids));
  const names = await tx
    .select({ id: applications.id, name: organizations.legalName })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      inArray(
        applications.id,
        moved.map((row) => row.id),
      ),
    );
  const admins = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), isNotNull(users.emailVerified), eq(users.staffNotices, true)));
  const notices: Notice[] = [];
  for (const { id, name } of names) {
    const mine = answers.filter((answer) => answer.applicationId === id);
    const count = (kind: ConsultationAnswer) => mine.filter((answer) => answer.answer === kind).length;
    for (const admin of admins) {
      const locale = admin.locale ?? DEFAULT_LOCALE;
      const t = translator(locale, "StateEmail.closed");
      notices.push({
        to: admin.email,
        kind: "consultation-closed",
        key: `consultation-closed:${id}:${admin.id}`,
        subject: t("subject", { organization: name }),
        text: `${t("body", {
          organization: name,
          noObjection: count("no_objection"),
          objection: count("objection"),
          question: count("question"),
          silent: CSM_COUNTRIES.length - mine.length,
        })}\n\n${new URL(`/${locale}/secretariat/applications/${id}`, publicOrigin())}`,
      });
    }
  }
  await queueNotices(tx, notices);
  return closed.length;
}

/**
 * The scheduler's step: a focal point whose state has not answered is reminded once, in the
 * last CONSULTATION_REMINDER_DAYS days of an open window. Returns how many were queued.
 */
export async function queueConsultationReminders(tx: Executor, now: Date): Promise<number> {
  const due = await tx
    .select({ applicationId: consultations.applicationId, closesAt: consultations.closesAt, organization: organizations.legalName })
    .from(consultations)
    .innerJoin(applications, eq(applications.id, consultations.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      and(
        isNull(consultations.closedAt),
        gt(consultations.closesAt, now),
        lte(consultations.closesAt, new Date(now.getTime() + CONSULTATION_REMINDER_DAYS * DAY)),
        eq(applications.status, "in_consultation"),
      ),
    );
  if (due.length === 0) return 0;
  const answered = await tx
    .select({ applicationId: consultationAnswers.applicationId, country: consultationAnswers.country })
    .from(consultationAnswers)
    .where(
      inArray(
        consultationAnswers.applicationId,
        due.map((row) => row.applicationId),
      ),
    );
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, country: users.stateCountry })
    .from(users)
    .where(and(eq(users.role, "state"), isNull(users.deactivatedAt), isNull(users.erasedAt)));
  const notices: Notice[] = [];
  for (const consultation of due) {
    for (const recipient of recipients) {
      if (answered.some((row) => row.applicationId === consultation.applicationId && row.country === recipient.country)) continue;
      const locale = recipient.locale ?? DEFAULT_LOCALE;
      const t = translator(locale, "StateEmail.closing");
      const date = consultation.closesAt.toLocaleDateString(locale, { dateStyle: "long", timeZone: "UTC" });
      notices.push({
        to: recipient.email,
        kind: "reminder",
        key: `consultation-closing:${consultation.applicationId}:${recipient.id}`,
        subject: t("subject", { organization: consultation.organization, date }),
        text: `${t("body", { organization: consultation.organization, date })}\n\n${new URL(`/${locale}/states/applications/${consultation.applicationId}`, publicOrigin())}`,
      });
    }
  }
  return queueNotices(tx, notices);
}

import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, lte, max, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain";
import { translator } from "@/lib/i18n/messages";
import { dayOf, PORTAL_TIME_ZONE } from "@/lib/meeting-schema";
import { DEFAULT_REMINDER_SCHEDULE, daysAgo, dueDaysBefore, isoWeek } from "@/lib/reminder-schedule";
import type { Executor } from "../client";
import { accreditations, applicationHistory, applications, delegates, eligibilityChecks, meetings, organizations, users } from "../schema";
import { notifyOrganizationMembers, portalUrl } from "./notifications";
import { queueNotices } from "./outbox";

/**
 * The scheduled reminders. Each one is queued through the outbox with an idempotency key naming
 * what it reminds of and its recipient, so however often the job runs (and on however many
 * instances) a reminder is queued once; each is written in its recipient's saved language.
 * These run as the system (the reminders job), never on a user's behalf: no actor to check.
 */

const KIND = "reminder";
const DAY_MS = 24 * 60 * 60 * 1000;

const longDate = (locale: Locale, instant: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: PORTAL_TIME_ZONE }).format(instant);

/** Members of organizations with an unsent draft, some days before the open window closes. */
export async function queueDraftReminders(tx: Executor, now: Date): Promise<number> {
  const open = await tx
    .select({ id: meetings.id, number: meetings.number, closesAt: meetings.applicationClosesAt, days: meetings.draftReminderDays })
    .from(meetings)
    .where(and(lte(meetings.applicationOpensAt, now), gte(meetings.applicationClosesAt, now)));
  let queued = 0;
  for (const meeting of open) {
    const days = dueDaysBefore(meeting.closesAt!, meeting.days, now);
    if (days === null) continue;
    // What the subject counts: the days really left, should a run come late.
    const daysLeft = Math.ceil((meeting.closesAt!.getTime() - now.getTime()) / DAY_MS);
    const drafts = await tx
      .select({ id: applications.id, organizationId: applications.organizationId, organization: organizations.legalName })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(eq(applications.status, "draft"));
    for (const draft of drafts) {
      queued += await notifyOrganizationMembers(tx, draft.organizationId, { kind: KIND, event: `draft:${meeting.id}:${days}:${draft.id}` }, (locale) => {
        const t = translator(locale, "ReminderEmail.draft");
        const values = { organization: draft.organization, meeting: meeting.number, days: daysLeft, closes: longDate(locale, meeting.closesAt!) };
        return {
          subject: t("subject", values),
          text: `${t("body", values)}\n\n${t("action")}\n${portalUrl(`/${locale}/applicant/applications/${draft.id}`)}\n\n${t("footer", values)}`,
        };
      });
    }
  }
  return queued;
}

/** Members of organizations whose latest information request has waited the meeting's number of days. */
export async function queueInfoRequestReminders(tx: Executor, now: Date): Promise<number> {
  const requests = await tx
    .select({
      applicationId: applications.id,
      organizationId: applications.organizationId,
      organization: organizations.legalName,
      historyId: applicationHistory.id,
      requestedAt: applicationHistory.createdAt,
      days: meetings.infoRequestReminderDays,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(applicationHistory, and(eq(applicationHistory.applicationId, applications.id), eq(applicationHistory.toStatus, "info_requested")))
    .leftJoin(meetings, eq(meetings.id, applications.meetingId))
    .where(eq(applications.status, "info_requested"));
  const latest = new Map<string, (typeof requests)[number]>();
  for (const request of requests) {
    const known = latest.get(request.applicationId);
    if (!known || known.requestedAt < request.requestedAt) latest.set(request.applicationId, request);
  }
  let queued = 0;
  for (const request of latest.values()) {
    const days = request.days ?? DEFAULT_REMINDER_SCHEDULE.infoRequestReminderDays;
    if (request.requestedAt > daysAgo(now, days)) continue;
    queued += await notifyOrganizationMembers(tx, request.organizationId, { kind: KIND, event: `info-request:${request.historyId}` }, (locale) => {
      const t = translator(locale, "ReminderEmail.infoRequest");
      const values = { organization: request.organization, requested: longDate(locale, request.requestedAt) };
      return {
        subject: t("subject", values),
        text: `${t("body", values)}\n\n${t("action")}\n${portalUrl(`/${locale}/applicant/applications/${request.applicationId}`)}\n\n${t("footer", values)}`,
      };
    });
  }
  return queued;
}

/** Members of accredited organizations with delegate places left, some days before a meeting's nomination deadline. */
export async function queueNominationReminders(tx: Executor, now: Date): Promise<number> {
  const upcoming = await tx
    .select({
      id: meetings.id,
      number: meetings.number,
      deadline: meetings.nominationDeadline,
      startsOn: meetings.startsOn,
      days: meetings.nominationReminderDays,
      participantQuota: meetings.participantQuota,
      observerQuota: meetings.observerQuota,
    })
    .from(meetings)
    .where(and(isNotNull(meetings.nominationDeadline), sql`${meetings.nominationDeadline} > ${now.toISOString()}::timestamptz`));
  let queued = 0;
  for (const meeting of upcoming) {
    // Nominations close when the meeting starts, whatever the deadline says (delegates-own.ts).
    if (!meeting.startsOn || meeting.startsOn <= dayOf(now)) continue;
    const days = dueDaysBefore(meeting.deadline!, meeting.days, now);
    if (days === null) continue;
    const organizationsWithPlaces = await tx
      .select({
        organizationId: accreditations.organizationId,
        organization: organizations.legalName,
        category: accreditations.category,
        live: sql<number>`(select count(*)::int from ${delegates} where ${delegates.organizationId} = ${accreditations.organizationId}
          and ${delegates.meetingId} = ${meeting.id} and ${delegates.status} in ('nominated', 'confirmed'))`,
      })
      .from(accreditations)
      .innerJoin(organizations, eq(organizations.id, accreditations.organizationId))
      .where(eq(accreditations.status, "active"));
    for (const row of organizationsWithPlaces) {
      const left = (row.category === "participant" ? meeting.participantQuota : meeting.observerQuota) - Number(row.live);
      if (left <= 0) continue;
      queued += await notifyOrganizationMembers(
        tx,
        row.organizationId,
        { kind: KIND, event: `nomination:${meeting.id}:${days}:${row.organizationId}` },
        (locale) => {
          const t = translator(locale, "ReminderEmail.nomination");
          const values = { organization: row.organization, meeting: meeting.number, left, deadline: longDate(locale, meeting.deadline!) };
          return {
            subject: t("subject", values),
            text: `${t("body", values)}\n\n${t("action")}\n${portalUrl(`/${locale}/applicant/organizations/${row.organizationId}/delegates`)}\n\n${t("footer", values)}`,
          };
        },
      );
    }
  }
  return queued;
}

/**
 * One digest a week per reviewer listing their assigned applications nobody has touched (no
 * status change, note, message, assignment or checklist tick) for the meeting's number of days.
 */
export async function queueReviewerDigests(tx: Executor, now: Date): Promise<number> {
  const lastHistory = tx
    .select({ applicationId: applicationHistory.applicationId, at: max(applicationHistory.createdAt).as("history_at") })
    .from(applicationHistory)
    .groupBy(applicationHistory.applicationId)
    .as("last_history");
  const lastCheck = tx
    .select({ applicationId: eligibilityChecks.applicationId, at: max(eligibilityChecks.checkedAt).as("check_at") })
    .from(eligibilityChecks)
    .groupBy(eligibilityChecks.applicationId)
    .as("last_check");
  const assigned = await tx
    .select({
      applicationId: applications.id,
      organization: organizations.legalName,
      status: applications.status,
      updatedAt: applications.updatedAt,
      historyAt: lastHistory.at,
      checkAt: lastCheck.at,
      days: meetings.reviewerReminderDays,
      reviewerId: users.id,
      email: users.email,
      locale: users.locale,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(users, eq(users.id, applications.assignedReviewerId))
    .leftJoin(meetings, eq(meetings.id, applications.meetingId))
    .leftJoin(lastHistory, eq(lastHistory.applicationId, applications.id))
    .leftJoin(lastCheck, eq(lastCheck.applicationId, applications.id))
    .where(and(inArray(applications.status, ["submitted", "in_review"]), inArray(users.role, ["reviewer", "admin"]), isNull(users.deactivatedAt)))
    .orderBy(organizations.legalName);
  const untouched = assigned.filter((row) => {
    const days = row.days ?? DEFAULT_REMINDER_SCHEDULE.reviewerReminderDays;
    const touched = Math.max(...[row.updatedAt, row.historyAt, row.checkAt].map((at) => (at ? new Date(at).getTime() : 0)));
    return touched <= daysAgo(now, days).getTime();
  });
  const byReviewer = new Map<string, typeof untouched>();
  for (const row of untouched) byReviewer.set(row.reviewerId, [...(byReviewer.get(row.reviewerId) ?? []), row]);
  const week = isoWeek(now);
  return queueNotices(
    tx,
    [...byReviewer.values()].map((rows) => {
      const { reviewerId, email } = rows[0]!;
      const locale = rows[0]!.locale ?? DEFAULT_LOCALE;
      const t = translator(locale, "ReminderEmail.reviewerDigest");
      const status = translator(locale, "Status");
      const list = rows
        .map((row) => `- ${row.organization} (${status(row.status)})\n  ${portalUrl(`/${locale}/secretariat/applications/${row.applicationId}`)}`)
        .join("\n");
      return {
        to: email,
        kind: KIND,
        key: `${KIND}:review-digest:${week}:${reviewerId}`,
        subject: t("subject", { count: rows.length }),
        text: `${t("body", { count: rows.length })}\n\n${list}\n\n${t("footer")}`,
      };
    }),
  );
}

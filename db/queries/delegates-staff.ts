import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Actor, assertCan } from "@/lib/actor";
import { type DelegateDecision, type DelegateFilters, type DelegateView, decisionSchema, delegateFiltersSchema } from "@/lib/delegates";
import { DEFAULT_LOCALE, type DelegateStatus, type Locale } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { getDb, type Transaction } from "../client";
import { type Notice, queueNotices } from "./outbox";
import { delegates, meetings, organizations, users } from "../schema";
import { recordAudit } from "./audit";
import { issueCredential } from "./delegate-credentials";

export type MeetingSummary = { id: string; number: string; hostCountry: string; city: string | null; startsOn: string | null; nominationDeadline: Date | null };

export type StaffDelegate = DelegateView & {
  organizationId: string;
  organizationName: string;
  organizationCountry: string | null;
  memberOrganizationName: string | null;
  /** The delegate this one substitutes, when it is a substitution. */
  replacesName: string | null;
};

export type MeetingFigures = {
  organizations: number;
  byStatus: Record<DelegateStatus, number>;
  /** Live (nominated or confirmed) delegates by the country of the nominating organization. */
  byCountry: { country: string | null; count: number }[];
  byNationality: { nationality: string; count: number }[];
  visaLetters: number;
  accessibilityNeeds: number;
};

const isUuid = (value: string) => delegateFiltersSchema.shape.organizationId.safeParse(value).data !== undefined;

async function meetingSummary(meetingId: string): Promise<MeetingSummary | null> {
  if (!isUuid(meetingId)) return null;
  const db = await getDb();
  const [meeting] = await db
    .select({
      id: meetings.id,
      number: meetings.number,
      hostCountry: meetings.hostCountry,
      city: meetings.city,
      startsOn: meetings.startsOn,
      nominationDeadline: meetings.nominationDeadline,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  return meeting ?? null;
}

const memberOrganizations = alias(organizations, "member_organizations");
const replacedDelegates = alias(delegates, "replaced_delegates");

async function selectDelegates(meetingId: string, where: ReturnType<typeof and>) {
  const db = await getDb();
  const rows = await db
    .select({
      id: delegates.id,
      name: delegates.name,
      email: delegates.email,
      roleInOrganization: delegates.roleInOrganization,
      nationality: delegates.nationality,
      accessibilityNeeds: delegates.accessibilityNeeds,
      needsVisaLetter: delegates.needsVisaLetter,
      status: delegates.status,
      decisionReason: delegates.decisionReason,
      organizationId: delegates.organizationId,
      organizationName: organizations.legalName,
      organizationCountry: organizations.country,
      memberOrganizationName: memberOrganizations.legalName,
      replacesName: replacedDelegates.name,
    })
    .from(delegates)
    .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
    .leftJoin(memberOrganizations, eq(memberOrganizations.id, delegates.memberOrganizationId))
    .leftJoin(replacedDelegates, eq(replacedDelegates.id, delegates.replacesDelegateId))
    .where(and(eq(delegates.meetingId, meetingId), where))
    // Withdrawn nominations no longer count: they go last, after every live or decided one.
    .orderBy(sql`${delegates.status} = 'withdrawn'`, asc(organizations.legalName), asc(delegates.name));
  return rows satisfies StaffDelegate[];
}

/** A meeting's nominations under the filters, the organizations that nominated (for the filter) and its figures. */
export async function listMeetingDelegates(
  actor: Actor | null,
  meetingId: string,
  rawFilters: Record<string, string | undefined> = {},
): Promise<{
  meeting: MeetingSummary;
  filters: DelegateFilters;
  delegates: StaffDelegate[];
  organizations: { id: string; name: string }[];
  figures: MeetingFigures;
} | null> {
  assertCan(actor, "delegate:confirm");
  const meeting = await meetingSummary(meetingId);
  if (!meeting) return null;
  const filters = delegateFiltersSchema.parse(rawFilters);
  const rows = await selectDelegates(
    meetingId,
    and(
      filters.status ? eq(delegates.status, filters.status) : undefined,
      filters.country ? (filters.country === "regional" ? sql`${organizations.country} is null` : eq(organizations.country, filters.country)) : undefined,
      filters.organizationId ? eq(delegates.organizationId, filters.organizationId) : undefined,
    ),
  );
  const db = await getDb();
  const nominating = await db
    .selectDistinct({ id: organizations.id, name: organizations.legalName })
    .from(delegates)
    .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
    .where(eq(delegates.meetingId, meetingId))
    .orderBy(asc(organizations.legalName));
  return { meeting, filters, delegates: rows, organizations: nominating, figures: await figuresOf(meetingId) };
}

async function figuresOf(meetingId: string): Promise<MeetingFigures> {
  const db = await getDb();
  const live = sql`${delegates.status} in ('nominated', 'confirmed')`;
  const statusRows = await db
    .select({ status: delegates.status, count: sql<number>`count(*)::int` })
    .from(delegates)
    .where(eq(delegates.meetingId, meetingId))
    .groupBy(delegates.status);
  const [totals] = await db
    .select({
      organizations: sql<number>`count(distinct ${delegates.organizationId})::int`,
      visaLetters: sql<number>`count(*) filter (where ${delegates.needsVisaLetter})::int`,
      accessibilityNeeds: sql<number>`count(*) filter (where coalesce(${delegates.accessibilityNeeds}, '') <> '')::int`,
    })
    .from(delegates)
    .where(and(eq(delegates.meetingId, meetingId), live));
  const byCountry = await db
    .select({ country: organizations.country, count: sql<number>`count(*)::int` })
    .from(delegates)
    .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
    .where(and(eq(delegates.meetingId, meetingId), live))
    .groupBy(organizations.country)
    .orderBy(sql`count(*) desc`, asc(organizations.country));
  const nationality = sql<string>`min(trim(${delegates.nationality}))`;
  const byNationality = await db
    .select({ nationality, count: sql<number>`count(*)::int` })
    .from(delegates)
    .where(and(eq(delegates.meetingId, meetingId), live))
    .groupBy(sql`lower(trim(${delegates.nationality}))`)
    .orderBy(sql`count(*) desc`, nationality);
  const byStatus = { nominated: 0, confirmed: 0, declined: 0, withdrawn: 0 } satisfies Record<DelegateStatus, number>;
  for (const row of statusRows) byStatus[row.status] = Number(row.count);
  return {
    organizations: Number(totals?.organizations ?? 0),
    byStatus,
    byCountry: byCountry.map((row) => ({ country: row.country, count: Number(row.count) })),
    byNationality: byNationality.map((row) => ({ nationality: row.nationality ?? "", count: Number(row.count) })),
    visaLetters: Number(totals?.visaLetters ?? 0),
    accessibilityNeeds: Number(totals?.accessibilityNeeds ?? 0),
  };
}

/** The confirmed delegates of a meeting, for the badges CSV. */
export async function exportConfirmedDelegates(
  actor: Actor | null,
  meetingId: string,
): Promise<{ meeting: MeetingSummary; delegates: StaffDelegate[] } | null> {
  assertCan(actor, "delegate:confirm");
  assertCan(actor, "export:read");
  const meeting = await meetingSummary(meetingId);
  if (!meeting) return null;
  return { meeting, delegates: await selectDelegates(meetingId, and(eq(delegates.status, "confirmed"))) };
}

const COUNTRY_LANGUAGE: Partial<Record<string, Locale>> = { BR: "pt", GY: "en", SR: "en" };

/**
 * The organization's language for a delegate's e-mail: the saved language of the member who
 * nominated them, else the official language of the organization's country (Spanish by default).
 */
export function organizationLanguage(nominatorLocale: Locale | null, country: string | null): Locale {
  return nominatorLocale ?? (country ? COUNTRY_LANGUAGE[country] : undefined) ?? DEFAULT_LOCALE;
}

/**
 * Confirms or declines a nomination still "nominated" (a concurrent second decision is a conflict);
 * the delegate is told by e-mail in the organization's language once the change has committed.
 */
export async function decideDelegate(
  actor: Actor | null,
  input: { delegateId: string; decision: DelegateDecision; reason?: string | null },
): Promise<{ organizationId: string; status: DelegateStatus }> {
  assertCan(actor, "delegate:confirm");
  const parsed = decisionSchema.safeParse({ ...input, reason: input.reason ?? "" });
  if (!parsed.success) throw new AppError("invalid");
  const { delegateId, decision, reason } = parsed.data;
  const status: DelegateStatus = decision === "confirm" ? "confirmed" : "declined";
  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(delegates)
      .set({ status, decisionReason: reason, decidedById: actor.id, decidedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(delegates.id, delegateId), eq(delegates.status, "nominated")))
      .returning({
        id: delegates.id,
        organizationId: delegates.organizationId,
        meetingId: delegates.meetingId,
        name: delegates.name,
        email: delegates.email,
        nominatedById: delegates.nominatedById,
      });
    if (!row) {
      const [exists] = await tx.select({ id: delegates.id }).from(delegates).where(eq(delegates.id, delegateId));
      throw new AppError(exists ? "conflict" : "not_found");
    }
    const auditId = await recordAudit(tx, {
      actorId: actor.id,
      action: `delegate.${decision}`,
      targetType: "delegate",
      targetId: delegateId,
      data: { organizationId: row.organizationId, meetingId: row.meetingId, reason },
    });
    // A confirmed delegate gets a new code: the letter and badge name the person as now confirmed.
    const credential = decision === "confirm" ? await issueCredential(tx, delegateId, actor.id) : null;
    await queueNotices(tx, [{ ...(await delegateNotice(tx, row, decision, reason, auditId)), badgeCredentialId: credential?.id }]);
    return row;
  });
  return { organizationId: decided.organizationId, status };
}

async function delegateNotice(
  tx: Transaction,
  decided: { organizationId: string; meetingId: string; name: string; email: string; nominatedById: string | null },
  decision: DelegateDecision,
  reason: string | null,
  auditId: string,
): Promise<Notice> {
  const [context] = await tx
    .select({
      number: meetings.number,
      city: meetings.city,
      organizationName: organizations.legalName,
      country: organizations.country,
      nominatorLocale: users.locale,
    })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, decided.organizationId))
    .leftJoin(users, eq(users.id, decided.nominatedById ?? ""))
    .where(eq(meetings.id, decided.meetingId));
  const locale = organizationLanguage(context?.nominatorLocale ?? null, context?.country ?? null);
  const t = translator(locale, "DelegatesEmail");
  const values = { name: decided.name, meeting: context?.number ?? "", organization: context?.organizationName ?? "" };
  return {
    to: decided.email,
    kind: `delegate-${decision}`,
    key: `delegate-${decision}:${auditId}`,
    subject: t(`${decision}.subject`, values),
    text: [t(`${decision}.body`, values), reason ? `${t("reason")}: ${reason}` : null, decision === "confirm" ? t("badgeAttached") : null]
      .filter(Boolean)
      .join("\n\n"),
  };
}

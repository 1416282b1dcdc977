import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { PENDING_DECISION_STATUSES } from "@/lib/application-status";
import type { OrganizationType } from "@/lib/domain";
import { getDb } from "../client";
import { accreditations, applicationDeferrals, applications, organizations } from "../schema";

/** An application awaiting the decision, as the public may see it (dates as ISO days: the data cache keeps JSON). */
export type PendingApplication = {
  /** Its place in the list (oldest filed first): names none of the portal's ids. */
  position: number;
  /** Null when the organization declared its members at risk and is not accredited: listed by country and type only. */
  name: string | null;
  acronym: string | null;
  country: string | null;
  type: OrganizationType;
  filedOn: string | null;
  stage: (typeof PENDING_DECISION_STATUSES)[number];
  deferrals: number;
};

/** Every application in consultation, awaiting its decision or deferred, oldest filed first. */
export async function listPendingApplications(): Promise<PendingApplication[]> {
  const db = await getDb();
  const deferrals = db
    .select({ applicationId: applicationDeferrals.applicationId, count: sql<number>`count(*)::int`.as("count") })
    .from(applicationDeferrals)
    .groupBy(applicationDeferrals.applicationId)
    .as("deferral_counts");
  const rows = await db
    .select({
      name: organizations.legalName,
      acronym: organizations.acronym,
      country: organizations.country,
      type: organizations.type,
      submittedAt: applications.submittedAt,
      status: applications.status,
      deferrals: sql<number>`coalesce(${deferrals.count}, 0)`,
      atRisk: sql<boolean>`coalesce((${applications.sections} -> 'declarations' ->> 'membersAtRisk')::boolean, false)`,
      accredited: sql<boolean>`${accreditations.id} is not null`,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(deferrals, eq(deferrals.applicationId, applications.id))
    .leftJoin(accreditations, and(eq(accreditations.organizationId, organizations.id), eq(accreditations.status, "active")))
    .where(inArray(applications.status, [...PENDING_DECISION_STATUSES]))
    .orderBy(asc(applications.submittedAt), asc(applications.id));
  return rows.map((row, index) => {
    const withheld = row.atRisk && !row.accredited;
    return {
      position: index + 1,
      name: withheld ? null : row.name,
      acronym: withheld ? null : row.acronym,
      country: row.country,
      type: row.type,
      filedOn: row.submittedAt ? row.submittedAt.toISOString().slice(0, 10) : null,
      stage: row.status as PendingApplication["stage"],
      deferrals: Number(row.deferrals),
    };
  });
}

import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import type { AccreditationCategory, AccreditationStatus, ApplicationStatus } from "@/lib/domain";
import { getDb } from "../client";
import { accreditations, applications, organizationMembers, organizations } from "../schema";

export type MyOrganization = {
  id: string;
  legalName: string;
  acronym: string | null;
  country: string | null;
  accreditation: { category: AccreditationCategory; status: AccreditationStatus } | null;
  applications: { id: string; status: ApplicationStatus; updatedAt: Date }[];
};

/** The organizations the actor belongs to, each with its accreditation and applications (two queries, no N+1). */
export async function listMyOrganizations(actor: Actor | null): Promise<MyOrganization[]> {
  assertCan(actor, "application:read-own");
  const db = await getDb();
  const orgs = await db
    .select({
      id: organizations.id,
      legalName: organizations.legalName,
      acronym: organizations.acronym,
      country: organizations.country,
      category: accreditations.category,
      accreditationStatus: accreditations.status,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .leftJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(eq(organizationMembers.userId, actor.id))
    .orderBy(asc(organizations.legalName));
  if (orgs.length === 0) return [];
  const apps = await db
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      status: applications.status,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(
      inArray(
        applications.organizationId,
        orgs.map((org) => org.id),
      ),
    )
    .orderBy(desc(applications.updatedAt));
  return orgs.map(({ category, accreditationStatus, ...org }) => ({
    ...org,
    accreditation: category && accreditationStatus ? { category, status: accreditationStatus } : null,
    applications: apps
      .filter((app) => app.organizationId === org.id)
      .map(({ id, status, updatedAt }) => ({ id, status, updatedAt })),
  }));
}

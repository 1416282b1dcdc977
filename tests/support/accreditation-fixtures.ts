import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { accreditationHistory, accreditations, auditLog, organizations } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { AccreditationCategory } from "@/lib/domain";
import { factories } from "./factories";

/** Accreditations made and read the way the app does: an admin's decision on a recommended application. */
export function accreditationFixtures(db: () => Database) {
  const make = factories(db);

  async function accredited(admin: Actor, name: string, category: AccreditationCategory = "participant", members: Actor[] = []) {
    const organizationId = await make.organization(name);
    for (const member of members) await make.member(organizationId, member.id);
    const applicationId = await make.application(organizationId, "recommended");
    await decideApplication(admin, { applicationId, decision: category, reason: "Cumple los criterios." });
    const [row] = await db().select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, organizationId));
    return { organizationId, slug: row!.slug };
  }

  /** The accreditation, its history oldest first, and the audit actions on the organization. */
  async function stateOf(organizationId: string) {
    const [row] = await db().select().from(accreditations).where(eq(accreditations.organizationId, organizationId));
    const history = await db()
      .select()
      .from(accreditationHistory)
      .where(eq(accreditationHistory.accreditationId, row!.id))
      .orderBy(accreditationHistory.createdAt);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, organizationId), eq(auditLog.targetType, "organization")));
    return { row: row!, history, events: history.map((entry) => entry.event), audit: audit.map((entry) => entry.action) };
  }

  return { accredited, stateOf };
}

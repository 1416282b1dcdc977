import "server-only";
import { count } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/domain";
import { getDb } from "../client";
import { applications } from "../schema";

export async function countApplicationsByStatus(actor: Actor | null): Promise<Record<ApplicationStatus, number>> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const rows = await db
    .select({ status: applications.status, total: count() })
    .from(applications)
    .groupBy(applications.status);
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
  for (const row of rows) counts[row.status] = row.total;
  return counts;
}

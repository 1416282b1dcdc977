import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applicationHistory } from "@/db/schema";

/** The history rows that record an application's decision (accredited or rejected). */
export function decisionRows(db: Database, applicationId: string) {
  return db
    .select()
    .from(applicationHistory)
    .where(
      and(
        eq(applicationHistory.applicationId, applicationId),
        eq(applicationHistory.kind, "transition"),
        sql`${applicationHistory.toStatus} in ('accredited_participant', 'accredited_observer', 'rejected')`,
      ),
    );
}

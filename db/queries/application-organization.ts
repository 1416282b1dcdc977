import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { applications, organizations } from "../schema";

/** The legal name of the organization an application belongs to, for the e-mails about it. */
export async function organizationName(executor: Executor, applicationId: string): Promise<string> {
  const [row] = await executor
    .select({ name: organizations.legalName })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(applications.id, applicationId));
  return row?.name ?? "";
}

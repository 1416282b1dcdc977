import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "@/db/client";
import { applicationHistory, applications, emailOutbox, organizationMembers, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { ApplicationStatus, Locale, OrganizationType, Role } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { searchKey } from "@/lib/search-key";

/** Rows a data-layer test needs, made fresh for each test (never the demo seed). */
export function factories(db: () => Database) {
  async function user(
    role: Role,
    {
      locale = null,
      email,
      stateCountry = null,
      signedIn = false,
    }: { locale?: Locale | null; email?: string; stateCountry?: string | null; signedIn?: boolean } = {},
  ): Promise<Actor> {
    const address = email ?? `${role}-${randomUUID()}@example.org`;
    const [row] = await db()
      .insert(users)
      .values({ email: address, role, locale, stateCountry, emailVerified: signedIn ? new Date() : null })
      .returning({ id: users.id });
    return { id: row!.id, email: address, role, locale, stateCountry };
  }

  async function organization(
    legalName: string,
    {
      acronym = null,
      country = "PE",
      type = "ngo",
      themes = ["asylum"],
    }: { acronym?: string | null; country?: string | null; type?: OrganizationType; themes?: string[] } = {},
  ): Promise<string> {
    const [row] = await db()
      .insert(organizations)
      .values({
        slug: `org-${randomUUID()}`,
        legalName,
        acronym,
        type,
        country,
        themes,
        searchKey: searchKey(legalName, acronym),
      })
      .returning({ id: organizations.id });
    return row!.id;
  }

  async function member(organizationId: string, userId: string): Promise<void> {
    await db().insert(organizationMembers).values({ organizationId, userId, role: "owner" });
  }

  async function application(organizationId: string, status: ApplicationStatus, extra: Partial<typeof applications.$inferInsert> = {}): Promise<string> {
    const [row] = await db()
      .insert(applications)
      .values({ organizationId, status, submittedAt: status === "draft" ? null : new Date(), ...extra })
      .returning({ id: applications.id });
    return row!.id;
  }

  async function statusOf(applicationId: string): Promise<ApplicationStatus> {
    const [row] = await db().select({ status: applications.status }).from(applications).where(eq(applications.id, applicationId));
    return row!.status;
  }

  async function historyOf(applicationId: string) {
    return db().select().from(applicationHistory).where(eq(applicationHistory.applicationId, applicationId));
  }

  async function mailTo(email: string) {
    return db().select().from(emailOutbox).where(eq(emailOutbox.to, email));
  }

  return { user, organization, member, application, statusOf, historyOf, mailTo };
}

export async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

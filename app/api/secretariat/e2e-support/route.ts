import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { applyTransition } from "@/db/queries/transitions";
import {
  accreditations,
  applications,
  documentBlobs,
  documents,
  organizationMembers,
  organizations,
  sessions,
  users,
} from "@/db/schema";
import { ACCREDITATION_CATEGORIES, APPLICATION_STATUSES, DOCUMENT_KINDS, LOCALES, ORGANIZATION_TYPES, ROLES } from "@/lib/domain";
import { searchKey } from "@/lib/search-key";

export const dynamic = "force-dynamic";

/**
 * Test data for the Playwright suite, which cannot open the server's embedded database itself
 * (one process per PGlite directory). It exists only when the e2e server script sets
 * E2E_SUPPORT=true; everywhere else it answers 404.
 */
const requestSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("createUser"), email: z.email(), role: z.enum(ROLES), locale: z.enum(LOCALES).nullable().default(null) }),
  z.object({
    op: z.literal("createApplication"),
    legalName: z.string().min(1),
    acronym: z.string().nullable().default(null),
    country: z.string().length(2),
    type: z.enum(ORGANIZATION_TYPES).default("ngo"),
    themes: z.array(z.string()).default([]),
    status: z.enum(APPLICATION_STATUSES),
    requestedCategory: z.enum(ACCREDITATION_CATEGORIES).default("participant"),
    memberEmail: z.email().optional(),
    sections: z.record(z.string(), z.unknown()).default({}),
    submittedAt: z.iso.datetime().optional(),
    documents: z
      .array(z.object({ kind: z.enum(DOCUMENT_KINDS), fileName: z.string().min(1), contentType: z.string().min(1), base64: z.string() }))
      .default([]),
  }),
  z.object({ op: z.literal("respond"), applicationId: z.uuid(), applicantEmail: z.email(), message: z.string() }),
  z.object({ op: z.literal("accreditation"), organizationId: z.uuid() }),
  z.object({ op: z.literal("sessions"), email: z.email() }),
]);

export async function POST(request: Request): Promise<Response> {
  if (process.env.E2E_SUPPORT !== "true") return new Response("Not found", { status: 404 });
  const parsed = requestSchema.safeParse(await request.json());
  if (!parsed.success) return Response.json({ error: z.flattenError(parsed.error) }, { status: 400 });
  const input = parsed.data;
  const db = await getDb();

  switch (input.op) {
    case "createUser": {
      const [user] = await db
        .insert(users)
        .values({ email: input.email, role: input.role, locale: input.locale, emailVerified: new Date() })
        .returning({ id: users.id });
      return Response.json({ id: user!.id });
    }
    case "createApplication": {
      const [organization] = await db
        .insert(organizations)
        .values({
          slug: `e2e-${randomUUID()}`,
          legalName: input.legalName,
          acronym: input.acronym,
          type: input.type,
          country: input.country,
          themes: input.themes,
          countriesOfWork: [input.country],
          searchKey: searchKey(input.legalName, input.acronym),
        })
        .returning({ id: organizations.id });
      if (input.memberEmail) {
        const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.memberEmail));
        await db.insert(organizationMembers).values({ organizationId: organization!.id, userId: member!.id, role: "owner" });
      }
      const [application] = await db
        .insert(applications)
        .values({
          organizationId: organization!.id,
          status: input.status,
          requestedCategory: input.requestedCategory,
          sections: input.sections,
          submittedAt: input.status === "draft" ? null : input.submittedAt ? new Date(input.submittedAt) : new Date(),
        })
        .returning({ id: applications.id });
      for (const document of input.documents) {
        const bytes = Buffer.from(document.base64, "base64");
        const storageKey = `e2e/${randomUUID()}`;
        await db.insert(documentBlobs).values({ storageKey, bytes });
        await db.insert(documents).values({
          applicationId: application!.id,
          kind: document.kind,
          fileName: document.fileName,
          contentType: document.contentType,
          size: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
        });
      }
      return Response.json({ organizationId: organization!.id, applicationId: application!.id });
    }
    case "respond": {
      const [applicant] = await db
        .select({ id: users.id, email: users.email, role: users.role, locale: users.locale })
        .from(users)
        .where(and(eq(users.email, input.applicantEmail), eq(users.role, "applicant")));
      if (!applicant) return new Response("No such applicant", { status: 400 });
      await db.transaction((tx) =>
        applyTransition(tx, applicant, { applicationId: input.applicationId, transition: "respond", message: input.message }),
      );
      return Response.json({ ok: true });
    }
    case "accreditation": {
      const [row] = await db
        .select({ category: accreditations.category, status: accreditations.status, applicationId: accreditations.applicationId })
        .from(accreditations)
        .where(eq(accreditations.organizationId, input.organizationId));
      return Response.json({ accreditation: row ?? null });
    }
    case "sessions": {
      const rows = await db
        .select({ token: sessions.sessionToken })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(users.email, input.email));
      return Response.json({ count: rows.length });
    }
  }
}

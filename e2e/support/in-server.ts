/**
 * Test-only helpers that must run inside the server under test (PGlite allows one process
 * per data directory, so the tests cannot open the database themselves). Started from
 * instrumentation.ts ONLY when serve.ts sets E2E_SUPPORT_PORT; listens on 127.0.0.1 and
 * requires the run's random E2E_SUPPORT_TOKEN. Production never sets either variable.
 */
import { createServer } from "node:http";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accreditations, applications, users } from "@/db/schema";
import { applyTransition } from "@/db/queries/transitions";
import type { Actor } from "@/lib/actor";

type RequestInfo = { applicationId: string; message: string; sections: string[]; reviewerEmail: string };

/** What the secretariat's "request information" does: a reviewer takes the application and asks. */
async function requestInformation({ applicationId, message, sections, reviewerEmail }: RequestInfo): Promise<void> {
  const db = await getDb();
  await db.insert(users).values({ email: reviewerEmail, role: "reviewer", locale: "en", emailVerified: new Date() }).onConflictDoNothing();
  const [reviewer] = await db.select({ id: users.id }).from(users).where(eq(users.email, reviewerEmail));
  const actor: Actor = { id: reviewer!.id, email: reviewerEmail, role: "reviewer", locale: "en" };
  await db.transaction(async (tx) => {
    await tx.update(applications).set({ assignedReviewerId: actor.id }).where(eq(applications.id, applicationId));
    await applyTransition(tx, actor, { applicationId, transition: "start_review" });
    await applyTransition(tx, actor, { applicationId, transition: "request_info", message, data: { sections } });
  });
}

type Decide = { applicationId: string; reason: string; adminEmail: string };

/** What the secretariat's review and decision do: review, recommend, accredit as participant, with a reason. */
async function decideParticipant({ applicationId, reason, adminEmail }: Decide): Promise<void> {
  const db = await getDb();
  await db.insert(users).values({ email: adminEmail, role: "admin", locale: "es", emailVerified: new Date() }).onConflictDoNothing();
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, adminEmail));
  const actor: Actor = { id: admin!.id, email: adminEmail, role: "admin", locale: "es" };
  await db.transaction(async (tx) => {
    await applyTransition(tx, actor, { applicationId, transition: "start_review" });
    await applyTransition(tx, actor, { applicationId, transition: "recommend", set: { recommendation: "participant" } });
    const result = await applyTransition(tx, actor, {
      applicationId,
      transition: "decide_participant",
      set: { decisionReason: reason, decidedAt: new Date() },
      message: reason,
    });
    await tx.insert(accreditations).values({ organizationId: result.organizationId, category: "participant", applicationId });
  });
}

async function applicationStatus(applicationId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, applicationId));
  return row?.status ?? null;
}

export function startE2eSupport(port: number, token: string): void {
  const server = createServer(async (request, response) => {
    if (request.headers["x-e2e-token"] !== token || request.method !== "POST") {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      let result: unknown = null;
      if (request.url === "/request-info") await requestInformation(body);
      else if (request.url === "/decide-participant") await decideParticipant(body);
      else if (request.url === "/application-status") result = { status: await applicationStatus(body.applicationId) };
      else {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  server.listen(port, "127.0.0.1");
}

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { accreditationHistory, accreditations, applications, auditLog } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";
import { decisionRows } from "../support/decision-rows";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

let admin: Actor;
let reviewer: Actor;
let applicant: Actor;

beforeAll(async () => {
  admin = await make.user("admin");
  reviewer = await make.user("reviewer");
  applicant = await make.user("applicant", { locale: "en" });
});

async function accreditationOf(organizationId: string) {
  const db = testDb().db;
  const [row] = await db.select().from(accreditations).where(eq(accreditations.organizationId, organizationId));
  const history = row ? await db.select().from(accreditationHistory).where(eq(accreditationHistory.accreditationId, row.id)) : [];
  return { row, history };
}

describe("decideApplication", () => {
  it("accredits as participant: reason and date on the application, accreditation and its history, e-mail in the member's language", async () => {
    const org = await make.organization("Red Decidida");
    await make.member(org, applicant.id);
    const id = await make.application(org, "recommended");

    const result = await decideApplication(admin, { applicationId: id, decision: "participant", reason: "Cumple los seis criterios." });

    expect(result).toEqual({ applicationId: id, organizationId: org, status: "accredited_participant" });
    const [application] = await testDb().db.select().from(applications).where(eq(applications.id, id));
    expect(application).toMatchObject({ status: "accredited_participant", decisionReason: "Cumple los seis criterios." });
    expect(application!.decidedAt).toBeInstanceOf(Date);
    const { row, history } = await accreditationOf(org);
    expect(row).toMatchObject({ category: "participant", status: "active", applicationId: id });
    expect(history).toMatchObject([{ event: "granted", category: "participant", reason: null, actorId: admin.id }]);
    expect(await decisionRows(testDb().db, id)).toMatchObject([{ message: "Cumple los seis criterios.", visibleToApplicant: true }]);
    const [mail] = await make.mailTo(applicant.email);
    expect(mail!.subject).toBe("Decision on your CSM accreditation application");
    expect(mail!.text).toContain("accredited as a participant");
    expect(mail!.text).toContain("Cumple los seis criterios.");
    const audit = await testDb().db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((entry) => entry.action)).toEqual(["application.decide_participant"]);
  });

  it("updates an existing accreditation (one per organization) and reactivates it", async () => {
    const org = await make.organization("Red Renovada");
    const first = await make.application(org, "recommended");
    await decideApplication(admin, { applicationId: first, decision: "observer", reason: "Primera vez." });
    await testDb().db.update(accreditations).set({ status: "suspended" }).where(eq(accreditations.organizationId, org));
    const second = await make.application(org, "recommended");
    await decideApplication(admin, { applicationId: second, decision: "participant", reason: "Renovación." });

    const { row, history } = await accreditationOf(org);
    expect(row).toMatchObject({ category: "participant", status: "active", applicationId: second });
    expect(history.map((entry) => entry.category).sort()).toEqual(["observer", "participant"]);
  });

  it("rejects without touching an existing accreditation", async () => {
    const org = await make.organization("Red Observadora");
    const first = await make.application(org, "recommended");
    await decideApplication(admin, { applicationId: first, decision: "observer", reason: "Observadora." });
    const second = await make.application(org, "recommended");
    await decideApplication(admin, { applicationId: second, decision: "reject", reason: "No cumple para participante." });

    expect(await make.statusOf(second)).toBe("rejected");
    const { row, history } = await accreditationOf(org);
    expect(row).toMatchObject({ category: "observer", status: "active", applicationId: first });
    expect(history).toHaveLength(1);
  });

  it("a rejection creates no accreditation", async () => {
    const org = await make.organization("Red Rechazada");
    const id = await make.application(org, "recommended");
    await decideApplication(admin, { applicationId: id, decision: "reject", reason: "Fuera de alcance." });
    expect((await accreditationOf(org)).row).toBeUndefined();
  });

  it("is for admins only, from recommended only, with a reason", async () => {
    const org = await make.organization("Red Intacta");
    const id = await make.application(org, "recommended");
    await expectAppError(decideApplication(reviewer, { applicationId: id, decision: "participant", reason: "x" }), "forbidden");
    await expectAppError(decideApplication(applicant, { applicationId: id, decision: "participant", reason: "x" }), "forbidden");
    await expectAppError(decideApplication(null, { applicationId: id, decision: "participant", reason: "x" }), "unauthenticated");
    await expectAppError(decideApplication(admin, { applicationId: id, decision: "participant", reason: " " }), "invalid");
    await expectAppError(decideApplication(admin, { applicationId: id, decision: "member" as "participant", reason: "x" }), "invalid");
    const inReview = await make.application(org, "in_review");
    await expectAppError(decideApplication(admin, { applicationId: inReview, decision: "participant", reason: "x" }), "conflict");

    expect(await make.statusOf(id)).toBe("recommended");
    expect(await make.statusOf(inReview)).toBe("in_review");
    expect((await accreditationOf(org)).row).toBeUndefined();
  });
});

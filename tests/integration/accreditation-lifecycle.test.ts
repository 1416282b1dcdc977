import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { changeAccreditationCategory, reinstateAccreditation, revokeAccreditation, suspendAccreditation } from "@/db/queries/accreditation-lifecycle";
import { findListedOrganizationId, getPublicOrganization, listPublicOrganizations } from "@/db/queries/public-register";
import { getOrganizationForSecretariat, listAccreditedOrganizations } from "@/db/queries/secretariat-organizations";
import { emailOutbox } from "@/db/schema";
import { parseOrganizationFilters } from "@/lib/accreditation-schemas";
import type { Actor } from "@/lib/actor";
import type { AccreditationCategory } from "@/lib/domain";
import { parseRegisterQuery } from "@/lib/register-query";
import { accreditationFixtures } from "../support/accreditation-fixtures";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

let admin: Actor;
let otherAdmin: Actor;
let reviewer: Actor;
let applicant: Actor;

beforeAll(async () => {
  admin = await make.user("admin");
  otherAdmin = await make.user("admin");
  reviewer = await make.user("reviewer");
  applicant = await make.user("applicant");
});

const accreditation = accreditationFixtures(() => testDb().db);
const accredited = (name: string, category: AccreditationCategory = "participant", members: Actor[] = []) =>
  accreditation.accredited(admin, name, category, members);
const stateOf = accreditation.stateOf;

const registerQuery = (q: string) => parseRegisterQuery({ q }, { maxPerPage: 100, defaultPerPage: 100 });

describe("suspending an accreditation", () => {
  it("suspends an active accreditation: history and audit rows, members told in their own languages, public register at once", async () => {
    const es = await make.user("applicant", { locale: "es" });
    const pt = await make.user("applicant", { locale: "pt" });
    const en = await make.user("applicant", { locale: "en" });
    const { organizationId, slug } = await accredited("Colectivo Suspendible Ñandú", "participant", [es, pt, en]);

    const result = await suspendAccreditation(admin, { organizationId, reason: "  Investigación en curso sobre su financiamiento.  " });

    expect(result).toEqual({ organizationId, status: "suspended", category: "participant", event: "suspended" });
    const state = await stateOf(organizationId);
    expect(state.row).toMatchObject({ status: "suspended", category: "participant", reason: "Investigación en curso sobre su financiamiento." });
    expect(state.history.at(-1)).toMatchObject({
      event: "suspended",
      category: "participant",
      reason: "Investigación en curso sobre su financiamiento.",
      actorId: admin.id,
    });
    expect(state.audit).toEqual(["accreditation.suspended"]);

    const [mailEs] = await make.mailTo(es.email).then((mails) => mails.filter((mail) => mail.subject.includes("suspend")));
    const [mailPt] = await make.mailTo(pt.email).then((mails) => mails.filter((mail) => mail.subject.includes("suspen")));
    const [mailEn] = await make.mailTo(en.email).then((mails) => mails.filter((mail) => mail.subject.includes("suspended")));
    expect(mailEs!.subject).toBe("La acreditación de Colectivo Suspendible Ñandú ante la CSM fue suspendida");
    expect(mailPt!.subject).toBe("O credenciamento de Colectivo Suspendible Ñandú na CSM foi suspenso");
    expect(mailEn!.subject).toBe("The CSM accreditation of Colectivo Suspendible Ñandú has been suspended");
    for (const [mail, locale] of [
      [mailEs, "es"],
      [mailPt, "pt"],
      [mailEn, "en"],
    ] as const) {
      expect(mail!.text).toContain("Investigación en curso sobre su financiamiento.");
      expect(mail!.text).toContain(`/${locale}/register/${slug}`);
    }

    const listed = await listPublicOrganizations(registerQuery("suspendible nandu"));
    expect(listed.items.map((item) => [item.slug, item.accreditation.status])).toEqual([[slug, "suspended"]]);
    const page = await getPublicOrganization(organizationId);
    expect(page!.accreditation).toMatchObject({ status: "suspended", reason: "Investigación en curso sobre su financiamiento." });
    expect(page!.history.at(-1)).toMatchObject({ event: "suspended", reason: "Investigación en curso sobre su financiamiento." });
  });

  it("needs a reason and an admin; a refusal changes nothing", async () => {
    const { organizationId } = await accredited("Red Sin Motivo");
    await expectAppError(suspendAccreditation(admin, { organizationId, reason: "   " }), "invalid");
    await expectAppError(suspendAccreditation(admin, { organizationId: "not-a-uuid", reason: "x" }), "invalid");
    await expectAppError(suspendAccreditation(reviewer, { organizationId, reason: "Un revisor no decide." }), "forbidden");
    await expectAppError(suspendAccreditation(applicant, { organizationId, reason: "Nadie más." }), "forbidden");
    await expectAppError(suspendAccreditation(null, { organizationId, reason: "Nadie." }), "unauthenticated");
    await expectAppError(revokeAccreditation(reviewer, { organizationId, reason: "No.", expectedStatus: "active" }), "forbidden");
    await expectAppError(reinstateAccreditation(applicant, { organizationId }), "forbidden");
    await expectAppError(changeAccreditationCategory(reviewer, { organizationId, category: "observer", reason: "No." }), "forbidden");
    const state = await stateOf(organizationId);
    expect(state.row).toMatchObject({ status: "active", reason: null });
    expect(state.events).toEqual(["granted"]);
    expect(state.audit).toEqual([]);
  });

  it("refuses an organization without accreditation as not found", async () => {
    const organizationId = await make.organization("Red Nunca Acreditada");
    await expectAppError(suspendAccreditation(admin, { organizationId, reason: "Motivo." }), "not_found");
  });
});

describe("transitions from the wrong status are conflicts that change nothing", () => {
  it("refuses to suspend a suspended, reinstate an active, change the category of a suspended or revoke what the admin did not see", async () => {
    const { organizationId } = await accredited("Red Estados Cruzados");
    await expectAppError(reinstateAccreditation(admin, { organizationId, reason: null }), "conflict");
    await expectAppError(changeAccreditationCategory(admin, { organizationId, category: "participant", reason: "Ya lo es." }), "conflict");
    await expectAppError(revokeAccreditation(admin, { organizationId, reason: "Vio otra cosa.", expectedStatus: "suspended" }), "conflict");
    await suspendAccreditation(admin, { organizationId, reason: "Primera suspensión." });
    await expectAppError(suspendAccreditation(otherAdmin, { organizationId, reason: "Otra vez." }), "conflict");
    await expectAppError(changeAccreditationCategory(admin, { organizationId, category: "observer", reason: "Suspendida." }), "conflict");
    await expectAppError(revokeAccreditation(admin, { organizationId, reason: "Vio activa.", expectedStatus: "active" }), "conflict");

    const state = await stateOf(organizationId);
    expect(state.row).toMatchObject({ status: "suspended", reason: "Primera suspensión." });
    expect(state.events).toEqual(["granted", "suspended"]);
    expect(state.audit).toEqual(["accreditation.suspended"]);
  });

  it("leaves a revoked accreditation as it is", async () => {
    const { organizationId } = await accredited("Red Revocada Definitiva");
    await revokeAccreditation(admin, { organizationId, reason: "Fin.", expectedStatus: "active" });
    await expectAppError(suspendAccreditation(admin, { organizationId, reason: "Tarde." }), "conflict");
    await expectAppError(reinstateAccreditation(admin, { organizationId, reason: "Tarde." }), "conflict");
    await expectAppError(revokeAccreditation(admin, { organizationId, reason: "Otra vez.", expectedStatus: "suspended" }), "conflict");
    await expectAppError(changeAccreditationCategory(admin, { organizationId, category: "observer", reason: "Tarde." }), "conflict");
    expect((await stateOf(organizationId)).events).toEqual(["granted", "revoked"]);
  });
});

describe("reinstating, revoking and changing the category", () => {
  it("reinstates a suspended accreditation with or without a reason; the public page drops the suspension", async () => {
    const member = await make.user("applicant", { locale: "pt" });
    const { organizationId } = await accredited("Red Restablecida", "observer", [member]);
    await suspendAccreditation(admin, { organizationId, reason: "Documentos vencidos." });
    await reinstateAccreditation(otherAdmin, { organizationId, reason: "" });

    const state = await stateOf(organizationId);
    expect(state.row).toMatchObject({ status: "active", category: "observer", reason: null });
    expect(state.history.at(-1)).toMatchObject({ event: "reinstated", reason: null, actorId: otherAdmin.id });
    expect(state.audit.sort()).toEqual(["accreditation.reinstated", "accreditation.suspended"]);
    const mails = await make.mailTo(member.email);
    expect(mails.map((mail) => mail.subject)).toContain("O credenciamento de Red Restablecida na CSM foi restabelecido");
    const page = await getPublicOrganization(organizationId);
    expect(page!.accreditation).toMatchObject({ status: "active", reason: null });

    await suspendAccreditation(admin, { organizationId, reason: "Otra vez." });
    await reinstateAccreditation(admin, { organizationId, reason: "Documentos al día." });
    expect((await stateOf(organizationId)).history.at(-1)).toMatchObject({ event: "reinstated", reason: "Documentos al día." });
  });

  it("revokes: the organization leaves the public register and its page; members are told", async () => {
    const member = await make.user("applicant", { locale: "en" });
    const { organizationId, slug } = await accredited("Red Revocable Quetzal", "participant", [member]);
    await suspendAccreditation(admin, { organizationId, reason: "Primero suspendida." });
    await revokeAccreditation(admin, { organizationId, reason: "Incumplió el código de conducta.", expectedStatus: "suspended" });

    const state = await stateOf(organizationId);
    expect(state.row).toMatchObject({ status: "revoked", reason: "Incumplió el código de conducta." });
    expect(state.history.at(-1)).toMatchObject({ event: "revoked", reason: "Incumplió el código de conducta." });
    expect(await findListedOrganizationId(slug)).toBeNull();
    expect(await getPublicOrganization(organizationId)).toBeNull();
    expect((await listPublicOrganizations(registerQuery("revocable quetzal"))).total).toBe(0);
    const [mail] = (await make.mailTo(member.email)).filter((entry) => entry.subject.includes("revoked"));
    expect(mail!.subject).toBe("The CSM accreditation of Red Revocable Quetzal has been revoked");
    expect(mail!.text).toContain("/en/applicant");
  });

  it("lets a revoked organization apply again: a new decision accredits it again", async () => {
    const { organizationId, slug } = await accredited("Red Que Vuelve");
    await revokeAccreditation(admin, { organizationId, reason: "Revocada.", expectedStatus: "active" });
    const again = await make.application(organizationId, "recommended");
    await decideApplication(admin, { applicationId: again, decision: "observer", reason: "Nueva solicitud aprobada." });

    const state = await stateOf(organizationId);
    expect(state.row).toMatchObject({ status: "active", category: "observer", reason: null, applicationId: again });
    expect(state.events).toEqual(["granted", "revoked", "granted"]);
    expect(await findListedOrganizationId(slug)).toBe(organizationId);
  });

  it("changes the category of an active accreditation, shown in the public history", async () => {
    const { organizationId } = await accredited("Red Que Cambia", "participant");
    await changeAccreditationCategory(admin, { organizationId, category: "observer", reason: "Lo pidió la organización." });

    const state = await stateOf(organizationId);
    expect(state.row).toMatchObject({ status: "active", category: "observer" });
    expect(state.history.at(-1)).toMatchObject({ event: "category_changed", category: "observer", reason: "Lo pidió la organización." });
    expect(state.audit).toEqual(["accreditation.category_changed"]);
    const page = await getPublicOrganization(organizationId);
    expect(page!.accreditation.category).toBe("observer");
    expect(page!.history.at(-1)).toMatchObject({ event: "category_changed", category: "observer", reason: "Lo pidió la organización." });
    await expectAppError(changeAccreditationCategory(admin, { organizationId, category: "observer", reason: "Ya lo es." }), "conflict");
    await expectAppError(changeAccreditationCategory(admin, { organizationId, category: "participant", reason: "" }), "invalid");
  });
});

describe("the secretariat's organization pages", () => {
  it("lists accredited organizations in every status with accent-insensitive search, filters and a total", async () => {
    await accredited("Fundación Búho Activa", "participant");
    const suspended = await accredited("Fundación Búho Suspendida", "observer");
    const revoked = await accredited("Fundación Búho Revocada", "participant");
    await suspendAccreditation(admin, { organizationId: suspended.organizationId, reason: "Motivo." });
    await revokeAccreditation(admin, { organizationId: revoked.organizationId, reason: "Motivo.", expectedStatus: "active" });

    const all = await listAccreditedOrganizations(reviewer, parseOrganizationFilters({ q: "FUNDACION BUHO" }));
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => [row.legalName, row.status])).toEqual([
      ["Fundación Búho Activa", "active"],
      ["Fundación Búho Revocada", "revoked"],
      ["Fundación Búho Suspendida", "suspended"],
    ]);
    const onlySuspended = await listAccreditedOrganizations(admin, parseOrganizationFilters({ q: "buho", status: "suspended" }));
    expect(onlySuspended.rows.map((row) => row.id)).toEqual([suspended.organizationId]);
    const observers = await listAccreditedOrganizations(admin, parseOrganizationFilters({ q: "buho", category: "observer" }));
    expect(observers.total).toBe(1);
    const elsewhere = await listAccreditedOrganizations(admin, parseOrganizationFilters({ q: "buho", country: "BR" }));
    expect(elsewhere.total).toBe(0);
    const pastTheEnd = await listAccreditedOrganizations(admin, parseOrganizationFilters({ q: "buho", page: "3" }));
    expect(pastTheEnd).toMatchObject({ rows: [], total: 3, pageCount: 1 });
    await expectAppError(listAccreditedOrganizations(applicant, parseOrganizationFilters({})), "forbidden");
  });

  it("shows one organization with its accreditation history (who, when, reason) and applications to staff only", async () => {
    const { organizationId } = await accredited("Asociación Con Historia");
    await suspendAccreditation(admin, { organizationId, reason: "Revisión de estatutos." });

    const view = await getOrganizationForSecretariat(reviewer, organizationId);
    expect(view.accreditation).toMatchObject({ status: "suspended", reason: "Revisión de estatutos." });
    expect(view.accreditation!.history.map((entry) => [entry.event, entry.reason, entry.actor?.email])).toEqual([
      ["suspended", "Revisión de estatutos.", admin.email],
      ["granted", null, admin.email],
    ]);
    expect(view.applications.map((application) => application.status)).toEqual(["accredited_participant"]);
    await expectAppError(getOrganizationForSecretariat(applicant, organizationId), "forbidden");

    const draftOnly = await make.organization("Borrador Privado");
    await make.application(draftOnly, "draft");
    await expectAppError(getOrganizationForSecretariat(admin, draftOnly), "not_found");
  });
});

describe("notifications", () => {
  it("reach only the organization's own members", async () => {
    const member = await make.user("applicant", { locale: "es" });
    const outsider = await make.user("applicant", { locale: "es" });
    const { organizationId } = await accredited("Red Notificada", "participant", [member]);
    await make.organization("Red Vecina");
    await changeAccreditationCategory(admin, { organizationId, category: "observer", reason: "Cambio pedido." });
    const mails = await testDb()
      .db.select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.to, [member.email, outsider.email]));
    expect(mails.filter((mail) => mail.subject.startsWith("Cambió la categoría")).map((mail) => mail.to)).toEqual([member.email]);
    expect(mails.find((mail) => mail.subject.startsWith("Cambió"))!.text).toContain("acreditada como observadora");
  });
});

import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { getOwnApplication, saveApplicationSection } from "@/db/queries/applications-own";
import {
  approveProfileChange,
  ownProfileChange,
  pendingProfileChanges,
  profileChangeForSecretariat,
  PublishedNameTakenError,
  refuseProfileChange,
} from "@/db/queries/profile-changes";
import { profileSections } from "@/db/queries/organization-profile";
import { getPublicOrganization } from "@/db/queries/public-register";
import { auditLog, coalitionMembers, emailOutbox, organizations, profileChanges } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { describeAudit } from "@/lib/audit-actions";
import { createUser, newApplicant, organizationAnswers, WORK } from "../support/applicant-fixtures";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const db = () => testDb().db;

beforeEach(async () => {
  await db().execute(sql`truncate users, organizations, meetings, audit_log, email_outbox cascade`);
});

/** An applicant whose organization the secretariat accredited, with the organization's first draft still open to edit. */
async function listedApplicant(locale: "es" | "pt" | "en" = "es") {
  const admin = await make.user("admin");
  const { actor, organizationId, applicationId } = await newApplicant(db(), locale);
  const decided = await make.application(organizationId, "recommended");
  await decideApplication(admin, { applicationId: decided, decision: "participant", reason: "Cumple." });
  const [row] = await db().select().from(organizations).where(eq(organizations.id, organizationId));
  return { admin, actor, organizationId, applicationId, published: row! };
}

async function saveOrganization(actor: Actor, applicationId: string, published: typeof organizations.$inferSelect, overrides: Record<string, unknown>) {
  await saveApplicationSection(actor, applicationId, "organization", {
    ...organizationAnswers({ legalName: published.legalName, registryNumber: published.registryNumber!, contactEmail: published.contactEmail! }),
    ...overrides,
  });
}

describe("changes to a listed organization's public entry", () => {
  it("are held for the secretariat: the register keeps the decided values, the organization sees what it typed", async () => {
    const { actor, organizationId, applicationId, published } = await listedApplicant();

    await saveOrganization(actor, applicationId, published, {
      legalName: "Nombre Suplantado",
      website: "https://phishing.example.net",
      contactEmail: "nueva@example.org",
    });

    const [row] = await db().select().from(organizations).where(eq(organizations.id, organizationId));
    expect(row).toMatchObject({ legalName: published.legalName, website: published.website, searchKey: published.searchKey });
    // Not public: written at once.
    expect(row!.contactEmail).toBe("nueva@example.org");
    expect(await getPublicOrganization(organizationId)).toMatchObject({ name: published.legalName, website: published.website });
    expect((await getOwnApplication(actor, applicationId))!.sections.organization).toMatchObject({
      legalName: "Nombre Suplantado",
      website: "https://phishing.example.net",
    });
    const own = await ownProfileChange(actor, organizationId);
    expect(own).toMatchObject({
      status: "pending",
      revision: 1,
      before: { legalName: published.legalName, website: published.website },
      after: { legalName: "Nombre Suplantado", website: "https://phishing.example.net" },
    });
    expect(Object.keys(own!.after).sort()).toEqual(["legalName", "website"]);
    expect(await pendingProfileChanges(await make.user("reviewer"))).toEqual({
      total: 1,
      rows: [{ organizationId, legalName: published.legalName, since: expect.any(Date) }],
    });
  });

  it("merges later edits into the one pending change and drops fields set back to the register's value", async () => {
    const { actor, organizationId, applicationId, published } = await listedApplicant();
    await saveOrganization(actor, applicationId, published, { website: "https://nuevo.example.org", city: "Arequipa" });
    await saveApplicationSection(actor, applicationId, "work", { ...WORK, description: "Nueva descripción." });
    await saveOrganization(actor, applicationId, published, { website: published.website, city: "Arequipa" });

    const changes = await db().select().from(profileChanges).where(eq(profileChanges.organizationId, organizationId));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ status: "pending", revision: 3, after: { city: "Arequipa", description: "Nueva descripción." } });
    expect(changes[0]!.after).not.toHaveProperty("website");
  });

  it("go straight to the profile while the organization is not listed", async () => {
    const { actor, organizationId, applicationId } = await newApplicant(db());
    await saveApplicationSection(actor, applicationId, "work", { ...WORK, description: "Directo." });
    expect((await db().select().from(organizations).where(eq(organizations.id, organizationId)))[0]!.description).toBe("Directo.");
    expect(await db().select().from(profileChanges)).toHaveLength(0);
  });

  it("are published by staff on the revision they read: register, audit with before → after, members told", async () => {
    const { actor, organizationId, applicationId, published } = await listedApplicant("pt");
    await saveOrganization(actor, applicationId, published, { legalName: "Rede Renomeada", city: "Cusco" });
    const reviewer = await make.user("reviewer");
    const change = (await profileChangeForSecretariat(reviewer, organizationId))!;

    await saveOrganization(actor, applicationId, published, { legalName: "Rede Renomeada", city: "Puno" });
    await expectAppError(approveProfileChange(reviewer, { organizationId, changeId: change.id, revision: change.revision }), "conflict");
    await expectAppError(approveProfileChange(actor, { organizationId, changeId: change.id, revision: 2 }), "forbidden");

    await approveProfileChange(reviewer, { organizationId, changeId: change.id, revision: 2 });

    expect(await getPublicOrganization(organizationId)).toMatchObject({ name: "Rede Renomeada", city: "Puno" });
    const [row] = await db().select().from(organizations).where(eq(organizations.id, organizationId));
    expect(row!.searchKey).toContain("rede renomeada");
    const [mail] = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, actor.email), eq(emailOutbox.kind, "profile-change-approved")));
    expect(mail!.subject).toBe("Suas alterações na ficha de Rede Renomeada no registro da CSM foram publicadas");
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "organization.profile_change_approved"));
    const readable = describeAudit(
      { action: audit!.action, actorName: "Rita Revisora", targetName: "Rede Renomeada", organizationName: "Rede Renomeada", data: audit!.data },
      "en",
    );
    expect(readable.sentence).toBe("Rita Revisora published the changes Rede Renomeada made to its public entry");
    expect(readable.changes).toEqual(
      expect.arrayContaining([
        { field: "Legal name", before: published.legalName, after: "Rede Renomeada" },
        { field: "City", before: published.city, after: "Puno" },
      ]),
    );
    await expectAppError(approveProfileChange(reviewer, { organizationId, changeId: change.id, revision: 2 }), "conflict");
  });

  it("are refused with a message: the register, the draft and the proposal are all kept; a new draft starts from the register", async () => {
    const { actor, organizationId, applicationId, published } = await listedApplicant("en");
    await saveOrganization(actor, applicationId, published, { website: "https://phishing.example.net" });
    const admin = await make.user("admin");
    const change = (await profileChangeForSecretariat(admin, organizationId))!;

    await expectAppError(refuseProfileChange(admin, { organizationId, changeId: change.id, revision: 1, reason: "  " }), "invalid");
    await refuseProfileChange(admin, { organizationId, changeId: change.id, revision: 1, reason: "The website is not the organization's." });

    expect(await getPublicOrganization(organizationId)).toMatchObject({ website: published.website });
    expect(await ownProfileChange(actor, organizationId)).toMatchObject({
      status: "refused",
      message: "The website is not the organization's.",
      after: { website: "https://phishing.example.net" },
    });
    // The draft keeps what was typed; a new draft starts from what the register shows.
    expect((await getOwnApplication(actor, applicationId))!.sections.organization!.website).toBe("https://phishing.example.net");
    expect((await profileSections(db(), organizationId)).organization!.website).toBe(published.website);
    const [mail] = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, actor.email), eq(emailOutbox.kind, "profile-change-refused")));
    expect(mail!.text).toContain("The website is not the organization's.");
  });

  it("are published with the secretariat's next decision, unless another accredited organization took the name meanwhile", async () => {
    const { admin, actor, organizationId, applicationId, published } = await listedApplicant();
    await saveOrganization(actor, applicationId, published, { city: "Trujillo" });
    const renewal = await make.application(organizationId, "recommended");
    await decideApplication(admin, { applicationId: renewal, decision: "observer", reason: "Renovada." });
    expect(await getPublicOrganization(organizationId)).toMatchObject({ city: "Trujillo" });
    expect((await db().select().from(profileChanges).where(eq(profileChanges.organizationId, organizationId)))[0]!.status).toBe("published");

    await saveOrganization(actor, applicationId, published, { legalName: "Nombre Libre Todavía", city: "Trujillo" });
    const other = await make.organization("Nombre Libre Todavia");
    await decideApplication(admin, { applicationId: await make.application(other, "recommended"), decision: "participant", reason: "Cumple." });
    await decideApplication(admin, { applicationId: await make.application(organizationId, "recommended"), decision: "participant", reason: "Renovada." });
    expect(await getPublicOrganization(organizationId)).toMatchObject({ name: published.legalName });
    const pending = (await profileChangeForSecretariat(admin, organizationId))!;
    expect(pending.status).toBe("pending");
    await expect(approveProfileChange(admin, { organizationId, changeId: pending.id, revision: pending.revision })).rejects.toBeInstanceOf(
      PublishedNameTakenError,
    );
  });

  it("are visible only to the organization's members and to staff", async () => {
    const { organizationId } = await listedApplicant();
    const stranger = await createUser(db(), "applicant");
    await expectAppError(ownProfileChange(stranger, organizationId), "not_found");
    await expectAppError(profileChangeForSecretariat(stranger, organizationId), "forbidden");
  });
});

describe("changes to a listed coalition's member list", () => {
  const PUBLISHED = [
    { name: "Red Uno", country: "AR" },
    { name: "Red Dos", country: "BO" },
  ] as const;
  const PROPOSED = [
    { name: "Red Uno", country: "AR" },
    { name: "Red Dos Renombrada", country: "BO" },
    { name: "Red Tres", country: "BR" },
  ] as const;

  /** A coalition listed with two members, "Red Uno" being an accredited organization of the portal linked to it. */
  async function listedCoalition(locale: "es" | "pt" | "en" = "es") {
    const admin = await make.user("admin");
    const { actor, organizationId, applicationId } = await newApplicant(db(), locale);
    await saveApplicationSection(actor, applicationId, "work", WORK);
    await saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: PUBLISHED });
    const member = await make.organization("Red Uno", { country: "AR" });
    await decideApplication(admin, { applicationId: await make.application(member, "recommended"), decision: "participant", reason: "Cumple." });
    await db()
      .update(coalitionMembers)
      .set({ memberOrganizationId: member })
      .where(and(eq(coalitionMembers.coalitionId, organizationId), eq(coalitionMembers.name, "Red Uno")));
    await decideApplication(admin, { applicationId: await make.application(organizationId, "recommended"), decision: "participant", reason: "Cumple." });
    const [{ slug }] = (await db().select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, member))) as [{ slug: string }];
    return { admin, actor, organizationId, applicationId, member, memberSlug: slug };
  }

  const registerMembers = async (organizationId: string) => (await getPublicOrganization(organizationId))!.members;
  const oldList = (memberSlug: string) => [
    { name: "Red Dos", country: "BO", slug: null },
    { name: "Red Uno", country: "AR", slug: memberSlug },
  ];
  const newList = (memberSlug: string) => [
    { name: "Red Dos Renombrada", country: "BO", slug: null },
    { name: "Red Tres", country: "BR", slug: null },
    { name: "Red Uno", country: "AR", slug: memberSlug },
  ];
  const linkOf = async (organizationId: string) =>
    (
      await db()
        .select()
        .from(coalitionMembers)
        .where(and(eq(coalitionMembers.coalitionId, organizationId), eq(coalitionMembers.name, "Red Uno")))
    )[0]?.memberOrganizationId;

  it("is held in the pending change: the register keeps the published list, drafts show the proposed one", async () => {
    const { actor, organizationId, applicationId, memberSlug } = await listedCoalition();
    expect(await registerMembers(organizationId)).toEqual(oldList(memberSlug));

    await saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: PROPOSED });

    expect(await registerMembers(organizationId)).toEqual(oldList(memberSlug));
    const own = await ownProfileChange(actor, organizationId);
    expect(own).toMatchObject({
      status: "pending",
      before: {
        coalitionMembers: [
          { name: "Red Dos", country: "BO" },
          { name: "Red Uno", country: "AR" },
        ],
      },
      after: {
        coalitionMembers: [
          { name: "Red Dos Renombrada", country: "BO" },
          { name: "Red Tres", country: "BR" },
          { name: "Red Uno", country: "AR" },
        ],
      },
    });
    expect(Object.keys(own!.after)).toEqual(["coalitionMembers"]);
    expect((await getOwnApplication(actor, applicationId))!.sections.representation!.members).toEqual(PROPOSED);
    expect((await profileSections(db(), organizationId)).representation!.members).toEqual([
      { name: "Red Dos Renombrada", country: "BO" },
      { name: "Red Tres", country: "BR" },
      { name: "Red Uno", country: "AR" },
    ]);

    // The published list again, in another order: nothing is left to review.
    await saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: [...PUBLISHED].reverse() });
    expect(await db().select().from(profileChanges).where(eq(profileChanges.organizationId, organizationId))).toHaveLength(0);
    expect(await linkOf(organizationId)).toBeTruthy();
  });

  it("is published by staff with the rest: new list public, the linked member keeps its link, audit reads one member per entry", async () => {
    const { actor, organizationId, applicationId, member, memberSlug } = await listedCoalition();
    await saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: PROPOSED });
    await saveApplicationSection(actor, applicationId, "work", { ...WORK, description: "Red de redes." });
    const reviewer = await make.user("reviewer");
    const change = (await profileChangeForSecretariat(reviewer, organizationId))!;
    expect(change.revision).toBe(2);
    expect(Object.keys(change.after).sort()).toEqual(["coalitionMembers", "description"]);

    await approveProfileChange(reviewer, { organizationId, changeId: change.id, revision: change.revision });

    expect(await registerMembers(organizationId)).toEqual(newList(memberSlug));
    expect(await getPublicOrganization(organizationId)).toMatchObject({ description: "Red de redes." });
    expect(await linkOf(organizationId)).toBe(member);
    expect((await getPublicOrganization(member))!.coalitions.map((link) => link.name)).toEqual([(await getPublicOrganization(organizationId))!.name]);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "organization.profile_change_approved"));
    const readable = describeAudit({ action: audit!.action, actorName: "Rita Revisora", targetName: "Red", organizationName: "Red", data: audit!.data }, "en");
    expect(readable.changes).toContainEqual({
      field: "Member organizations",
      before: "Red Dos (Bolivia); Red Uno (Argentina)",
      after: "Red Dos Renombrada (Bolivia); Red Tres (Brazil); Red Uno (Argentina)",
    });
  });

  it("is dropped on refusal: the register keeps the old list, the draft keeps what was typed", async () => {
    const { admin, actor, organizationId, applicationId, member, memberSlug } = await listedCoalition("en");
    await saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: PROPOSED });
    const change = (await profileChangeForSecretariat(admin, organizationId))!;

    await refuseProfileChange(admin, { organizationId, changeId: change.id, revision: change.revision, reason: "Red Tres is not a member." });

    expect(await registerMembers(organizationId)).toEqual(oldList(memberSlug));
    expect(await linkOf(organizationId)).toBe(member);
    expect((await getOwnApplication(actor, applicationId))!.sections.representation!.members).toEqual(PROPOSED);
    expect((await profileSections(db(), organizationId)).representation!.members).toEqual([
      { name: "Red Dos", country: "BO" },
      { name: "Red Uno", country: "AR" },
    ]);
  });

  it("is published with the secretariat's next accrediting decision", async () => {
    const { admin, actor, organizationId, applicationId, member, memberSlug } = await listedCoalition();
    await saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: PROPOSED });
    await decideApplication(admin, { applicationId: await make.application(organizationId, "recommended"), decision: "observer", reason: "Renovada." });
    expect(await registerMembers(organizationId)).toEqual(newList(memberSlug));
    expect(await linkOf(organizationId)).toBe(member);
    expect((await db().select().from(profileChanges).where(eq(profileChanges.organizationId, organizationId)))[0]!.status).toBe("published");
  });
});

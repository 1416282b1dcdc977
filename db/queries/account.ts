import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { erasedEmailOf } from "@/lib/erased-person";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import {
  accounts,
  applicationHistory,
  auditLog,
  delegates,
  documents,
  emailOutbox,
  meetings,
  organizationInvitations,
  organizationMembers,
  organizations,
  sessions,
  signInChallenges,
  users,
  verificationTokens,
} from "../schema";
import { recordAudit } from "./audit";
import { assertAnotherActiveAdmin, lockAdminChanges } from "./staff";

/**
 * Everything the portal holds about the asking person, and only about them: their account, their
 * memberships and invitations, nominations made in their name, what they wrote or did, the e-mails
 * sent to them (subjects only: bodies can hold sign-in links). Never another person's data.
 */
export async function exportOwnData(actor: Actor | null) {
  assertCan(actor, "account:manage-own");
  const db = await getDb();
  const [account] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      staffNotices: users.staffNotices,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.id, actor.id), isNull(users.erasedAt)));
  if (!account) throw new AppError("not_found");
  const address = account.email.toLowerCase();

  const [memberships, invitations, nominations, writings, actions, uploads, mail, activeSessions] = await Promise.all([
    db
      .select({ organizationId: organizations.id, organization: organizations.legalName, role: organizationMembers.role, since: organizationMembers.createdAt })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, account.id))
      .orderBy(asc(organizationMembers.createdAt)),
    db
      .select({ organization: organizations.legalName, createdAt: organizationInvitations.createdAt, acceptedAt: organizationInvitations.acceptedAt })
      .from(organizationInvitations)
      .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
      .where(sql`lower(${organizationInvitations.email}) = ${address}`)
      .orderBy(asc(organizationInvitations.createdAt)),
    db
      .select({
        meeting: meetings.number,
        organization: organizations.legalName,
        name: delegates.name,
        email: delegates.email,
        roleInOrganization: delegates.roleInOrganization,
        nationality: delegates.nationality,
        accessibilityNeeds: delegates.accessibilityNeeds,
        needsVisaLetter: delegates.needsVisaLetter,
        status: delegates.status,
        createdAt: delegates.createdAt,
      })
      .from(delegates)
      .innerJoin(meetings, eq(meetings.id, delegates.meetingId))
      .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
      .where(sql`lower(${delegates.email}) = ${address}`)
      .orderBy(asc(delegates.createdAt)),
    db
      .select({
        applicationId: applicationHistory.applicationId,
        kind: applicationHistory.kind,
        message: applicationHistory.message,
        createdAt: applicationHistory.createdAt,
      })
      .from(applicationHistory)
      .where(eq(applicationHistory.actorId, account.id))
      .orderBy(asc(applicationHistory.createdAt)),
    db
      .select({ action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, createdAt: auditLog.createdAt })
      .from(auditLog)
      .where(eq(auditLog.actorId, account.id))
      .orderBy(asc(auditLog.createdAt)),
    db
      .select({
        applicationId: documents.applicationId,
        kind: documents.kind,
        fileName: documents.fileName,
        size: documents.size,
        createdAt: documents.createdAt,
      })
      .from(documents)
      .where(eq(documents.uploadedById, account.id))
      .orderBy(asc(documents.createdAt)),
    db
      .select({ subject: emailOutbox.subject, status: emailOutbox.status, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(sql`lower(${emailOutbox.to}) = ${address}`)
      .orderBy(asc(emailOutbox.createdAt)),
    db.select({ expires: sessions.expires }).from(sessions).where(eq(sessions.userId, account.id)).orderBy(asc(sessions.expires)),
  ]);

  return {
    exportedAt: new Date(),
    account,
    memberships,
    invitations,
    delegateNominations: nominations,
    applicationHistory: writings,
    auditTrail: actions,
    documentsUploaded: uploads,
    emailsSent: mail,
    sessions: activeSessions,
  };
}

export type OwnDataExport = Awaited<ReturnType<typeof exportOwnData>>;

/**
 * Erases the asking person's account in one transaction: name and address gone (the id stays, so
 * applications and the audit trail remain complete and show a former member), sessions ended,
 * memberships and pending invitations removed. Their address is free to sign up again as someone new.
 * The last active admin cannot erase themselves.
 */
export async function eraseOwnAccount(actor: Actor | null): Promise<void> {
  assertCan(actor, "account:manage-own");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [me] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.id, actor.id), isNull(users.erasedAt)))
      .for("update");
    if (!me) throw new AppError("not_found");
    if (me.role === "admin") await assertAnotherActiveAdmin(tx, me.id);

    const erasedEmail = erasedEmailOf(me.id);
    const now = new Date();
    const [erased] = await tx
      .update(users)
      .set({
        email: erasedEmail,
        name: null,
        image: null,
        emailVerified: null,
        locale: null,
        erasedAt: now,
        deactivatedAt: sql`coalesce(${users.deactivatedAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(and(eq(users.id, me.id), isNull(users.erasedAt)))
      .returning({ id: users.id });
    if (!erased) throw new AppError("conflict");

    const address = me.email.toLowerCase();
    await tx.delete(sessions).where(eq(sessions.userId, me.id));
    await tx.delete(accounts).where(eq(accounts.userId, me.id));
    await tx.delete(verificationTokens).where(sql`lower(${verificationTokens.identifier}) = ${address}`);
    await tx.delete(signInChallenges).where(sql`lower(${signInChallenges.email}) = ${address}`);
    await tx.delete(organizationMembers).where(eq(organizationMembers.userId, me.id));
    await tx.delete(organizationInvitations).where(and(sql`lower(${organizationInvitations.email}) = ${address}`, isNull(organizationInvitations.acceptedAt)));
    await tx
      .update(organizationInvitations)
      .set({ email: erasedEmail })
      .where(sql`lower(${organizationInvitations.email}) = ${address}`);
    await tx.delete(emailOutbox).where(sql`lower(${emailOutbox.to}) = ${address}`);
    // Records kept for the organization's history may quote the address (an invitation, a staff change).
    await tx.execute(sql`update audit_log set data = replace(data::text, ${me.email}, ${erasedEmail})::jsonb where strpos(data::text, ${me.email}) > 0`);
    await tx.execute(
      sql`update application_history set data = replace(data::text, ${me.email}, ${erasedEmail})::jsonb where strpos(data::text, ${me.email}) > 0`,
    );
    await recordAudit(tx, { actorId: me.id, action: "account.erased", targetType: "user", targetId: me.id, data: { role: me.role } });
    // The log keeps names as they were written; a former member's are removed, the entries stay.
    await tx.update(auditLog).set({ actorName: null }).where(eq(auditLog.actorId, me.id));
    await tx
      .update(auditLog)
      .set({ targetName: null })
      .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, me.id)));
  });
}

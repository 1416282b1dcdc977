import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { type Actor, assertCan } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { securitySettings } from "@/lib/security-settings";
import { quotedName } from "@/lib/text-input";
import { translator } from "@/lib/i18n/messages";
import { getDb } from "../client";
import { organizationInvitations, organizationMembers, organizations, users } from "../schema";
import type { MailContext } from "./application-notices";
import { queueNotices } from "./outbox";
import { recordAudit } from "./audit";
import { hitRateLimit } from "./rate-limits";
import { assertMember } from "./organization-profile";
import { isUuid } from "./own-application-access";

const emailSchema = z.string().trim().toLowerCase().pipe(z.email());

export type OrganizationPeople = {
  organizationName: string;
  members: { email: string; name: string | null; role: "owner" | "member" }[];
  pending: { email: string; invitedAt: Date }[];
};

export async function listOrganizationPeople(actor: Actor | null, organizationId: string): Promise<OrganizationPeople | null> {
  assertCan(actor, "organization:manage-own");
  if (!isUuid(organizationId)) return null;
  const db = await getDb();
  try {
    await assertMember(db, actor, organizationId);
  } catch {
    return null;
  }
  const [org] = await db.select({ name: organizations.legalName }).from(organizations).where(eq(organizations.id, organizationId));
  const members = await db
    .select({ email: users.email, name: users.name, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId))
    .orderBy(asc(users.email));
  const pending = await db
    .select({ email: organizationInvitations.email, invitedAt: organizationInvitations.createdAt })
    .from(organizationInvitations)
    .where(and(eq(organizationInvitations.organizationId, organizationId), isNull(organizationInvitations.acceptedAt)))
    .orderBy(asc(organizationInvitations.email));
  return { organizationName: org!.name, members, pending };
}

/** An invitation refused for who is invited: already a member, or already invited and not yet joined. */
export class InvitationRefusedError extends AppError {
  constructor(readonly reason: "already_member" | "already_invited") {
    super("conflict", reason);
  }
}

const HOUR = 60 * 60;

/**
 * Invites a colleague by e-mail to an organization the actor belongs to; they join it on
 * their next sign-in (see acceptPendingInvitations). One pending invitation per address, never
 * mailed twice, even when both invitations are sent at once; each member and each organization
 * may send only so many (the counters are rows, so the limits hold across instances and races).
 */
export async function inviteColleague(actor: Actor | null, organizationId: string, email: string, context: MailContext): Promise<void> {
  assertCan(actor, "organization:manage-own");
  if (!isUuid(organizationId)) throw new AppError("not_found", `organization ${organizationId}`);
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new AppError("invalid", "email");
  const address = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertMember(tx, actor, organizationId);
    // Invitations to one organization queue on its row: of two at once for the same address,
    // the second sees the first's pending invitation instead of adding its own.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("no key update");
    const [already] = await tx
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, organizationId), sql`lower(${users.email}) = ${address}`));
    if (already) throw new InvitationRefusedError("already_member");
    const [pending] = await tx
      .select({ id: organizationInvitations.id })
      .from(organizationInvitations)
      .where(
        and(eq(organizationInvitations.organizationId, organizationId), eq(organizationInvitations.email, address), isNull(organizationInvitations.acceptedAt)),
      );
    if (pending) throw new InvitationRefusedError("already_invited");
    const limits = securitySettings();
    const byMember = await hitRateLimit(`invite:member:${actor.id}`, limits.invitationsPerMemberPerHour, HOUR, tx);
    const byOrganization = await hitRateLimit(`invite:organization:${organizationId}`, limits.invitationsPerOrganizationPerDay, 24 * HOUR, tx);
    // Thrown inside the transaction: the refused attempt does not count.
    if (!byMember.allowed || !byOrganization.allowed) throw new AppError("rate_limited", "invitations");
    await tx.insert(organizationInvitations).values({ organizationId, email: address, invitedById: actor.id });
    const auditId = await recordAudit(tx, {
      actorId: actor.id,
      action: "organization.invite",
      targetType: "organization",
      targetId: organizationId,
      data: { email: address },
    });
    const [org] = await tx.select({ name: organizations.legalName }).from(organizations).where(eq(organizations.id, organizationId));
    const organizationName = org!.name;
    const t = translator(context.locale, "ApplicantEmail.invitation");
    const link = new URL(`/${context.locale}/sign-in`, context.origin).toString();
    await queueNotices(tx, [
      {
        to: address,
        kind: "invitation",
        key: `invitation:${auditId}`,
        // The subject is the portal's own; the organization's name (typed by whoever created it)
        // appears only in the body, quoted on one line.
        subject: t("subject"),
        text: `${t("body", { organization: quotedName(organizationName), inviter: actor.email })}\n\n${link}\n\n${t("footer")}`,
      },
    ]);
  });
}

/** Turns the pending invitations for the actor's own e-mail address into memberships. */
export async function acceptPendingInvitations(actor: Actor | null): Promise<number> {
  if (!actor || actor.role !== "applicant") return 0;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const pending = await tx
      .update(organizationInvitations)
      .set({ acceptedAt: new Date() })
      .where(and(sql`lower(${organizationInvitations.email}) = lower(${actor.email})`, isNull(organizationInvitations.acceptedAt)))
      .returning({ organizationId: organizationInvitations.organizationId });
    for (const { organizationId } of pending) {
      await tx.insert(organizationMembers).values({ organizationId, userId: actor.id, role: "member" }).onConflictDoNothing();
      await recordAudit(tx, { actorId: actor.id, action: "organization.join", targetType: "organization", targetId: organizationId });
    }
    return pending.length;
  });
}

import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { DEFAULT_LOCALE, type Locale, type Role } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { queueNotices } from "./outbox";
import { changeRoleSchema, inviteStaffSchema } from "@/lib/review-schemas";
import { getDb } from "../client";
import { sessions, users } from "../schema";
import { assertAnotherActiveAdmin, lockAdminChanges } from "./admin-guard";
import { recordAudit } from "./audit";
import { portalUrl } from "./notifications";

type StaffRole = "reviewer" | "admin";
type InvitedRole = StaffRole | "state";

export { assertAnotherActiveAdmin, lockAdminChanges };

export type StaffMember = {
  id: string;
  email: string;
  name: string | null;
  role: InvitedRole;
  /** A focal point's member state. */
  stateCountry: string | null;
  active: boolean;
  /** False for an invitee who has never signed in. */
  signedIn: boolean;
  createdAt: Date;
};

/** Reviewers, admins and the member states' focal points, active ones first. */
export async function listStaff(actor: Actor | null): Promise<StaffMember[]> {
  assertCan(actor, "staff:manage");
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      stateCountry: users.stateCountry,
      deactivatedAt: users.deactivatedAt,
      createdAt: users.createdAt,
      signedIn: sql<boolean>`(${users.emailVerified} is not null or exists (select 1 from "audit_log" where "audit_log"."actor_id" = "users"."id" and "audit_log"."action" = 'staff.sign_in'))`,
    })
    .from(users)
    .where(and(inArray(users.role, ["reviewer", "admin", "state"]), isNull(users.erasedAt)))
    .orderBy(sql`${users.deactivatedAt} is not null`, asc(users.email));
  return rows.map(({ deactivatedAt, role, ...row }) => ({ ...row, role: role as InvitedRole, active: deactivatedAt === null }));
}

function invitation(language: Locale, role: InvitedRole, stateCountry: string | null): { subject: string; text: string } {
  const signIn = portalUrl(`/${language}/sign-in`);
  if (role === "state") {
    const t = translator(language, "SecretariatEmail.stateInvitation");
    const country = translator(language, "Country")((stateCountry ?? "regional") as "AR");
    return { subject: t("subject", { country }), text: `${t("body", { country })}\n\n${signIn}\n\n${t("footer")}` };
  }
  const t = translator(language, "SecretariatEmail.staffInvitation");
  return { subject: t("subject"), text: `${t("body", { role: translator(language, "Role")(role) })}\n\n${signIn}\n\n${t("footer")}` };
}

/**
 * Gives an address a staff role or makes it a member state's focal point (creating its account,
 * upgrading an applicant's, or restoring a deactivated one) and e-mails the invitation to sign in,
 * in the account's language.
 */
export async function inviteStaff(
  actor: Actor | null,
  input: { email: string; role: InvitedRole; stateCountry?: string | null; locale?: Locale },
): Promise<{ userId: string; created: boolean }> {
  assertCan(actor, "staff:manage");
  const parsed = inviteStaffSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { email, role, stateCountry, locale } = parsed.data;
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [existing] = await tx
      .select({ id: users.id, role: users.role, locale: users.locale, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, email))
      .for("update");
    let userId: string;
    if (existing) {
      if (existing.role === "admin" && role !== "admin" && !existing.deactivatedAt) await assertAnotherActiveAdmin(tx, existing.id);
      await tx.update(users).set({ role, stateCountry, deactivatedAt: null, invitedById: actor.id }).where(eq(users.id, existing.id));
      userId = existing.id;
    } else {
      const [created] = await tx.insert(users).values({ email, role, stateCountry, locale, invitedById: actor.id }).returning({ id: users.id });
      userId = created!.id;
    }
    const auditId = await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.invite",
      targetType: "user",
      targetId: userId,
      data: { email, role, stateCountry, previousRole: existing?.role ?? null },
    });
    const language = existing?.locale ?? locale;
    await queueNotices(tx, [{ to: email, kind: "staff-invitation", key: `staff-invitation:${auditId}`, ...invitation(language, role, stateCountry) }]);
    return { userId, created: !existing };
  });
  return { userId: outcome.userId, created: outcome.created };
}

/** Changes a staff member's role; the last active admin cannot be demoted. */
export async function changeStaffRole(actor: Actor | null, input: { userId: string; role: StaffRole }): Promise<void> {
  assertCan(actor, "staff:manage");
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { userId, role } = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [target] = await tx
      .select({ role: users.role, email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, userId), inArray(users.role, ["reviewer", "admin"]), isNull(users.deactivatedAt)));
    if (!target) throw new AppError("not_found");
    if (target.role === role) return;
    if (target.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    const auditId = await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.role_change",
      targetType: "user",
      targetId: userId,
      data: { from: target.role as Role, to: role },
    });
    const language = target.locale ?? DEFAULT_LOCALE;
    const t = translator(language, "SecretariatEmail.staffRoleChanged");
    const roleName = translator(language, "Role");
    await queueNotices(tx, [
      {
        to: target.email,
        kind: "staff-role-changed",
        key: `staff-role-changed:${auditId}`,
        subject: t("subject"),
        text: `${t("body", { from: roleName(target.role), to: roleName(role) })}\n\n${t("action")}\n${portalUrl(`/${language}/sign-in`)}`,
      },
    ]);
  });
}

/**
 * Deactivates an account and ends its sessions in one transaction, so it loses access on its
 * very next request. The last active admin cannot be deactivated.
 */
export async function deactivateUser(actor: Actor | null, userId: string): Promise<void> {
  assertCan(actor, "staff:manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [target] = await tx
      .select({ role: users.role, email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
    if (!target) throw new AppError("not_found");
    if (target.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    const auditId = await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.deactivate",
      targetType: "user",
      targetId: userId,
      data: { email: target.email, role: target.role, from: "active", to: "deactivated" },
    });
    // Staff are told why they can no longer sign in; an applicant's deactivation is a secretariat measure it is not told of here.
    if (target.role === "reviewer" || target.role === "admin" || target.role === "state") {
      const t = translator(
        target.locale ?? DEFAULT_LOCALE,
        target.role === "state" ? "SecretariatEmail.stateDeactivated" : "SecretariatEmail.staffDeactivated",
      );
      await queueNotices(tx, [{ to: target.email, kind: "staff-deactivated", key: `staff-deactivated:${auditId}`, subject: t("subject"), text: t("body") }]);
    }
  });
}

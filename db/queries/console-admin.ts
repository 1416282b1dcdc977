import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Role } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { emailAddress } from "@/lib/text-input";
import { getDb } from "../client";
import { users } from "../schema";
import { recordAudit } from "./audit";
import { lockAdminChanges } from "./admin-guard";

export const CONSOLE_ADMIN_ACTION = "staff.console_admin";

const consoleAdminSchema = z.object({ email: emailAddress() });

export type ConsoleAdminOutcome = {
  userId: string;
  email: string;
  /** What the account was before: none (created), another role, a deactivated admin, or already an active admin. */
  outcome: "created" | "promoted" | "reactivated" | "unchanged";
  previousRole: Role | null;
};

/**
 * The server console's way to the first admin (`npm run admin:create`): no web request reaches it,
 * so there is no signed-in actor to check. Whoever can run it already holds the database's
 * credentials; the audit row (actor: the system) records that the role came from the console.
 */
export async function grantAdminFromConsole(input: { email: string }): Promise<ConsoleAdminOutcome> {
  const parsed = consoleAdminSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "not an e-mail address");
  const { email } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [existing] = await tx
      .select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, email))
      .for("update");
    if (existing?.role === "admin" && !existing.deactivatedAt) {
      return { userId: existing.id, email, outcome: "unchanged", previousRole: "admin" };
    }
    let userId: string;
    let outcome: ConsoleAdminOutcome["outcome"];
    if (existing) {
      const [updated] = await tx.update(users).set({ role: "admin", deactivatedAt: null }).where(eq(users.id, existing.id)).returning({ id: users.id });
      userId = updated!.id;
      outcome = existing.role === "admin" ? "reactivated" : "promoted";
    } else {
      const [created] = await tx.insert(users).values({ email, role: "admin" }).returning({ id: users.id });
      userId = created!.id;
      outcome = "created";
    }
    await recordAudit(tx, {
      actorId: null,
      action: CONSOLE_ADMIN_ACTION,
      targetType: "user",
      targetId: userId,
      data: { email, role: "admin", previousRole: existing?.role ?? null, outcome },
    });
    return { userId, email, outcome, previousRole: existing?.role ?? null };
  });
}

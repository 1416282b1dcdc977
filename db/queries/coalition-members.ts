import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../client";
import { coalitionMembers } from "../schema";

export type CoalitionMemberEntry = { name: string; country: string | null };

/** By name then country, keys in one order: two lists with the same members compare equal as JSON. */
export function normalizedMembers(members: readonly CoalitionMemberEntry[]): CoalitionMemberEntry[] {
  return members
    .map(({ name, country }) => ({ name, country: country ?? null }))
    .sort((a, b) => (a.name === b.name ? (a.country ?? "").localeCompare(b.country ?? "") : a.name < b.name ? -1 : 1));
}

/** The coalition's member list as the register shows it. */
export async function coalitionMemberList(executor: Executor, coalitionId: string): Promise<CoalitionMemberEntry[]> {
  const rows = await executor
    .select({ name: coalitionMembers.name, country: coalitionMembers.country })
    .from(coalitionMembers)
    .where(eq(coalitionMembers.coalitionId, coalitionId));
  return normalizedMembers(rows);
}

/** Replaces the coalition's member list; members registered on the portal keep their link when name and country still match. */
export async function replaceCoalitionMembers(tx: Transaction, coalitionId: string, wanted: readonly CoalitionMemberEntry[]): Promise<void> {
  await tx.delete(coalitionMembers).where(and(eq(coalitionMembers.coalitionId, coalitionId), sql`${coalitionMembers.memberOrganizationId} is null`));
  const linked = await tx
    .select({ id: coalitionMembers.id, name: coalitionMembers.name, country: coalitionMembers.country })
    .from(coalitionMembers)
    .where(eq(coalitionMembers.coalitionId, coalitionId));
  const keep = new Set<string>();
  for (const row of linked) {
    const match = wanted.find((member) => member.name === row.name && member.country === row.country);
    if (match) keep.add(`${match.name}\u0000${match.country}`);
    else await tx.delete(coalitionMembers).where(eq(coalitionMembers.id, row.id));
  }
  const added = wanted.filter((member) => !keep.has(`${member.name}\u0000${member.country}`));
  if (added.length > 0) await tx.insert(coalitionMembers).values(added.map((member) => ({ coalitionId, name: member.name, country: member.country })));
}

import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accreditations, delegates, meetings, organizations } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { DelegateDetailsInput } from "@/lib/delegates";
import type { AccreditationCategory, AccreditationStatus } from "@/lib/domain";
import { factories } from "./factories";

const DAY = 24 * 60 * 60 * 1000;

/** Meetings, accredited organizations and delegates' details for the nomination tests. */
export function delegateFixtures(db: () => Database) {
  const make = factories(db);

  async function meeting({ deadlineInDays = 30, startsInDays = 60, participantQuota = 3, observerQuota = 2 } = {}): Promise<string> {
    const [row] = await db()
      .insert(meetings)
      .values({
        number: `T-${randomUUID().slice(0, 8)}`,
        hostCountry: "BR",
        city: "Brasília",
        startsOn: new Date(Date.now() + startsInDays * DAY).toISOString().slice(0, 10),
        nominationDeadline: new Date(Date.now() + deadlineInDays * DAY),
        participantQuota,
        observerQuota,
      })
      .returning({ id: meetings.id });
    return row!.id;
  }

  /** An organization with one member (the returned actor) and, unless `category` is null, an accreditation. */
  async function accredited({
    category = "participant",
    status = "active",
    country = "PE",
    isCoalition = false,
    locale = null,
  }: {
    category?: AccreditationCategory | null;
    status?: AccreditationStatus;
    country?: string;
    isCoalition?: boolean;
    locale?: "es" | "pt" | "en" | null;
  } = {}): Promise<{ organizationId: string; member: Actor }> {
    const organizationId = await make.organization(`Org ${randomUUID()}`, { country, type: isCoalition ? "network" : "ngo" });
    if (isCoalition) await db().update(organizations).set({ isCoalition: true }).where(eq(organizations.id, organizationId));
    if (category) await db().insert(accreditations).values({ organizationId, category, status });
    const member = await make.user("applicant", { locale });
    await make.member(organizationId, member.id);
    return { organizationId, member };
  }

  let counter = 0;
  function person(overrides: Partial<DelegateDetailsInput> = {}): DelegateDetailsInput & { email: string } {
    counter++;
    return {
      name: `Delegate ${counter}`,
      email: `delegate-${counter}-${randomUUID().slice(0, 6)}@example.org`,
      roleInOrganization: "Coordinator",
      nationality: "Venezuelan",
      accessibilityNeeds: "",
      needsVisaLetter: true,
      ...overrides,
    };
  }

  /** The organization's nominated and confirmed delegates for the meeting. */
  async function liveCount(organizationId: string, meetingId: string): Promise<number> {
    const rows = await db()
      .select({ id: delegates.id })
      .from(delegates)
      .where(and(eq(delegates.organizationId, organizationId), eq(delegates.meetingId, meetingId), inArray(delegates.status, ["nominated", "confirmed"])));
    return rows.length;
  }

  return { meeting, accredited, person, liveCount };
}

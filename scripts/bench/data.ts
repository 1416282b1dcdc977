/**
 * The benchmark's data set, written through Drizzle so the same generator fills PostgreSQL and the
 * embedded database: accredited organizations with accented names in every country, type and
 * theme, coalitions with their members, applications in every status with their history, and
 * delegates. Multi-row INSERTs of BATCH rows (PostgreSQL allows 65,535 parameters per statement).
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  accreditations,
  applicationHistory,
  applications,
  coalitionMembers,
  delegates,
  meetings,
  organizationMembers,
  organizations,
  sessions,
  users,
} from "@/db/schema";
import type { ApplicationSections } from "@/lib/application-sections";
import { PIPELINE, type Transition } from "@/lib/application-status";
import { APPLICATION_STATUSES, CSM_COUNTRIES, ORGANIZATION_TYPES, THEMES, type ApplicationStatus } from "@/lib/domain";
import { searchKey } from "@/lib/search-key";

export type BenchScale = { organizations: number; applications: number };

const BATCH = 2_000;
const DAY = 86_400_000;

const FORMS = [
  "Asociación",
  "Fundación",
  "Red",
  "Centro",
  "Instituto",
  "Coletivo",
  "Associação",
  "Pastoral",
  "Servicio",
  "Comisión",
  "Movimiento",
  "Observatorio",
];
const FOCUS = [
  "de Apoyo a Migrantes",
  "Humanitaria",
  "por los Derechos de Personas Refugiadas",
  "Jesuita",
  "Andina",
  "do Migrante",
  "Caminos",
  "Sin Fronteras",
  "de Mujeres Migrantes",
  "Niñez en Movilidad",
  "Acción Solidária",
  "Integración",
];
const PLACES = [
  "Bogotá",
  "São Paulo",
  "Asunción",
  "Cúcuta",
  "Mérida",
  "Potosí",
  "Concepción",
  "Iquitos",
  "Valparaíso",
  "Córdoba",
  "Paramaribo",
  "Georgetown",
  "Maracaibo",
  "Florianópolis",
  "Tacna",
  "Arica",
  "Pando",
  "Rivera",
  "Encarnación",
  "Manaus",
];

/** The transitions that bring a new application to each status (its history). */
const PATHS: Record<ApplicationStatus, Transition[]> = {
  draft: [],
  submitted: ["submit"],
  in_review: ["submit", "start_review"],
  info_requested: ["submit", "start_review", "request_info"],
  in_consultation: ["submit", "start_review", "recommend"],
  recommended: ["submit", "start_review", "recommend", "close_consultation"],
  deferred: ["submit", "start_review", "recommend", "close_consultation", "defer"],
  accredited_participant: ["submit", "start_review", "recommend", "close_consultation", "decide_participant"],
  accredited_observer: ["submit", "start_review", "recommend", "close_consultation", "decide_observer"],
  rejected: ["submit", "start_review", "recommend", "close_consultation", "decide_reject"],
  withdrawn: ["submit", "withdraw"],
};

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

async function insertBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

function organizationRow(i: number) {
  const legalName = `${pick(FORMS, i)} ${pick(FOCUS, Math.floor(i / FORMS.length))} ${pick(PLACES, Math.floor(i / 7))} ${i + 1}`;
  const acronym = `${pick(FORMS, i).slice(0, 2).toUpperCase()}${pick(FOCUS, i * 5)
    .slice(3, 5)
    .toUpperCase()}${i + 1}`;
  const country = pick(CSM_COUNTRIES, i);
  return {
    id: crypto.randomUUID(),
    slug: `bench-${i + 1}`,
    legalName,
    acronym,
    type: pick(ORGANIZATION_TYPES, Math.floor(i / 5)),
    country,
    city: pick(PLACES, i),
    foundedYear: 1960 + (i % 60),
    registryName: "Registro Nacional",
    registryNumber: `B-${i + 1}`,
    website: `https://bench-${i + 1}.example.org`,
    contactEmail: `contacto-${i + 1}@bench.example.org`,
    countriesOfWork: [country, pick(CSM_COUNTRIES, i + 5)],
    themes: [pick(THEMES, i), pick(THEMES, i * 7 + 3)].filter((t, k, all) => all.indexOf(t) === k),
    populationsServed: "Personas migrantes y refugiadas",
    description: "Organización de la sociedad civil que trabaja con personas en movilidad humana.",
    isCoalition: i % 200 === 0,
    fundingSources: "Cooperación internacional y donaciones privadas",
    independenceDeclared: true,
    searchKey: searchKey(legalName, acronym),
  };
}

type OrganizationRow = ReturnType<typeof organizationRow>;

/** The answers an application holds: the profile sections, and the declarations once submitted. */
function sectionsOf(o: OrganizationRow, status: ApplicationStatus): ApplicationSections {
  const { legalName, acronym, type, country, city, foundedYear, registryName, registryNumber, website, contactEmail, countriesOfWork } = o;
  return {
    organization: { legalName, acronym, type, country, city, foundedYear, registryName, registryNumber, website, contactEmail, countriesOfWork },
    work: { themes: o.themes, populationsServed: o.populationsServed, description: o.description },
    representation: { isCoalition: o.isCoalition, members: [] },
    governance: { fundingSources: o.fundingSources, independenceDeclared: true },
    ...(status === "draft" ? {} : { declarations: { requestedCategory: "participant", truthful: true, codeOfConduct: true } }),
  };
}

/** The application at index i: the first of each organization is accredited, the rest spread over every status. */
function statusOf(i: number, organizationCount: number): ApplicationStatus {
  if (i < organizationCount) return i % 4 === 0 ? "accredited_observer" : "accredited_participant";
  return pick(APPLICATION_STATUSES, i * 7);
}

/**
 * Replaces the application data in `db` (migrated and seeded with the demo data) with the
 * benchmark's. `log` receives progress lines.
 */
export async function fillBenchData(db: Database, scale: BenchScale, log: (line: string) => void = () => {}): Promise<void> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await db.execute(
    sql.raw(
      "truncate organizations, applications, application_history, accreditations, accreditation_history, delegates, coalition_members, organization_members, documents, document_blobs, eligibility_checks cascade",
    ),
  );
  const [reviewer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "reviewer@demo.test"));
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@demo.test"));
  const [meeting] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.number, "XXII"));
  if (!reviewer || !admin || !meeting) throw new Error("Seed the demo data first (reviewer, admin and the XXII meeting).");

  const orgs = Array.from({ length: scale.organizations }, (_, i) => organizationRow(i));
  await insertBatches(orgs, (batch) => db.insert(organizations).values(batch));
  log(`${orgs.length} organizations (${elapsed()})`);

  const members = orgs
    .filter((o) => o.isCoalition)
    .flatMap((coalition, c) =>
      Array.from({ length: 5 }, (_, k) => {
        const member = orgs[(c * 37 + k * 11 + 1) % orgs.length]!;
        return { coalitionId: coalition.id, memberOrganizationId: member.id, name: member.legalName, country: member.country };
      }),
    );
  await insertBatches(members, (batch) => db.insert(coalitionMembers).values(batch));

  let applicationRows: (typeof applications.$inferInsert)[] = [];
  let historyRows: (typeof applicationHistory.$inferInsert)[] = [];
  let accreditationRows: (typeof accreditations.$inferInsert)[] = [];
  const flush = async () => {
    await insertBatches(applicationRows, (batch) => db.insert(applications).values(batch));
    await insertBatches(historyRows, (batch) => db.insert(applicationHistory).values(batch));
    await insertBatches(accreditationRows, (batch) => db.insert(accreditations).values(batch));
    applicationRows = [];
    historyRows = [];
    accreditationRows = [];
  };

  for (let i = 0; i < scale.applications; i++) {
    const organization = orgs[i % orgs.length]!;
    const status = statusOf(i, orgs.length);
    const path = PATHS[status];
    const id = crypto.randomUUID();
    const start = Date.now() - (400 - (i % 400)) * DAY;
    const at = (step: number) => new Date(start + step * 2 * DAY);
    const decided = path.some((t) => t.startsWith("decide_"));
    const recommendsRejection = status === "rejected" || (status === "recommended" && i % 6 === 0);
    applicationRows.push({
      id,
      organizationId: organization.id,
      meetingId: meeting.id,
      status,
      requestedCategory: i % 5 === 0 ? "observer" : "participant",
      isRenewal: i >= orgs.length && i % 3 === 0,
      sections: sectionsOf(organization, status),
      submittedAt: path.length ? at(1) : null,
      decidedAt: decided ? at(path.length) : null,
      assignedReviewerId: path.includes("start_review") ? reviewer.id : null,
      recommendation: !path.includes("recommend") || recommendsRejection ? null : status === "accredited_observer" || i % 5 === 0 ? "observer" : "participant",
      recommendsRejection,
      recommendationRationale: path.includes("recommend") ? "Cumple los criterios." : null,
      decisionReason: decided ? "Decisión de la Secretaría Técnica." : null,
      createdAt: at(0),
      updatedAt: at(path.length),
    });
    let from: ApplicationStatus = "draft";
    for (const [step, transition] of path.entries()) {
      const to = PIPELINE[transition].to;
      historyRows.push({
        applicationId: id,
        actorId: PIPELINE[transition].roles.includes("admin") ? admin.id : null,
        kind: "transition",
        fromStatus: from,
        toStatus: to,
        visibleToApplicant: true,
        createdAt: at(step + 1),
      });
      from = to;
    }
    if (i < orgs.length) {
      accreditationRows.push({
        organizationId: organization.id,
        category: status === "accredited_observer" ? "observer" : "participant",
        status: i % 50 === 0 ? "suspended" : "active",
        applicationId: id,
        grantedAt: at(path.length),
      });
    }
    if (applicationRows.length === BATCH) await flush();
  }
  await flush();
  log(`${scale.applications} applications with their history (${elapsed()})`);

  await db.execute(sql`insert into accreditation_history (accreditation_id, event, category, actor_id, created_at)
                       select id, 'granted', category, ${admin.id}, granted_at from accreditations`);

  const delegateRows = orgs.slice(0, Math.ceil(orgs.length / 2)).flatMap((organization, i) =>
    Array.from({ length: 2 }, (_, k) => ({
      meetingId: meeting.id,
      organizationId: organization.id,
      name: `Delegada ${i + 1}-${k + 1} Muñoz`,
      email: `delegada-${i + 1}-${k + 1}@bench.example.org`,
      roleInOrganization: "Coordinación",
      nationality: organization.country,
      status: k === 0 ? ("confirmed" as const) : ("nominated" as const),
    })),
  );
  await insertBatches(delegateRows, (batch) => db.insert(delegates).values(batch));
  // As autovacuum would leave a settled database: statistics, and the visibility map index-only scans need.
  await db.execute(sql`vacuum analyze`);
  log(`${delegateRows.length} delegates; done in ${elapsed()}`);
}

export type BenchSessions = {
  reviewer: string;
  admin: string;
  /** One applicant per draft application: their session and the application they edit. */
  applicants: { session: string; applicationId: string }[];
  /** Applications waiting for a decision, for the decision row (each one can be decided once). */
  recommended: string[];
};

/**
 * Signs the load generator in without a back door: the bench owns its database, so it writes
 * Auth.js session rows (database sessions) for the demo reviewer and admin and for applicants it
 * creates as members of organizations with a draft, and sends their tokens as the session cookie.
 */
export async function createBenchSessions(db: Database, applicantCount: number): Promise<BenchSessions> {
  const expires = new Date(Date.now() + DAY);
  const token = () => `bench-${crypto.randomUUID()}`;
  // A previous run's applicants and sessions (their memberships and sessions go with them).
  await db.delete(users).where(sql`${users.email} like '%@bench.example.org'`);
  await db.delete(sessions).where(sql`${sessions.sessionToken} like 'bench-%'`);
  const staff = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`${users.email} in ('reviewer@demo.test', 'admin@demo.test')`);
  const reviewer = token();
  const admin = token();
  await db.insert(sessions).values([
    { sessionToken: reviewer, userId: staff.find((u) => u.email === "reviewer@demo.test")!.id, expires },
    { sessionToken: admin, userId: staff.find((u) => u.email === "admin@demo.test")!.id, expires },
  ]);

  const drafts = await db
    .select({ id: applications.id, organizationId: applications.organizationId })
    .from(applications)
    .where(eq(applications.status, "draft"))
    .limit(applicantCount);
  const applicants = drafts.map((draft, i) => ({ draft, userId: crypto.randomUUID(), session: token(), email: `solicitante-${i + 1}@bench.example.org` }));
  await insertBatches(applicants, (batch) =>
    db.insert(users).values(batch.map((a) => ({ id: a.userId, email: a.email, name: "Solicitante", emailVerified: new Date() }))),
  );
  await insertBatches(applicants, (batch) =>
    db.insert(organizationMembers).values(batch.map((a) => ({ organizationId: a.draft.organizationId, userId: a.userId, role: "owner" as const }))),
  );
  await insertBatches(applicants, (batch) => db.insert(sessions).values(batch.map((a) => ({ sessionToken: a.session, userId: a.userId, expires }))));

  const recommended = await db.select({ id: applications.id }).from(applications).where(eq(applications.status, "recommended"));
  return {
    reviewer,
    admin,
    applicants: applicants.map((a) => ({ session: a.session, applicationId: a.draft.id })),
    recommended: recommended.map((row) => row.id),
  };
}

/**
 * Fills a PostgreSQL database with data at the scale the portal must stay fast at:
 * 10,000 accredited organizations, 100,000 applications across every status with their
 * history, coalitions and delegates. Rows are generated here (so search keys match the app's)
 * and written with multi-row INSERTs in large batches.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/csm_bench npm run bench:data
 */
import postgres from "postgres";
import { PIPELINE, type Transition } from "@/lib/application-status";
import { APPLICATION_STATUSES, CSM_COUNTRIES, ORGANIZATION_TYPES, THEMES, type ApplicationStatus } from "@/lib/domain";
import { searchKey } from "@/lib/search-key";

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 10_000);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const BATCH = 2_000;

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/csm_bench";

const FORMS = ["Asociación", "Fundación", "Red", "Centro", "Instituto", "Coletivo", "Associação", "Pastoral", "Servicio", "Comisión", "Movimiento", "Observatorio"];
const FOCUS = ["de Apoyo a Migrantes", "Humanitaria", "por los Derechos de Personas Refugiadas", "Jesuita", "Andina", "do Migrante", "Caminos", "Sin Fronteras", "de Mujeres Migrantes", "Niñez en Movilidad", "Acción Solidária", "Integración"];
const PLACES = ["Bogotá", "São Paulo", "Asunción", "Cúcuta", "Mérida", "Potosí", "Concepción", "Iquitos", "Valparaíso", "Córdoba", "Paramaribo", "Georgetown", "Maracaibo", "Florianópolis", "Tacna", "Arica", "Pando", "Rivera", "Encarnación", "Manaus"];

const PATHS: Record<ApplicationStatus, Transition[]> = {
  draft: [],
  submitted: ["submit"],
  in_review: ["submit", "start_review"],
  info_requested: ["submit", "start_review", "request_info"],
  recommended: ["submit", "start_review", "recommend"],
  accredited_participant: ["submit", "start_review", "recommend", "decide_participant"],
  accredited_observer: ["submit", "start_review", "recommend", "decide_observer"],
  rejected: ["submit", "start_review", "recommend", "decide_reject"],
  withdrawn: ["submit", "withdraw"],
};

const DAY = 86_400_000;
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

function organizationRow(i: number) {
  const legalName = `${pick(FORMS, i)} ${pick(FOCUS, Math.floor(i / FORMS.length))} ${pick(PLACES, Math.floor(i / 7))} ${i + 1}`;
  const acronym = `${pick(FORMS, i).slice(0, 2).toUpperCase()}${pick(FOCUS, i * 5).slice(3, 5).toUpperCase()}${i + 1}`;
  const country = pick(CSM_COUNTRIES, i);
  return {
    id: crypto.randomUUID(),
    slug: `bench-${i + 1}`,
    legal_name: legalName,
    acronym,
    type: pick(ORGANIZATION_TYPES, i * 3),
    country,
    city: pick(PLACES, i),
    founded_year: 1960 + (i % 60),
    registry_name: "Registro Nacional",
    registry_number: `B-${i + 1}`,
    website: `https://bench-${i + 1}.example.org`,
    contact_email: `contacto-${i + 1}@bench.example.org`,
    countries_of_work: [country, pick(CSM_COUNTRIES, i + 5)],
    themes: [pick(THEMES, i), pick(THEMES, i * 7 + 3)].filter((t, k, all) => all.indexOf(t) === k),
    populations_served: "Personas migrantes y refugiadas",
    description: "Organización de la sociedad civil que trabaja con personas en movilidad humana.",
    is_coalition: i % 200 === 0,
    funding_sources: "Cooperación internacional y donaciones privadas",
    independence_declared: true,
    search_key: searchKey(legalName, acronym),
  };
}

async function ensureDatabase() {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  await admin.end();
}

async function main() {
  await ensureDatabase();
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  process.env.DATABASE_URL = url;
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase();
  await sql`truncate organizations, applications, application_history, accreditations, accreditation_history, delegates, coalition_members, organization_members, documents, document_blobs, eligibility_checks cascade`;

  const { getDb, closeDb } = await import("@/db/client");
  const { seedDatabase } = await import("@/db/seed");
  await seedDatabase(await getDb());
  await closeDb();

  const [reviewer] = await sql<{ id: string }[]>`select id from users where email = 'reviewer@demo.test'`;
  const [admin] = await sql<{ id: string }[]>`select id from users where email = 'admin@demo.test'`;
  const [meeting] = await sql<{ id: string }[]>`select id from meetings where number = 'XXII'`;

  const organizations = Array.from({ length: ORGANIZATIONS }, (_, i) => organizationRow(i));
  for (let i = 0; i < organizations.length; i += BATCH) await sql`insert into organizations ${sql(organizations.slice(i, i + BATCH))}`;
  console.log(`${organizations.length} organizations (${elapsed()})`);

  const coalitions = organizations.filter((o) => o.is_coalition);
  const members = coalitions.flatMap((coalition, c) =>
    Array.from({ length: 5 }, (_, k) => {
      const member = organizations[(c * 37 + k * 11 + 1) % organizations.length]!;
      return { id: crypto.randomUUID(), coalition_id: coalition.id, member_organization_id: member.id, name: member.legal_name, country: member.country };
    }),
  );
  await sql`insert into coalition_members ${sql(members)}`;

  // Every organization has one accredited application (10,000); the rest spread over all statuses.
  const accredited = new Set(["accredited_participant", "accredited_observer"]);
  let applicationRows: Record<string, unknown>[] = [];
  let historyRows: Record<string, unknown>[] = [];
  let accreditationRows: Record<string, unknown>[] = [];
  let written = 0;
  const flush = async () => {
    if (applicationRows.length) await sql`insert into applications ${sql(applicationRows as never)}`;
    for (let i = 0; i < historyRows.length; i += BATCH * 2) await sql`insert into application_history ${sql(historyRows.slice(i, i + BATCH * 2) as never)}`;
    if (accreditationRows.length) await sql`insert into accreditations ${sql(accreditationRows as never)}`;
    written += applicationRows.length;
    applicationRows = [];
    historyRows = [];
    accreditationRows = [];
  };

  for (let i = 0; i < APPLICATIONS; i++) {
    const organization = organizations[i % organizations.length]!;
    const status: ApplicationStatus =
      i < organizations.length ? (i % 4 === 0 ? "accredited_observer" : "accredited_participant") : pick(APPLICATION_STATUSES, i * 7);
    const path = PATHS[status];
    const id = crypto.randomUUID();
    const start = Date.now() - (400 - (i % 400)) * DAY;
    const at = (step: number) => new Date(start + step * 2 * DAY);
    const decided = path.some((t) => t.startsWith("decide_"));
    applicationRows.push({
      id,
      organization_id: organization.id,
      meeting_id: meeting!.id,
      status,
      requested_category: i % 5 === 0 ? "observer" : "participant",
      is_renewal: i >= organizations.length && i % 3 === 0,
      sections: sql.json({ organization: { legalName: organization.legal_name, country: organization.country } }),
      submitted_at: path.length ? at(1) : null,
      decided_at: decided ? at(path.length) : null,
      assigned_reviewer_id: path.includes("start_review") ? reviewer!.id : null,
      recommendation: path.includes("recommend") ? (status === "accredited_observer" ? "observer" : "participant") : null,
      recommendation_rationale: path.includes("recommend") ? "Cumple los criterios." : null,
      decision_reason: decided ? "Decisión de la Secretaría Técnica." : null,
      created_at: at(0),
      updated_at: at(path.length),
    });
    let from: ApplicationStatus = "draft";
    for (const [step, transition] of path.entries()) {
      const to = PIPELINE[transition].to;
      historyRows.push({
        id: crypto.randomUUID(),
        application_id: id,
        actor_id: PIPELINE[transition].roles.includes("admin") ? admin!.id : null,
        kind: "transition",
        from_status: from,
        to_status: to,
        message: null,
        visible_to_applicant: true,
        created_at: at(step + 1),
      });
      from = to;
    }
    if (accredited.has(status) && i < organizations.length) {
      accreditationRows.push({
        id: crypto.randomUUID(),
        organization_id: organization.id,
        category: status === "accredited_observer" ? "observer" : "participant",
        status: i % 50 === 0 ? "suspended" : "active",
        application_id: id,
        granted_at: at(path.length),
      });
    }
    if (applicationRows.length === BATCH) await flush();
  }
  await flush();
  console.log(`${written} applications with history (${elapsed()})`);

  await sql`insert into accreditation_history (accreditation_id, event, category, actor_id, created_at)
            select id, 'granted', category, ${admin!.id}, granted_at from accreditations`;

  const delegates = organizations.slice(0, Math.min(organizations.length, 5_000)).flatMap((organization, i) =>
    Array.from({ length: 2 }, (_, k) => ({
      meeting_id: meeting!.id,
      organization_id: organization.id,
      name: `Delegada ${i + 1}-${k + 1} Muñoz`,
      email: `delegada-${i + 1}-${k + 1}@bench.example.org`,
      role_in_organization: "Coordinación",
      nationality: organization.country,
      status: k === 0 ? "confirmed" : "nominated",
    })),
  );
  for (let i = 0; i < delegates.length; i += BATCH) await sql`insert into delegates ${sql(delegates.slice(i, i + BATCH))}`;
  await sql`analyze`;
  console.log(`${delegates.length} delegates; done in ${elapsed()}`);
  await sql.end();
}

await main();

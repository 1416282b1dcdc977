/**
 * What the bench loads, row by row: each row is one kind of request, repeated by every connection,
 * with the paths (and, for writes, the bodies and sessions) rotating over realistic values.
 */
import type { RawRequest } from "autocannon";
import { CSM_COUNTRIES } from "@/lib/domain";
import { actionRequest, actionSucceeded, SESSION_COOKIE, serverActionId } from "./actions";
import type { BenchSessions } from "./data";

export type BenchRow = {
  id: string;
  label: string;
  /** The request each connection sends next. */
  next: () => Partial<RawRequest> & { path: string };
  /** Every distinct GET path, requested once before measuring (fills the caches a visitor would find filled). */
  warm?: string[];
  /** Status codes that count as success. */
  expect: number[];
  /** A response body that fails this counts as an error. */
  verify?: (body: string) => boolean;
};

const SEARCH_WORDS = ["bogota", "sao paulo", "fundacion", "jesuita", "migrante", "red andina", "niñez", "refugiadas", "asuncion", "coletivo"];

function rotate<T>(values: readonly T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length]!;
}

export function benchRows(origin: string, sessions: BenchSessions, staticPath: string, organizationCount: number): BenchRow[] {
  const get = (paths: string[], cookie?: string) => {
    const next = rotate(paths);
    // Pages are asked for as a browser asks for a document (the page cache keeps documents only).
    return () => {
      const path = next();
      const headers: Record<string, string> = path.startsWith("/api/") ? {} : { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
      if (cookie) headers.cookie = `${SESSION_COOKIE}=${cookie}`;
      return { path, headers };
    };
  };
  const searches = SEARCH_WORDS.flatMap((word, i) => [
    `/es/register?q=${encodeURIComponent(word)}`,
    `/es/register?q=${encodeURIComponent(word)}&country=${CSM_COUNTRIES[i]}&sort=recent`,
  ]);
  const organizations = Array.from({ length: 200 }, (_, i) => `/es/register/bench-${((i * 37) % organizationCount) + 1}`);
  const apiPages = Array.from({ length: 20 }, (_, i) => `/api/v1/organizations?page=${i + 1}&per_page=50`);
  const queue = CSM_COUNTRIES.map((country) => `/es/secretariat/applications?status=submitted&country=${country}`);
  const staff = (body: string) => !body.includes('name="email"');

  const saveSection = serverActionId("saveSectionAction", "applicant/actions");
  const decide = serverActionId("decideApplicationAction", "secretariat/applications/[id]/actions");
  const applicant = rotate(sessions.applicants);
  let decided = 0;

  return [
    { id: "static", label: `static file (${staticPath})`, next: get([staticPath]), expect: [200] },
    { id: "home", label: "home page (/es)", next: get(["/es"]), warm: ["/es"], expect: [200] },
    { id: "take-part", label: "how to take part (/es/how-to-take-part)", next: get(["/es/how-to-take-part"]), warm: ["/es/how-to-take-part"], expect: [200] },
    { id: "register", label: "register, first page (/es/register)", next: get(["/es/register"]), warm: ["/es/register"], expect: [200] },
    { id: "search", label: `register, search and filters (${searches.length} searches)`, next: get(searches), warm: searches, expect: [200] },
    { id: "organization", label: `organization page (${organizations.length} organizations)`, next: get(organizations), warm: organizations, expect: [200] },
    // A signed-in visitor gets the same page; the browser then asks who they are for the header (next row).
    {
      id: "register-signed-in",
      label: "register, first page, signed in (applicant)",
      next: get(["/es/register"], sessions.applicants[0]!.session),
      expect: [200],
    },
    {
      id: "session",
      label: "the header's account part (/api/session, applicant)",
      next: get(["/api/session"], sessions.applicants[0]!.session),
      expect: [200],
      verify: (body) => body.includes('"role":"applicant"'),
    },
    { id: "api", label: "JSON API, 50 per page (/api/v1/organizations, 20 pages)", next: get(apiPages), warm: apiPages, expect: [200] },
    {
      id: "queue",
      label: "secretariat queue, status and country filter (reviewer)",
      next: get(queue, sessions.reviewer),
      expect: [200],
      verify: staff,
    },
    { id: "dashboard", label: "secretariat dashboard (reviewer)", next: get(["/es/secretariat"], sessions.reviewer), expect: [200], verify: staff },
    {
      id: "save-section",
      label: "save an application section (applicant, server action)",
      next: () => {
        const { session, applicationId } = applicant();
        return actionRequest(origin, `/es/applicant/applications/${applicationId}/work`, saveSection, session, {
          applicationId,
          section: "work",
          themes: ["asylum", "integration"],
          populationsServed: "Personas migrantes, refugiadas y desplazadas",
          description: `Acompañamiento jurídico y psicosocial a personas en movilidad humana (${Date.now()}).`,
        });
      },
      expect: [200],
      verify: actionSucceeded,
    },
    {
      id: "decision",
      label: "record a decision (admin, server action)",
      next: () => {
        // Each recommended application can be decided once; past the last one the action refuses (an error).
        const applicationId = sessions.recommended[decided++] ?? sessions.recommended[0]!;
        return actionRequest(origin, `/es/secretariat/applications/${applicationId}`, decide, sessions.admin, {
          applicationId,
          decision: decided % 4 === 0 ? "observer" : "participant",
          reason: "Cumple los criterios de acreditación.",
        });
      },
      expect: [200],
      verify: actionSucceeded,
    },
    { id: "health", label: "GET /api/health", next: get(["/api/health"]), expect: [200] },
  ];
}

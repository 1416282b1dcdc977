import type { AccreditationCategory, ApplicationStatus, CountryCode, OrganizationType, Theme } from "@/lib/domain";

export type SeedOrganization = {
  slug: string;
  legalName: string;
  acronym?: string;
  type: OrganizationType;
  country: CountryCode | null;
  city?: string;
  countriesOfWork: CountryCode[];
  themes: Theme[];
  isCoalition?: boolean;
  memberOf?: string;
  foundedYear?: number;
  /** The category its application asks for; participant unless said. */
  requestedCategory?: AccreditationCategory;
};

/** The twelve organizations on whose behalf CSOs spoke at the XXI CSM (seed/announcement.txt). */
export const ACCREDITED_ORGANIZATIONS: SeedOrganization[] = [
  {
    slug: "scalabrinianos-peru",
    legalName: "Asociación Misioneros de San Carlos Scalabrinianos",
    type: "faith_based",
    country: "PE",
    city: "Lima",
    countriesOfWork: ["PE"],
    themes: ["asylum", "integration"],
  },
  {
    slug: "caref",
    legalName: "Comisión Argentina para personas Refugiadas y Migrantes",
    acronym: "CAREF",
    type: "ngo",
    country: "AR",
    city: "Buenos Aires",
    countriesOfWork: ["AR"],
    themes: ["asylum", "regularization"],
  },
  {
    slug: "cels",
    legalName: "Centro de Estudios Legales y Sociales",
    acronym: "CELS",
    type: "ngo",
    country: "AR",
    city: "Buenos Aires",
    countriesOfWork: ["AR"],
    themes: ["detention", "regularization"],
  },
  {
    slug: "movimiento-accion-migrante",
    legalName: "Movimiento Acción Migrante",
    acronym: "MAM",
    type: "grassroots",
    country: "CL",
    city: "Santiago",
    countriesOfWork: ["CL"],
    themes: ["integration", "labour"],
  },
  {
    slug: "observatorio-ciudadano",
    legalName: "Observatorio Ciudadano",
    type: "ngo",
    country: "CL",
    city: "Temuco",
    countriesOfWork: ["CL"],
    themes: ["integration"],
  },
  {
    slug: "sjm-chile",
    legalName: "Servicio Jesuita Migrante",
    acronym: "SJM Chile",
    type: "faith_based",
    country: "CL",
    city: "Santiago",
    countriesOfWork: ["CL"],
    themes: ["integration", "regularization"],
    memberOf: "rjm-lac",
  },
  {
    slug: "dejusticia",
    legalName: "Centro de Estudios Derecho, Justicia y Sociedad",
    acronym: "Dejusticia",
    type: "ngo",
    country: "CO",
    city: "Bogotá",
    countriesOfWork: ["CO"],
    themes: ["regularization", "integration"],
  },
  {
    slug: "codhes",
    legalName: "Consultoría para los derechos humanos y el desplazamiento",
    acronym: "CODHES",
    type: "ngo",
    country: "CO",
    city: "Bogotá",
    countriesOfWork: ["CO"],
    themes: ["asylum", "climate"],
  },
  {
    slug: "conectas",
    legalName: "Conectas Direitos Humanos",
    type: "ngo",
    country: "BR",
    city: "São Paulo",
    countriesOfWork: ["BR"],
    themes: ["detention", "asylum"],
  },
  {
    slug: "resama",
    legalName: "Red Sudamericana para las Migraciones Ambientales",
    acronym: "RESAMA",
    type: "network",
    country: "BR",
    countriesOfWork: ["BR"],
    themes: ["climate"],
  },
  {
    slug: "encuentros-sjm-peru",
    legalName: "Encuentros Servicio Jesuita a Migrante",
    acronym: "SJM Perú",
    type: "faith_based",
    country: "PE",
    city: "Lima",
    countriesOfWork: ["PE"],
    themes: ["integration", "asylum"],
    memberOf: "rjm-lac",
  },
  {
    slug: "rjm-lac",
    legalName: "Red Jesuita con Migrantes Latinoamérica y el Caribe",
    acronym: "RJM-LAC",
    type: "network",
    country: null,
    countriesOfWork: ["AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY", "VE"],
    themes: ["asylum", "integration"],
    isCoalition: true,
  },
];

/** Fictional organizations, marked "(demo)", that give the review queue one application in every other status. */
export const DEMO_ORGANIZATIONS: (SeedOrganization & { status: ApplicationStatus })[] = [
  {
    slug: "demo-draft",
    legalName: "Red de Apoyo a Personas Migrantes (demo)",
    acronym: "RAPM",
    type: "ngo",
    country: "BO",
    city: "La Paz",
    countriesOfWork: ["BO"],
    themes: ["children"],
    status: "draft",
  },
  {
    slug: "demo-submitted",
    legalName: "Asociación Frontera Solidaria (demo)",
    type: "grassroots",
    country: "EC",
    city: "Quito",
    countriesOfWork: ["EC", "CO"],
    themes: ["asylum"],
    status: "submitted",
  },
  {
    slug: "demo-in-review",
    legalName: "Instituto de Estudios sobre Movilidad Humana (demo)",
    acronym: "IEMH",
    type: "academic",
    country: "UY",
    city: "Montevideo",
    countriesOfWork: ["UY"],
    themes: ["education"],
    requestedCategory: "observer",
    status: "in_review",
  },
  {
    slug: "demo-info-requested",
    legalName: "Coletivo Mulheres Migrantes (demo)",
    type: "grassroots",
    country: "BR",
    city: "Manaus",
    countriesOfWork: ["BR"],
    themes: ["gender"],
    status: "info_requested",
  },
  {
    slug: "demo-consultation",
    legalName: "Colectivo Frontera Abierta (demo)",
    type: "grassroots",
    country: "CL",
    city: "Arica",
    countriesOfWork: ["CL", "PE", "BO"],
    themes: ["regularization", "children"],
    status: "in_consultation",
  },
  {
    slug: "demo-deferred",
    legalName: "Asociación Horizonte Migrante (demo)",
    type: "ngo",
    country: "BO",
    city: "Cochabamba",
    countriesOfWork: ["BO"],
    themes: ["labour", "integration"],
    status: "deferred",
  },
  {
    slug: "demo-recommended",
    legalName: "Fundación Caminos Compartidos (demo)",
    type: "ngo",
    country: "PY",
    city: "Asunción",
    countriesOfWork: ["PY"],
    themes: ["labour"],
    status: "recommended",
  },
  {
    slug: "demo-observer",
    legalName: "Migrant Support Network Guyana (demo)",
    type: "ngo",
    country: "GY",
    city: "Georgetown",
    countriesOfWork: ["GY"],
    themes: ["health"],
    requestedCategory: "observer",
    status: "accredited_observer",
  },
  {
    slug: "demo-rejected",
    legalName: "Centro Cultural Horizonte (demo)",
    type: "other",
    country: "VE",
    city: "Caracas",
    countriesOfWork: ["VE"],
    themes: ["other"],
    status: "rejected",
  },
  {
    slug: "demo-withdrawn",
    legalName: "Stichting Migratie Suriname (demo)",
    type: "ngo",
    country: "SR",
    city: "Paramaribo",
    countriesOfWork: ["SR"],
    themes: ["integration"],
    status: "withdrawn",
  },
];

/**
 * What applicant@demo.test belongs to: the accredited demo observer, with a delegate nominated for
 * the meeting taking applications (so the delegates area has something in it), and the demo draft.
 */
export const DEMO_APPLICANT_ORGANIZATIONS = {
  accredited: "demo-observer",
  draft: "demo-draft",
  delegate: { name: "Anjali Persaud", email: "anjali.persaud@demo.test", roleInOrganization: "Programme coordinator", nationality: "Guyanese" },
} as const;

export const DEMO_ACCOUNTS = {
  applicant: "applicant@demo.test",
  reviewer: "reviewer@demo.test",
  admin: "admin@demo.test",
  /** Member states' focal points: Argentina's reads Spanish, Brazil's Portuguese. */
  stateArgentina: "focal.ar@demo.test",
  stateBrazil: "focal.br@demo.test",
} as const;

/**
 * Values the public register must never show (contact e-mail, an internal note): the tests
 * look for them in every public page and download.
 */
export const PRIVATE_SEED_VALUES = {
  organizationSlug: "caref",
  contactEmail: "private-contact-7f3a@example.org",
  internalNote: "Nota interna confidencial 7f3a: no publicar.",
} as const;

/** Fictional accredited organizations whose accreditation an admin later suspended or revoked. */
export const ACCREDITATION_LIFECYCLE_DEMO: (SeedOrganization & { event: "suspended" | "revoked"; reason: string })[] = [
  {
    slug: "demo-suspended",
    legalName: "Fundación Puentes del Sur (demo)",
    type: "ngo",
    country: "BO",
    city: "Santa Cruz",
    countriesOfWork: ["BO"],
    themes: ["trafficking"],
    event: "suspended",
    reason: "Suspendida mientras se revisa una denuncia de conducta.",
  },
  {
    slug: "demo-revoked",
    legalName: "Asociación Horizonte Andino (demo)",
    type: "ngo",
    country: "EC",
    city: "Cuenca",
    countriesOfWork: ["EC"],
    themes: ["labour"],
    event: "revoked",
    reason: "Revocada por incumplir el código de conducta.",
  },
];

/**
 * The documents page's upload route (app/api/applications/[id]/documents/[kind]), called as the
 * page's XMLHttpRequest calls it: refusals from another site, without a session, from another
 * organization's member and for a file that is not a document, each leaving what was stored.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { documents } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { catalogs, translator } from "@/lib/i18n/messages";
import { createUser, exeBytes, newApplicant, pdfBytes } from "../support/applicant-fixtures";
import { useTestDatabase } from "../support/test-db";

type Locale = "es" | "pt" | "en";
const session = vi.hoisted(() => ({ actor: null as Actor | null }));

vi.mock("@/lib/server/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => ({
  // The route's address names no locale: everything it answers names one explicitly.
  getLocale: async () => {
    throw new Error("the upload route names its locale");
  },
  getTranslations: async (scope?: string | { locale: Locale; namespace?: string }) => {
    if (typeof scope !== "object") throw new Error("the upload route names its locale");
    return translator(scope.locale, scope.namespace as never);
  },
}));

const { POST } = await import("@/app/api/applications/[id]/documents/[kind]/route");

const testDb = useTestDatabase();
const ORIGIN = "http://portal.test";
let owner: { actor: Actor; applicationId: string };
let outsider: { actor: Actor; applicationId: string };

beforeAll(async () => {
  owner = await newApplicant(testDb().db);
  outsider = await newApplicant(testDb().db);
});

function post(applicationId: string, file: File | null, { locale = "es", origin = ORIGIN }: { locale?: Locale; origin?: string | null } = {}) {
  const body = new FormData();
  if (file) body.append("file", file);
  const headers = new Headers({ host: new URL(ORIGIN).host });
  if (origin) headers.set("origin", origin);
  const request = new Request(`${ORIGIN}/api/applications/${applicationId}/documents/statute?locale=${locale}`, { method: "POST", headers, body });
  return POST(request, { params: Promise.resolve({ id: applicationId, kind: "statute" }) });
}

const pdf = (name: string) => new File([pdfBytes(name)], name, { type: "application/pdf" });

async function storedStatutes(applicationId: string): Promise<string[]> {
  const rows = await testDb().db.select({ fileName: documents.fileName }).from(documents).where(eq(documents.applicationId, applicationId));
  return rows.map((row) => row.fileName);
}

describe("POST /api/applications/[id]/documents/[kind]", () => {
  it("stores a readable PDF and answers in the page's language", async () => {
    session.actor = owner.actor;
    const response = await post(owner.applicationId, pdf("estatuto.pdf"), { locale: "pt" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "success", message: "«estatuto.pdf» foi salvo." });
    expect(await storedStatutes(owner.applicationId)).toEqual(["estatuto.pdf"]);
  });

  it("refuses a post from another site, or with no Origin, before reading it", async () => {
    session.actor = owner.actor;
    for (const origin of ["https://evil.example", "null", null]) {
      const response = await post(owner.applicationId, pdf("otro.pdf"), { origin });
      expect(response.status, String(origin)).toBe(403);
      expect(await response.json()).toEqual({ status: "error", message: catalogs.es.Errors.forbidden });
    }
    expect(await storedStatutes(owner.applicationId)).toEqual(["estatuto.pdf"]);
  });

  it("refuses a visitor without a session", async () => {
    session.actor = null;
    const response = await post(owner.applicationId, pdf("anonimo.pdf"), { locale: "en" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: "error", message: catalogs.en.Errors.unauthenticated });
    expect(await storedStatutes(owner.applicationId)).toEqual(["estatuto.pdf"]);
  });

  it("answers another organization's member as if the application did not exist", async () => {
    session.actor = outsider.actor;
    const response = await post(owner.applicationId, pdf("intruso.pdf"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ status: "error", message: catalogs.es.Errors.not_found });
    expect(await storedStatutes(owner.applicationId)).toEqual(["estatuto.pdf"]);
    expect(await storedStatutes(outsider.applicationId)).toEqual([]);
  });

  it("refuses staff, whose role uploads no application's documents", async () => {
    session.actor = await createUser(testDb().db, "reviewer");
    const response = await post(owner.applicationId, pdf("revisor.pdf"));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ status: "error", message: catalogs.es.Errors.forbidden });
    expect(await storedStatutes(owner.applicationId)).toEqual(["estatuto.pdf"]);
  });

  it("refuses a file that is not a document, or no file, at the field, and keeps the stored one", async () => {
    session.actor = owner.actor;
    const { ApplicantDocuments: d, Errors } = catalogs.es;
    const cases: [File | null, string][] = [
      [new File([new Uint8Array(exeBytes())], "estatuto.pdf", { type: "application/pdf" }), d.rejected.bad_type],
      [new File([], "vacio.pdf", { type: "application/pdf" }), d.rejected.empty],
      [null, d.chooseFile],
    ];
    for (const [file, reason] of cases) {
      const response = await post(owner.applicationId, file);
      expect(response.status, reason).toBe(400);
      expect(await response.json()).toEqual({ status: "error", message: Errors.invalid, fieldErrors: { file: reason } });
    }
    expect(await storedStatutes(owner.applicationId)).toEqual(["estatuto.pdf"]);
  });
});

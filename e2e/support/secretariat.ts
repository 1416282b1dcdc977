/**
 * Test data and raw requests for the secretariat's e2e tests. The server's embedded database
 * belongs to the server process, so data is made through its test-only support route
 * (/api/secretariat/e2e-support, on only under e2e/support/serve.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { APP_URL } from "./env";

type Role = "applicant" | "reviewer" | "admin";
type Locale = "es" | "pt" | "en";

async function support<T>(request: APIRequestContext, body: Record<string, unknown>): Promise<T> {
  const response = await request.post(`${APP_URL}/api/secretariat/e2e-support`, { data: body });
  if (!response.ok()) throw new Error(`e2e-support ${String(body.op)}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

export function createUser(request: APIRequestContext, email: string, role: Role, locale: Locale | null = null) {
  return support<{ id: string }>(request, { op: "createUser", email, role, locale });
}

export type NewApplication = {
  legalName: string;
  acronym?: string | null;
  country: string;
  type?: string;
  themes?: string[];
  status: string;
  requestedCategory?: "participant" | "observer";
  memberEmail?: string;
  sections?: Record<string, unknown>;
  submittedAt?: string;
  documents?: { kind: string; fileName: string; contentType: string; base64: string }[];
};

export function createApplication(request: APIRequestContext, application: NewApplication) {
  return support<{ organizationId: string; applicationId: string }>(request, { op: "createApplication", ...application });
}

/** The applicant's answer to an information request (their UI is another area's). */
export function respondAsApplicant(request: APIRequestContext, applicationId: string, applicantEmail: string, message: string) {
  return support<{ ok: true }>(request, { op: "respond", applicationId, applicantEmail, message });
}

export async function accreditationOf(request: APIRequestContext, organizationId: string) {
  return (await support<{ accreditation: { category: string; status: string; applicationId: string } | null }>(request, {
    op: "accreditation",
    organizationId,
  })).accreditation;
}

export async function sessionCount(request: APIRequestContext, email: string): Promise<number> {
  return (await support<{ count: number }>(request, { op: "sessions", email })).count;
}

/** A server action's id, from the build's manifest, by file and exported name. */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${file} in the build's manifest`);
  return found[0];
}

/**
 * Calls a `useActionState` server action the way React's client does (Next-Action header, the
 * arguments [previousState, formData] encoded as React's reply format), with the page's cookies.
 */
export async function callServerAction(page: Page, pagePath: string, actionId: string, fields: Record<string, string>): Promise<APIResponse> {
  // React 19.3's reply format: the FormData argument's entries are "_<ref>_<name>" fields, and
  // they must come before the root "0" (the server resolves the root as soon as it arrives).
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return page.request.post(`${APP_URL}${pagePath}`, {
    headers: { "Next-Action": actionId, Origin: APP_URL, Accept: "text/x-component" },
    multipart,
  });
}

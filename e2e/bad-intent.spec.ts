/**
 * What a self-registered account with bad intent tried (issue 16), over HTTP as a script would:
 * amplification through repeated list values, invitations as a mail relay, odd input that
 * answered 500, a draft's documents opened by staff, a path with a dot served without the CSP.
 * Each test failed on the code before the fix. docs/RELIABILITY.md lists the attacks and results.
 */
import { seedPdf } from "@/db/seed-sections";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { messages } from "./support/catalog";
import { APP_URL } from "./support/env";
import { badInput } from "./support/fixtures/authorization";
import { latestMailTo, mailsTo } from "./support/mail";
import { anonymousContext, signInOverHttp } from "./support/http-sessions";
import { callServerAction, callServerActionWithArguments, serverActionId } from "./support/server-actions";

const APPLICANT = "(applicant)/applicant/actions";
const DOMAIN = "bad-intent.e2e.example.org";
const pt = messages("pt") as unknown as {
  Validation: Record<string, string>;
  Errors: Record<string, string>;
  ApplicantPeople: Record<string, string>;
};
const en = messages("en") as unknown as { Errors: Record<string, string> };
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const organizationFields = (name: string) => ({
  legalName: name,
  acronym: "",
  type: "ngo",
  country: "UY",
  city: "Montevideo",
  foundedYear: "2001",
  registryName: "Registro de Personas Jurídicas",
  registryNumber: `INTENT-${unique()}`,
  website: "",
  contactEmail: `contacto-${unique()}@${DOMAIN}`,
  countriesOfWork: "UY",
});

/** A new applicant account with its own draft organization and application. */
async function newApplicant(): Promise<{ context: APIRequestContext; organizationId: string; applicationId: string; name: string }> {
  const context = await signInOverHttp(`applicant-${unique()}@${DOMAIN}`);
  const name = `Intención Fixture ${unique()}`;
  const created = await callServerAction(
    context,
    "/pt/applicant/organizations/new",
    serverActionId("createOrganizationAction", APPLICANT),
    organizationFields(name),
  );
  const redirect = created.headers()["x-action-redirect"] ?? "";
  const applicationId = /\/applications\/([0-9a-f-]{36})/.exec(redirect)?.[1];
  expect(applicationId, `created ${name}: ${(await created.text()).slice(0, 300)}`).toBeTruthy();
  const home = await (await context.get("/pt/applicant")).text();
  const organizationId = new RegExp(`/organizations/([0-9a-f-]{36})/people`).exec(home)?.[1] ?? /\/organizations\/([0-9a-f-]{36})/.exec(home)?.[1];
  expect(organizationId).toBeTruthy();
  return { context, organizationId: organizationId!, applicationId: applicationId!, name };
}

const errorMessage = (body: string) => /"status":"error","message":("(?:[^"\\]|\\.)*")/.exec(body)?.[1];

test("1. a list value repeated 100,000 times is stored once: the draft and the register keep their size", async () => {
  test.setTimeout(180_000);
  const { context, applicationId } = await newApplicant();
  const saved = await callServerAction(context, `/pt/applicant/applications/${applicationId}/work`, serverActionId("saveSectionAction", APPLICANT), {
    applicationId,
    section: "work",
    themes: Array<string>(100_000).fill("labour"),
    populationsServed: "Personas migrantes.",
    description: "Trabajo con personas migrantes.",
  });
  expect(saved.status()).toBeLessThan(500);
  const page = await (await context.get(`/pt/applicant/applications/${applicationId}/work`)).text();
  expect(page.length, "the work section's page").toBeLessThan(300_000);
  expect(page.split("labour,labour").length, "no repeated value is echoed").toBe(1);
  const register = await (await anonymousContext()).get("/es/register");
  expect((await register.body()).length, "the register page").toBeLessThan(250_000);
});

test("2. invitations: names are one line, one mail per pending address, a generic subject, at most 10 an hour", async () => {
  test.setTimeout(180_000);
  const { context, organizationId, name } = await newApplicant();
  const phishing = await callServerAction(context, "/pt/applicant/organizations/new", serverActionId("createOrganizationAction", APPLICANT), {
    ...organizationFields("Verifique su cuenta\nhttps://phish.example/login"),
  });
  expect(await phishing.text()).toContain(JSON.stringify(pt.Validation.singleLine!).slice(1, -1));
  const spoofed = await callServerAction(context, "/pt/applicant/organizations/new", serverActionId("createOrganizationAction", APPLICANT), {
    ...organizationFields("Cáritas\u202E\u200B Uruguay"),
  });
  expect(await spoofed.text()).toContain(JSON.stringify(pt.Validation.hiddenCharacters!).slice(1, -1));

  const invite = (email: string) =>
    callServerAction(context, `/pt/applicant/organizations/${organizationId}/people`, serverActionId("inviteColleagueAction", APPLICANT), {
      organizationId,
      email,
    });
  const first = `colega-${unique()}@${DOMAIN}`;
  const since = Date.now();
  expect(errorMessage(await (await invite(first)).text())).toBeUndefined();
  const mail = await latestMailTo(first, { since });
  expect(mail.subject).not.toContain(name);
  expect(mail.text).toContain(`“${name}”`);
  const again = await (await invite(first)).text();
  expect(JSON.parse(errorMessage(again)!)).toBe(pt.ApplicantPeople.alreadyInvited);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(mailsTo(first)).toHaveLength(1);

  const answers: (string | undefined)[] = [];
  for (let i = 0; i < 10; i++) answers.push(errorMessage(await (await invite(`flood-${i}-${unique()}@${DOMAIN}`)).text()));
  expect(answers.slice(0, 9)).toEqual(Array(9).fill(undefined));
  expect(JSON.parse(answers[9]!)).toBe(pt.ApplicantPeople.tooManyInvitations);
});

test("5. NUL bytes in addresses answer 400 on every route; malformed escapes are refused or ignored, never 500", async () => {
  const visitor = await anonymousContext();
  const admin = await signInOverHttp(badInput.admin.email);
  const routes = [
    "/api/v1/organizations?q=",
    "/es/register?q=",
    "/api/register.csv?q=",
    "/api/register.json?q=",
    "/api/v1/organizations/",
    "/en/secretariat/applications?q=",
    "/en/secretariat/applications?reviewer=",
    "/en/secretariat/audit?actor=",
    "/en/secretariat/organizations?q=",
  ];
  const problems: string[] = [];
  for (const route of routes) {
    for (const odd of ["%00", "a%00b", "%E0%A4%A", "%zz", "%C0%80"]) {
      for (const who of [visitor, admin]) {
        const response = await who.get(`${APP_URL}${route}${odd}`, { maxRedirects: 0 });
        const refused = odd.includes("%00") ? response.status() === 400 : response.status() < 500;
        if (!refused) problems.push(`${route}${odd}: ${response.status()}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test("5. a server action called with other arguments than (state, FormData) answers a translated error, not 500", async () => {
  const { context, organizationId } = await newApplicant();
  const people = `/en/applicant/organizations/${organizationId}/people`;
  for (const args of [[], ["x"], [{ status: "idle" }, "not a form"], [1, 2, 3], [null, { organizationId, email: "x@example.org" }]]) {
    const response = await callServerActionWithArguments(context, people, serverActionId("inviteColleagueAction", APPLICANT), args);
    expect(response.status(), JSON.stringify(args)).toBeLessThan(500);
    expect(JSON.parse(errorMessage(await response.text())!), JSON.stringify(args)).toBe(en.Errors.invalid);
  }
  const visitor = await anonymousContext();
  const signIn = await callServerActionWithArguments(visitor, "/en/sign-in", serverActionId("requestSignInLinkAction", "sign-in/actions"), [
    { status: "idle" },
    42,
  ]);
  expect(signIn.status()).toBeLessThan(500);
  expect(JSON.parse(errorMessage(await signIn.text())!)).toBe(en.Errors.invalid);
});

test("5. a 13 MB body answers 413", async () => {
  const { context, applicationId } = await newApplicant();
  const response = await callServerAction(context, `/pt/applicant/applications/${applicationId}/documents`, serverActionId("uploadDocumentAction", APPLICANT), {
    applicationId,
    kind: "statute",
    file: { name: "enorme.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(13 * 1024 * 1024, 0x20)]) },
  });
  expect(response.status()).toBe(413);
});

test("6. a path with a dot gets the page's Content-Security-Policy", async () => {
  const visitor = await anonymousContext();
  for (const path of ["/es/register/x.y", "/es/register/organizacion.json", "/pt/sign-in/a.b"]) {
    const response = await visitor.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expect(response.headers()["content-security-policy"] ?? "", path).toContain("script-src");
  }
});

test("6. staff cannot open a draft application's documents; its organization can", async () => {
  const { context, applicationId } = await newApplicant();
  const uploaded = await callServerAction(context, `/pt/applicant/applications/${applicationId}/documents`, serverActionId("uploadDocumentAction", APPLICANT), {
    applicationId,
    kind: "statute",
    file: { name: "estatuto.pdf", mimeType: "application/pdf", buffer: Buffer.from(seedPdf("estatuto.pdf")) },
  });
  expect(uploaded.status()).toBeLessThan(400);
  const page = await (await context.get(`/pt/applicant/applications/${applicationId}/documents`)).text();
  const documentId = /\/api\/documents\/([0-9a-f-]{36})/.exec(page)?.[1];
  expect(documentId).toBeTruthy();
  expect((await context.get(`/api/documents/${documentId}`)).status()).toBe(200);
  const admin = await signInOverHttp(badInput.admin.email);
  expect((await admin.get(`/api/documents/${documentId}`)).status()).toBe(404);
});

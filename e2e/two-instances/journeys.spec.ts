/**
 * Two `next start` instances on one PostgreSQL database behind nginx (deploy/nginx.conf;
 * playwright.two-instances.config.ts). Every request goes through nginx, which shares them out
 * round robin (one worker: strictly in turn), so consecutive steps land on different instances
 * and any state kept in one instance's memory (sessions, rate limits, caches) would show. nginx's
 * access log says which instance answered each of a test's requests.
 */
import { randomUUID } from "node:crypto";
import { expect, requestSignInLink, signIn, test, uniqueEmail } from "../fixtures";
import {
  createOrganization,
  expectStatus,
  fillDeclarationsAndReview,
  fillRepresentationAndGovernance,
  fillWork,
  startReviewAndRequestInformation,
  submitFromReview,
  uniqueRegistryNumber,
  uploadDocument,
  uploadRequiredDocuments,
} from "../support/applicant";
import { messages } from "../support/catalog";
import { APP_PORT, PROXIED_SIGN_IN_LIMIT_PER_ADDRESS, SECOND_APP_PORT, SIGN_IN_LIMIT_PER_EMAIL } from "../support/env";
import { TWO_INSTANCES } from "../support/fixtures/reliability";
import { mailsTo } from "../support/mail";
import { instancesThatAnsweredActions, postFrom, postToInstance, proxiedRequests, type RawResponse, tagRequests } from "../support/proxy";
import { serverActionForm, serverActionId } from "../support/server-actions";
import { seedPdf } from "@/db/seed-sections";
import { MAX_DOCUMENT_BYTES } from "@/lib/file-type";

const t = messages("es");
/** A sign-in request that was taken: the action redirects to the check-email page. */
const signInAccepted = (response: RawResponse) =>
  response.status === 303 || String(response.headers["x-action-redirect"] ?? "").includes("/sign-in/check-email");
const BOTH_INSTANCES = new Set([`127.0.0.1:${APP_PORT}`, `127.0.0.1:${SECOND_APP_PORT}`]);

test("an applicant signs up, fills in, uploads and submits; a reviewer asks for information: both instances answer, through nginx", async ({
  page,
  browser,
}) => {
  // A whole application's journey and the secretariat's first steps, in one test.
  test.setTimeout(240_000);
  const tag = `journey-${randomUUID()}`;
  await tagRequests(page.context(), tag);
  const email = uniqueEmail("two-instances");
  await signIn(page, email, "es");

  await page.goto("/es/applicant");
  const applicationId = await createOrganization(page, "es", {
    legalName: `Red Dos Instancias ${Date.now()}`,
    registryNumber: uniqueRegistryNumber(),
    country: "PE",
  });
  await page.goto(`/es/applicant/applications/${applicationId}/work`);
  await fillWork(page, "es");
  await fillRepresentationAndGovernance(page, "es");
  await uploadRequiredDocuments(page, "es");
  await page.reload();
  await expect(page.getByRole("link", { name: "statute.pdf" })).toBeVisible();
  await fillDeclarationsAndReview(page, "es");
  await submitFromReview(page, "es", applicationId);
  await expectStatus(page, "es", applicationId, "submitted");

  // The secretariat, in its own browser.
  const staffContext = await browser.newContext();
  await tagRequests(staffContext, tag);
  const staff = await staffContext.newPage();
  await signIn(staff, TWO_INSTANCES.reviewer.email, "es", { landsOn: "/es/secretariat" });
  await startReviewAndRequestInformation(staff, "es", applicationId, ["work"], "Detallen la población atendida en 2025.");
  await staff.goto(`/es/secretariat/applications/${applicationId}`);
  await expect(staff.getByTestId("application-status")).toHaveText(t.Status.info_requested);
  await expectStatus(page, "es", applicationId, "info_requested");
  await expect(page.getByRole("region", { name: t.ApplicantStatus.requestTitle }).getByText("Detallen la población atendida en 2025.")).toBeVisible();

  // Every step went through nginx, and both instances took part in the changes.
  expect(proxiedRequests(tag).length).toBeGreaterThan(20);
  expect(instancesThatAnsweredActions(tag)).toEqual(BOTH_INSTANCES);
  await staffContext.close();
});

test(`the sign-in limit (${SIGN_IN_LIMIT_PER_EMAIL} links per address) counts the requests both instances took`, async ({ page }) => {
  const email = uniqueEmail("two-instances-limit");
  const actionId = serverActionId("requestSignInLinkAction", "sign-in/actions");
  // The allowed requests go to each instance in turn, as nginx forwards them: which instance
  // takes a request through nginx depends on what else it is serving at that moment.
  for (let attempt = 1; attempt <= SIGN_IN_LIMIT_PER_EMAIL; attempt++) {
    const port = attempt % 2 === 1 ? APP_PORT : SECOND_APP_PORT;
    const response = await postToInstance(port, "/es/sign-in", serverActionForm({ email }), { "Next-Action": actionId, Accept: "text/x-component" });
    expect(signInAccepted(response), `request ${attempt}, to the instance on port ${port}`).toBe(true);
  }
  await expect.poll(() => mailsTo(email).length).toBe(SIGN_IN_LIMIT_PER_EMAIL);

  // One more, in the browser through nginx: refused, whichever instance takes it.
  const tag = `email-limit-${randomUUID()}`;
  await tagRequests(page.context(), tag);
  await requestSignInLink(page, email);
  await expect(page.getByRole("status").filter({ hasText: t.Errors.rate_limited })).toBeVisible();
  expect(instancesThatAnsweredActions(tag).size).toBe(1);
  expect(mailsTo(email)).toHaveLength(SIGN_IN_LIMIT_PER_EMAIL);
});

test("a 10 MB document goes up through nginx and comes back whole; built assets are served from nginx's cache", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = `upload-${randomUUID()}`;
  await tagRequests(page.context(), tag);
  await signIn(page, uniqueEmail("two-instances-upload"), "es");
  await page.goto("/es/applicant");
  const applicationId = await createOrganization(page, "es", {
    legalName: `Archivo Grande ${Date.now()}`,
    registryNumber: uniqueRegistryNumber(),
    country: "PE",
  });
  await page.goto(`/es/applicant/applications/${applicationId}/documents`);
  const largest = Buffer.from(seedPdf("estatuto 10 MB", { padTo: MAX_DOCUMENT_BYTES }));
  const statute = await uploadDocument(page, "es", "statute", { name: "estatuto-10mb.pdf", mimeType: "application/pdf", buffer: largest });
  const link = statute.getByRole("link", { name: "estatuto-10mb.pdf" });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).equals(largest)).toBe(true);
  // Chosen files go up at once to the upload route, through nginx.
  const uploads = proxiedRequests(tag).filter((entry) => entry.method === "POST" && entry.uri.includes(`/api/applications/${applicationId}/documents/statute`));
  expect(uploads.map((entry) => entry.status)).toEqual([200]);

  // A built asset, asked twice: the second answer comes from nginx's cache, not an instance.
  const asset = proxiedRequests(tag).find((entry) => entry.uri.startsWith("/_next/static/") && entry.uri.endsWith(".js"))!;
  expect(asset, "a script under /_next/static/").toBeTruthy();
  await page.request.get(asset.uri);
  const again = await page.request.get(asset.uri);
  expect(again.headers()["x-cache-status"]).toBe("HIT");
  expect(again.headers()["cache-control"]).toContain("immutable");
});

test(`the sign-in limit per client address (${PROXIED_SIGN_IN_LIMIT_PER_ADDRESS}) counts the address nginx saw, not what the client wrote`, async () => {
  const actionId = serverActionId("requestSignInLinkAction", "sign-in/actions");
  const ask = (from: string, forged: string) =>
    postFrom(from, "/es/sign-in", serverActionForm({ email: uniqueEmail("per-address") }), {
      "Next-Action": actionId,
      Accept: "text/x-component",
      // A client trying to pass for someone else: nginx replaces the header.
      "X-Forwarded-For": forged,
    });

  // A client of its own (127.0.0.2), a new forged address on every request, spread over both instances.
  for (let attempt = 1; attempt <= PROXIED_SIGN_IN_LIMIT_PER_ADDRESS; attempt++) {
    const response = await ask("127.0.0.2", `203.0.113.${attempt}`);
    expect(signInAccepted(response), `request ${attempt} from 127.0.0.2`).toBe(true);
  }
  const refused = await ask("127.0.0.2", "198.51.100.7");
  expect(signInAccepted(refused)).toBe(false);
  expect(refused.body).toContain(t.Errors.rate_limited);

  // Another client behind the same nginx keeps its own count.
  expect(signInAccepted(await ask("127.0.0.3", "127.0.0.2"))).toBe(true);
});

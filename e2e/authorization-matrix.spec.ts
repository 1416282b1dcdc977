/**
 * The authorization matrix: every server action and route handler of the production build,
 * called directly over HTTP as an attacker's script would, as each of six actors. Who may call
 * what comes from one table (support/authorization-table.ts); an action or route the build has
 * and the table lacks fails the first test. A refused call must change nothing: the affected
 * rows are fingerprinted before and after every group of refused calls.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { ACTION_TABLE, type ActionRow, ACTORS, type ActorName, type FixtureIds, ROUTE_TABLE, type RouteRow } from "./support/authorization-table";
import { messages } from "./support/catalog";
import { databaseFingerprint } from "./support/database-fingerprint";
import { APP_URL } from "./support/env";
import { AUTHZ_DELEGATES, AUTHZ_MEETING, authz, authzOrganizations } from "./support/fixtures/authorization";
import { anonymousContext, contextHolding, hiddenValue, idAfter, pageHtml, sessionToken, signInOverHttp } from "./support/http-sessions";
import { callServerAction, callServerActionWithArguments, serverActionId } from "./support/server-actions";

const es = messages("es");
/** The action's answer, not the page's catalog the same response may carry to the client. */
const REFUSALS = [es.Errors.unauthenticated, es.Errors.forbidden, es.Errors.not_found].map((message) => `"message":${JSON.stringify(message)}`);

const REFUSED_STATUS = [401, 403, 404];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function readBuildManifest<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(process.cwd(), ".next/server", file), "utf8")) as T;
}

/** Every server action of the build, as "file#export". */
function builtActions(): string[] {
  const manifest = readBuildManifest<{ node: Record<string, { filename?: string; exportedName?: string }> }>("server-reference-manifest.json");
  return [...new Set(Object.values(manifest.node).map(({ filename, exportedName }) => `${filename}#${exportedName}`))].sort();
}

/** Every route handler of the build, as "METHOD /route"; metadata routes (robots, sitemap) answer GET. */
function builtRoutes(): string[] {
  const manifest = readBuildManifest<Record<string, string>>("app-paths-manifest.json");
  return Object.keys(manifest)
    .filter((key) => key.endsWith("/route"))
    .flatMap((key) => {
      const route = key.slice(0, -"/route".length);
      const source = path.join(process.cwd(), "app", `${key}.ts`);
      if (!existsSync(source)) return [`GET ${route}`];
      const exported = readFileSync(source, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("export"))
        .join(" ");
      return HTTP_METHODS.filter((method) => new RegExp(`\\b${method}\\b`).test(exported)).map((method) => `${method} ${route}`);
    })
    .sort();
}

test("every server action and route handler of the build has a row in the authorization table", () => {
  const actions = builtActions();
  const routes = builtRoutes();
  expect(actions.length).toBeGreaterThan(20);
  expect(routes.length).toBeGreaterThan(10);
  const table = "e2e/support/authorization-table.ts";
  expect(
    actions.filter((key) => !(key in ACTION_TABLE)),
    `server actions missing from ACTION_TABLE in ${table}`,
  ).toEqual([]);
  expect(
    Object.keys(ACTION_TABLE).filter((key) => !actions.includes(key)),
    `ACTION_TABLE rows for actions the build no longer has`,
  ).toEqual([]);
  expect(
    routes.filter((key) => !(key in ROUTE_TABLE)),
    `route handlers missing from ROUTE_TABLE in ${table}`,
  ).toEqual([]);
  expect(
    Object.keys(ROUTE_TABLE).filter((key) => !routes.includes(key)),
    `ROUTE_TABLE rows for routes the build no longer has`,
  ).toEqual([]);
});

type Outcome = { status: number; body: string; location?: string };

async function postAction(context: APIRequestContext, page: string, key: string, row: ActionRow, ids: FixtureIds, actor: ActorName): Promise<Outcome> {
  const [file, exportedName] = key.split("#") as [string, string];
  const id = serverActionId(exportedName, file);
  const response = row.args
    ? await callServerActionWithArguments(context, page, id, row.args(ids))
    : await callServerAction(context, page, id, row.fields!(ids, actor), { formOnly: row.formOnly });
  return { status: response.status(), body: await response.text(), location: response.headers().location };
}

/**
 * The proxy sends a visitor without a session cookie to sign in before any action runs; a script
 * then sends a made-up cookie to get past it, so the action's own check is what answers.
 */
let pastTheProxy: APIRequestContext;
const redirectedToSignIn = ({ status, location }: Outcome) => status === 307 && Boolean(location?.includes("/sign-in"));

async function callAction(context: APIRequestContext, key: string, row: ActionRow, ids: FixtureIds, actor: ActorName): Promise<Outcome> {
  const outcome = await postAction(context, row.page(ids), key, row, ids, actor);
  if (actor === "anonymous" && redirectedToSignIn(outcome)) return postAction(pastTheProxy, row.page(ids), key, row, ids, actor);
  return outcome;
}

async function callRoute(context: APIRequestContext, key: string, row: RouteRow, ids: FixtureIds): Promise<Outcome> {
  const method = key.split(" ")[0]!;
  const headers = row.multipart ? { Origin: new URL(APP_URL).origin } : undefined;
  const response = await context.fetch(row.path(ids), { method, form: row.form, multipart: row.multipart, headers, maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

const refusedAction = ({ body }: Outcome) => REFUSALS.some((message) => body.includes(message));
const refusedRoute = ({ status }: Outcome) => REFUSED_STATUS.includes(status);

test("every actor is allowed exactly what the table says, and a refused call changes nothing", async () => {
  test.setTimeout(300_000);
  const contexts = {} as Record<ActorName, APIRequestContext>;
  contexts.anonymous = await anonymousContext();
  const [applicantA, applicantB, reviewer, admin, focalPoint, deactivated] = await Promise.all(
    [authz.applicantA, authz.applicantB, authz.reviewer, authz.admin, authz.focalPoint, authz.deactivated].map((user) => signInOverHttp(user.email)),
  );
  // A second session of the admin reads the exports on PGlite (the first one signs out at the end).
  const fingerprintReader = await signInOverHttp(authz.admin.email);
  Object.assign(contexts, { applicantA, applicantB, reviewer, admin, focalPoint });
  pastTheProxy = await contextHolding("made-up-session-token");

  // Organization A's ids and the staff ids, from the pages their users see.
  const home = await pageHtml(applicantA!, "/es/applicant");
  const staffPage = await pageHtml(admin!, "/es/secretariat/staff");
  const staffId = (email: string) => idAfter(staffPage, email, 'name="userId" value="');
  const ids: FixtureIds = {
    aDraftOrganization: idAfter(home, authzOrganizations.aDraft.legalName, "/organizations/"),
    aDraftApplication: idAfter(home, authzOrganizations.aDraft.legalName, "/applications/"),
    aSubmittedOrganization: idAfter(home, authzOrganizations.aSubmitted.legalName, "/organizations/"),
    aSubmittedApplication: idAfter(home, authzOrganizations.aSubmitted.legalName, "/applications/"),
    aDocument: "",
    roleTargetUser: staffId(authz.roleTarget.email),
    deactivateTargetUser: staffId(authz.deactivateTarget.email),
    aAccreditedOrganization: idAfter(home, authzOrganizations.aAccredited.legalName, "/organizations/"),
    aToRevokeOrganization: idAfter(home, authzOrganizations.aToRevoke.legalName, "/organizations/"),
    aConsultedApplication: idAfter(home, authzOrganizations.aConsulted.legalName, "/applications/"),
    aQuestion: "",
    meeting: AUTHZ_MEETING.id,
    meetingVersion: hiddenValue(await pageHtml(admin!, `/es/secretariat/meetings/${AUTHZ_MEETING.id}`), "version"),
    editedDelegate: AUTHZ_DELEGATES.edited,
    declinedDelegate: AUTHZ_DELEGATES.declined,
    withdrawnDelegate: AUTHZ_DELEGATES.withdrawn,
  };
  const documents = await pageHtml(applicantA!, `/es/applicant/applications/${ids.aSubmittedApplication}/documents`);
  ids.aDocument = idAfter(documents, "<main", "/api/documents/");
  ids.aQuestion = hiddenValue(await pageHtml(applicantA!, `/es/applicant/applications/${ids.aConsultedApplication}`), "questionId");
  const staffIds = [authz.reviewer, authz.admin, authz.deactivated].map((user) => staffId(user.email));

  // The deactivated reviewer's script keeps sending the session cookie it signed in with; the admin deactivates the account.
  contexts.deactivated = await contextHolding(await sessionToken(deactivated!));
  expect((await contexts.deactivated.get("/es/secretariat", { maxRedirects: 0 })).status()).toBe(200);
  const deactivation = await callServerAction(admin!, "/es/secretariat/staff", serverActionId("deactivateStaffAction", "secretariat/staff/actions"), {
    userId: staffId(authz.deactivated.email),
  });
  expect(await deactivation.text()).toContain(messages("es").Staff.deactivated_done);
  expect((await contexts.deactivated.get("/es/secretariat", { maxRedirects: 0 })).status()).not.toBe(200);

  const { meetingVersion: _version, ...rowIds } = ids;
  const fingerprint = databaseFingerprint(
    "authz",
    () => [...Object.values(rowIds), ...staffIds],
    () => fingerprintReader!,
  );
  const problems: string[] = [];
  let calls = 0;
  let refusedGroups = 0;

  async function row(
    key: string,
    allowed: readonly ActorName[],
    call: (actor: ActorName) => Promise<Outcome>,
    refused: (outcome: Outcome) => boolean,
    silent = false,
  ) {
    const deniedActors = ACTORS.filter((actor) => !allowed.includes(actor));
    if (deniedActors.length > 0) {
      refusedGroups++;
      const before = await fingerprint.take();
      for (const actor of deniedActors) {
        const outcome = await call(actor);
        calls++;
        if (outcome.status >= 500) problems.push(`${key} as ${actor}: HTTP ${outcome.status}`);
        else if (!silent && !refused(outcome)) problems.push(`${key} as ${actor}: UNEXPECTED ALLOW (HTTP ${outcome.status}) ${outcome.body.slice(0, 300)}`);
      }
      const after = await fingerprint.take();
      for (const [table, value] of Object.entries(after)) {
        if (before[table] !== value) problems.push(`${key} refused for ${deniedActors.join(", ")} but ${table} changed`);
      }
    }
    for (const actor of allowed) {
      const outcome = await call(actor);
      calls++;
      if (outcome.status >= 500) problems.push(`${key} as ${actor}: HTTP ${outcome.status}`);
      else if (!silent && refused(outcome)) problems.push(`${key} as ${actor}: refused, but the table allows it (HTTP ${outcome.status})`);
    }
  }

  const atStart = await fingerprint.take();
  try {
    for (const [key, route] of Object.entries(ROUTE_TABLE)) {
      await row(key, route.allowed, (actor) => callRoute(contexts[actor], key, route, ids), refusedRoute);
    }
    for (const [key, action] of Object.entries(ACTION_TABLE)) {
      await row(key, action.allowed, (actor) => callAction(contexts[actor], key, action, ids, actor), refusedAction, action.silent);
    }
    // The allowed calls did change the suite's rows, and the fingerprint saw it (it is not blind).
    expect(await fingerprint.take()).not.toEqual(atStart);
  } finally {
    await fingerprint.close();
  }

  const rows = Object.keys(ACTION_TABLE).length + Object.keys(ROUTE_TABLE).length;
  test.info().annotations.push({
    type: "figures",
    description: `${Object.keys(ACTION_TABLE).length} actions and ${Object.keys(ROUTE_TABLE).length} routes × ${ACTORS.length} actors = ${calls} calls; ${refusedGroups} refused groups fingerprinted (${fingerprint.method}); problems: ${problems.length}`,
  });
  console.log(
    `[authorization] ${rows} rows × ${ACTORS.length} actors = ${calls} calls, ${refusedGroups} refused groups checked (${fingerprint.method}), problems: ${problems.length}`,
  );
  expect(problems).toEqual([]);
  expect(calls).toBe(rows * ACTORS.length);
});

/**
 * Settings shared by playwright.config.ts, the server script (serve.ts), the SMTP capture
 * (global setup) and the tests. Everything is derived from environment variables so that
 * the Playwright runner, its workers and the server process agree without talking.
 */
import os from "node:os";
import path from "node:path";

export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);
/** Always `localhost`, never 127.0.0.1: Auth.js builds magic links and redirects from this host. */
export const APP_URL = `http://localhost:${APP_PORT}`;

/** The second instance of the two-instance suite (playwright.two-instances.config.ts), on the same database. */
export const SECOND_APP_PORT = Number(process.env.E2E_SECOND_PORT ?? APP_PORT + 1);
export const SECOND_APP_URL = `http://localhost:${SECOND_APP_PORT}`;

/**
 * The two-instance suite's nginx (deploy/nginx.conf, started by e2e/support/nginx.ts), in front
 * of both instances: the public address its browsers and sign-in links use.
 */
export const PROXY_PORT = Number(process.env.E2E_PROXY_PORT ?? SECOND_APP_PORT + 1);
export const PROXY_URL = `http://localhost:${PROXY_PORT}`;
/** nginx's files for one run (config, temp, cache, access log), removed when it stops. */
export const PROXY_DIR = path.join(os.tmpdir(), `csm-e2e-nginx-${PROXY_PORT}`);
export const PROXY_ACCESS_LOG = path.join(PROXY_DIR, "access.log");
/** The header a two-instance test tags its requests with, so it can find them in nginx's access log. */
export const PROXY_TAG_HEADER = "x-e2e-test";

export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
/**
 * nodemailer reads options from the URL's query string: `ignoreTLS` keeps it from trying
 * STARTTLS on the plain local capture server (which does not offer it anyway).
 */
export const SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}/?ignoreTLS=true`;

/** Where the capture server writes each message as JSON; read by the tests. */
export const MAIL_DIR = path.resolve(process.env.E2E_MAIL_DIR ?? "test-results/smtp");

/** The server runs with this per-e-mail limit (the app's default) so the rate-limit test knows it. */
export const SIGN_IN_LIMIT_PER_EMAIL = 5;
/** Every test request comes from one address: the per-address limit is lifted for the run. */
export const SIGN_IN_LIMIT_PER_ADDRESS = 1000;
/**
 * Behind nginx the two-instance suite's clients have addresses of their own (127.0.0.x): a low
 * per-address limit there shows which address the instances count.
 */
export const PROXIED_SIGN_IN_LIMIT_PER_ADDRESS = 12;

/** Which database the server under test uses (checked against /api/health). */
export const EXPECTED_DRIVER: "postgres" | "pglite" = process.env.DATABASE_URL ? "postgres" : "pglite";

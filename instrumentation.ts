import type { Instrumentation } from "next";

// NEXT_RUNTIME is not a setting: Next replaces it at build time, so the edge bundle drops the Node-only imports below.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkSettingsAtStart } = await import("./lib/startup-check");
  checkSettingsAtStart("The server");
  const { env } = await import("./lib/env");
  const { releaseAbortReasonStacks } = await import("./lib/abort-reason-stacks");
  releaseAbortReasonStacks();
  const { recordPeerAddresses } = await import("./lib/server/peer-address");
  recordPeerAddresses();
  if (!env().SKIP_MIGRATIONS) {
    const { migrateDatabase } = await import("./db/migrate");
    await migrateDatabase();
  }
  // With JOBS_IN_APP=false only `npm run worker` processes deliver messages and run schedules.
  if (env().JOBS_IN_APP) {
    const { startWorkers } = await import("./lib/server/jobs/workers");
    await startWorkers();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (...details) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/request-errors");
  logRequestError(...details);
};

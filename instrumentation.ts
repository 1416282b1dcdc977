export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { releaseAbortReasonStacks } = await import("./lib/abort-reason-stacks");
  releaseAbortReasonStacks();
  const { recordPeerAddresses } = await import("./lib/peer-address");
  recordPeerAddresses();
  if (process.env.SKIP_MIGRATIONS !== "true") {
    const { migrateDatabase } = await import("./db/migrate");
    await migrateDatabase();
  }
  // With JOBS_IN_APP=false only `npm run worker` processes deliver messages and run schedules.
  if (process.env.JOBS_IN_APP !== "false") {
    const { startWorkers } = await import("./lib/jobs/workers");
    await startWorkers();
  }
}

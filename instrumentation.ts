export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { releaseAbortReasonStacks } = await import("./lib/abort-reason-stacks");
  releaseAbortReasonStacks();
  const { recordPeerAddresses } = await import("./lib/peer-address");
  recordPeerAddresses();
  if (process.env.SKIP_MIGRATIONS === "true") return;
  const { migrateDatabase } = await import("./db/migrate");
  await migrateDatabase();
}

/** Runs a reliability script's checks, always cleans up (server, throwaway cluster), and exits 0 only if they passed. */
export async function runChecks(main: () => Promise<boolean>, cleanUp: () => Promise<void>): Promise<never> {
  let passed = false;
  try {
    passed = await main();
  } catch (error) {
    console.error(error);
  } finally {
    await cleanUp();
  }
  process.exit(passed ? 0 : 1);
}

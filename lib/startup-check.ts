import { settingProblems } from "./env";

/**
 * Run first by the server (instrumentation.ts) and by `npm run worker`: a process with a wrong
 * setting stops at once, one line per problem, instead of failing later on someone's request.
 */
export function checkSettingsAtStart(what: string): void {
  const problems = settingProblems();
  if (problems.length === 0) return;
  for (const problem of problems) process.stderr.write(`[settings] ${problem}\n`);
  process.stderr.write(`[settings] ${what} did not start: fix the settings above (README, "Configuration").\n`);
  process.exit(1);
}

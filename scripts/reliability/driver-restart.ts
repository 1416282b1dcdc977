/**
 * Scenario "transactions across database restarts", on the driver alone: the app's pool settings,
 * concurrent multi-statement transactions, and PostgreSQL restarted a few times under them. Every
 * transaction must end (committed or failed) within a few seconds, and none may throw outside its
 * promise. Unpatched postgres.js 3.4.9 fails this at the first restart (porsager/postgres#1208):
 * transactions hang for good and the pool runs out. The app-level scenario hits the same fault only
 * when a transaction happens to be between two statements at the moment of the restart.
 */
import postgres from "postgres";
import { postgresClientOptions } from "@/db/client";
import type { ThrowawayCluster } from "./cluster";
import { sleep } from "./traffic";

export type DriverRestartSettings = { restarts: number; workers: number; upSeconds: number; downSeconds: number; hangMs: number };

export type DriverRestartResult = {
  settings: DriverRestartSettings;
  committed: number;
  failed: Record<string, number>;
  hung: number;
  uncaughtExceptions: string[];
  checks: { name: string; passed: boolean; detail: string }[];
};

export async function runDriverRestart(cluster: ThrowawayCluster, databaseUrl: string, settings: DriverRestartSettings): Promise<DriverRestartResult> {
  const sql = postgres(databaseUrl, postgresClientOptions());
  const uncaughtExceptions: string[] = [];
  const onUncaught = (error: Error) => uncaughtExceptions.push(error.message);
  process.on("uncaughtException", onUncaught);
  let committed = 0;
  let hung = 0;
  const failed: Record<string, number> = {};
  let running = true;
  const padding = "x".repeat(1_200); // statements above 1 KB take postgres.js's immediate-write path, small ones the deferred one
  const worker = async () => {
    while (running) {
      const transaction = sql.begin(async (tx) => {
        await tx`select 1`;
        await tx`select pg_sleep(0.02), ${padding}::text`;
        await tx`select 2`;
      });
      const outcome = await Promise.race([
        transaction.then(
          () => "committed",
          (error: { code?: string; message?: string }) => error.code ?? error.message ?? "error",
        ),
        sleep(settings.hangMs).then(() => "hung"),
      ]);
      if (outcome === "committed") committed++;
      else if (outcome === "hung") hung++;
      else {
        failed[outcome] = (failed[outcome] ?? 0) + 1;
        await sleep(20);
      }
    }
  };
  const workers = Array.from({ length: settings.workers }, worker);
  try {
    for (let i = 0; i < settings.restarts; i++) {
      await sleep(settings.upSeconds * 1000);
      await cluster.stop();
      await sleep(settings.downSeconds * 1000);
      await cluster.start();
    }
    await sleep(settings.upSeconds * 1000);
  } finally {
    running = false;
    await Promise.all(workers);
    process.off("uncaughtException", onUncaught);
    await sql.end({ timeout: 1 });
  }
  return {
    settings,
    committed,
    failed,
    hung,
    uncaughtExceptions: uncaughtExceptions.slice(0, 10),
    checks: [
      { name: `every transaction ended within ${settings.hangMs / 1000} s (committed or failed)`, passed: hung === 0, detail: `${hung} hung` },
      { name: "no exception escaped the driver", passed: uncaughtExceptions.length === 0, detail: `${uncaughtExceptions.length} uncaught` },
      { name: "transactions committed between the restarts", passed: committed > 0, detail: `${committed} committed` },
    ],
  };
}

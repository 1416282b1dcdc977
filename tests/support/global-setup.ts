import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot?: string;
  }
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const migrationsFolder = path.join(root, "drizzle");

/** Identifies the migrated database: the migration files and the PGlite version. */
async function snapshotKey(): Promise<string> {
  const hash = createHash("sha256");
  const pglite = JSON.parse(await readFile(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8"));
  hash.update(pglite.version);
  const files = (await readdir(migrationsFolder, { recursive: true })).sort();
  for (const file of files) {
    const full = path.join(migrationsFolder, file);
    if (file.endsWith(".sql") || file.endsWith(".json")) hash.update(file).update(await readFile(full));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * A fresh PGlite takes seconds to initialise; a migrated one loaded from a snapshot takes one.
 * The snapshot is built once per set of migrations and shared by every test file.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const cacheDir = path.join(root, "node_modules/.cache/csm-vitest");
  const snapshot = path.join(cacheDir, `pglite-${await snapshotKey()}.tar`);
  if (!existsSync(snapshot)) {
    const { openPglite } = await import("../../db/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await openPglite("memory://");
    await migrate(drizzle({ client }), { migrationsFolder });
    const dump = await client.dumpDataDir("none");
    await client.close();
    await mkdir(cacheDir, { recursive: true });
    const partial = `${snapshot}.${process.pid}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, snapshot);
  }
  project.provide("pgliteSnapshot", snapshot);
}

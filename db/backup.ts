/**
 * Backups of the whole database, documents included (their bytes live in `document_blobs`).
 * PostgreSQL: pg_dump's custom format, restored with pg_restore into an empty database.
 * The embedded database (demo, development): PGlite's own data-directory archive.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { PGlite } from "@electric-sql/pglite";

const run = promisify(execFile);

export async function dumpPostgres(databaseUrl: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${databaseUrl}`]);
}

/** Into an empty database only: all or nothing (one transaction), stopping at the first error. */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${databaseUrl}`, file]);
}

export async function dumpPglite(client: PGlite, file: string): Promise<void> {
  const archive = await client.dumpDataDir("gzip");
  await writeFile(file, Buffer.from(await archive.arrayBuffer()));
}

/** A new embedded database in `dir` (which must not hold one) from an archive of dumpPglite. */
export async function restorePglite(file: string, dir: string): Promise<PGlite> {
  if (!dir.startsWith("memory://") && existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} already holds a database: restore into a new directory.`);
  }
  const { openPglite } = await import("./pglite");
  return openPglite(dir, { loadDataDir: new Blob([new Uint8Array(await readFile(file))]) });
}

/**
 * The documented backup procedure (npm run db:backup / db:restore, db/backup.ts) restores
 * everything: the demo data plus a document whose bytes take every value 0-255 are dumped,
 * restored into a fresh database, and every table compared row by row, every document's
 * bytes against its recorded SHA-256. With DATABASE_URL: pg_dump -Fc and pg_restore into a
 * new database on that server; on the embedded database: PGlite's data-directory archive
 * (what db:backup writes for the demo).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { dumpPglite, dumpPostgres, restorePglite, restorePostgres } from "@/db/backup";
import type { Database } from "@/db/client";
import { uploadDocument } from "@/db/queries/documents";
import { seedDatabase } from "@/db/seed";
import { createOrganization } from "@/db/queries/organization-profile";
import { createUser, organizationAnswers } from "../support/applicant-fixtures";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const workDir = mkdtempSync(path.join(os.tmpdir(), "csm-backup-test-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

type Rows = Record<string, unknown>[];
/** Either driver's raw rows. */
async function query(db: Database, text: string): Promise<Rows> {
  const result = (await db.execute(sql.raw(text))) as unknown as Rows | { rows: Rows };
  return Array.isArray(result) ? result : result.rows;
}

/** Every table of the app (and the migrations journal) with its row count and a digest of all its rows. */
async function fingerprint(db: Database): Promise<Record<string, { rows: number; digest: string }>> {
  const tables = await query(
    db,
    `select table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1`,
  );
  const result: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables) {
    const [row] = await query(db, `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from ${name} t`);
    result[name as string] = { rows: Number(row!.rows), digest: String(row!.digest) };
  }
  return result;
}

async function documentsWithBytes(db: Database) {
  const rows = await query(
    db,
    `select d.id, d.application_id, d.kind, d.file_name, d.sha256, encode(b.bytes, 'hex') as hex
       from documents d join document_blobs b on b.storage_key = d.storage_key order by d.id`,
  );
  return rows.map(({ hex, ...row }) => ({
    ...row,
    sha256: String(row.sha256),
    actualSha256: createHash("sha256")
      .update(Buffer.from(String(hex), "hex"))
      .digest("hex"),
  }));
}

describe("backup and restore", () => {
  it("restores a dump into a fresh database with every application, history row and document byte intact", { timeout: 60_000 }, async () => {
    const { db, driver } = testDb();
    await seedDatabase(db);
    const actor = await createUser(db, "applicant");
    const { applicationId } = await createOrganization(actor, organizationAnswers());
    const everyByte = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...Array.from({ length: 256 }, (_, value) => value),
      ...randomBytes(4096),
    ]);
    await uploadDocument(actor, applicationId, "statute", { name: "escaneo-año.png", bytes: everyByte });

    const before = await fingerprint(db);
    const documentsBefore = await documentsWithBytes(db);
    expect(before["public.applications"]!.rows).toBeGreaterThan(3);
    expect(before["public.application_history"]!.rows).toBeGreaterThan(3);
    expect(documentsBefore.length).toBeGreaterThan(4);
    for (const document of documentsBefore) expect(document.actualSha256).toBe(document.sha256);

    const file = path.join(workDir, `backup-${driver}`);
    let restored: { db: Database; close: () => Promise<void> };
    if (driver === "postgres") {
      await dumpPostgres(process.env.DATABASE_URL!, file);
      restored = await restoreIntoFreshPostgres(file);
    } else {
      await dumpPglite((db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client, file);
      const client = await restorePglite(file, "memory://");
      const { drizzle } = await import("drizzle-orm/pglite");
      restored = { db: drizzle({ client }) as unknown as Database, close: () => client.close() };
    }
    expect(statSync(file).size).toBeGreaterThan(everyByte.length);

    try {
      expect(await fingerprint(restored.db)).toEqual(before);
      expect(await documentsWithBytes(restored.db)).toEqual(documentsBefore);
      const [png] = await query(
        restored.db,
        `select encode(b.bytes, 'hex') as hex from documents d join document_blobs b using (storage_key) where d.file_name = 'escaneo-año.png'`,
      );
      expect(Buffer.from(String(png!.hex), "hex").equals(Buffer.from(everyByte))).toBe(true);
    } finally {
      await restored.close();
    }
  });
});

async function restoreIntoFreshPostgres(file: string): Promise<{ db: Database; close: () => Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const adminUrl = new URL(process.env.DATABASE_URL!);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  const name = `csm_restore_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  await restorePostgres(url.toString(), file);
  const client = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    db: drizzle({ client }) as unknown as Database,
    close: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

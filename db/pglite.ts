import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Opens an embedded database with the extensions the migrations create (pg_trgm, for the search
 * indexes): a directory migrated with an extension cannot be queried by a PGlite opened without it.
 */
export function openPglite(dataDir: string | undefined, options: PGliteOptions = {}): Promise<PGlite> {
  return PGlite.create(dataDir, { ...options, extensions: { ...options.extensions, pg_trgm } });
}

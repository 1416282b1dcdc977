-- The trigram operator class for the search index: a trusted extension, shipped with PostgreSQL and loaded by PGlite (db/pglite.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "organizations_search_key_trgm_idx" ON "organizations" USING gin ("search_key" gin_trgm_ops);

import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentBlobs } from "@/db/schema";

/**
 * Where uploaded bytes live, addressed by a storage key kept on the `documents` row.
 * Writes take the caller's transaction, so a document row and its bytes commit together;
 * an object store would write first and remove orphans on rollback.
 */
export interface DocumentStorage {
  put(executor: Executor, bytes: Uint8Array): Promise<string>;
  get(executor: Executor, storageKey: string): Promise<Uint8Array | null>;
  remove(executor: Executor, storageKey: string): Promise<void>;
}

/** The default: bytes in PostgreSQL (`document_blobs`), so they are backed up with everything else. */
export const databaseDocumentStorage: DocumentStorage = {
  async put(executor, bytes) {
    const storageKey = `db:${crypto.randomUUID()}`;
    await executor.insert(documentBlobs).values({ storageKey, bytes });
    return storageKey;
  },
  async get(executor, storageKey) {
    const [row] = await executor.select({ bytes: documentBlobs.bytes }).from(documentBlobs).where(eq(documentBlobs.storageKey, storageKey));
    return row ? new Uint8Array(row.bytes) : null;
  },
  async remove(executor, storageKey) {
    await executor.delete(documentBlobs).where(eq(documentBlobs.storageKey, storageKey));
  },
};

export function documentStorage(): DocumentStorage {
  return databaseDocumentStorage;
}

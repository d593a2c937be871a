import type { Db } from "@/server/db";
import { getAttachmentStore, type AttachmentStore } from "./store";

const stores = new WeakMap<Db, AttachmentStore>();

/** The store serving a database: the process's own, or one a test gave that database. */
export function attachmentStoreFor(db: Db): AttachmentStore {
  return stores.get(db) ?? getAttachmentStore();
}

/** Tests: files of this database go to `store`. */
export function useAttachmentStore(db: Db, store: AttachmentStore): void {
  stores.set(db, store);
}

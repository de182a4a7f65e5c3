import { PatchsyncError } from '../../core/index.js'
import type { DocumentRole, DocumentRow, Store } from '../storage/store.js'

/** The user's role on a document, from the committed state. */
export async function roleOf(store: Store, document: DocumentRow, userId: string): Promise<DocumentRole | undefined> {
  if (document.ownerId === userId) return 'owner'
  return (await store.grants(document.id)).get(userId)
}

/** A document the user may read (deleted ones only when `includeDeleted`), or `document_not_found`. */
export async function readableDocument(store: Store, id: string, userId: string, includeDeleted = false): Promise<DocumentRow> {
  const document = await store.getDocument(id)
  if (!document || (document.deleted && !includeDeleted) || (await roleOf(store, document, userId)) === undefined) {
    throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
  }
  return document
}

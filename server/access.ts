import { PatchsyncError } from '../core/index.js'
import type { DocumentRole, DocumentRow, Grant, Store } from './storage/store.js'

/*
 * Who may do what to a document (§9.2): every request's "not found", "forbidden" or "allowed" is
 * decided here, for reads (on the committed state) and for the write path (on the state it plans
 * on) alike. A change to what a request may do, or to which code it gets, is an edit here.
 *
 * The change feed (`get_changes`) and the document list filter by the same rule in their queries
 * (storage/store.ts `readChanges`, `listDocuments`): a user sees what they own or hold a grant on.
 */

/** What access is decided on: a document's owner and whether it is deleted, and its grants. */
export interface Guarded {
  row: Pick<DocumentRow, 'ownerId' | 'deleted'>
  grants: ReadonlyMap<string, Grant>
}

/** The user's role on a document, or undefined when they hold none. */
export function roleOf(document: Guarded, userId: string): DocumentRole | undefined {
  return document.row.ownerId === userId ? 'owner' : document.grants.get(userId)
}

const notFound = (id: string) => new PatchsyncError('document_not_found', `document ${id} does not exist`)
const readOnly = (id: string) => new PatchsyncError('forbidden', `you may only read document ${id}`)

/**
 * Reading a document (`get_document`; `get_document_at` with `history`, which also reads a deleted
 * document's past): a user without a role is told it does not exist, so nobody learns of a
 * document they may not read.
 */
export function checkRead(document: Guarded | undefined, userId: string, id: string, { history = false } = {}): asserts document is Guarded {
  if (!document || (document.row.deleted && !history) || roleOf(document, userId) === undefined) throw notFound(id)
}

/** Changing a live document: `update_document` and `rename_document` need `write`, `delete_document` the owner. */
export function checkWrite(document: Guarded | undefined, userId: string, id: string, need: 'write' | 'owner'): asserts document is Guarded {
  if (!document || document.row.deleted) throw notFound(id)
  const role = roleOf(document, userId)
  if (role === undefined) throw notFound(id)
  if (role === 'read' || (need === 'owner' && role !== 'owner')) {
    throw need === 'owner' ? new PatchsyncError('forbidden', 'only the owner may do this') : readOnly(id)
  }
}

/** `create_document`: an id is never reused, not even a deleted document's. */
export function checkCreate(existing: Guarded | undefined, id: string): void {
  if (existing) throw new PatchsyncError('document_exists', `document ${id} already exists`)
}

/**
 * One document of an undo (§7.3): true to restore it. A user without a role gets not found; one who
 * may only read is refused when the undo names the document, and otherwise passed over (an undo of
 * everything the user changed restores only what they may still write).
 */
export function checkUndo(document: Guarded | undefined, userId: string, id: string, named: boolean): document is Guarded {
  if (!document) throw notFound(id)
  const role = roleOf(document, userId)
  if (role === undefined) throw notFound(id)
  if (role !== 'read') return true
  if (named) throw readOnly(id)
  return false
}

/**
 * One document of a redo (§7.4), which needs write access now, whatever the user had when undoing.
 * A document that is gone is no access question: the redo finds it changed since the undo.
 */
export function checkRedo(document: Guarded | undefined, userId: string, id: string): void {
  if (!document) return
  const role = roleOf(document, userId)
  if (role === undefined) throw notFound(id)
  if (role === 'read') throw readOnly(id)
}

/** `share_document` (§9.1), on a document the user may read: only its owner grants, and never to the owner. */
export function checkShare(document: Pick<DocumentRow, 'ownerId'>, userId: string, grantee: string): void {
  if (document.ownerId !== userId) throw new PatchsyncError('forbidden', 'only the owner may share a document')
  if (grantee === document.ownerId) throw new PatchsyncError('forbidden', 'the owner always has full access')
}

const NO_GRANTS: ReadonlyMap<string, Grant> = new Map()

/**
 * A document as committed, once {@link checkRead} allows it. Grants are read only when the user is
 * not the owner.
 */
export async function readableDocument(store: Store, userId: string, id: string, options: { history?: boolean } = {}): Promise<DocumentRow> {
  const row = await store.getDocument(id)
  const grants = row && row.ownerId !== userId ? await store.grants(id) : NO_GRANTS
  checkRead(row && { row, grants }, userId, id, options)
  return row!
}

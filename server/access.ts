import { PatchsyncError } from '../core/index.js'
import type { DocumentHead, DocumentRole, DocumentRow, Grant, Store } from './storage/store.js'

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
 * One document of an undo (§7.5 steps 1, 2 and 4): true to restore it. A named document the user
 * may not read is not found (a deleted one too, unless they own it: the undo re-creates it), one
 * they may only read is forbidden. An undo of everything the user changed leaves out, instead,
 * what they may no longer write (read only, revoked, deleted by its owner).
 */
export function checkUndo(document: Guarded | undefined, userId: string, id: string, named: boolean): document is Guarded {
  const role = document && roleOf(document, userId)
  if (!document || role === undefined || (document.row.deleted && role !== 'owner')) {
    if (named) throw notFound(id)
    return false
  }
  if (role !== 'read') return true
  if (named) throw readOnly(id)
  return false
}

/**
 * §7.5 step 3: an undo that would delete or re-create a document is the owner's, since only the
 * owner deletes (§9.2); a writer's undo to before the create would otherwise delete the owner's
 * document. Forbidden when the undo names the document, else the document is left out (false).
 */
export function checkUndoExistence(document: Guarded, userId: string, named: boolean, changesExistence: boolean): boolean {
  if (!changesExistence || roleOf(document, userId) === 'owner') return true
  if (named) throw new PatchsyncError('forbidden', 'only the owner may delete or re-create a document')
  return false
}

/**
 * One document of a redo (§7.5 step 5), which needs write access now, whatever the user had when
 * undoing: checked for a named document before the undo stack is looked at, and for every document
 * of the undo before it is compared with what the undo left.
 */
export function checkRedo(document: Guarded | undefined, userId: string, id: string): asserts document is Guarded {
  const role = document && roleOf(document, userId)
  if (!document || role === undefined) throw notFound(id)
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

/**
 * {@link readableDocument} without the content: for a request that needs only to know the user
 * may read the document, and its head (no snapshot read, no tail applied).
 */
export async function readableHead(store: Store, userId: string, id: string, options: { history?: boolean } = {}): Promise<DocumentHead> {
  const head = await store.getHead(id)
  const grants = head && head.ownerId !== userId ? await store.grants(id) : NO_GRANTS
  checkRead(head && { row: head, grants }, userId, id, options)
  return head!
}

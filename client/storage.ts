import { applyPatch, type DocState, type JsonObject, type Operation, type VectorClock } from '../core/index.js'

export type OperationKind = 'create' | 'update' | 'delete' | 'rename' | 'share' | 'undo' | 'redo'

/** One unacknowledged operation, in the order it was made. */
export interface PendingOperation {
  position: number
  opId: string
  documentId: string | null
  kind: OperationKind
  /** The request frame, without `request_id` and `client_op_id`, which are the op id. */
  payload: Record<string, unknown> & { type: string }
  createdAt: string
}

/** A document as the server last confirmed it. */
export interface ConfirmedDocument {
  id: string
  state: DocState
  revision: string | null
  generation: number
  ownerId: string | null
  vectorClock: VectorClock
}

/** At most this many patches follow a document's stored content before it is written whole again. */
export const TAIL_LIMIT = 64

/** Stored patches were checked by the server when it accepted them: they replay unbounded and unmeasured. */
const REPLAY = { limits: { maxOps: Infinity, maxDepth: Infinity, maxDocumentBytes: Infinity }, size: 0 }

/** A stored content with the patches of its tail applied, oldest first. */
export function replayTail(content: JsonObject, patches: readonly unknown[]): JsonObject {
  let current: JsonObject = content
  for (const patch of patches) current = applyPatch(current, patch, REPLAY).doc as JsonObject
  return current
}

/**
 * What the client keeps on disk: the documents as the server last confirmed them, the outbox of
 * operations the server has not acknowledged, and a few settings. The local view of a document is
 * not stored: it is the confirmed state with the pending operations applied on top, kept in memory
 * by the client. Two engines implement this: SQLite through better-sqlite3 in Node
 * (`sqlite-storage.ts`) and IndexedDB in browsers (`indexeddb-storage.ts`).
 *
 * Several clients (browser tabs) may share one storage, so writes are written to be safe when
 * another client wrote first: a confirmed state never replaces a newer generation, and removing
 * an operation that is already gone is no error.
 */
export interface ClientStorage {
  getSetting(key: string): Promise<string | undefined>
  setSetting(key: string, value: string): Promise<void>
  /** Every document's confirmed state, by id. */
  loadDocuments(): Promise<ConfirmedDocument[]>
  loadDocument(id: string): Promise<ConfirmedDocument | undefined>
  /**
   * Stores a confirmed state unless the stored one is of a later generation. `patch`, when given,
   * took the stored state (one generation earlier) to this one ([] for a rename): the engine then
   * appends it to the document's tail of patches instead of rewriting the document, and writes
   * the whole content again only every {@link TAIL_LIMIT} changes, so that folding a small server
   * change costs what the change touches.
   */
  saveConfirmed(doc: ConfirmedDocument, patch?: readonly Operation[]): Promise<void>
  /** The outbox, oldest first. */
  loadOutbox(): Promise<PendingOperation[]>
  /**
   * Appends an operation to the outbox. It is durable once this resolves and `flush()` has
   * resolved after it (an engine may make it durable at once and flush nothing).
   */
  addPending(op: Omit<PendingOperation, 'position' | 'createdAt'>): Promise<PendingOperation>
  removePending(opId: string): Promise<void>
  /** Runs `fn` in one transaction: everything it writes through the storage it is given lands together or not at all. */
  transaction<T>(fn: (storage: ClientStorage) => Promise<T>): Promise<T>
  /** Makes every write so far durable. */
  flush(): Promise<void>
  close(): Promise<void>
}

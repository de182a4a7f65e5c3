import { randomUUID } from 'node:crypto'
import type {
  AccessListMessage,
  AuthenticateMessage,
  ChangesSinceMessage,
  ClientMessage,
  DocumentAtMessage,
  DocumentCreatedMessage,
  DocumentDeletedMessage,
  DocumentListMessage,
  DocumentMessage,
  DocumentRenamedMessage,
  DocumentSharedMessage,
  DocumentUpdatedMessage,
  RedoAppliedMessage,
  UndoAppliedMessage,
} from '../generated/types.js'
import { PatchsyncError, isUuid, type JsonObject, type Operation, type Role, type VectorClock } from '../core/index.js'
import type { ActivityLog, ConnectionInfo } from './activity-log.js'
import { failureOf } from './connection.js'
import { decodeRequest } from './decode-frame.js'
import { EncodedReply, handle, type HandlerContext } from './handlers/index.js'
import type { Store } from './storage/store.js'
import type { WritePath } from './write-path/write-path.js'

/** What every write may carry. */
export interface WriteOptions {
  /**
   * The idempotency key (§4): the same request sent again with it, as this user, is answered with
   * the original result and applied once, as a client's resubmission is.
   */
  clientOpId?: string
}

/**
 * Requests made by the server's own process as a user (ShareDB's `backend.connect()`): each goes
 * the way a client's does, through the same handler, access rules and write path, so it is
 * committed, logged with the user's id, broadcast to every connection that may read the document
 * (the user's own included) and, with `clientOpId`, applied once. Each method resolves with the
 * reply a client would get (the protocol's message, without `request_id`) or rejects with the
 * `PatchsyncError` a client would get as `error`. Rate limits, frame size and authentication are a
 * connection's and do not apply.
 */
export interface ServerSession {
  /** The user it acts as, in lower case. */
  readonly userId: string
  /** `create_document`: the document gets a random id (UUID v4) unless given one. */
  create(document: { id?: string; title: string; content: JsonObject }, options?: WriteOptions): Promise<DocumentCreatedMessage>
  /** `update_document`: `patch` is relative to the content (§2.4); `baseRevision` and `vectorClock` as a client sends them (§5). */
  update(documentId: string, patch: Operation[], options?: WriteOptions & { baseRevision?: string; vectorClock?: VectorClock }): Promise<DocumentUpdatedMessage>
  /** `rename_document` (§2.5). */
  rename(documentId: string, title: string, options?: WriteOptions): Promise<DocumentRenamedMessage>
  /** `delete_document`: only the owner deletes. */
  delete(documentId: string, options?: WriteOptions): Promise<DocumentDeletedMessage>
  /** `share_document` (§9.1): only the owner grants; `none` revokes. */
  share(documentId: string, userId: string, role: Role, options?: WriteOptions): Promise<DocumentSharedMessage>
  /** `undo_to_sequence` (§7.3): the user's changes after `targetSequence`, of one document or of all it may write. */
  undo(targetSequence: number, options?: WriteOptions & { documentId?: string }): Promise<UndoAppliedMessage>
  /** `redo` (§7.4). */
  redo(options?: WriteOptions & { documentId?: string }): Promise<RedoAppliedMessage>
  /** `get_document`: the committed document, if the user may read it. */
  get(documentId: string): Promise<DocumentMessage>
  /** `list_documents`: what the user owns or holds a grant on. */
  list(): Promise<DocumentListMessage>
  /** `get_changes` (§8.2): one page of the change log the user may read; with `before`, the newest page before it, newest first (§8.4). */
  changes(options: { since: number; before?: number; limit?: number; documentId?: string }): Promise<ChangesSinceMessage>
  /** `get_document_at` (§7.2): the document as it was at a sequence. */
  at(documentId: string, sequence: number): Promise<DocumentAtMessage>
  /** `list_access` (§9.5): the document's owner and grants. */
  access(documentId: string): Promise<AccessListMessage>
}

/** What a session needs of the server. */
export interface SessionHost {
  readonly store: Store
  readonly writes: WritePath
  readonly log: ActivityLog
  /** Deepest document content accepted; the core default when undefined. */
  readonly maxDepth: number | undefined
  /** False once the server is closing: requests are then refused with `server_shutting_down`. */
  readonly running: boolean
  /** Resolves once the database is ready (migrated). */
  ready(): Promise<void>
}

/** The reply each request of a session is answered with. */
interface Replies {
  create_document: DocumentCreatedMessage
  update_document: DocumentUpdatedMessage
  rename_document: DocumentRenamedMessage
  delete_document: DocumentDeletedMessage
  share_document: DocumentSharedMessage
  undo_to_sequence: UndoAppliedMessage
  redo: RedoAppliedMessage
  get_document: DocumentMessage
  list_documents: DocumentListMessage
  get_changes: ChangesSinceMessage
  get_document_at: DocumentAtMessage
  list_access: AccessListMessage
}

/** The members of a request of type T, but its type and `request_id`. */
type Fields<T extends keyof Replies> = Omit<Extract<Exclude<ClientMessage, AuthenticateMessage>, { type: T }>, 'type' | 'request_id'>

const opId = (options: WriteOptions | undefined) => (options?.clientOpId === undefined ? {} : { client_op_id: options.clientOpId })
const documentIdOf = (options: { documentId?: string } | undefined) => (options?.documentId === undefined ? {} : { document_id: options.documentId })

export class InProcessSession implements ServerSession, ConnectionInfo {
  /** Log lines of its requests carry this in place of a connection id. */
  readonly id = 'in-process'
  readonly address = undefined
  readonly userId: string
  private readonly context: HandlerContext

  constructor(
    userId: string,
    private readonly host: SessionHost,
  ) {
    if (typeof userId !== 'string' || !isUuid(userId)) throw new PatchsyncError('invalid_argument', `a user id is a UUID (§2.7), got ${JSON.stringify(userId)}`)
    this.userId = userId.toLowerCase()
    this.context = {
      // Already the user's: an `authenticate` is answered as on an authenticated connection.
      connection: {
        userId: this.userId,
        authenticate: () => Promise.reject(new PatchsyncError('already_authenticated', 'this session is already authenticated')),
      },
      userId: this.userId,
      store: host.store,
      writes: host.writes,
    }
  }

  create(document: { id?: string; title: string; content: JsonObject }, options?: WriteOptions) {
    return this.request('create_document', {
      document: { id: document.id ?? randomUUID(), title: document.title, content: document.content },
      ...opId(options),
    })
  }

  update(documentId: string, patch: Operation[], options?: WriteOptions & { baseRevision?: string; vectorClock?: VectorClock }) {
    const extra = {
      ...(options?.baseRevision === undefined ? {} : { base_revision: options.baseRevision }),
      ...(options?.vectorClock === undefined ? {} : { vector_clock: options.vectorClock }),
    }
    return this.request('update_document', { patch: { document_id: documentId, patch, ...extra }, ...opId(options) })
  }

  rename(documentId: string, title: string, options?: WriteOptions) {
    return this.request('rename_document', { document_id: documentId, title, ...opId(options) })
  }

  delete(documentId: string, options?: WriteOptions) {
    return this.request('delete_document', { document_id: documentId, ...opId(options) })
  }

  share(documentId: string, userId: string, role: Role, options?: WriteOptions) {
    return this.request('share_document', { document_id: documentId, user_id: userId, role, ...opId(options) })
  }

  undo(targetSequence: number, options?: WriteOptions & { documentId?: string }) {
    return this.request('undo_to_sequence', { target_sequence: targetSequence, ...documentIdOf(options), ...opId(options) })
  }

  redo(options?: WriteOptions & { documentId?: string }) {
    return this.request('redo', { ...documentIdOf(options), ...opId(options) })
  }

  get(documentId: string) {
    return this.request('get_document', { document_id: documentId })
  }

  list() {
    return this.request('list_documents', {})
  }

  changes(options: { since: number; before?: number; limit?: number; documentId?: string }) {
    const { before, limit } = options
    return this.request('get_changes', {
      since_sequence: options.since,
      ...(before === undefined ? {} : { before_sequence: before }),
      ...(limit === undefined ? {} : { limit }),
      ...documentIdOf(options),
    })
  }

  at(documentId: string, sequence: number) {
    return this.request('get_document_at', { document_id: documentId, sequence })
  }

  access(documentId: string) {
    return this.request('list_access', { document_id: documentId })
  }

  /**
   * One request, checked as a frame is (it goes through JSON text, so it is exactly what a client
   * could have sent, and shares nothing with the caller's objects), then run as a connection runs
   * it.
   */
  private async request<T extends keyof Replies>(type: T, fields: Fields<T>): Promise<Replies[T]> {
    const { log } = this.host
    log.received(this, type)
    try {
      if (!this.host.running) throw new PatchsyncError('server_shutting_down', 'the server is closing')
      await this.host.ready()
      const reply = await handle(this.context, decodeRequest(toJson({ type, ...fields }), this.host.maxDepth))
      log.sent(this, reply.type)
      return (reply instanceof EncodedReply ? reply.message() : reply) as Replies[T]
    } catch (error) {
      const failure = failureOf(error, this.host.running)
      if (!(error instanceof PatchsyncError) && this.host.running) log.fault('internal error', { error: String((error as Error)?.stack ?? error) })
      log.refused(this, failure.code, failure.message)
      throw failure
    }
  }
}

/** A request as JSON text; a value JSON cannot hold (a cycle, a BigInt) is an invalid request. */
function toJson(request: object): string {
  try {
    return JSON.stringify(request)
  } catch (error) {
    throw new PatchsyncError('invalid_message', `the request is not JSON: ${(error as Error).message}`)
  }
}

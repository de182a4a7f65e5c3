import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import {
  applyEvent,
  applyPatch,
  errorInfo,
  isJsonObject,
  jsonEqual,
  parseRevisionId,
  PatchsyncError,
  revisionId,
  validatePatch,
  type ChangeEvent,
  type DocState,
  type ErrorCode,
  type JsonObject,
  type Limits,
  type Operation,
  type Role,
  type ServerMessage,
  type VectorClock,
} from '../core/index.js'
import { Connection, replyError } from './connection.js'
import { openClientStore, type ClientStore, type ConfirmedDocument, type OperationKind, type PendingOperation } from './store.js'

export interface SyncClientOptions {
  /** The client's SQLite file (`:memory:` keeps nothing across restarts). */
  databasePath: string
  /** The server's WebSocket endpoint, e.g. `ws://localhost:8080/ws`. */
  serverUrl: string
  userId: string
  authToken: string
  /** This replica's actor id in vector clocks; generated once and kept in the database when absent. */
  clientId?: string
  /** Reconnect backoff: exponential from `minMs` to `maxMs`, with full jitter. */
  reconnect?: { minMs: number; maxMs: number }
  /** How long a request may wait for its reply before the connection is dropped (default 10 s). */
  requestTimeoutMs?: number
  /** Limits applied to local edits; the server's defaults unless given. */
  limits?: Partial<Limits>
}

/** A document as this client sees it: the server's state with the pending local ops on top. */
export interface LocalDocument {
  id: string
  title: string
  content: JsonObject
  /** The last revision the server confirmed; null until the server has the document. */
  revision_id: string | null
  owner_id: string | null
  /** Unacknowledged local operations on this document. */
  pending: number
}

/**
 * `local`: this client's own change: an edit as it is made, or an undo or redo once the server has
 * computed it. `remote`: anything else from the server (other users, or this user elsewhere).
 */
export type Origin = 'local' | 'remote'

export interface ClientStatus {
  online: boolean
  /** Operations in the outbox, not yet acknowledged by the server. */
  pending: number
  /** The change feed position this client has pulled up to. */
  lastSequence: number
}

/** Every event a SyncClient emits, with its payload. */
export interface SyncClientEvents {
  document_created: [{ document_id: string; document: LocalDocument; origin: Origin }]
  document_updated: [{ document_id: string; document: LocalDocument; origin: Origin; patch?: Operation[] }]
  document_deleted: [{ document_id: string; origin: Origin }]
  sync_started: [{ since: number }]
  sync_progress: [{ pulled: number; lastSequence: number; latestSequence: number }]
  sync_completed: [{ pulled: number; pushed: number; lastSequence: number }]
  connection_lost: [{ reason: string }]
  connection_attempting: [{ url: string; attempt: number }]
  connection_established: [{ userId: string; latestSequence: number }]
  /**
   * `concurrent`: the server detected a concurrent change and applied ours on top (ServerWins).
   * `rejected`: the server could not apply a pending op; it was dropped from the outbox.
   * `dropped`: after the server's state arrived, a pending op no longer applied locally; dropped.
   */
  conflict: [{ document_id: string | null; op_id: string; kind: 'concurrent' | 'rejected' | 'dropped'; code?: ErrorCode; message: string }]
  operation_acknowledged: [{ op_id: string; kind: OperationKind; sequence: number | null }]
  error: [{ code: ErrorCode; message: string; op_id?: string; document_id?: string | null }]
}

/** Operations whose rejection by the server means the user's edit lost against the server's state. */
const CONFLICT_CODES = new Set<string>(['conflict', 'test_failed', 'path_not_found', 'document_not_found', 'document_exists'])
/** At most this many operations are in flight; one per document, so each document's order holds. */
const MAX_IN_FLIGHT = 64
const PULL_PAGE = 1000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The offline-first client. Documents live in a local SQLite database; every write applies
 * locally at once and is kept in a durable outbox until the server acknowledges it. Ops carry
 * their `client_op_id`, so replaying the outbox after a lost reply, a reconnect or a restart
 * applies each exactly once (spec §4).
 */
export class SyncClient extends EventEmitter<SyncClientEvents> {
  private store: ClientStore | undefined
  private clientId = ''
  private lastSequence = 0
  private pendingCount = 0
  /** The local view of every known document (null: deleted or never existed). */
  private readonly views = new Map<string, LocalDocument | null>()
  private connection: Connection | undefined
  private online = false
  private wantOnline = false
  private closed = false
  private loop: Promise<void> | undefined
  private wake: (() => void) | undefined
  /** Ops sent on the current connection and not yet answered. */
  private readonly inFlight = new Map<string, string | null>()
  private syncing = false
  private pullTimer: NodeJS.Timeout | undefined
  private chain: Promise<unknown> = Promise.resolve()
  private readonly ackWaiters = new Map<string, Array<(result: { sequence: number | null; error?: PatchsyncError }) => void>>()
  private readonly requestTimeoutMs: number

  constructor(readonly options: SyncClientOptions) {
    super()
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000
    // An 'error' event with no listener must not crash the embedding process.
    this.on('error', () => {})
  }

  /** Opens the database; the client works offline from here on. `connect()` goes online. */
  async open(): Promise<void> {
    if (this.store) return
    if (typeof this.options.userId !== 'string' || !UUID.test(this.options.userId)) throw new PatchsyncError('invalid_argument', `user id must be a UUID, got ${JSON.stringify(this.options.userId)}`)
    if (typeof this.options.authToken !== 'string' || this.options.authToken === '') throw new PatchsyncError('invalid_argument', 'an auth token is required')
    const store = await openClientStore(this.options.databasePath)
    const owner = await store.getSetting('user_id')
    if (owner !== undefined && owner !== this.options.userId) {
      await store.close()
      throw new PatchsyncError('invalid_argument', `${this.options.databasePath} belongs to user ${owner}, not ${this.options.userId}`)
    }
    if (owner === undefined) await store.setSetting('user_id', this.options.userId)
    this.clientId = this.options.clientId ?? (await store.getSetting('client_id')) ?? randomUUID()
    await store.setSetting('client_id', this.clientId)
    this.lastSequence = Number((await store.getSetting('last_sequence')) ?? 0)
    this.store = store
    for (const confirmed of await store.allConfirmed()) await this.rebase(confirmed.id, false)
    for (const op of await store.pending()) if (op.documentId !== null && !this.views.has(op.documentId)) await this.rebase(op.documentId, false)
    this.pendingCount = await store.pendingCount()
  }

  /** Goes online and stays online (reconnecting with backoff) until `disconnect()` or `close()`. */
  connect(): void {
    this.opened()
    this.wantOnline = true
    this.loop ??= this.connectionLoop().finally(() => (this.loop = undefined))
    this.wake?.()
  }

  /** Goes offline; writes keep working and queue in the outbox. */
  async disconnect(): Promise<void> {
    this.wantOnline = false
    this.connection?.close('disconnect requested')
    this.wake?.()
    await this.loop
  }

  /** Goes offline and closes the database. Pending ops stay on disk for the next `open()`. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.disconnect()
    clearTimeout(this.pullTimer)
    await this.chain.catch(() => {})
    await this.store?.close()
    this.store = undefined
  }

  status(): ClientStatus {
    return { online: this.online, pending: this.pendingCount, lastSequence: this.lastSequence }
  }

  /** The actor id this client uses in vector clocks. */
  get actorId(): string {
    return this.clientId
  }

  get(id: string): LocalDocument | undefined {
    this.opened()
    const view = this.views.get(id.toLowerCase())
    return view ? structuredClone(view) : undefined
  }

  list(): LocalDocument[] {
    this.opened()
    return [...this.views.values()]
      .filter((v): v is LocalDocument => v !== null)
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
      .map((v) => structuredClone(v))
  }

  /** The operations not yet acknowledged, oldest first. */
  async outbox(): Promise<PendingOperation[]> {
    return this.opened().pending()
  }

  create(input: { id?: string; title: string; content: Record<string, unknown> }): Promise<LocalDocument> {
    return this.durably(async () => {
      if (input === null || typeof input !== 'object') throw new PatchsyncError('invalid_argument', 'create takes {title, content, id?}')
      if (input.id !== undefined && (typeof input.id !== 'string' || !UUID.test(input.id))) throw new PatchsyncError('invalid_argument', 'id must be a UUID')
      if (typeof input.title !== 'string') throw new PatchsyncError('invalid_argument', 'title must be a string')
      if (!isJsonObject(input.content)) throw new PatchsyncError('invalid_argument', 'content must be a JSON object')
      const id = (input.id ?? randomUUID()).toLowerCase()
      if (this.views.get(id)) throw new PatchsyncError('document_exists', `document ${id} already exists`)
      // Validates size and depth the way the server will, on a copy the caller cannot change later.
      const content = applyPatch({}, [{ op: 'add', path: '', value: input.content }], { limits: this.options.limits, requireObject: true }).doc as JsonObject
      return this.write('create', null, id, { type: 'create_document', document: { id, title: input.title, content } })
    })
  }

  update(id: string, patch: Operation[]): Promise<LocalDocument> {
    return this.durably(async () => {
      const view = this.existing(id)
      validatePatch(patch, this.options.limits)
      const clock = await this.nextClock(view.id)
      return this.write('update', view, view.id, { type: 'update_document', patch: { document_id: view.id, patch: structuredClone(patch), vector_clock: clock } }, patch)
    })
  }

  rename(id: string, title: string): Promise<LocalDocument> {
    return this.durably(async () => {
      const view = this.existing(id)
      if (typeof title !== 'string') throw new PatchsyncError('invalid_argument', 'title must be a string')
      return this.write('rename', view, view.id, { type: 'rename_document', document_id: view.id, title })
    })
  }

  delete(id: string): Promise<void> {
    return this.durably(async () => {
      const view = this.existing(id)
      if (view.owner_id !== null && view.owner_id !== this.options.userId) throw new PatchsyncError('forbidden', 'only the owner may delete a document')
      await this.write('delete', view, view.id, { type: 'delete_document', document_id: view.id })
    })
  }

  /** Shares a document (queued like every write); `none` revokes. */
  share(id: string, userId: string, role: Role): Promise<{ opId: string }> {
    return this.durably(async () => {
      const view = this.existing(id)
      return this.enqueue('share', view.id, { type: 'share_document', document_id: view.id, user_id: userId, role })
    })
  }

  /**
   * Queues an undo to `targetSequence` (one document, or every document this user changed after
   * it). The server computes the undo from its history, so its effect arrives as events once the
   * op is acknowledged; `acknowledged(opId)` waits for that.
   */
  undoToSequence(targetSequence: number, documentId?: string): Promise<{ opId: string }> {
    return this.durably(async () => {
      if (!Number.isSafeInteger(targetSequence) || targetSequence < 0) throw new PatchsyncError('invalid_argument', 'target sequence must be a whole number ≥ 0')
      const id = documentId?.toLowerCase() ?? null
      return this.enqueue('undo', id, { type: 'undo_to_sequence', target_sequence: targetSequence, ...(id ? { document_id: id } : {}) })
    })
  }

  /** Queues a redo of the most recent undo (of one document, or any). */
  redo(documentId?: string): Promise<{ opId: string }> {
    return this.durably(async () => {
      const id = documentId?.toLowerCase() ?? null
      return this.enqueue('redo', id, { type: 'redo', ...(id ? { document_id: id } : {}) })
    })
  }

  /** Resolves when the server has acknowledged the op; rejects with the server's error if it refused it. */
  acknowledged(opId: string): Promise<{ sequence: number | null }> {
    return this.opened()
      .pendingOp(opId)
      .then(
        (op) =>
          new Promise((resolve, reject) => {
            if (!op) return resolve({ sequence: null })
            const waiters = this.ackWaiters.get(opId) ?? []
            waiters.push((r) => (r.error ? reject(r.error) : resolve({ sequence: r.sequence })))
            this.ackWaiters.set(opId, waiters)
          }),
      )
  }

  /** The document's change events from the server, oldest first (online only). */
  async history(id: string): Promise<ChangeEvent[]> {
    const connection = this.requireOnline()
    const events: ChangeEvent[] = []
    let since = 0
    for (;;) {
      const reply = await connection.request({ type: 'get_changes', since_sequence: since, limit: PULL_PAGE, document_id: id.toLowerCase() }, this.requestTimeoutMs)
      if (reply.type !== 'changes_since') throw replyError(reply)
      events.push(...reply.changes)
      if (!reply.has_more || reply.changes.length === 0) return events
      since = reply.changes[reply.changes.length - 1]!.sequence
    }
  }

  /** The document as it was at `sequence` on the server, or null if it did not exist (online only). */
  async documentAt(id: string, sequence: number): Promise<{ title: string; content: JsonObject } | null> {
    const connection = this.requireOnline()
    const reply = await connection.request({ type: 'get_document_at', document_id: id.toLowerCase(), sequence }, this.requestTimeoutMs)
    if (reply.type !== 'document_at') throw replyError(reply)
    return reply.document ? { title: reply.document.title, content: reply.document.content as JsonObject } : null
  }

  /** Resolves once online with an empty outbox and nothing left to pull; rejects with `timeout`. */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.online && !this.syncing && !this.pushing && this.pendingCount === 0 && this.inFlight.size === 0 && this.pullTimer === undefined) return resolve()
        if (this.closed) return reject(new PatchsyncError('engine_closed', 'the client was closed'))
        if (Date.now() >= deadline) return reject(new PatchsyncError('timeout', `not synced within ${timeoutMs} ms`))
        setTimeout(check, 10)
      }
      check()
    })
  }

  // ---- local writes -------------------------------------------------------------------------

  private opened(): ClientStore {
    if (this.closed) throw new PatchsyncError('engine_closed', 'the client was closed')
    if (!this.store) throw new PatchsyncError('engine_closed', 'call open() first')
    return this.store
  }

  private existing(id: string): LocalDocument {
    if (typeof id !== 'string') throw new PatchsyncError('invalid_argument', 'document id must be a string')
    const view = this.views.get(id.toLowerCase())
    if (!view) throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
    return view
  }

  private requireOnline(): Connection {
    if (!this.online || !this.connection) throw new PatchsyncError('not_connected', 'this needs the server; the client is offline')
    return this.connection
  }

  /** A local write: runs in turn with every other change, and resolves once its op is on disk. */
  private async durably<T>(fn: () => Promise<T>): Promise<T> {
    const result = await this.exclusive(fn)
    await this.opened().flush()
    return result
  }

  /** Serializes every change of local state: writes, server replies, pulled events. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => {
      this.opened()
      return fn()
    })
    this.chain = run.catch(() => {})
    return run
  }

  /** The vector clock for this client's next change to a document: past every clock it knows. */
  private async nextClock(id: string): Promise<VectorClock> {
    const store = this.opened()
    const confirmed = await store.confirmed(id)
    let counter = confirmed?.vectorClock[this.clientId] ?? 0
    for (const op of await store.pending(id)) {
      const clock = (op.payload.patch as { vector_clock?: VectorClock } | undefined)?.vector_clock
      counter = Math.max(counter, clock?.[this.clientId] ?? 0)
    }
    return { ...(confirmed?.vectorClock ?? {}), [this.clientId]: counter + 1 }
  }

  /**
   * A local edit: computes the new view (throwing, with nothing stored, if the edit does not
   * apply), puts the op in the outbox durably, then shows the new view and starts pushing.
   */
  private async write(kind: OperationKind, view: LocalDocument | null, id: string, payload: PendingOperation['payload'], patch?: Operation[]): Promise<LocalDocument> {
    const state = applyPending(view && { title: view.title, content: structuredClone(view.content) }, { kind, payload }, this.options.limits)
    if (state instanceof PatchsyncError) throw state
    await this.enqueue(kind, id, payload)
    const after: LocalDocument | null = state && {
      id,
      title: state.title,
      content: state.content,
      revision_id: view?.revision_id ?? null,
      owner_id: view ? view.owner_id : this.options.userId,
      pending: (view?.pending ?? 0) + 1,
    }
    this.views.set(id, after)
    if (!after) this.emit('document_deleted', { document_id: id, origin: 'local' })
    else if (!view) this.emit('document_created', { document_id: id, document: structuredClone(after), origin: 'local' })
    else this.emit('document_updated', { document_id: id, document: structuredClone(after), origin: 'local', ...(patch ? { patch: structuredClone(patch) } : {}) })
    return structuredClone(after ?? view!)
  }

  /** Puts an op in the outbox (durably, before the caller hears back) and starts pushing it. */
  private async enqueue(kind: OperationKind, documentId: string | null, payload: PendingOperation['payload']): Promise<{ opId: string }> {
    const opId = randomUUID()
    await this.opened().enqueue({ opId, documentId, kind, payload })
    this.pendingCount++
    this.schedulePush()
    return { opId }
  }

  /**
   * Recomputes a document's local view: the confirmed state with its pending ops on top. A pending
   * op that no longer applies (the server's state moved under it) and is not in flight is dropped
   * and reported as a conflict. Emits the change to the view, if any.
   */
  private async rebase(id: string, emit = true, origin: Origin = 'remote'): Promise<void> {
    const store = this.opened()
    const confirmed = await store.confirmed(id)
    let state: DocState = confirmed?.state ? { title: confirmed.state.title, content: confirmed.state.content } : null
    let pending = 0
    for (const op of await store.pending(id)) {
      const next = applyPending(state, op, this.options.limits)
      if (next instanceof PatchsyncError) {
        if (this.inFlight.has(op.opId)) continue
        await store.removePending(op.opId)
        this.pendingCount = await store.pendingCount()
        this.settle(op.opId, { sequence: null, error: next })
        this.emit('conflict', { document_id: id, op_id: op.opId, kind: 'dropped', code: next.code, message: `a pending ${op.kind} no longer applies to the server's state: ${next.message}` })
        continue
      }
      state = next
      if (op.kind !== 'share') pending++
    }
    const before = this.views.get(id)
    const after: LocalDocument | null = state && {
      id,
      title: state.title,
      content: state.content,
      revision_id: confirmed?.revision ?? null,
      owner_id: confirmed?.ownerId ?? (confirmed?.state ? null : this.options.userId),
      pending,
    }
    this.views.set(id, after)
    if (!emit) return
    if (!before && after) this.emit('document_created', { document_id: id, document: structuredClone(after), origin })
    else if (before && !after) this.emit('document_deleted', { document_id: id, origin })
    else if (before && after && (before.title !== after.title || !jsonEqual(before.content, after.content))) {
      this.emit('document_updated', { document_id: id, document: structuredClone(after), origin })
    }
  }

  // ---- connection -----------------------------------------------------------------------------

  private async connectionLoop(): Promise<void> {
    let attempt = 0
    while (this.wantOnline && !this.closed) {
      attempt++
      this.emit('connection_attempting', { url: this.options.serverUrl, attempt })
      let connection: Connection | undefined
      try {
        const opened = await Connection.open(this.options.serverUrl, this.options, {
          timeoutMs: this.requestTimeoutMs,
          onBroadcast: (message) => this.onBroadcast(message),
        })
        connection = opened.connection
        if (!this.wantOnline || this.closed) {
          connection.close('disconnect requested')
          break
        }
        this.connection = connection
        this.online = true
        attempt = 0
        this.emit('connection_established', { userId: this.options.userId, latestSequence: opened.latestSequence })
        void this.sync(connection)
        const reason = await connection.closed
        this.emit('connection_lost', { reason })
      } catch (error) {
        const failure = asPatchsyncError(error)
        this.emit('error', { code: failure.code, message: failure.message })
        if (!errorInfo(failure.code).retryable) {
          // Retrying cannot fix a wrong token or a refused handshake: stay offline until connect() is called again.
          this.wantOnline = false
          break
        }
      } finally {
        this.online = false
        this.connection = undefined
        this.inFlight.clear()
        this.syncing = false
      }
      if (!this.wantOnline || this.closed) break
      await this.sleep(backoff(attempt, this.options.reconnect))
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    }).finally(() => (this.wake = undefined))
  }

  /** One sync round after connecting: pull the change feed, then push the outbox. */
  private async sync(connection: Connection): Promise<void> {
    this.syncing = true
    this.emit('sync_started', { since: this.lastSequence })
    try {
      const pulled = await this.pull(connection)
      const pushed = await this.push(connection)
      this.syncing = false
      this.emit('sync_completed', { pulled, pushed, lastSequence: this.lastSequence })
      // Ops written while the round ran.
      this.schedulePush()
    } catch (error) {
      this.syncing = false
      if (this.connection !== connection) return
      const failure = asPatchsyncError(error)
      this.emit('error', { code: failure.code, message: `sync failed: ${failure.message}` })
      connection.close(`sync failed: ${failure.message}`)
    }
  }

  /** Pulls every change after `lastSequence`, page by page; each page lands in one transaction. */
  private async pull(connection: Connection): Promise<number> {
    let pulled = 0
    for (;;) {
      const reply = await connection.request({ type: 'get_changes', since_sequence: this.lastSequence, limit: PULL_PAGE }, this.requestTimeoutMs)
      if (reply.type !== 'changes_since') throw replyError(reply)
      const changes = reply.changes
      await this.exclusive(async () => {
        const last = changes.length > 0 ? changes[changes.length - 1]!.sequence : this.lastSequence
        await this.opened().transaction(async (trx) => {
          for (const event of changes) await this.foldChange(trx, eventChange(event))
          if (last > this.lastSequence) await trx.setSetting('last_sequence', String(last))
        })
        this.lastSequence = Math.max(this.lastSequence, last)
        await this.settleFolded(connection)
      })
      pulled += changes.length
      if (changes.length > 0) this.emit('sync_progress', { pulled, lastSequence: this.lastSequence, latestSequence: reply.latest_sequence ?? this.lastSequence })
      if (!reply.has_more || changes.length === 0) break
    }
    return pulled
  }

  /** A broadcast or our own reply moved the feed: pull soon to move `lastSequence` past it. */
  private schedulePull(): void {
    if (this.pullTimer || !this.connection) return
    this.pullTimer = setTimeout(() => {
      const connection = this.connection
      if (!connection) {
        this.pullTimer = undefined
        return
      }
      this.pull(connection)
        .catch(() => {})
        .finally(() => (this.pullTimer = undefined))
    }, 20)
  }

  private pushing: Promise<number> | undefined
  private pushAgain = false

  /** Starts a push unless one is running, in which case that one goes round again. */
  private schedulePush(): void {
    const connection = this.connection
    if (!connection || this.syncing) return
    if (this.pushing) {
      this.pushAgain = true
      return
    }
    this.pushing = this.push(connection)
      .catch(() => 0)
      .finally(() => {
        this.pushing = undefined
        if (this.pushAgain) {
          this.pushAgain = false
          this.schedulePush()
        }
      })
  }

  /**
   * Sends pending ops: at most one in flight per document (so each document's ops apply in the
   * order they were made, whatever the server answers), ops without a document as barriers.
   * Resolves when the outbox is empty or the connection is gone; returns how many were acknowledged.
   */
  private async push(connection: Connection): Promise<number> {
    let pushed = 0
    for (;;) {
      if (this.connection !== connection) return pushed
      const pending = await this.opened().pending()
      if (pending.length === 0) return pushed
      const batch: PendingOperation[] = []
      const busy = new Set<string | null>(this.inFlight.values())
      for (const op of pending) {
        if (this.inFlight.size + batch.length >= MAX_IN_FLIGHT) break
        if (op.documentId === null) {
          // An undo or redo across documents waits for everything before it, and blocks what follows.
          if (batch.length === 0 && this.inFlight.size === 0) batch.push(op)
          break
        }
        if (busy.has(op.documentId) || busy.has(null) || this.inFlight.has(op.opId)) {
          busy.add(op.documentId)
          continue
        }
        busy.add(op.documentId)
        batch.push(op)
      }
      if (batch.length === 0) {
        if (this.inFlight.size === 0) return pushed
        await new Promise((resolve) => setTimeout(resolve, 5))
        continue
      }
      const results = await Promise.all(batch.map((op) => this.send(connection, op)))
      pushed += results.filter((r) => r === 'acknowledged').length
      // The connection is gone (its close event may not have run yet: a refused send settles at
      // once, so looping here would never yield to it). The next connection pushes the rest.
      if (results.includes('lost')) return pushed
      if (results.some((r) => r === 'retry')) await new Promise((resolve) => setTimeout(resolve, this.retryDelay))
    }
  }

  private retryDelay = 100

  /** Sends one op and handles its reply: 'retry' when the server asked to try again later, 'lost' when the connection is gone. */
  private async send(connection: Connection, op: PendingOperation): Promise<'acknowledged' | 'retry' | 'lost'> {
    this.inFlight.set(op.opId, op.documentId)
    let reply: ServerMessage
    try {
      reply = await connection.request({ ...op.payload, request_id: op.opId, client_op_id: op.opId }, this.requestTimeoutMs)
    } catch {
      this.inFlight.delete(op.opId)
      return 'lost'
    }
    if (reply.type === 'error' && errorInfo(reply.code as ErrorCode).retryable) {
      this.inFlight.delete(op.opId)
      const wait = Number((reply.details as { retry_after_ms?: number } | undefined)?.retry_after_ms)
      this.retryDelay = Number.isFinite(wait) && wait > 0 ? Math.min(wait, 5000) : 100
      return 'retry'
    }
    await this.exclusive(async () => {
      this.inFlight.delete(op.opId)
      await this.onOpReply(connection, op, reply)
    })
    // Once the pipe is empty, a pull moves the feed position past our own events.
    if (this.inFlight.size === 0) this.schedulePull()
    return 'acknowledged'
  }

  /** The server answered an op: acknowledge it and fold the result into the confirmed state. */
  private async onOpReply(connection: Connection, op: PendingOperation, reply: ServerMessage): Promise<void> {
    const store = this.opened()
    if (!(await store.pendingOp(op.opId))) return
    if (reply.type === 'error') {
      await store.removePending(op.opId)
      this.pendingCount = await store.pendingCount()
      const error = replyError(reply)
      this.settle(op.opId, { sequence: null, error })
      if (CONFLICT_CODES.has(reply.code)) {
        this.emit('conflict', { document_id: op.documentId, op_id: op.opId, kind: 'rejected', code: error.code, message: reply.message })
      } else {
        this.emit('error', { code: error.code, message: `the server refused a ${op.kind}: ${reply.message}`, op_id: op.opId, document_id: op.documentId })
      }
      const current = (reply.details as { document?: unknown } | undefined)?.document
      if (op.documentId !== null) {
        if (isServerDocument(current)) await store.saveConfirmed(confirmedFrom(current, await store.confirmed(op.documentId)))
        else if (op.kind !== 'share') await this.resync(connection, op.documentId)
        await this.rebase(op.documentId)
      }
      return
    }
    let sequence: number | null = 'sequence' in reply && typeof reply.sequence === 'number' ? reply.sequence : null
    await store.transaction(async (trx) => {
      await trx.removePending(op.opId)
      if (reply.type === 'undo_applied' || reply.type === 'redo_applied') {
        for (const event of reply.changes) await this.foldChange(trx, eventChange(event))
        sequence = reply.changes.length > 0 ? reply.changes[reply.changes.length - 1]!.sequence : null
        return
      }
      const change = messageChange(reply)
      if (change) await this.foldChange(trx, change)
    })
    if (reply.type === 'document_updated' && reply.conflict) {
      this.emit('conflict', { document_id: reply.document_id, op_id: op.opId, kind: 'concurrent', message: 'the server saw a concurrent change and applied this update on top of it (ServerWins)' })
    }
    // The server computes an undo or redo: its changes reach the view only now, and are this client's own.
    await this.settleFolded(connection, reply.type === 'undo_applied' || reply.type === 'redo_applied' ? 'local' : 'remote')
    this.emit('operation_acknowledged', { op_id: op.opId, kind: op.kind, sequence })
    this.settle(op.opId, { sequence })
  }

  private settle(opId: string, result: { sequence: number | null; error?: PatchsyncError }): void {
    for (const waiter of this.ackWaiters.get(opId) ?? []) waiter(result)
    this.ackWaiters.delete(opId)
  }

  private onBroadcast(message: ServerMessage): void {
    const connection = this.connection
    if (!connection) return
    if (message.type === 'document_shared') {
      if (message.user_id === this.options.userId.toLowerCase()) this.onShared(connection, message.document_id, message.role)
      return
    }
    if (message.type === 'error') {
      this.emit('error', { code: message.code as ErrorCode, message: message.message })
      return
    }
    const change = messageChange(message)
    if (!change) return
    const remote = { ...change, userId: (message as { user_id: string }).user_id }
    this.exclusive(async () => {
      await this.opened().transaction((trx) => this.foldChange(trx, remote))
      await this.settleFolded(connection)
    }).catch((error) => {
      const failure = asPatchsyncError(error)
      this.emit('error', { code: failure.code, message: `could not apply a change from the server: ${failure.message}` })
    })
    this.schedulePull()
  }

  /** Someone shared a document with this user (fetch it whole) or revoked access (forget it). */
  private onShared(connection: Connection, documentId: string, role: Role): void {
    this.exclusive(async () => {
      const store = this.opened()
      const base = await store.confirmed(documentId)
      if (role === 'none') {
        if (base) await store.saveConfirmed({ ...base, state: null })
        this.touched.add(documentId)
      } else this.stale.add(documentId)
      await this.settleFolded(connection)
    }).catch((error) => {
      const failure = asPatchsyncError(error)
      this.emit('error', { code: failure.code, message: `could not fetch a shared document: ${failure.message}` })
    })
  }

  /** Documents whose confirmed state changed in the last fold, and those to refetch. */
  private readonly touched = new Set<string>()
  private readonly stale = new Set<string>()
  /** Ops acknowledged by a folded change (their reply was lost), settled once the fold commits. */
  private readonly foldedAcks = new Set<string>()

  /** After a fold committed: count the outbox, refetch what did not fold, rebase what changed. */
  private async settleFolded(connection: Connection, origin: Origin = 'remote'): Promise<void> {
    this.pendingCount = await this.opened().pendingCount()
    for (const opId of this.foldedAcks) this.settle(opId, { sequence: null })
    this.foldedAcks.clear()
    for (const id of this.stale) await this.resync(connection, id)
    this.stale.clear()
    const ids = [...this.touched]
    this.touched.clear()
    for (const id of ids) await this.rebase(id, true, origin)
  }

  /**
   * Folds one server change into the confirmed state of its document. Changes are ordered by the
   * revision generation: an old one is ignored (already folded), the next one is applied and its
   * revision id checked against our own computation, and a gap or a mismatch refetches the
   * document. A change carrying one of our pending op ids acknowledges that op (its reply was lost).
   */
  private async foldChange(store: ClientStore, change: Change): Promise<void> {
    const id = change.documentId
    if (change.clientOpId && change.userId === this.options.userId && (await store.pendingOp(change.clientOpId))) {
      await store.removePending(change.clientOpId)
      this.foldedAcks.add(change.clientOpId)
      this.touched.add(id)
    }
    const base = (await store.confirmed(id)) ?? { id, state: null, revision: null, generation: 0, ownerId: null, vectorClock: {} }
    const generation = parseRevisionId(change.revision).generation
    // Already folded (our own op's reply came first, say): nothing to show again.
    if (generation <= base.generation) return
    this.touched.add(id)
    if (generation === base.generation + 1) {
      try {
        const state = applyEvent(base.state && { title: base.state.title, content: base.state.content }, {
          event_type: change.eventType,
          forward_patch: structuredClone(change.forward),
          reverse_patch: null,
        })
        if (revisionId(generation, base.revision, state?.title ?? null, state?.content ?? null) === change.revision) {
          await store.saveConfirmed({
            id,
            state,
            revision: change.revision,
            generation,
            ownerId: change.ownerId ?? base.ownerId,
            vectorClock: change.clock ?? base.vectorClock,
          })
          return
        }
      } catch {
        // Falls through to a refetch: the change did not apply to what we hold.
      }
    }
    this.stale.add(id)
  }

  /** Replaces a document's confirmed state with the server's current one. */
  private async resync(connection: Connection, id: string): Promise<void> {
    const store = this.opened()
    const reply = await connection.request({ type: 'get_document', document_id: id }, this.requestTimeoutMs)
    const base = await store.confirmed(id)
    if (reply.type === 'document') await store.saveConfirmed(confirmedFrom(reply.document, base))
    else if (reply.type === 'error' && (reply.code === 'document_not_found' || reply.code === 'forbidden')) {
      await store.saveConfirmed({ id, state: null, revision: base?.revision ?? null, generation: base?.generation ?? 0, ownerId: base?.ownerId ?? null, vectorClock: base?.vectorClock ?? {} })
    } else throw replyError(reply)
    this.touched.add(id)
  }

}

/** A server change, from a reply, a broadcast or the feed, in one shape. */
interface Change {
  documentId: string
  revision: string
  eventType: 'create' | 'update' | 'delete' | 'rename'
  forward: unknown
  ownerId?: string
  clock?: VectorClock | null
  clientOpId?: string | null
  userId?: string
}

/** The change a reply or broadcast announces (document_created, _updated, _renamed, _deleted), else undefined. */
function messageChange(message: ServerMessage): Change | undefined {
  switch (message.type) {
    case 'document_created':
      return { documentId: message.document.id, revision: message.revision_id, eventType: 'create', forward: message.document, ownerId: message.document.owner_id, clock: message.document.vector_clock, clientOpId: message.client_op_id }
    case 'document_updated':
      return { documentId: message.document_id, revision: message.revision_id, eventType: 'update', forward: message.patch, clock: message.vector_clock, clientOpId: message.client_op_id }
    case 'document_renamed':
      return { documentId: message.document_id, revision: message.revision_id, eventType: 'rename', forward: { title: message.title }, clientOpId: message.client_op_id }
    case 'document_deleted':
      return { documentId: message.document_id, revision: message.revision_id, eventType: 'delete', forward: null, clientOpId: message.client_op_id }
    default:
      return undefined
  }
}

function eventChange(event: ChangeEvent): Change {
  return {
    documentId: event.document_id,
    revision: event.revision_id,
    eventType: event.event_type,
    forward: event.forward_patch,
    clock: event.vector_clock ?? undefined,
    clientOpId: event.client_op_id,
    userId: event.user_id,
  }
}

interface ServerDocument {
  id: string
  title: string
  content: unknown
  revision_id: string
  vector_clock: VectorClock
  owner_id: string
}

function isServerDocument(value: unknown): value is ServerDocument {
  return isJsonObject(value) && typeof value.id === 'string' && typeof value.revision_id === 'string' && isJsonObject(value.content)
}

function confirmedFrom(document: ServerDocument, base: ConfirmedDocument | undefined): ConfirmedDocument {
  const generation = parseRevisionId(document.revision_id).generation
  if (base && base.generation > generation) return base
  return {
    id: document.id,
    state: { title: document.title, content: document.content as JsonObject },
    revision: document.revision_id,
    generation,
    ownerId: document.owner_id,
    vectorClock: document.vector_clock,
  }
}

/** The local effect of a pending op on a view, or the error that stops it applying. */
function applyPending(state: DocState, op: Pick<PendingOperation, 'kind' | 'payload'>, limits?: Partial<Limits>): DocState | PatchsyncError {
  try {
    switch (op.kind) {
      case 'create': {
        if (state !== null) return new PatchsyncError('document_exists', 'the document already exists')
        const document = op.payload.document as { title: string; content: JsonObject }
        return { title: document.title, content: structuredClone(document.content) }
      }
      case 'update': {
        if (state === null) return new PatchsyncError('document_not_found', 'the document no longer exists')
        const patch = (op.payload.patch as { patch: Operation[] }).patch
        const content = applyPatch(structuredClone(state.content), structuredClone(patch), { limits, requireObject: true }).doc as JsonObject
        return { title: state.title, content }
      }
      case 'rename':
        if (state === null) return new PatchsyncError('document_not_found', 'the document no longer exists')
        return { title: op.payload.title as string, content: state.content }
      case 'delete':
        if (state === null) return new PatchsyncError('document_not_found', 'the document no longer exists')
        return null
      case 'share':
      case 'undo':
      case 'redo':
        return state
    }
  } catch (error) {
    return asPatchsyncError(error)
  }
}

function asPatchsyncError(error: unknown): PatchsyncError {
  if (error instanceof PatchsyncError) return error
  return new PatchsyncError('internal_error', error instanceof Error ? error.message : String(error))
}

/** Exponential backoff with full jitter: a random wait in [min, min(max, min·2^attempt)]. */
export function backoff(attempt: number, range = { minMs: 250, maxMs: 30_000 }): number {
  const ceiling = Math.min(range.maxMs, range.minMs * 2 ** Math.min(attempt, 20))
  return range.minMs + Math.random() * Math.max(0, ceiling - range.minMs)
}

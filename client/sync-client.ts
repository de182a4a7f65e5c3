import {
  changesOf,
  isJsonObject,
  PatchsyncError,
  validatePatch,
  applyPatch,
  type ChangeEvent,
  type ErrorCode,
  type JsonObject,
  type Limits,
  type Operation,
  type Role,
  type ServerMessage,
  type VectorClock,
} from '../core/index.js'
import { ChangeFeed, type Applied } from './change-feed.js'
import { replyError, type Connection, type Credentials, type SocketFactory } from './connection.js'
import { Emitter } from './emitter.js'
import { LocalViews, type LocalDocument, type Rebased } from './local-views.js'
import { applyPending, asPatchsyncError, OPERATIONS } from './operations.js'
import { Outbox } from './outbox.js'
import { OutboxPusher } from './outbox-pusher.js'
import { Reconnector } from './reconnect.js'
import type { ClientStorage, OperationKind, PendingOperation } from './storage.js'
import type { TabGroup } from './tabs.js'

export type { LocalDocument } from './local-views.js'

/** Options every platform's client takes; Node's adds `databasePath`, browsers' `databaseName`. */
export interface SyncClientOptions {
  /** The server's WebSocket endpoint, e.g. `ws://localhost:8080/ws`. */
  serverUrl: string
  userId: string
  /**
   * The token to authenticate with, or a function that supplies one: it is called before every
   * connection attempt, so a short-lived token (a JWT) is fetched fresh when the client reconnects.
   * A provider that throws a `PatchsyncError` with a code that is not retryable (`auth_failed`)
   * stops the client from connecting; any other failure is retried with backoff.
   */
  authToken: string | (() => string | Promise<string>)
  /** This replica's actor id in vector clocks; generated once and kept in storage when absent. */
  clientId?: string
  /** Reconnect backoff: exponential from `minMs` to `maxMs`, with full jitter. */
  reconnect?: { minMs: number; maxMs: number }
  /** How long a request may wait for its reply before the connection is dropped (default 10 s). */
  requestTimeoutMs?: number
  /** Limits applied to local edits; the server's defaults unless given. */
  limits?: Partial<Limits>
}

/** What a platform supplies: a storage engine, sockets, and how clients sharing the storage coordinate. */
export interface Platform {
  /** The storage's name (a file path, a database name), for messages. */
  readonly storageName: string
  openStorage(): Promise<ClientStorage>
  openSocket: SocketFactory
  tabs(): TabGroup
}

/**
 * `local`: this client's own change: an edit as it is made, or an undo or redo once the server has
 * computed it. `remote`: anything else (other users, this user elsewhere, another tab).
 */
export type Origin = 'local' | 'remote'

export interface ClientStatus {
  online: boolean
  /** Operations in the outbox, not yet acknowledged by the server. */
  pending: number
  /** The change feed position this client has pulled up to. */
  lastSequence: number
  /** Online, with nothing to push, nothing in flight and nothing left to pull: what `whenSynced()` waits for. */
  synced: boolean
  /** Why the client stopped trying to connect (a wrong token, say); null while it is not stopped. */
  error: { code: ErrorCode; message: string } | null
}

/** One change to one document, as `subscribe` listeners and the document events see it. */
export interface DocumentChange {
  document_id: string
  /** The document after the change (undefined once deleted). Frozen; shared, not copied. */
  document: LocalDocument | undefined
  origin: Origin
  /** For an update: the JSON Patch applied (a remote one against the server's state, before pending local ops). */
  patch?: Operation[]
  /** For a remote change: the user who made it. */
  author?: string
}

/** Every event a SyncClient emits, with its payload. */
export interface SyncClientEvents {
  document_created: [{ document_id: string; document: LocalDocument; origin: Origin; author?: string }]
  document_updated: [{ document_id: string; document: LocalDocument; origin: Origin; patch?: Operation[]; author?: string }]
  document_deleted: [{ document_id: string; origin: Origin; author?: string }]
  sync_started: [{ since: number }]
  sync_progress: [{ pulled: number; lastSequence: number; latestSequence: number }]
  sync_completed: [{ pulled: number; pushed: number; lastSequence: number }]
  connection_lost: [{ reason: string }]
  connection_attempting: [{ url: string; attempt: number }]
  connection_established: [{ userId: string; latestSequence: number }]
  /** `status()` changed (online, pending, synced, error…). */
  status_changed: [ClientStatus]
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The offline-first client, the same on every platform over a storage engine the platform
 * supplies. Every write applies locally at once and is kept in a durable outbox until the server
 * acknowledges it. Ops carry their `client_op_id`, so replaying the outbox after a lost reply, a
 * reconnect or a restart applies each exactly once (spec §4).
 *
 * The work is split by job: the local views (`local-views.ts`), the outbox and its pusher
 * (`outbox.ts`, `outbox-pusher.ts`), the change feed (`change-feed.ts`), reconnecting
 * (`reconnect.ts`); this class holds them together and is the public API.
 */
export class SyncClient extends Emitter<SyncClientEvents> {
  private storage: ClientStorage | undefined
  private clientId = ''
  private closed = false
  private syncing = false
  private chain: Promise<unknown> = Promise.resolve()
  private lastStatus = ''
  private readonly requestTimeoutMs: number
  private readonly userId: string
  private readonly queue = new Outbox()
  private readonly views: LocalViews
  private readonly tabs: TabGroup
  private readonly feed: ChangeFeed
  private readonly pusher: OutboxPusher
  private readonly reconnector: Reconnector
  private readonly ackWaiters = new Map<string, Array<(result: { sequence: number | null; error?: PatchsyncError }) => void>>()
  private readonly statusWaiters = new Set<() => void>()
  private readonly subscribers = new Map<string, Set<(document: LocalDocument | undefined, change: DocumentChange) => void>>()

  constructor(
    readonly options: SyncClientOptions,
    private readonly platform: Platform,
  ) {
    super()
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000
    this.userId = String(options.userId).toLowerCase()
    this.views = new LocalViews(this.userId, options.limits)
    this.tabs = platform.tabs()
    const client = this
    this.feed = new ChangeFeed({
      userId: this.userId,
      timeoutMs: this.requestTimeoutMs,
      outbox: this.queue,
      views: this.views,
      storage: () => this.opened(),
      connection: () => this.reconnector.connection,
      exclusive: (fn) => this.exclusive(fn),
      refresh: (id, applied, origin) => this.refresh(id, applied, true, origin),
      acknowledge: (opId, sequence) => this.settle(opId, { sequence }),
      publish: (ids) => this.tabs.publish(ids),
      error: (code, message) => this.emit('error', { code, message }),
      progress: (pulled, lastSequence, latestSequence) => this.emit('sync_progress', { pulled, lastSequence, latestSequence }),
      changed: () => this.changed(),
    })
    this.pusher = new OutboxPusher({
      outbox: this.queue,
      tabs: this.tabs,
      timeoutMs: this.requestTimeoutMs,
      connection: () => this.reconnector.connection,
      syncing: () => this.syncing,
      refreshOutbox: () => this.exclusive(() => this.reloadFromStorage([])),
      answered: (connection, op, reply) => this.exclusive(() => this.answered(connection, op, reply)),
      changed: () => this.changed(),
      drained: () => this.feed.schedulePull(),
    })
    this.reconnector = new Reconnector({
      url: options.serverUrl,
      credentials: () => credentialsOf(options),
      range: options.reconnect,
      timeoutMs: this.requestTimeoutMs,
      openSocket: platform.openSocket,
      attempting: (attempt) => this.emit('connection_attempting', { url: options.serverUrl, attempt }),
      connected(connection, latestSequence) {
        // The sync round starts (and marks the client as syncing) before anyone hears of the connection.
        void client.sync(connection)
        client.emit('connection_established', { userId: options.userId, latestSequence })
      },
      lost(reason) {
        client.offline()
        client.emit('connection_lost', { reason })
      },
      failed(error) {
        client.offline()
        client.emit('error', { code: error.code, message: error.message })
      },
      broadcast: (connection, message) => this.feed.broadcast(connection, message),
      invalid: (error) => this.emit('error', { code: error.code, message: error.message }),
    })
  }

  /** Opens the storage; the client works offline from here on. `connect()` goes online. */
  async open(): Promise<void> {
    if (this.storage) return
    if (typeof this.options.userId !== 'string' || !UUID.test(this.options.userId))
      throw new PatchsyncError('invalid_argument', `user id must be a UUID, got ${JSON.stringify(this.options.userId)}`)
    const token = this.options.authToken
    if (typeof token !== 'function' && (typeof token !== 'string' || token === ''))
      throw new PatchsyncError('invalid_argument', 'an auth token (or a function that supplies one) is required')
    const storage = await this.platform.openStorage()
    const owner = await storage.getSetting('user_id')
    if (owner !== undefined && owner !== this.options.userId) {
      await storage.close()
      throw new PatchsyncError('invalid_argument', `${this.platform.storageName} belongs to user ${owner}, not ${this.options.userId}`)
    }
    if (owner === undefined) await storage.setSetting('user_id', this.options.userId)
    this.clientId = this.options.clientId ?? (await storage.getSetting('client_id')) ?? crypto.randomUUID()
    await storage.setSetting('client_id', this.clientId)
    this.feed.lastSequence = Number((await storage.getSetting('last_sequence')) ?? 0)
    this.storage = storage
    await this.queue.reload(storage)
    for (const confirmed of await storage.loadDocuments()) this.views.confirm(confirmed)
    for (const id of new Set([...this.views.ids(), ...this.queue.documents()])) await this.refresh(id, undefined, false)
    this.tabs.subscribe((ids) => {
      this.exclusive(() => this.reloadFromStorage(ids)).catch((error) => {
        const failure = asPatchsyncError(error)
        this.emit('error', { code: failure.code, message: `could not read another tab's change: ${failure.message}` })
      })
    })
    this.changed()
  }

  /** Goes online and stays online (reconnecting with backoff) until `disconnect()` or `close()`. */
  connect(): void {
    this.opened()
    this.reconnector.start()
    this.changed()
  }

  /** Goes offline; writes keep working and queue in the outbox. */
  async disconnect(): Promise<void> {
    await this.reconnector.stop('disconnect requested')
    this.changed()
  }

  /** Goes offline and closes the storage. Pending ops stay on disk for the next `open()`. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.reconnector.stop('disconnect requested')
    this.feed.cancelPull()
    await this.chain.catch(() => {})
    this.tabs.close()
    await this.storage?.close()
    this.storage = undefined
    this.changed()
  }

  status(): ClientStatus {
    const fatal = this.reconnector.fatal
    return {
      online: this.reconnector.online,
      pending: this.queue.size,
      lastSequence: this.feed.lastSequence,
      synced: this.isSynced(),
      error: fatal ? { code: fatal.code, message: fatal.message } : null,
    }
  }

  /** The actor id this client uses in vector clocks. */
  get actorId(): string {
    return this.clientId
  }

  /** The document as this client sees it (frozen: the same object until the document changes). */
  get(id: string): LocalDocument | undefined {
    this.opened()
    return this.views.get(String(id).toLowerCase())
  }

  /** Every document, by title (each frozen, like `get`). */
  list(): LocalDocument[] {
    this.opened()
    return this.views.list()
  }

  /**
   * Calls `listener` with the document each time it changes here (a local write, a server
   * change, another tab's write, an acknowledgement that changes its `pending` or revision);
   * `undefined` once it is deleted. Returns the function that stops it.
   */
  subscribe(id: string, listener: (document: LocalDocument | undefined, change: DocumentChange) => void): () => void {
    const key = String(id).toLowerCase()
    let listeners = this.subscribers.get(key)
    if (!listeners) this.subscribers.set(key, (listeners = new Set()))
    const own = (document: LocalDocument | undefined, change: DocumentChange) => listener(document, change)
    listeners.add(own)
    return () => {
      listeners.delete(own)
      if (listeners.size === 0 && this.subscribers.get(key) === listeners) this.subscribers.delete(key)
    }
  }

  /** The operations not yet acknowledged, oldest first. */
  async outbox(): Promise<PendingOperation[]> {
    this.opened()
    return [...this.queue.all()]
  }

  create(input: { id?: string; title: string; content: Record<string, unknown> }): Promise<LocalDocument> {
    return this.durably(async () => {
      if (input === null || typeof input !== 'object') throw new PatchsyncError('invalid_argument', 'create takes {title, content, id?}')
      if (input.id !== undefined && (typeof input.id !== 'string' || !UUID.test(input.id))) throw new PatchsyncError('invalid_argument', 'id must be a UUID')
      if (typeof input.title !== 'string') throw new PatchsyncError('invalid_argument', 'title must be a string')
      if (!isJsonObject(input.content)) throw new PatchsyncError('invalid_argument', 'content must be a JSON object')
      const id = (input.id ?? crypto.randomUUID()).toLowerCase()
      if (this.views.get(id)) throw new PatchsyncError('document_exists', `document ${id} already exists`)
      // Validates size and depth the way the server will, on a copy the caller cannot change later.
      const content = applyPatch({}, [{ op: 'add', path: '', value: input.content }], { limits: this.options.limits, requireObject: true }).doc as JsonObject
      return (await this.write('create', id, { type: 'create_document', document: { id, title: input.title, content } }))!
    })
  }

  update(id: string, patch: Operation[]): Promise<LocalDocument> {
    return this.durably(async () => {
      const view = this.existing(id)
      validatePatch(patch, this.options.limits)
      const copy = structuredClone(patch)
      const clock = this.nextClock(view.id)
      return (await this.write('update', view.id, { type: 'update_document', patch: { document_id: view.id, patch: copy, vector_clock: clock } }, copy))!
    })
  }

  rename(id: string, title: string): Promise<LocalDocument> {
    return this.durably(async () => {
      const view = this.existing(id)
      if (typeof title !== 'string') throw new PatchsyncError('invalid_argument', 'title must be a string')
      return (await this.write('rename', view.id, { type: 'rename_document', document_id: view.id, title }))!
    })
  }

  delete(id: string): Promise<void> {
    return this.durably(async () => {
      const view = this.existing(id)
      if (view.owner_id !== null && view.owner_id !== this.userId) throw new PatchsyncError('forbidden', 'only the owner may delete a document')
      await this.write('delete', view.id, { type: 'delete_document', document_id: view.id })
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
      if (!Number.isSafeInteger(targetSequence) || targetSequence < 0)
        throw new PatchsyncError('invalid_argument', 'target sequence must be a whole number ≥ 0')
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
    this.opened()
    return new Promise((resolve, reject) => {
      if (!this.queue.get(opId)) return resolve({ sequence: null })
      const waiters = this.ackWaiters.get(opId) ?? []
      waiters.push((r) => (r.error ? reject(r.error) : resolve({ sequence: r.sequence })))
      this.ackWaiters.set(opId, waiters)
    })
  }

  /**
   * The document's change events from the server, oldest first (online only): every one after
   * `since` (default 0), or at most `limit` of them, to page through a long history.
   */
  async history(id: string, options: { since?: number; limit?: number } = {}): Promise<ChangeEvent[]> {
    const connection = this.requireOnline()
    const events: ChangeEvent[] = []
    let since = options.since ?? 0
    const limit = options.limit ?? Infinity
    for (;;) {
      const page = Math.min(1000, limit - events.length)
      const reply = await connection.request({ type: 'get_changes', since_sequence: since, limit: page, document_id: id.toLowerCase() }, this.requestTimeoutMs)
      if (reply.type !== 'changes_since') throw replyError(reply)
      events.push(...reply.changes)
      if (!reply.has_more || reply.changes.length === 0 || events.length >= limit) return events
      since = reply.changes[reply.changes.length - 1]!.sequence
    }
  }

  /**
   * One page of the document's change events from the server, newest first (online only): the
   * newest `limit` (default 50) before `before` (default: all of them). Pass the last event's
   * sequence as the next `before` while `hasMore` (§8.4).
   */
  async timeline(id: string, options: { before?: number; limit?: number } = {}): Promise<{ changes: ChangeEvent[]; hasMore: boolean }> {
    const connection = this.requireOnline()
    const request = {
      type: 'get_changes',
      since_sequence: 0,
      before_sequence: options.before ?? Number.MAX_SAFE_INTEGER,
      limit: options.limit ?? 50,
      document_id: id.toLowerCase(),
    } as const
    const reply = await connection.request(request, this.requestTimeoutMs)
    if (reply.type !== 'changes_since') throw replyError(reply)
    return { changes: reply.changes, hasMore: reply.has_more === true }
  }

  /** Who has access to the document: its owner and every grant, from the server (online only, §9.5). */
  async access(id: string): Promise<{ owner_id: string; grants: Array<{ user_id: string; role: 'read' | 'write' }> }> {
    const connection = this.requireOnline()
    const reply = await connection.request({ type: 'list_access', document_id: id.toLowerCase() }, this.requestTimeoutMs)
    if (reply.type !== 'access_list') throw replyError(reply)
    return { owner_id: reply.owner_id, grants: reply.grants }
  }

  /** The document as it was at `sequence` on the server, or null if it did not exist (online only). */
  async documentAt(id: string, sequence: number): Promise<{ title: string; content: JsonObject } | null> {
    const connection = this.requireOnline()
    const reply = await connection.request({ type: 'get_document_at', document_id: id.toLowerCase(), sequence }, this.requestTimeoutMs)
    if (reply.type !== 'document_at') throw replyError(reply)
    return reply.document ? { title: reply.document.title, content: reply.document.content as JsonObject } : null
  }

  /**
   * Resolves once online with an empty outbox and nothing left to pull; rejects with `timeout`,
   * with `engine_closed` when the client closes, and at once with the error that stopped
   * connecting (`auth_failed` for a wrong token). Driven by the client's state changes, not a poll.
   */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = (error?: PatchsyncError) => {
        clearTimeout(timer)
        this.statusWaiters.delete(check)
        if (error) reject(error)
        else resolve()
      }
      const check = () => {
        if (this.closed) finish(new PatchsyncError('engine_closed', 'the client was closed'))
        else if (this.reconnector.fatal) finish(this.reconnector.fatal)
        else if (this.isSynced()) finish()
      }
      const timer = setTimeout(() => finish(new PatchsyncError('timeout', `not synced within ${timeoutMs} ms`)), timeoutMs)
      this.statusWaiters.add(check)
      check()
    })
  }

  // ---- local writes -------------------------------------------------------------------------

  private opened(): ClientStorage {
    if (this.closed) throw new PatchsyncError('engine_closed', 'the client was closed')
    if (!this.storage) throw new PatchsyncError('engine_closed', 'call open() first')
    return this.storage
  }

  private existing(id: string): LocalDocument {
    if (typeof id !== 'string') throw new PatchsyncError('invalid_argument', 'document id must be a string')
    const view = this.views.get(id.toLowerCase())
    if (!view) throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
    return view
  }

  private requireOnline(): Connection {
    const connection = this.reconnector.connection
    if (!connection) throw new PatchsyncError('not_connected', 'this needs the server; the client is offline')
    return connection
  }

  /** A local write: runs in turn with every other change of local state, and resolves once its op is durable. */
  private async durably<T>(fn: () => Promise<T>): Promise<T> {
    const result = await this.exclusive(fn)
    await this.opened().flush()
    return result
  }

  /**
   * Serializes every change of local state: writes, server replies, pulled events. Nothing run
   * under it waits on the network, so a local write waits for local work only.
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => {
      this.opened()
      return fn()
    })
    this.chain = run.catch(() => {})
    return run
  }

  /** The vector clock for this client's next change to a document: past every clock it knows. */
  private nextClock(id: string): VectorClock {
    const confirmed = this.views.confirmed(id)?.confirmed.vectorClock ?? {}
    let counter = confirmed[this.clientId] ?? 0
    for (const op of this.queue.of(id)) {
      const clock = (op.payload.patch as { vector_clock?: VectorClock } | undefined)?.vector_clock
      counter = Math.max(counter, clock?.[this.clientId] ?? 0)
    }
    return { ...confirmed, [this.clientId]: counter + 1 }
  }

  /**
   * A local edit: computes the new view (throwing, with nothing stored, if the edit does not
   * apply), puts the op in the outbox, then shows the new view and starts pushing.
   */
  private async write(kind: OperationKind, id: string, payload: PendingOperation['payload'], patch?: Operation[]): Promise<LocalDocument | undefined> {
    const state = applyPending(this.views.state(id), { kind, payload }, this.options.limits)
    if (state instanceof PatchsyncError) throw state
    await this.enqueue(kind, id, payload)
    const result = this.views.applyLocal(id, state, OPERATIONS[kind].visible)
    this.announce(id, result, { origin: 'local', ...(patch ? { patch } : {}) })
    return result.after
  }

  /** Puts an op in the outbox (durable before the caller hears back) and starts pushing it. */
  private async enqueue(kind: OperationKind, documentId: string | null, payload: PendingOperation['payload']): Promise<{ opId: string }> {
    const opId = crypto.randomUUID()
    await this.queue.add(this.opened(), { opId, documentId, kind, payload })
    if (documentId !== null) this.tabs.publish([documentId])
    else this.tabs.publish([])
    this.pusher.schedule()
    this.changed()
    return { opId }
  }

  /**
   * Recomputes a document's view after its confirmed state or its pending ops changed. A pending
   * op that no longer applies (the server's state moved under it) and is not in flight is dropped
   * and reported as a conflict, when this client alone sends the outbox; in a group of tabs the
   * pushing tab sends it and the server's refusal drops it.
   */
  private async refresh(id: string, applied?: Applied, announce = true, origin: Origin = 'remote'): Promise<void> {
    const result = this.views.rebase(id, this.queue.of(id), applied?.ownAcks === true)
    for (const { op, error } of result.failed) {
      if (this.pusher.inFlight.has(op.opId) || !this.tabs.alone) continue
      await this.queue.remove(this.opened(), op.opId)
      this.settle(op.opId, { sequence: null, error })
      this.emit('conflict', {
        document_id: id,
        op_id: op.opId,
        kind: 'dropped',
        code: error.code,
        message: `a pending ${op.kind} no longer applies to the server's state: ${error.message}`,
      })
    }
    if (result.failed.length > 0) this.changed()
    if (announce)
      this.announce(id, result, { origin, ...(applied?.patch ? { patch: applied.patch } : {}), ...(applied?.author ? { author: applied.author } : {}) })
  }

  /** Tells listeners and subscribers that a document's view changed. */
  private announce(id: string, { before, after }: Rebased, change: Omit<DocumentChange, 'document_id' | 'document'>): void {
    if (before === after) return
    const author = change.author ? { author: change.author } : {}
    if (!before && after) this.emit('document_created', { document_id: id, document: after, origin: change.origin, ...author })
    else if (before && !after) this.emit('document_deleted', { document_id: id, origin: change.origin, ...author })
    else if (before && after && (before.title !== after.title || before.content !== after.content)) {
      this.emit('document_updated', { document_id: id, document: after, origin: change.origin, ...(change.patch ? { patch: change.patch } : {}), ...author })
    }
    const listeners = this.subscribers.get(id)
    if (!listeners) return
    const event: DocumentChange = { document_id: id, document: after, ...change }
    for (const listener of [...listeners]) {
      try {
        listener(after, event)
      } catch (error) {
        this.emit('error', { code: 'internal_error', message: `a subscriber of ${id} threw: ${asPatchsyncError(error).message}`, document_id: id })
      }
    }
  }

  /**
   * Another tab changed storage: the outbox, and these documents' confirmed states. Both are read
   * in one transaction: a tab that acknowledged an op removes it and stores the state that includes
   * it together, and reading one without the other would show the op twice or not at all.
   */
  private async reloadFromStorage(ids: string[]): Promise<void> {
    const pendingOf = (id: string) =>
      this.queue
        .of(id)
        .map((op) => op.opId)
        .join()
    const before = new Map(this.queue.documents().map((id) => [id, pendingOf(id)]))
    const affected = new Set<string>()
    await this.opened().transaction(async (trx) => {
      await this.queue.reload(trx)
      for (const id of new Set([...before.keys(), ...this.queue.documents()])) if (before.get(id) !== pendingOf(id)) affected.add(id)
      for (const id of new Set([...ids, ...affected])) {
        const stored = await trx.loadDocument(id)
        const known = this.views.confirmed(id)?.confirmed
        affected.add(id)
        if (!stored || (known && stored.generation <= known.generation && (stored.state === null) === (known.state === null))) continue
        this.views.confirm(stored)
      }
    })
    for (const id of affected) await this.refresh(id)
    this.changed()
  }

  private settle(opId: string, result: { sequence: number | null; error?: PatchsyncError }): void {
    for (const waiter of this.ackWaiters.get(opId) ?? []) waiter(result)
    this.ackWaiters.delete(opId)
  }

  // ---- server -------------------------------------------------------------------------------

  /** One sync round after connecting: pull the change feed, then push the outbox. */
  private async sync(connection: Connection): Promise<void> {
    this.syncing = true
    this.changed()
    this.emit('sync_started', { since: this.feed.lastSequence })
    try {
      const pulled = await this.feed.pull(connection)
      const pushed = await this.pusher.push(connection)
      this.syncing = false
      this.emit('sync_completed', { pulled, pushed, lastSequence: this.feed.lastSequence })
      // Ops written while the round ran.
      this.pusher.schedule()
    } catch (error) {
      this.syncing = false
      if (this.reconnector.connection !== connection) return
      const failure = asPatchsyncError(error)
      this.emit('error', { code: failure.code, message: `sync failed: ${failure.message}` })
      connection.close(`sync failed: ${failure.message}`)
    } finally {
      this.changed()
    }
  }

  /** The connection is gone (or could not be made). */
  private offline(): void {
    this.syncing = false
    this.pusher.reset()
    this.changed()
  }

  /** The server answered an op: acknowledge it and fold the result into the confirmed state. */
  private async answered(connection: Connection, op: PendingOperation, reply: ServerMessage): Promise<void> {
    if (!this.queue.get(op.opId)) return
    if (reply.type === 'error') {
      await this.queue.remove(this.opened(), op.opId)
      const error = replyError(reply)
      this.settle(op.opId, { sequence: null, error })
      if (CONFLICT_CODES.has(reply.code)) {
        this.emit('conflict', { document_id: op.documentId, op_id: op.opId, kind: 'rejected', code: error.code, message: reply.message })
      } else {
        this.emit('error', { code: error.code, message: `the server refused a ${op.kind}: ${reply.message}`, op_id: op.opId, document_id: op.documentId })
      }
      await this.feed.replaceFromError(connection, op, reply.details)
      if (op.documentId !== null) {
        await this.refresh(op.documentId)
        this.tabs.publish([op.documentId])
      } else this.tabs.publish([])
      this.changed()
      return
    }
    // The server computes an undo or redo: its changes reach the view only now, and are this client's own.
    const own = reply.type === 'undo_applied' || reply.type === 'redo_applied'
    await this.feed.fold(changesOf(reply), { ack: op, ...(own ? { origin: 'local' as const } : {}) })
    let sequence: number | null = 'sequence' in reply && typeof reply.sequence === 'number' ? reply.sequence : null
    if (reply.type === 'undo_applied' || reply.type === 'redo_applied')
      sequence = reply.changes.length > 0 ? reply.changes[reply.changes.length - 1]!.sequence : null
    if (reply.type === 'document_updated' && reply.conflict) {
      this.emit('conflict', {
        document_id: reply.document_id,
        op_id: op.opId,
        kind: 'concurrent',
        message: 'the server saw a concurrent change and applied this update on top of it (ServerWins)',
      })
    }
    this.emit('operation_acknowledged', { op_id: op.opId, kind: op.kind, sequence })
    this.settle(op.opId, { sequence })
    this.changed()
  }

  private isSynced(): boolean {
    return this.reconnector.online && !this.syncing && !this.pusher.active && this.queue.size === 0 && this.pusher.inFlight.size === 0 && !this.feed.busy
  }

  /** Something `status()` reports may have changed: wake `whenSynced()` waiters, tell listeners. */
  private changed(): void {
    for (const check of [...this.statusWaiters]) check()
    const status = this.status()
    const key = JSON.stringify(status)
    if (key === this.lastStatus) return
    this.lastStatus = key
    this.emit('status_changed', status)
  }
}

/** The credentials for one connection attempt, asking the token provider when there is one. */
async function credentialsOf(options: SyncClientOptions): Promise<Credentials> {
  if (typeof options.authToken === 'string') return { userId: options.userId, authToken: options.authToken }
  let token: unknown
  try {
    token = await options.authToken()
  } catch (error) {
    if (error instanceof PatchsyncError) throw error
    throw new PatchsyncError('not_connected', `the auth token provider failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (typeof token !== 'string' || token === '') throw new PatchsyncError('auth_failed', 'the auth token provider supplied no token')
  return { userId: options.userId, authToken: token }
}

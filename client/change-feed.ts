import {
  changesOf,
  readEvent,
  isJsonObject,
  parseRevisionId,
  isRevisionOf,
  type ErrorCode,
  type JsonObject,
  type Operation,
  type Role,
  type ServerMessage,
  type VectorClock,
  type WireChange as Change,
} from '../core/index.js'
import type { Connection } from './connection.js'
import { replyError } from './connection.js'
import { applyToFrozen, sized } from './frozen-json.js'
import type { Known, LocalViews } from './local-views.js'
import { asPatchsyncError, OPERATIONS, type ViewState } from './operations.js'
import type { Outbox } from './outbox.js'
import type { ClientStorage, ConfirmedDocument, PendingOperation } from './storage.js'

const PULL_PAGE = 1000
/** Stored server changes were checked against the server's limits: they apply unbounded. */
const SERVER_LIMITS = { maxOps: Infinity, maxDepth: Infinity, maxDocumentBytes: Infinity }

/** What the server did to a document in one fold, for the event that announces it. */
export interface Applied {
  /** The update patches applied, in order, when every change was an update. */
  patch: Operation[] | undefined
  /** Who made the changes, when one user made them all. */
  author: string | undefined
  /** Every change was the acknowledgement of this client's oldest pending op on the document. */
  ownAcks: boolean
}

export interface FeedHost {
  readonly userId: string
  readonly timeoutMs: number
  readonly outbox: Outbox
  readonly views: LocalViews
  storage(): ClientStorage
  connection(): Connection | undefined
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  /** Recomputes a document's view after its confirmed state or pending ops changed, and announces it. */
  refresh(id: string, applied?: Applied, origin?: 'local' | 'remote'): Promise<void>
  /** Settles `acknowledged()` waiters of an op. */
  acknowledge(opId: string, sequence: number | null): void
  /** Tells other tabs what changed in storage. */
  publish(documentIds: string[]): void
  error(code: ErrorCode, message: string): void
  progress(pulled: number, lastSequence: number, latestSequence: number): void
  changed(): void
}

/**
 * The server's side of the local state: pulls the change feed, applies broadcasts and replies,
 * and refetches a document whose changes did not fold. Each server change is checked: its
 * revision's generation must follow the confirmed one and its revision id must match the
 * client's own computation, otherwise the document is fetched whole — outside the lock local
 * writes take, so a slow server never holds up a local write.
 */
export class ChangeFeed {
  lastSequence = 0
  private pullTimer: ReturnType<typeof setTimeout> | undefined
  private readonly refetching = new Set<string>()

  constructor(private readonly host: FeedHost) {}

  /** Whether work the server started is still being folded in (a pull is due, a refetch runs). */
  get busy(): boolean {
    return this.pullTimer !== undefined || this.refetching.size > 0
  }

  /** Pulls every change after `lastSequence`, page by page; each page lands in one transaction. */
  async pull(connection: Connection): Promise<number> {
    let pulled = 0
    for (;;) {
      const reply = await connection.request({ type: 'get_changes', since_sequence: this.lastSequence, limit: PULL_PAGE }, this.host.timeoutMs)
      if (reply.type !== 'changes_since') throw replyError(reply)
      const changes = reply.changes
      const last = changes.length > 0 ? changes[changes.length - 1]!.sequence : this.lastSequence
      await this.host.exclusive(() => this.fold(changes.map(readEvent), { lastSequence: last }))
      pulled += changes.length
      if (changes.length > 0) this.host.progress(pulled, this.lastSequence, reply.latest_sequence ?? this.lastSequence)
      if (!reply.has_more || changes.length === 0) return pulled
    }
  }

  /** A broadcast or our own reply moved the feed: pull soon to move `lastSequence` past it. */
  schedulePull(): void {
    if (this.pullTimer || !this.host.connection()) return
    this.pullTimer = setTimeout(() => {
      const connection = this.host.connection()
      const done = () => {
        this.pullTimer = undefined
        this.host.changed()
      }
      if (!connection) return done()
      this.pull(connection)
        .catch(() => {})
        .finally(done)
    }, 20)
    this.host.changed()
  }

  cancelPull(): void {
    clearTimeout(this.pullTimer)
    this.pullTimer = undefined
  }

  /** A frame the server sent unasked. */
  broadcast(connection: Connection, message: ServerMessage): void {
    if (message.type === 'document_shared') {
      if (message.user_id === this.host.userId.toLowerCase()) this.shared(connection, message.document_id, message.role)
      return
    }
    if (message.type === 'error') {
      this.host.error(message.code as ErrorCode, message.message)
      return
    }
    const changes = changesOf(message)
    if (changes.length === 0) return
    this.host
      .exclusive(() => this.fold(changes))
      .catch((error) => {
        const failure = asPatchsyncError(error)
        this.host.error(failure.code, `could not apply a change from the server: ${failure.message}`)
      })
    this.schedulePull()
  }

  /**
   * Folds server changes into the confirmed state, in one transaction, then refreshes the views
   * of the documents they touched. A change carrying one of our pending op ids acknowledges that
   * op (its reply was lost, or this is the reply); `ack` is removed in the same transaction.
   * Runs inside the client's lock.
   */
  async fold(changes: Change[], options: { ack?: PendingOperation; lastSequence?: number; origin?: 'local' | 'remote' } = {}): Promise<{ acked: string[] }> {
    const storage = this.host.storage()
    const folded = new Map<string, Known>()
    const applied = new Map<string, Applied>()
    const stale = new Set<string>()
    const touched = new Set<string>(options.ack?.documentId ? [options.ack.documentId] : [])
    const acked: string[] = []
    try {
      await storage.transaction(async (trx) => {
        for (const change of changes) await this.foldOne(trx, change, { folded, applied, stale, touched, acked })
        // A reply that carries no change of its own (a share) acknowledges its op all the same.
        if (options.ack && this.host.outbox.get(options.ack.opId)) {
          await this.host.outbox.remove(trx, options.ack.opId)
          acked.push(options.ack.opId)
        }
        if (options.lastSequence !== undefined && options.lastSequence > this.lastSequence) await trx.setSetting('last_sequence', String(options.lastSequence))
      })
    } catch (error) {
      // The outbox in memory may hold removals the failed transaction did not make.
      await this.host.outbox.reload(storage)
      throw error
    }
    if (options.lastSequence !== undefined) this.lastSequence = Math.max(this.lastSequence, options.lastSequence)
    for (const known of folded.values()) this.host.views.confirm(known.confirmed, known.state)
    for (const opId of acked) if (opId !== options.ack?.opId) this.host.acknowledge(opId, null)
    for (const id of touched) {
      // A document whose op was acknowledged with no change to fold (a share) keeps its content.
      const detail = applied.get(id) ?? { patch: undefined, author: undefined, ownAcks: true }
      await this.host.refresh(id, stale.has(id) ? { ...detail, ownAcks: false } : detail, options.origin)
    }
    if (touched.size > 0) this.host.publish([...touched])
    const connection = this.host.connection()
    if (connection) for (const id of stale) void this.refetch(connection, id)
    return { acked }
  }

  private async foldOne(
    trx: ClientStorage,
    change: Change,
    batch: { folded: Map<string, Known>; applied: Map<string, Applied>; stale: Set<string>; touched: Set<string>; acked: string[] },
  ): Promise<void> {
    const id = change.documentId
    let ownAck = false
    if (change.clientOpId && change.userId === this.host.userId) {
      if (this.host.outbox.get(change.clientOpId)) {
        // The view already shows the effect of a visible op; an undo's or redo's comes from the server.
        const head = this.host.outbox.of(id)[0]
        ownAck = head?.opId === change.clientOpId && OPERATIONS[head.kind].visible
        batch.acked.push(change.clientOpId)
        batch.touched.add(id)
      }
      // Removed from storage even when this client's outbox in memory lacks it (another tab queued
      // it a moment ago): the op leaves the outbox in the transaction that stores its effect.
      await this.host.outbox.remove(trx, change.clientOpId)
    }
    const base: Known = batch.folded.get(id) ??
      this.host.views.confirmed(id) ?? { confirmed: { id, state: null, revision: null, generation: 0, ownerId: null, vectorClock: {} }, state: null }
    const generation = parseRevisionId(change.revision).generation
    // Already folded (our own op's reply came first, say): nothing to show again.
    if (generation <= base.confirmed.generation) return
    batch.touched.add(id)
    note(batch.applied, id, change, ownAck)
    if (generation === base.confirmed.generation + 1) {
      try {
        const state = nextState(base.state, change)
        const event = { eventType: change.eventType, forwardPatch: change.forward }
        if (isRevisionOf(change.revision, generation, base.confirmed.revision, event, () => state && { title: state.title, content: state.content.doc })) {
          const confirmed: ConfirmedDocument = {
            id,
            state: state && { title: state.title, content: state.content.doc },
            revision: change.revision,
            generation,
            ownerId: change.ownerId ?? base.confirmed.ownerId,
            vectorClock: change.clock ?? base.confirmed.vectorClock,
          }
          // An update or a rename is appended to the stored document, not written whole.
          const patch = change.eventType === 'update' ? (change.forward as Operation[]) : change.eventType === 'rename' ? [] : undefined
          await trx.saveConfirmed(confirmed, patch)
          batch.folded.set(id, { confirmed, state })
          return
        }
      } catch {
        // Falls through to a refetch: the change did not apply to what we hold.
      }
    }
    batch.stale.add(id)
  }

  /** Replaces a document's confirmed state with the server's current one; the request runs outside the lock. */
  async refetch(connection: Connection, id: string): Promise<void> {
    if (this.refetching.has(id)) return
    this.refetching.add(id)
    this.host.changed()
    try {
      const reply = await connection.request({ type: 'get_document', document_id: id }, this.host.timeoutMs)
      await this.host.exclusive(async () => {
        const storage = this.host.storage()
        const base = this.host.views.confirmed(id)?.confirmed
        let confirmed: ConfirmedDocument
        if (reply.type === 'document') confirmed = confirmedFrom(reply.document, base)
        else if (reply.type === 'error' && (reply.code === 'document_not_found' || reply.code === 'forbidden')) {
          confirmed = {
            id,
            state: null,
            revision: base?.revision ?? null,
            generation: base?.generation ?? 0,
            ownerId: base?.ownerId ?? null,
            vectorClock: base?.vectorClock ?? {},
          }
        } else throw replyError(reply)
        if (confirmed === base) return
        await storage.saveConfirmed(confirmed)
        this.host.views.confirm(confirmed)
        await this.host.refresh(id)
        this.host.publish([id])
      })
    } catch (error) {
      const failure = asPatchsyncError(error)
      if (failure.code !== 'not_connected') this.host.error(failure.code, `could not fetch document ${id}: ${failure.message}`)
    } finally {
      this.refetching.delete(id)
      this.host.changed()
    }
  }

  /** The server refused an op and sent the document as it is (or we must fetch it). */
  async replaceFromError(connection: Connection, op: PendingOperation, details: unknown): Promise<void> {
    if (op.documentId === null) return
    const current = (details as { document?: unknown } | undefined)?.document
    if (isServerDocument(current)) {
      const base = this.host.views.confirmed(op.documentId)?.confirmed
      const confirmed = confirmedFrom(current, base)
      if (confirmed !== base) {
        await this.host.storage().saveConfirmed(confirmed)
        this.host.views.confirm(confirmed)
      }
    } else if (op.kind !== 'share') void this.refetch(connection, op.documentId)
  }

  /** Someone shared a document with this user (fetch it whole) or revoked access (forget it). */
  private shared(connection: Connection, documentId: string, role: Role): void {
    if (role !== 'none') {
      void this.refetch(connection, documentId)
      return
    }
    this.host
      .exclusive(async () => {
        const base = this.host.views.confirmed(documentId)?.confirmed
        if (base) {
          const revoked = { ...base, state: null }
          await this.host.storage().saveConfirmed(revoked)
          this.host.views.confirm(revoked)
        }
        await this.host.refresh(documentId)
        this.host.publish([documentId])
      })
      .catch((error) => {
        const failure = asPatchsyncError(error)
        this.host.error(failure.code, `could not forget a revoked document: ${failure.message}`)
      })
  }
}

function note(applied: Map<string, Applied>, id: string, change: Change, ownAck: boolean): void {
  const entry = applied.get(id) ?? { patch: [], author: change.userId, ownAcks: true }
  entry.ownAcks &&= ownAck
  entry.patch = change.eventType === 'update' && entry.patch ? [...entry.patch, ...(change.forward as Operation[])] : undefined
  if (entry.author !== change.userId) entry.author = undefined
  applied.set(id, entry)
}

/** A server change applied to a confirmed state (frozen JSON: only what it touches is copied). */
function nextState(state: ViewState, change: Change): ViewState {
  switch (change.eventType) {
    case 'create': {
      const document = change.forward as { title: string; content: JsonObject }
      return { title: document.title, content: sized(document.content) }
    }
    case 'update':
      if (state === null) throw new TypeError('an update to a document that does not exist')
      return { title: state.title, content: applyToFrozen(state.content, change.forward as Operation[], SERVER_LIMITS) }
    case 'rename':
      if (state === null) throw new TypeError('a rename of a document that does not exist')
      return { title: (change.forward as { title: string }).title, content: state.content }
    case 'delete':
      return null
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

/** The server's document as a confirmed state, unless `base` is newer (then `base` itself). */
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

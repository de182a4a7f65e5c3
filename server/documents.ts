import { randomUUID } from 'node:crypto'
import {
  PatchsyncError,
  ServerWins,
  applyPatch,
  invertEvent,
  jsonBytes,
  jsonEqual,
  revisionId,
  undoPlan,
  type Cause,
  type ConflictStrategy,
  type DocState,
  type EventType,
  type HistoryEvent,
  type JsonObject,
  type Limits,
  type Operation,
  type PlannedEvent,
  type Role,
  type VectorClock,
} from '../core/index.js'
import {
  DuplicateOpError,
  StaleRevisionError,
  type ChangeEventRow,
  type DocumentRow,
  type NewEvent,
  type PendingChange,
  type DocumentRole,
  type Grant,
  type Store,
} from './storage/store.js'

/** A document held in memory for the write path, with who may read and write it. */
interface CachedDocument {
  row: DocumentRow
  size: number
  grants: Map<string, Grant>
}

/** What a mutation asks for; one per client request. */
export type Mutation =
  | { kind: 'create'; id: string; title: string; content: JsonObject }
  | { kind: 'update'; documentId: string; patch: Operation[]; baseRevision?: string; vectorClock?: VectorClock }
  | { kind: 'rename'; documentId: string; title: string }
  | { kind: 'delete'; documentId: string }
  | { kind: 'undo'; targetSequence: number; documentId?: string }
  | { kind: 'redo'; documentId?: string }

/** A committed mutation: its events, and each document right after its event. */
export interface MutationResult {
  events: ChangeEventRow[]
  documents: DocumentRow[]
  /** True when the request was a resubmission answered from the log (§4.1). */
  replayed: boolean
}

interface Job {
  userId: string
  clientOpId: string | null
  mutation: Mutation
  resolve: (result: MutationResult) => void
  reject: (error: unknown) => void
  /** Runs in a batch of its own: undo and redo (they read history first), and retries. */
  solo: boolean
  attempts: number
  /** Look the client op id up in the log before planning: a commit found it there already. */
  lookUp: boolean
}

export interface DocumentServiceOptions {
  strategy?: ConflictStrategy
  limits?: Partial<Limits>
  /** Documents kept in memory for the write path. */
  cacheSize?: number
  /** Most requests committed in one transaction (group commit). */
  maxBatch?: number
  /** Called with every batch right after it commits, before replies go out. */
  onCommit?: (result: { events: ChangeEventRow[]; documents: DocumentRow[]; milliseconds: number }) => void
  /** Runs inside the commit transaction with the allocated events (lets the server recognise its own notifications). */
  beforeCommit?: (events: ChangeEventRow[]) => void
}

const MAX_ATTEMPTS = 3

/**
 * The write path. Requests queue here in arrival order; a drain takes everything queued, applies it
 * in memory in that order and commits it in one transaction (group commit), so under load one
 * durable commit serves many requests. Replies wait for the commit.
 */
export class DocumentService {
  private readonly cache = new Map<string, CachedDocument>()
  private queue: Job[] = []
  private draining: Promise<void> | null = null
  /** Answers waiting for what they show to be durable (see answerLater). */
  private readonly syncing = new Set<Promise<void>>()
  private readonly inflight = new Map<string, Promise<MutationResult>>()
  private readonly strategy: ConflictStrategy
  private readonly cacheSize: number
  private readonly maxBatch: number

  constructor(private readonly store: Store, private readonly options: DocumentServiceOptions = {}) {
    this.strategy = options.strategy ?? ServerWins
    this.cacheSize = options.cacheSize ?? 10_000
    this.maxBatch = options.maxBatch ?? 512
  }

  /** Queues a mutation; resolves once it is durably committed (or was already, for a resubmission). */
  submit(userId: string, clientOpId: string | null, mutation: Mutation): Promise<MutationResult> {
    const key = clientOpId === null ? null : `${userId}\u0000${clientOpId}`
    const pending = key === null ? undefined : this.inflight.get(key)
    if (pending) return pending.then((result) => this.replay(mutation, result.events, result.documents))
    const promise = new Promise<MutationResult>((resolve, reject) => {
      this.queue.push({ userId, clientOpId, mutation, resolve, reject, solo: mutation.kind === 'undo' || mutation.kind === 'redo', attempts: 0, lookUp: false })
    })
    if (key !== null) {
      this.inflight.set(key, promise)
      const forget = () => this.inflight.delete(key)
      promise.then(forget, forget)
    }
    this.kick()
    return promise
  }

  /**
   * Starts draining unless a drain is running. A job submitted while a finishing drain is past its
   * last look at the queue (its promise not settled yet) is picked up by the next drain: without
   * that it would wait for a submit that may never come.
   */
  private kick(): void {
    this.draining ??= this.drain().finally(() => {
      this.draining = null
      if (this.queue.length > 0) this.kick()
    })
  }

  /** Resolves when everything queued so far has committed (durably) or failed. */
  async idle(): Promise<void> {
    while (this.draining || this.syncing.size > 0) {
      await this.draining
      await Promise.all(this.syncing)
    }
  }

  /** Drops a document from memory (another instance changed it). */
  invalidate(documentId: string): void {
    this.cache.delete(documentId)
  }

  /** Grants of a document held in memory (kept current by {@link grantChanged}), or undefined. */
  cachedGrants(documentId: string): ReadonlyMap<string, Grant> | undefined {
    return this.cache.get(documentId)?.grants
  }

  /** Records a grant change for documents held in memory. */
  grantChanged(documentId: string, userId: string, role: Role): void {
    const entry = this.cache.get(documentId)
    if (!entry) return
    if (role === 'none') entry.grants.delete(userId)
    else entry.grants.set(userId, role)
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      // Let the frames the event loop has already read reach the queue before a batch is taken.
      // SQLite runs synchronously, so without this the first request would commit alone (with its
      // own fsync) before the other connections' frames were even read: no group commit at all.
      await new Promise((resolve) => setImmediate(resolve))
      let n = 1
      if (!this.queue[0]!.solo) while (n < this.queue.length && n < this.maxBatch && !this.queue[n]!.solo) n++
      const batch = this.queue.splice(0, n)
      try {
        await this.runBatch(batch)
      } catch (error) {
        // Not reached: runBatch answers or requeues every job itself. Were it, the drain must go on.
        for (const job of batch) job.reject(error)
      }
    }
  }

  /**
   * Plans a batch in memory, in order, and commits it. Answers every job of the batch or puts it
   * back in the queue; never throws.
   *
   * Resubmissions (§4.1) are recognised optimistically: a batch is planned and committed without
   * looking its client op ids up first, and the unique index on (user, client op id) refuses one
   * that is in the log already. Then the whole batch goes back to the front of the queue marked to
   * be looked up, and commits again without the resubmissions, which get their original results.
   * A keyed request whose plan fails, or plans no change (an undo with nothing left to undo), is
   * looked up before it is answered: a resubmitted create, say, fails to plan because its document
   * exists. This saves a query per batch (a round trip, on a networked database) for what is rare.
   */
  private async runBatch(batch: Job[]): Promise<void> {
    let fresh: Job[]
    try {
      fresh = batch.some((j) => j.lookUp) ? await this.answerResubmissions(batch) : batch
      await this.preload(fresh)
    } catch (error) {
      // Reading the log or a document failed (the database went away): nothing of the batch has
      // been planned or committed; fail it rather than leave its requests waiting.
      for (const job of batch) job.reject(error)
      return
    }
    if (fresh.length === 0) return
    const planned: Array<{ job: Job; changes: PendingChange[] }> = []
    /** Jobs answered after the commit: a failed plan (with its error), or no change. */
    const unplanned: Array<{ job: Job; error?: unknown }> = []
    for (const job of fresh) {
      const fromHistory = job.mutation.kind === 'undo' || job.mutation.kind === 'redo'
      try {
        const changes = fromHistory ? await this.planHistory(job) : this.plan(job)
        if (changes.length === 0) unplanned.push({ job })
        else planned.push({ job, changes })
      } catch (error) {
        // Single-request plans fail before touching memory; a history plan may fail half-way.
        if (fromHistory) this.cache.clear()
        unplanned.push({ job, error })
      }
    }
    const error = await this.commitPlanned(planned)
    if (error === undefined) {
      this.answerUnplanned(unplanned)
      return
    }
    // The batch did not commit: memory holds changes that are not in the database. Forget those
    // documents, and plan every job of the batch again (failed plans too: they may have failed on
    // a change that did not commit), in the same order, on what the database holds.
    for (const { changes } of planned) for (const change of changes) this.cache.delete(change.document.id)
    const duplicate = error instanceof DuplicateOpError
    const retryable = duplicate || error instanceof StaleRevisionError
    const retry = fresh.filter((job) => {
      job.attempts++
      if (retryable && job.attempts < MAX_ATTEMPTS) return true
      job.reject(retryable ? new PatchsyncError('internal_error', `could not commit after ${job.attempts} attempts: ${(error as Error).message}`) : error)
      return false
    })
    if (duplicate) {
      // Some op is in the log already: the batch again, as it was, looked up first this time.
      this.queue.unshift(...retry.map((job) => ({ ...job, lookUp: true })))
      return
    }
    // Run each one alone next, so one stale document cannot keep failing the others.
    for (const job of retry.reverse()) this.queue.unshift({ ...job, solo: true })
  }

  /**
   * Commits the planned changes and answers their jobs once the commit is durable; resolves once
   * the transaction has committed (or with the error that stopped it, having answered nothing).
   */
  private async commitPlanned(planned: Array<{ job: Job; changes: PendingChange[] }>): Promise<unknown> {
    if (planned.length === 0) return undefined
    const changes = planned.flatMap((p) => p.changes)
    const started = performance.now()
    let written: { events: ChangeEventRow[]; durable: Promise<void> }
    try {
      written = await this.store.write(changes, { beforeCommit: (e) => this.options.beforeCommit?.(e) })
    } catch (error) {
      return error
    }
    // The next batch may commit while this one's log sync runs (SQLite); its replies wait for
    // the sync. Syncs finish in commit order, so replies and broadcasts keep that order.
    const { events, durable } = written
    this.answerLater(
      planned.map((p) => p.job),
      durable.then(() => {
        // Each planned change holds its own copy of the row (see plan), not the cached one.
        const documents = changes.map((c) => c.document)
        this.options.onCommit?.({ events, documents, milliseconds: performance.now() - started })
        let offset = 0
        for (const { job, changes: mine } of planned) {
          job.resolve({ events: events.slice(offset, offset + mine.length), documents: documents.slice(offset, offset + mine.length), replayed: false })
          offset += mine.length
        }
      }),
    )
    return undefined
  }

  /**
   * Jobs that planned no change: a resubmission gets its original result; anything else its plan's
   * error, or an empty result, once everything committed so far is durable (an error may rest on a
   * change not on disk yet: a delete in the batch before, say).
   */
  private answerUnplanned(unplanned: Array<{ job: Job; error?: unknown }>): void {
    if (unplanned.length === 0) return
    const jobs = unplanned.map((u) => u.job)
    this.answerLater(
      jobs,
      this.answerResubmissions(jobs.filter((job) => !job.lookUp)).then(async (unanswered) => {
        await this.store.durable()
        for (const { job, error } of unplanned) {
          if (!job.lookUp && !unanswered.includes(job)) continue
          if (error === undefined) job.resolve({ events: [], documents: [], replayed: false })
          else job.reject(error)
        }
      }),
    )
  }

  /**
   * Tracks `answering`, which answers the jobs once what they show is durable, for {@link idle}; if
   * it fails (a log lookup, or the log sync: a committed change whose sync failed is not
   * acknowledged, and a resubmission finds it in the log), the jobs get the error instead.
   */
  private answerLater(jobs: readonly Job[], answering: Promise<void>): void {
    const settled = answering.catch((error: unknown) => {
      for (const job of jobs) job.reject(error)
    })
    this.syncing.add(settled)
    void settled.finally(() => this.syncing.delete(settled))
  }

  /** Jobs whose client op id is already in the log get their original result (§4.1). */
  private async answerResubmissions(batch: Job[]): Promise<Job[]> {
    const keyed = batch.filter((j) => j.clientOpId !== null)
    if (keyed.length === 0) return batch
    const found = await this.store.findOps(keyed.map((j) => ({ userId: j.userId, clientOpId: j.clientOpId! })))
    if (found.length === 0) return batch
    const fresh: Job[] = []
    for (const job of batch) {
      const events = found.filter((e) => e.userId === job.userId && e.clientOpId === job.clientOpId).sort((a, b) => a.opIndex - b.opIndex)
      if (events.length === 0) {
        fresh.push(job)
        continue
      }
      try {
        const documents = await Promise.all(events.map(async (e) => (await this.store.getDocument(e.documentId))!))
        job.resolve(this.replay(job.mutation, events, documents))
      } catch (error) {
        job.reject(error)
      }
    }
    return fresh
  }

  /** The original result for a resubmission, or `op_id_reused` when the request differs (§4.2). */
  private replay(mutation: Mutation, events: ChangeEventRow[], documents: DocumentRow[]): MutationResult {
    const first = events[0]
    const same =
      first === undefined
        ? false
        : mutation.kind === 'create'
          ? first.eventType === 'create' && first.documentId === mutation.id
          : mutation.kind === 'update'
            ? first.eventType === 'update' && first.documentId === mutation.documentId && jsonEqual(first.forwardPatch, mutation.patch)
            : mutation.kind === 'rename'
              ? first.eventType === 'rename' && (first.forwardPatch as { title: string }).title === mutation.title
              : mutation.kind === 'delete'
                ? first.eventType === 'delete' && first.documentId === mutation.documentId
                : first.cause === mutation.kind
    if (!same) throw new PatchsyncError('op_id_reused', 'this client_op_id was already used for a different request')
    return { events, documents, replayed: true }
  }

  private async preload(jobs: Job[]): Promise<void> {
    const ids = new Set<string>()
    for (const { mutation: m } of jobs) {
      if (m.kind === 'create') ids.add(m.id)
      else if ('documentId' in m && m.documentId !== undefined) ids.add(m.documentId)
    }
    await Promise.all([...ids].map((id) => this.load(id)))
  }

  private async load(id: string): Promise<CachedDocument | undefined> {
    const hit = this.cache.get(id)
    if (hit) {
      this.cache.delete(id)
      this.cache.set(id, hit)
      return hit
    }
    const row = await this.store.getDocument(id)
    if (!row) return undefined
    const grants = await this.store.grants(id)
    const entry = this.cache.get(id) ?? { row, size: jsonBytes(row.content), grants }
    this.cache.set(id, entry)
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!)
    return entry
  }

  private role(entry: CachedDocument, userId: string): DocumentRole | undefined {
    return entry.row.ownerId === userId ? 'owner' : entry.grants.get(userId)
  }

  /** The live document, refusing unknown and deleted ones and users without the right. */
  private writable(id: string, userId: string, need: 'write' | 'owner'): CachedDocument {
    const entry = this.cache.get(id)
    if (!entry || entry.row.deleted) throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
    const role = this.role(entry, userId)
    if (role === undefined) throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
    if (role === 'read' || (need === 'owner' && role !== 'owner')) {
      throw new PatchsyncError('forbidden', need === 'owner' ? 'only the owner may do this' : `you may only read document ${id}`)
    }
    return entry
  }

  private plan(job: Job): PendingChange[] {
    const m = job.mutation
    const meta = { userId: job.userId, clientOpId: job.clientOpId, cause: null, batchId: null }
    switch (m.kind) {
      case 'create': {
        if (this.cache.get(m.id)) throw new PatchsyncError('document_exists', `document ${m.id} already exists`)
        const content = structuredClone(m.content)
        checkSize(content, this.options.limits)
        const now = new Date().toISOString()
        const row: DocumentRow = {
          id: m.id, ownerId: job.userId, title: m.title, content, revisionId: revisionId(1, null, m.title, content),
          generation: 1, vectorClock: {}, deleted: false, createdAt: now, updatedAt: now,
        }
        this.cache.set(m.id, { row, size: jsonBytes(content), grants: new Map() })
        return [{ document: { ...row }, expectedRevisionId: null, event: event('create', row, null, { id: m.id, title: m.title, content: structuredClone(content) }, null, meta, 0) }]
      }
      case 'update': {
        const entry = this.writable(m.documentId, job.userId, 'write')
        const before = entry.row
        const resolution = this.strategy.resolve(
          { content: before.content, revisionId: before.revisionId, vectorClock: before.vectorClock, size: entry.size },
          { patch: m.patch, baseRevision: m.baseRevision, vectorClock: m.vectorClock },
          this.options.limits,
        )
        entry.size = resolution.size
        const row = advance(before, before.title, resolution.content, false, resolution.vectorClock)
        entry.row = row
        const e = event('update', row, before.revisionId, resolution.forward, resolution.reverse, meta, 0)
        return [{ document: { ...row }, expectedRevisionId: before.revisionId, event: { ...e, vectorClock: resolution.vectorClock, conflict: resolution.conflict } }]
      }
      case 'rename': {
        const entry = this.writable(m.documentId, job.userId, 'write')
        return [this.append(entry, { event_type: 'rename', forward_patch: { title: m.title }, reverse_patch: { title: entry.row.title } }, meta, 0)]
      }
      case 'delete': {
        const entry = this.writable(m.documentId, job.userId, 'owner')
        const { id, title, content } = entry.row
        return [this.append(entry, { event_type: 'delete', forward_patch: null, reverse_patch: { id, title, content: structuredClone(content) } }, meta, 0)]
      }
      default:
        throw new Error(`${m.kind} is planned from history`)
    }
  }

  /** Applies a planned event to a cached document and returns the change that records it. */
  private append(entry: CachedDocument, planned: PlannedEvent, meta: EventMeta, opIndex: number): PendingChange {
    const before = entry.row
    let { title, content } = before
    let { size } = entry
    let deleted = false
    switch (planned.event_type) {
      case 'create': {
        const doc = planned.forward_patch as { title: string; content: JsonObject }
        title = doc.title
        content = structuredClone(doc.content)
        size = jsonBytes(content)
        break
      }
      case 'update': {
        const patched = applyPatch(content, planned.forward_patch, { limits: this.options.limits, size, requireObject: true })
        content = patched.doc as JsonObject
        size = patched.size
        break
      }
      case 'rename':
        title = (planned.forward_patch as { title: string }).title
        break
      case 'delete':
        deleted = true
    }
    const row = advance(before, title, content, deleted, before.vectorClock)
    entry.row = row
    entry.size = size
    return { document: { ...row }, expectedRevisionId: before.revisionId, event: event(planned.event_type, row, before.revisionId, planned.forward_patch, planned.reverse_patch, meta, opIndex) }
  }

  /** Undo (§7.3) and redo (§7.4): read the history, then append the planned events. */
  private async planHistory(job: Job): Promise<PendingChange[]> {
    const m = job.mutation
    if (m.kind === 'undo') {
      const ids = m.documentId !== undefined ? [m.documentId] : await this.store.documentsChangedBy(job.userId, m.targetSequence)
      if (m.targetSequence > (await this.store.latestSequence())) throw new PatchsyncError('invalid_sequence', `sequence ${m.targetSequence} has not happened yet`)
      const meta: EventMeta = { userId: job.userId, clientOpId: job.clientOpId, cause: 'undo', batchId: randomUUID() }
      const changes: PendingChange[] = []
      for (const id of ids) {
        const entry = await this.load(id)
        if (!entry) throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
        const role = this.role(entry, job.userId)
        if (role === undefined) throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
        if (role === 'read') {
          if (m.documentId !== undefined) throw new PatchsyncError('forbidden', `you may only read document ${id}`)
          continue
        }
        const history = (await this.store.documentEvents(id, m.targetSequence)).reverse().map(toHistoryEvent)
        const head: DocState = entry.row.deleted ? null : { title: entry.row.title, content: entry.row.content }
        for (const planned of undoPlan(id, head, history, m.targetSequence)) changes.push(this.append(entry, planned, meta, changes.length))
      }
      return changes
    }
    if (m.kind !== 'redo') throw new Error(`${m.kind} is not planned from history`)
    const undone = await this.store.lastUndoBatch(job.userId, m.documentId)
    if (undone.length === 0) throw new PatchsyncError('nothing_to_redo', 'there is no undo to redo')
    const lastRevision = new Map(undone.map((e) => [e.documentId, e.revisionId]))
    for (const [id, revision] of lastRevision) {
      const entry = await this.load(id)
      // §9.2: redo needs write access now, whatever the user had when undoing.
      const role = entry && this.role(entry, job.userId)
      if (entry && role === undefined) throw new PatchsyncError('document_not_found', `document ${id} does not exist`)
      if (role === 'read') throw new PatchsyncError('forbidden', `you may only read document ${id}`)
      if (!entry || entry.row.revisionId !== revision) {
        throw new PatchsyncError('conflict', `document ${id} changed after the undo`, entry ? { document: entry.row } : undefined)
      }
    }
    const meta: EventMeta = { userId: job.userId, clientOpId: job.clientOpId, cause: 'redo', batchId: undone[0]!.batchId }
    const changes: PendingChange[] = []
    for (const e of [...undone].reverse()) {
      const planned = invertEvent({ event_type: e.eventType, forward_patch: e.forwardPatch, reverse_patch: e.reversePatch })
      changes.push(this.append(this.cache.get(e.documentId)!, planned, meta, changes.length))
    }
    return changes
  }
}

interface EventMeta {
  userId: string
  clientOpId: string | null
  cause: Cause | null
  batchId: string | null
}

/** A stored event in the shape core's history functions read. */
export function toHistoryEvent(e: ChangeEventRow): HistoryEvent {
  return { sequence: e.sequence, event_type: e.eventType, forward_patch: e.forwardPatch, reverse_patch: e.reversePatch }
}

function checkSize(content: JsonObject, limits?: Partial<Limits>): void {
  // Validates the content as a patch would (JSON-only values, depth, size) by adding it at the root.
  applyPatch({}, [{ op: 'replace', path: '', value: content }], { limits, requireObject: true })
}

/** The row after one more event (§6: generation + 1, digest over content, parent and title). */
function advance(before: DocumentRow, title: string, content: JsonObject, deleted: boolean, vectorClock: VectorClock): DocumentRow {
  const generation = before.generation + 1
  const revision = deleted ? revisionId(generation, before.revisionId, null, null) : revisionId(generation, before.revisionId, title, content)
  return { ...before, title, content, deleted, vectorClock, generation, revisionId: revision, updatedAt: new Date().toISOString() }
}

function event(type: EventType, row: DocumentRow, previous: string | null, forward: unknown, reverse: unknown, meta: EventMeta, opIndex: number): NewEvent {
  return {
    documentId: row.id,
    userId: meta.userId,
    eventType: type,
    revisionId: row.revisionId,
    previousRevisionId: previous,
    forwardPatch: forward,
    reversePatch: reverse,
    clientOpId: meta.clientOpId,
    opIndex,
    vectorClock: null,
    cause: meta.cause,
    batchId: meta.batchId,
    conflict: false,
  }
}

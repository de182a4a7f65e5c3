import { PatchsyncError, ServerWins, type ConflictStrategy, type Limits, type Role } from '../../core/index.js'
import { checkShare, readableDocument } from '../access.js'
import {
  DuplicateOpError,
  RefusedBatchError,
  StaleRevisionError,
  type ChangeEventRow,
  type DocumentRow,
  type Grant,
  type PendingChange,
  type PlannedChanges,
  type Store,
} from '../storage/store.js'
import { DEFAULT_CACHE_BYTES, DocumentCache } from './document-cache.js'
import { Planner } from './plan.js'
import { Publisher, type Audience, type CommitReport, type Unplanned } from './publish.js'
import { WriteQueue, type Batch } from './queue.js'
import { Resubmissions } from './replay.js'
import { SubmitRequest, type Mutation, type MutationResult } from './submit-request.js'

export interface WritePathOptions {
  strategy?: ConflictStrategy
  limits?: Partial<Limits>
  /** JSON bytes of document contents kept in memory (default {@link DEFAULT_CACHE_BYTES}, 128 MiB). */
  cacheBytes?: number
  /** Most requests committed in one transaction (group commit). */
  maxBatch?: number
  /** Who hears of committed changes and grant changes (the server's fan-out); by default nobody. */
  audience?: Audience
  /** Called with every batch once it is durable, before anyone hears of it. */
  onCommit?: (report: CommitReport) => void
  /** Runs inside the commit transaction with the allocated events (lets the server recognise its own announcements). */
  beforeCommit?: (events: ChangeEventRow[]) => void
}

/** A commit that fails for these reasons is tried again, at most this many times in all. */
const MAX_ATTEMPTS = 3
/**
 * A request whose document another instance changed underneath is planned again this many times at
 * most: an instance that plans on a document it holds in memory commits faster than one that must
 * read it again, so the second may lose several races in a row before it wins one.
 */
const MAX_STALE_ATTEMPTS = 16

/** A batch's requests that planned changes, in order, and those that planned none or failed. */
interface Planned {
  planned: Array<{ request: SubmitRequest; changes: PendingChange[] }>
  unplanned: Unplanned[]
}

const NOBODY: Audience = { changes() {}, shared() {} }

/**
 * The write path. A mutation travels through named steps (ShareDB's `submit-request.js`):
 *
 * 1. **queue** (`queue.ts`): first in, first out; a drain takes everything queued, so under load one
 *    durable commit serves many requests (group commit);
 * 2. **look up** (`replay.ts`), only when retrying a batch that hit an op already in the log;
 * 3. **load** the documents into memory (`document-cache.ts`);
 * 4. **plan** on the loaded state, in order, checking access (`plan.ts`);
 * 5. **commit** the batch in one transaction;
 * 6. **retry**, when the commit failed on an op already in the log or a document changed underneath;
 * 7. **publish** (`publish.ts`): once durable, broadcast and answer.
 */
export class WritePath {
  private readonly queue: WriteQueue
  private readonly cache: DocumentCache
  private readonly resubmissions: Resubmissions
  private readonly planner: Planner
  private readonly publisher: Publisher
  private readonly audience: Audience
  private draining: Promise<void> | null = null
  /** Milliseconds the next batch waits: a commit lost a race with another instance (see `retry`). */
  private backOff = 0

  constructor(
    private readonly store: Store,
    private readonly options: WritePathOptions = {},
  ) {
    this.queue = new WriteQueue(options.maxBatch ?? 512)
    this.cache = new DocumentCache(store, options.cacheBytes ?? DEFAULT_CACHE_BYTES)
    this.resubmissions = new Resubmissions(store)
    this.planner = new Planner(this.cache, store, options.strategy ?? ServerWins, options.limits)
    this.audience = options.audience ?? NOBODY
    this.publisher = new Publisher(store, this.cache, this.resubmissions, this.audience, options.onCommit ?? (() => {}))
  }

  /**
   * Step 1, queue: resolves once the mutation is durably committed (or was already, for a
   * resubmission). The order of calls is the order the mutations apply in. `origin` (the sending
   * connection) is left out of the broadcast.
   */
  submit(userId: string, clientOpId: string | null, mutation: Mutation, origin?: object): Promise<MutationResult> {
    const request = new SubmitRequest(userId, clientOpId, mutation, origin)
    const inFlight = this.resubmissions.whileInFlight(request)
    if (inFlight) return inFlight
    this.queue.push(request)
    this.kick()
    return request.result
  }

  /**
   * Grants or revokes a role (§9.1) on the committed state, outside the queue: setting a role twice
   * is harmless, so no log entry is needed. The grantee's connections hear of it at once: the
   * change feed only shows events after a reader's position, so a client fetches a newly shared
   * document whole (§9.4).
   */
  async share(userId: string, documentId: string, grantee: string, role: Role): Promise<void> {
    const document = await readableDocument(this.store, userId, documentId)
    checkShare(document, userId, grantee)
    await this.store.setAccess(documentId, grantee, role)
    this.cache.grantChanged(documentId, grantee, role)
    this.audience.shared(documentId, grantee, role)
  }

  /** Resolves when everything queued so far has committed (durably) and been answered, or failed. */
  async idle(): Promise<void> {
    while (this.draining || this.publisher.busy) {
      await this.draining
      await this.publisher.settled()
    }
  }

  /** Drops a document from memory (another instance changed it, or its grants). */
  invalidate(documentId: string): void {
    this.cache.invalidate(documentId)
  }

  /** Drops every document from memory (what other instances changed was not heard for a while). */
  invalidateAll(): void {
    this.cache.invalidateAll()
  }

  /**
   * The document as memory holds it, if it does (a read may start from it instead of the
   * database). It may hold changes planned and not committed yet, so a reader checks its revision
   * against the log; and planning patches its content in place, so it is only valid until the
   * reader next awaits.
   */
  heldDocument(documentId: string): Readonly<DocumentRow> | undefined {
    return this.cache.get(documentId)?.row
  }

  /** A document's grants: from memory when it is held there, else from the store. */
  async grantsOf(documentId: string): Promise<ReadonlyMap<string, Grant>> {
    return this.cache.grants(documentId) ?? (await this.store.grants(documentId))
  }

  /**
   * Starts draining unless a drain is running. A request submitted while a finishing drain is past
   * its last look at the queue (its promise not settled yet) is picked up by the next drain: without
   * that it would wait for a submit that may never come.
   */
  private kick(): void {
    this.draining ??= this.drain().finally(() => {
      this.draining = null
      if (!this.queue.empty) this.kick()
    })
  }

  private async drain(): Promise<void> {
    while (!this.queue.empty) {
      // Let the frames the event loop has already read reach the queue before a batch is taken.
      // SQLite runs synchronously, so without this the first request would commit alone (with its
      // own fsync) before the other connections' frames were even read: no group commit at all.
      await new Promise((resolve) => setImmediate(resolve))
      if (this.backOff > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.backOff))
        this.backOff = 0
      }
      const batch = this.queue.take()!
      try {
        await this.run(batch)
      } catch (error) {
        // Not reached: run answers or requeues every request itself. Were it, the drain must go on.
        for (const request of batch.requests) request.reject(error)
      }
    }
  }

  /**
   * One batch through the steps. Answers every request of the batch or puts it back in the queue;
   * never throws.
   *
   * Resubmissions (§4.1) are recognised optimistically: a batch is planned and committed without
   * looking its client op ids up first, and the unique index on (user, client op id) refuses one
   * that is in the log already. Then the batch is retried, looked up first, and commits without the
   * resubmissions, which get their original results. A keyed request whose plan fails, or plans no
   * change, is looked up before it is answered (see the publish step). This saves a query per batch
   * (a round trip, on a networked database) for what is rare.
   */
  private async run(batch: Batch): Promise<void> {
    this.cache.pin()
    try {
      await this.steps(batch)
    } finally {
      // Trimmed once the batch has committed, or been put back: never under its plans.
      this.cache.release()
    }
  }

  /** {@link run}'s steps, with the cache pinned. */
  private async steps(batch: Batch): Promise<void> {
    let fresh: SubmitRequest[]
    try {
      fresh = batch.lookUpFirst ? await this.resubmissions.answer(batch.requests) : batch.requests
      if (!batch.underLock) await this.load(fresh)
    } catch (error) {
      // Reading the log or a document failed (the database went away): nothing of the batch has
      // been planned or committed; fail it rather than leave its requests waiting.
      for (const request of batch.requests) request.reject(error)
      return
    }
    if (fresh.length === 0) return
    let steps: Planned = { planned: [], unplanned: [] }
    const plan = async () => {
      steps = await this.plan(fresh)
      return steps.planned.flatMap((p) => p.changes)
    }
    // A request that lost a race with another instance is planned under the commit lock, on its
    // documents read again there: no commit can come between, so it cannot lose again.
    const underLock = async () => {
      await this.load(fresh, { again: true })
      return plan()
    }
    const changes = batch.underLock ? underLock : await plan()
    const started = performance.now()
    const committed = await this.commit(changes)
    if ('error' in committed) {
      this.retry(fresh, steps.planned, committed.error)
      return
    }
    if (steps.planned.length > 0) this.publisher.committed(steps.planned, committed.events, committed.durable, started)
    this.publisher.unplanned(steps.unplanned, batch.lookUpFirst)
  }

  /**
   * Step 3, load: the documents the requests name, into memory (undo and redo load theirs as they
   * plan); `again`: read from the store even when held.
   */
  private async load(requests: SubmitRequest[], { again = false } = {}): Promise<void> {
    const ids = new Set<string>()
    for (const { documentId } of requests) if (documentId !== undefined) ids.add(documentId)
    if (again) for (const id of ids) this.cache.delete(id)
    await Promise.all([...ids].map((id) => this.cache.load(id)))
  }

  /** Step 4, plan: every request in order, each on the state the ones before it left. */
  private async plan(requests: SubmitRequest[]): Promise<Planned> {
    const planned: Planned['planned'] = []
    const unplanned: Unplanned[] = []
    for (const request of requests) {
      try {
        const changes = await this.planner.plan(request)
        if (changes.length === 0) unplanned.push({ request })
        else planned.push({ request, changes })
      } catch (error) {
        unplanned.push({ request, error })
      }
    }
    return { planned, unplanned }
  }

  /**
   * Step 5, commit: the planned changes (or the plan, under the commit lock) in one transaction. Resolves once it has committed, with the
   * promise of it being durable, or with the error that stopped it, having answered nothing.
   */
  private async commit(changes: PlannedChanges): Promise<{ events: ChangeEventRow[]; durable: Promise<void> } | { error: unknown }> {
    try {
      return await this.store.write(changes, { beforeCommit: (events) => this.options.beforeCommit?.(events) })
    } catch (error) {
      return { error }
    }
  }

  /**
   * Step 6, retry: the batch did not commit, or may have, so memory may hold changes that are not
   * in the database, or lack some that are. Those documents are forgotten (the next plan on them
   * reads them again). Then:
   *
   * - an op already in the log: every request of the batch is planned again (failed plans too:
   *   they may have failed on a change that did not commit), in the same order, as it was, looked
   *   up first;
   * - a document changed underneath (another instance): each request alone, so one stale document
   *   cannot keep failing the others, planned under the commit lock, so it cannot lose again (an
   *   instance that must read the document again lost race after race to one that held it);
   * - a value the database refused, before COMMIT, so nothing was written: it may be one request's
   *   fault, so a batch of several is tried again one request at a time, and it fails alone while
   *   the others commit (batch isolation); a request alone fails with the error;
   * - anything else (a connection lost) may have come after the database committed the batch: the
   *   batch is in doubt and fails with a retryable error. Trying it again could apply a request
   *   twice (an update without a client op id is planned again on top of its own committed change);
   *   a client that resubmits with its client op id gets the original result if it did commit.
   */
  private retry(requests: SubmitRequest[], planned: Array<{ changes: PendingChange[] }>, error: unknown): void {
    for (const { changes } of planned) for (const change of changes) this.cache.delete(change.document.id)
    const duplicate = error instanceof DuplicateOpError
    const stale = error instanceof StaleRevisionError
    const retryable = duplicate || stale
    const isolate = error instanceof RefusedBatchError && requests.length > 1
    const most = stale ? MAX_STALE_ATTEMPTS : MAX_ATTEMPTS
    const again = requests.filter((request) => {
      request.attempts++
      if ((retryable || isolate) && request.attempts < most) return true
      request.reject(
        retryable ? new PatchsyncError('internal_error', `could not commit after ${request.attempts} attempts: ${(error as Error).message}`) : inDoubt(error),
      )
      return false
    })
    // Lost a race with another instance: wait a random while, longer after each loss, before the
    // next batch, so the two stop meeting (the whole queue waits, keeping every request's order).
    if (stale && again.length > 0) this.backOff = Math.random() * Math.min(2 ** again[0]!.attempts, 64)
    if (again.length === 0) return
    if (duplicate) this.queue.retry({ requests: again, lookUpFirst: true })
    else for (const request of again) this.queue.retry({ requests: [request], lookUpFirst: false, underLock: stale })
  }
}

/**
 * The error a request of a batch that failed gets: a refused value as it is; anything else as a
 * retryable `internal_error`, since the batch may have committed (see the retry step).
 */
function inDoubt(error: unknown): unknown {
  if (error instanceof RefusedBatchError || error instanceof PatchsyncError) return error
  return new PatchsyncError('internal_error', `the commit failed and may or may not have happened: ${(error as Error)?.message ?? String(error)}`)
}

import type { Role } from '../../core/index.js'
import type { ChangeEventRow, DocumentRow, Grant, PendingChange, Store } from '../storage/store.js'
import type { DocumentCache } from './document-cache.js'
import type { Resubmissions } from './replay.js'
import type { SubmitRequest } from './submit-request.js'

/** Who hears of what the write path did: the server's fan-out. */
export interface Audience {
  /**
   * Committed events, each with its document right after it and that document's grants, for every
   * connection whose user may read it except `origin`, which gets the reply instead (§9.3).
   */
  changes(events: ChangeEventRow[], documents: DocumentRow[], grants: ReadonlyArray<ReadonlyMap<string, Grant>>, origin?: object): void
  /** A grant set or revoked, for the grantee's connections (§9.4). */
  shared(documentId: string, userId: string, role: Role): void
}

/** A batch's commit, as reported to the server (metrics, the activity log) before anyone hears of it. */
export interface CommitReport {
  events: ChangeEventRow[]
  documents: DocumentRow[]
  milliseconds: number
}

/** A request that planned no change: with its plan's error, or with nothing to do. */
export interface Unplanned {
  request: SubmitRequest
  error?: unknown
}

/**
 * The publish step: every request is answered here, and every committed change broadcast, once what
 * they show is durable (§3.3). Durability is awaited off the queue: the next batch may commit while
 * this one's log sync runs, and syncs finish in commit order, so answers and broadcasts keep it.
 */
export class Publisher {
  /** Answers waiting for what they show to be durable. */
  private readonly waiting = new Set<Promise<void>>()

  constructor(
    private readonly store: Store,
    private readonly cache: DocumentCache,
    private readonly resubmissions: Resubmissions,
    private readonly audience: Audience,
    private readonly onCommit: (report: CommitReport) => void,
  ) {}

  /** True while answers wait for durability. */
  get busy(): boolean {
    return this.waiting.size > 0
  }

  /** Resolves once the answers waiting now are sent. */
  async settled(): Promise<void> {
    await Promise.all(this.waiting)
  }

  /**
   * Requests whose changes committed: once durable, the commit is reported, then each request's
   * events are broadcast and the request answered, in commit order.
   */
  committed(planned: Array<{ request: SubmitRequest; changes: PendingChange[] }>, events: ChangeEventRow[], durable: Promise<void>, started: number): void {
    this.later(
      planned.map((p) => p.request),
      durable.then(async () => {
        // Each planned change holds its own copy of the row (see the plan step), not the cached one.
        const documents = planned.flatMap((p) => p.changes.map((c) => c.document))
        this.onCommit({ events, documents, milliseconds: performance.now() - started })
        let offset = 0
        for (const { request, changes } of planned) {
          const result = { events: events.slice(offset, offset + changes.length), documents: documents.slice(offset, offset + changes.length), replayed: false }
          offset += changes.length
          try {
            let grants = this.grantsOf(result.events)
            if (grants instanceof Promise) grants = await grants
            this.audience.changes(result.events, result.documents, grants, request.origin)
            request.resolve(result)
          } catch (error) {
            request.reject(error)
          }
        }
      }),
    )
  }

  /**
   * Requests that planned no change. A resubmission gets its original result (a resubmitted create,
   * say, fails to plan because its document exists); anything else its plan's error, or an empty
   * result, once everything committed so far is durable (an error may rest on a change not on disk
   * yet: a delete in the batch before, say). `lookedUp`: the batch was looked up before planning.
   */
  unplanned(unplanned: Unplanned[], lookedUp: boolean): void {
    if (unplanned.length === 0) return
    const requests = unplanned.map((u) => u.request)
    this.later(
      requests,
      (lookedUp ? Promise.resolve(requests) : this.resubmissions.answer(requests)).then(async (unanswered) => {
        await this.store.durable()
        for (const { request, error } of unplanned) {
          if (!unanswered.includes(request)) continue
          if (error === undefined) request.resolve({ events: [], documents: [], replayed: false })
          else request.reject(error)
        }
      }),
    )
  }

  /**
   * Tracks `answering`, which answers the requests once what they show is durable; if it fails (a
   * log lookup, or the log sync: a committed change whose sync failed is not acknowledged, and a
   * resubmission finds it in the log), the requests get the error instead.
   */
  private later(requests: readonly SubmitRequest[], answering: Promise<void>): void {
    const settled = answering.catch((error: unknown) => {
      for (const request of requests) request.reject(error)
    })
    this.waiting.add(settled)
    void settled.finally(() => this.waiting.delete(settled))
  }

  /**
   * The grants of each event's document, from the cache when the document is there (it is right
   * after its own commit): then a broadcast costs no query and no wait, and broadcasts leave in the
   * order the commits resolved.
   */
  private grantsOf(events: ChangeEventRow[]): Array<ReadonlyMap<string, Grant>> | Promise<Array<ReadonlyMap<string, Grant>>> {
    const cached = events.map((e) => this.cache.grants(e.documentId))
    if (cached.every((g) => g !== undefined)) return cached as Array<ReadonlyMap<string, Grant>>
    return Promise.all(events.map((e, i) => cached[i] ?? this.store.grants(e.documentId)))
  }
}

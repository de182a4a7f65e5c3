import { setTimeout as sleep } from 'node:timers/promises'
import type { Role } from '../core/index.js'
import type { ActivityLog } from './activity-log.js'
import type { FanOut } from './fan-out.js'
import type { ChangeEventRow, DocumentRow, Grant, Store } from './storage/store.js'
import type { Audience } from './write-path/publish.js'
import type { WritePath } from './write-path/write-path.js'

/** One call of {@link Audience.changes}: one request's committed events, to broadcast. */
interface Broadcast {
  events: ChangeEventRow[]
  documents: DocumentRow[]
  grants: ReadonlyArray<ReadonlyMap<string, Grant>>
  origin?: object
}

/** How long an announced commit of this instance waits for its broadcast before it is read back instead. */
const OWN_BROADCAST_WAIT_MS = 5000
/** Events read per query when catching up after the listening connection was lost. */
const CATCH_UP_PAGE = 1000
/** The wait before a failed delivery is tried again: doubled after each failure, up to the last. */
const RETRY_FIRST_MS = 100
const RETRY_MAX_MS = 5000

/**
 * Every broadcast of committed changes, in commit order (§3.2), whichever instance made them.
 *
 * Where one process owns the database, this instance's commits are broadcast as they are published.
 * Where several instances may share it (`Store.announcesCommits`), every commit is announced, in
 * commit order, on one channel; broadcasts follow that order: another instance's commit is read from
 * the store (and its documents forgotten by the write path), this instance's waits for the write
 * path to publish it. Broadcasting this instance's commits at once instead let a reader hear one
 * before another instance's earlier commit of the same document, whose reads were still under way,
 * and its copy diverged (issue 10 finding 12). Announcements lost while the listening connection
 * was down are caught up from the log once it is back.
 *
 * A delivery whose reads fail (a connection ended, the database down) is tried again, with a
 * growing wait, until it succeeds or the relay stops, and the ones after it wait their turn: the
 * next announcement must not carry `heard` past events not broadcast yet, or their readers never
 * hear them. `heard` moves after each broadcast sent, so a delivery tried again sends only what the
 * failed attempt had not: every event once, in commit order.
 */
export class InstanceRelay implements Audience {
  /** This instance's commits not broadcast yet, by sequence, each resolved with its broadcast once published. */
  private readonly own = new Map<number, { broadcast: Promise<Broadcast>; publish: (b: Broadcast) => void }>()
  /** The highest sequence broadcast; announcements up to it are old news. */
  private heard = 0
  /** The deliveries, one after the other, in announcement order. */
  private delivering: Promise<void> = Promise.resolve()
  private stopListening: (() => Promise<void>) | undefined
  /** Aborted by {@link stop}: failed deliveries are no longer tried again. */
  private readonly stopping = new AbortController()

  constructor(
    private readonly store: Store,
    private readonly writes: WritePath,
    private readonly fanOut: FanOut,
    private readonly log: ActivityLog,
  ) {}

  /** Inside a commit of this instance: its announcement, when it comes, waits for this broadcast. */
  remember(events: ChangeEventRow[]): void {
    if (!this.store.announcesCommits) return
    for (const e of events) {
      let publish!: (b: Broadcast) => void
      const broadcast = new Promise<Broadcast>((resolve) => (publish = resolve))
      this.own.set(e.sequence, { broadcast, publish })
    }
  }

  /** This instance's committed changes (the write path's audience): broadcast now, or in their turn. */
  changes(events: ChangeEventRow[], documents: DocumentRow[], grants: ReadonlyArray<ReadonlyMap<string, Grant>>, origin?: object): void {
    // Where one process owns the database nothing is ever remembered: straight to the fan-out.
    const waiting = this.own.size === 0 ? [] : events.map((e) => this.own.get(e.sequence)).filter((w) => w !== undefined)
    if (waiting.length > 0) for (const w of waiting) w.publish({ events, documents, grants, origin })
    else if (events.every((e) => e.sequence > this.heard)) this.fanOut.changes(events, documents, grants, origin)
  }

  shared(documentId: string, userId: string, role: Role): void {
    this.fanOut.shared(documentId, userId, role)
  }

  async start(): Promise<void> {
    if (!this.store.announcesCommits) return
    this.heard = await this.store.latestSequence()
    this.stopListening = await this.store.subscribe(
      (sequences) => this.inTurn(() => this.deliver(sequences)),
      (change) => {
        // Another instance shared or revoked: the cached grants (write checks, broadcasts) are
        // stale, and the grantee's connections here learn of it as those there did (§9.4).
        this.writes.invalidate(change.documentId)
        if (change.own || change.userId === '') return
        this.fanOut.shared(change.documentId, change.userId, change.role)
      },
      () => this.inTurn(() => this.catchUp()),
    )
  }

  /** Stops listening, and waits for the deliveries under way (each tried once more at most). */
  async stop(): Promise<void> {
    this.stopping.abort()
    await this.stopListening?.()
    this.stopListening = undefined
    await this.delivering
  }

  /** Runs a delivery after those before it, once it has succeeded (or the relay stopped). */
  private inTurn(delivery: () => Promise<void>): void {
    this.delivering = this.delivering.then(() => this.untilDelivered(delivery))
  }

  /** Tries a delivery until it succeeds, waiting longer after each failure; once stopped, no more tries. */
  private async untilDelivered(delivery: () => Promise<void>): Promise<void> {
    for (let attempt = 1, wait = RETRY_FIRST_MS; ; attempt++, wait = Math.min(wait * 2, RETRY_MAX_MS)) {
      try {
        return await delivery()
      } catch (error) {
        const stopped = this.stopping.signal.aborted
        this.log.fault('could not deliver changes committed on the database', { error: String(error), attempt, retryInMs: stopped ? null : wait })
        if (stopped) return
        // Cut short by stop (it rejects then): one last try.
        await sleep(wait, undefined, { signal: this.stopping.signal }).catch(() => {})
      }
    }
  }

  /** One announced commit: its events, all of this instance or all of another. */
  private async deliver(sequences: number[]): Promise<void> {
    const fresh = sequences.filter((s) => s > this.heard)
    if (fresh.length === 0) return
    if (this.own.has(fresh[0]!)) await this.deliverOwn(fresh)
    else await this.deliverForeign(await this.store.eventsBySequence(fresh))
    this.hear(fresh.at(-1)!)
  }

  /** This instance's commit: the broadcasts the write path published for it, in order. */
  private async deliverOwn(sequences: number[]): Promise<void> {
    for (const [i, sequence] of sequences.entries()) {
      // Sent with an earlier sequence's broadcast (one request's events), or by a failed attempt.
      if (sequence <= this.heard) continue
      const waiting = this.own.get(sequence)
      const broadcast = waiting && (await within(waiting.broadcast, OWN_BROADCAST_WAIT_MS))
      if (!broadcast) {
        // Its request failed after the commit (a broadcast is sent even then): read the rest back.
        await this.deliverForeign(await this.store.eventsBySequence(sequences.slice(i)))
        return
      }
      this.fanOut.changes(broadcast.events, broadcast.documents, broadcast.grants, broadcast.origin)
      this.hear(Math.max(sequence, ...broadcast.events.map((e) => e.sequence)))
    }
  }

  /**
   * Events read from the store: their documents are forgotten here, then broadcast to everyone.
   * A broadcast needs only who may read each document (its owner and grantees) and, for a create,
   * its head: two queries for all the events, not a whole document rebuilt per event.
   */
  private async deliverForeign(events: ChangeEventRow[]): Promise<void> {
    if (events.length === 0) return
    for (const e of events) this.writes.invalidate(e.documentId)
    const ids = [...new Set(events.map((e) => e.documentId))]
    const [heads, grants] = await Promise.all([this.store.documentHeads(ids), this.store.grantsByDocument(ids)])
    this.fanOut.changes(
      events,
      events.map((e) => heads.get(e.documentId)!),
      events.map((e) => grants.get(e.documentId) ?? new Map<string, Grant>()),
    )
    this.hear(events.at(-1)!.sequence)
  }

  /**
   * After the listening connection was lost: every commit since the last one heard, from the log,
   * and the write path forgets every document (grant changes were not heard either).
   */
  private async catchUp(): Promise<void> {
    this.writes.invalidateAll()
    for (;;) {
      const events = await this.store.eventsAfter(this.heard, CATCH_UP_PAGE)
      if (events.length === 0) return
      // Grouped as announced: runs of this instance's events and of others'.
      let run: ChangeEventRow[] = []
      for (const [i, e] of events.entries()) {
        run.push(e)
        const next = events[i + 1]
        if (next && this.own.has(next.sequence) === this.own.has(e.sequence)) continue
        if (this.own.has(e.sequence)) await this.deliverOwn(run.map((r) => r.sequence))
        else await this.deliverForeign(run)
        run = []
      }
      this.hear(events.at(-1)!.sequence)
    }
  }

  /** Everything up to `sequence` is broadcast: own commits not announced by then never will be. */
  private hear(sequence: number): void {
    this.heard = Math.max(this.heard, sequence)
    for (const s of this.own.keys()) if (s <= this.heard) this.own.delete(s)
  }
}

/** The promise's value, or undefined if it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

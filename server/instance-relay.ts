import type { ActivityLog } from './activity-log.js'
import type { FanOut } from './fan-out.js'
import type { ChangeEventRow, DocumentRow, Grant, Store } from './storage/store.js'
import type { WritePath } from './write-path/write-path.js'

/**
 * Changes and grant changes that other server instances on the same database make reach this
 * instance's connections, and its write path forgets the documents they touched. Only a database
 * that announces commits (see `Store.announcesCommits`) has anything to relay.
 */
export class InstanceRelay {
  /**
   * This instance's commits whose announcement has not come back yet (only where commits are
   * announced: elsewhere nothing comes back, and remembering every sequence would grow without end).
   */
  private readonly own = new Set<number>()
  /** Deliveries still reading the store; stopping waits for them. */
  private readonly deliveries = new Set<Promise<void>>()
  private stopListening: (() => Promise<void>) | undefined

  constructor(
    private readonly store: Store,
    private readonly writes: WritePath,
    private readonly fanOut: FanOut,
    private readonly log: ActivityLog,
  ) {}

  /** Inside a commit of this instance: its announcement, when it comes back, is not another's. */
  remember(events: ChangeEventRow[]): void {
    if (this.store.announcesCommits) for (const e of events) this.own.add(e.sequence)
  }

  async start(): Promise<void> {
    this.stopListening = await this.store.subscribe(
      (sequences) => {
        const delivery = this.deliver(sequences)
          .catch((error) => this.log.fault('could not deliver changes from another instance', { error: String(error) }))
          .finally(() => this.deliveries.delete(delivery))
        this.deliveries.add(delivery)
      },
      (change) => {
        // Another instance shared or revoked: the cached grants (write checks, broadcasts) are
        // stale, and the grantee's connections here learn of it as those there did (§9.4).
        this.writes.invalidate(change.documentId)
        if (change.own || change.userId === '') return
        this.fanOut.shared(change.documentId, change.userId, change.role)
      },
    )
  }

  /** Stops listening, and waits for the deliveries under way. */
  async stop(): Promise<void> {
    await this.stopListening?.()
    this.stopListening = undefined
    await Promise.all(this.deliveries)
  }

  private async deliver(sequences: number[]): Promise<void> {
    const foreign = sequences.filter((s) => !this.own.delete(s))
    if (foreign.length === 0) return
    const events = await this.store.eventsBySequence(foreign)
    const documents: DocumentRow[] = []
    const grants: Array<ReadonlyMap<string, Grant>> = []
    for (const e of events) {
      this.writes.invalidate(e.documentId)
      documents.push((await this.store.getDocument(e.documentId))!)
      grants.push(await this.writes.grantsOf(e.documentId))
    }
    this.fanOut.changes(events, documents, grants)
  }
}

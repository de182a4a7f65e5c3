import { jsonBytes, type Role } from '../../core/index.js'
import type { Guarded } from '../access.js'
import type { DocumentRow, Grant, Store } from '../storage/store.js'

/** A document held in memory for the write path, with who may read and write it. */
export interface CachedDocument extends Guarded {
  row: DocumentRow
  /** UTF-8 size of the content's JSON, tracked so updates need not measure it again. */
  size: number
  grants: Map<string, Grant>
}

/** The JSON bytes of content the write path keeps in memory unless told otherwise (`cacheBytes`). */
export const DEFAULT_CACHE_BYTES = 128 * 1024 * 1024

/**
 * The documents the write path plans on, least recently used first, bounded by the bytes of their
 * contents' JSON (a count would let 10,000 documents of 1 MiB take 10 GiB). Objects in memory take
 * a few times their JSON size. Planning changes an entry in place before its commit; whoever plans
 * drops the entries of a batch that did not commit. The entries a batch loads or adds are pinned
 * until it has committed ({@link pin}, {@link release}): its plans read them from here, and one
 * evicted half-way would be a valid change refused as `document_not_found`, or planned again on
 * the committed state under a change the batch already made.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>()
  /** The size each entry was counted at: planning changes `size` in place, and the count catches up on the next load. */
  private readonly counted = new Map<string, number>()
  private bytes = 0
  /** Entries the batch in progress loaded or added: not evicted until {@link release}. */
  private readonly pinned = new Set<string>()
  private pinning = false
  /** Pinned entries another instance changed meanwhile: dropped at {@link release}. */
  private readonly stale = new Set<string>()
  private allStale = false

  constructor(
    private readonly store: Store,
    private readonly capacityBytes: number,
  ) {}

  /** JSON bytes of the contents held, as last counted. */
  get heldBytes(): number {
    return this.bytes
  }

  /** From now until {@link release}, entries loaded or added stay whatever the budget (a batch plans on them). */
  pin(): void {
    this.pinning = true
  }

  /** Unpins the batch's entries and trims the cache to its budget. */
  release(): void {
    this.pinning = false
    for (const id of this.allStale ? this.pinned : this.stale) this.delete(id)
    this.pinned.clear()
    this.stale.clear()
    this.allStale = false
    this.evict()
  }

  get(id: string): CachedDocument | undefined {
    return this.entries.get(id)
  }

  /** The entry, read from the store if it is not held; undefined when the document does not exist. */
  async load(id: string): Promise<CachedDocument | undefined> {
    const hit = this.entries.get(id)
    if (hit) {
      this.entries.delete(id)
      this.entries.set(id, hit)
      this.count(id, hit)
      this.pinIfPinning(id)
      this.evict()
      return hit
    }
    const row = await this.store.getDocument(id)
    if (!row) return undefined
    const grants = await this.store.grants(id)
    // Another load of the same document may have finished meanwhile: keep the one planned on.
    const entry = this.entries.get(id) ?? { row, size: jsonBytes(row.content), grants }
    this.add(id, entry)
    return entry
  }

  /** Holds a new entry (a document just created), evicting the least recently used beyond capacity. */
  add(id: string, entry: CachedDocument): void {
    this.entries.delete(id)
    this.entries.set(id, entry)
    this.count(id, entry)
    this.pinIfPinning(id)
    this.evict()
  }

  /**
   * Another instance changed a document: drop it, or, while the batch in progress plans on it,
   * once the batch is done. Dropping it half-way would refuse a valid change of the batch as
   * `document_not_found` (and reading it again would lose a change the batch already planned on
   * it); planning on the copy held is safe, since its commit checks the revision and a change that
   * lost the race is planned again on what the database holds.
   */
  invalidate(id: string): void {
    if (this.pinned.has(id)) this.stale.add(id)
    else this.delete(id)
  }

  /** Another instance's changes were missed: drop everything, the batch's entries once it is done. */
  invalidateAll(): void {
    if (!this.pinning) return this.clear()
    for (const id of [...this.entries.keys()]) if (!this.pinned.has(id)) this.delete(id)
    this.allStale = true
  }

  /** Drops a document (a plan on it did not commit, or it must be read again now). */
  delete(id: string): void {
    this.entries.delete(id)
    this.bytes -= this.counted.get(id) ?? 0
    this.counted.delete(id)
    this.pinned.delete(id)
  }

  clear(): void {
    this.entries.clear()
    this.counted.clear()
    this.pinned.clear()
    this.stale.clear()
    this.allStale = false
    this.bytes = 0
  }

  private count(id: string, entry: CachedDocument): void {
    this.bytes += entry.size - (this.counted.get(id) ?? 0)
    this.counted.set(id, entry.size)
  }

  private pinIfPinning(id: string): void {
    if (this.pinning) this.pinned.add(id)
  }

  /**
   * Least recently used first, down to capacity, passing over pinned entries; the entry used last
   * stays even when it alone is larger.
   */
  private evict(): void {
    for (const id of this.entries.keys()) {
      if (this.bytes <= this.capacityBytes || this.entries.size <= 1) return
      if (!this.pinned.has(id)) this.delete(id)
    }
  }

  /** Grants of a document held in memory, or undefined. */
  grants(id: string): ReadonlyMap<string, Grant> | undefined {
    return this.entries.get(id)?.grants
  }

  /** Records a grant change for a document held in memory. */
  grantChanged(documentId: string, userId: string, role: Role): void {
    const entry = this.entries.get(documentId)
    if (!entry) return
    if (role === 'none') entry.grants.delete(userId)
    else entry.grants.set(userId, role)
  }
}

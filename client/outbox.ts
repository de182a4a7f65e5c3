import type { ClientStorage, PendingOperation } from './storage.js'

/**
 * The outbox in memory, in position order, mirroring storage, with each document's ops at hand:
 * the pusher reads it on every reply and a write reads its document's ops, so neither re-reads
 * storage. Writes go to storage first; a failed transaction, or another tab's writes, are
 * followed by `reload`.
 */
export class Outbox {
  private ops: PendingOperation[] = []
  private readonly byDocument = new Map<string | null, PendingOperation[]>()
  private readonly byId = new Map<string, PendingOperation>()

  async reload(storage: ClientStorage): Promise<void> {
    const ops = await storage.loadOutbox()
    this.ops = ops
    this.byDocument.clear()
    this.byId.clear()
    for (const op of ops) this.index(op)
  }

  async add(storage: ClientStorage, op: Omit<PendingOperation, 'position' | 'createdAt'>): Promise<PendingOperation> {
    const pending = await storage.addPending(op)
    this.ops.push(pending)
    this.index(pending)
    return pending
  }

  /** Removes an op from storage (through `storage`, which may be a transaction) and from memory. */
  async remove(storage: ClientStorage, opId: string): Promise<void> {
    await storage.removePending(opId)
    const op = this.byId.get(opId)
    if (!op) return
    this.byId.delete(opId)
    // The oldest op is the one acknowledged nearly always: found at once.
    this.ops.splice(this.ops.indexOf(op), 1)
    const ops = this.byDocument.get(op.documentId)!
    ops.splice(ops.indexOf(op), 1)
    if (ops.length === 0) this.byDocument.delete(op.documentId)
  }

  /** Every pending op, oldest first. Read-only. */
  all(): readonly PendingOperation[] {
    return this.ops
  }

  /** A document's pending ops, oldest first. Read-only. */
  of(documentId: string | null): readonly PendingOperation[] {
    return this.byDocument.get(documentId) ?? []
  }

  get(opId: string): PendingOperation | undefined {
    return this.byId.get(opId)
  }

  get size(): number {
    return this.ops.length
  }

  /** The ids of documents with pending ops. */
  documents(): string[] {
    return [...this.byDocument.keys()].filter((id): id is string => id !== null)
  }

  private index(op: PendingOperation): void {
    this.byId.set(op.opId, op)
    const ops = this.byDocument.get(op.documentId)
    if (ops) ops.push(op)
    else this.byDocument.set(op.documentId, [op])
  }
}

import { errorInfo, type ErrorCode, type ServerMessage } from '../core/index.js'
import type { Connection } from './connection.js'
import type { Outbox } from './outbox.js'
import type { PendingOperation } from './storage.js'
import type { TabGroup } from './tabs.js'

/** At most this many operations are in flight; one per document, so each document's order holds. */
const MAX_IN_FLIGHT = 64

export interface PushHost {
  readonly outbox: Outbox
  readonly tabs: TabGroup
  readonly timeoutMs: number
  /** The live connection, if any. */
  connection(): Connection | undefined
  /** Whether a sync round (pull, then push) is running: it pushes at its end. */
  syncing(): boolean
  /** Brings the outbox up to date with storage (other tabs may have changed it). */
  refreshOutbox(): Promise<void>
  /** The server answered an op (not with a retryable error). */
  answered(connection: Connection, op: PendingOperation, reply: ServerMessage): Promise<void>
  changed(): void
  /** Nothing is in flight any more: a pull moves the feed position past our own events. */
  drained(): void
}

/**
 * Sends the outbox: at most one op in flight per document (so each document's ops apply in the
 * order they were made, whatever the server answers), ops without a document as barriers, and
 * only while this client holds the push lock (so tabs sharing an outbox never send an op twice).
 */
export class OutboxPusher {
  /** Ops sent on the current connection and not yet answered: op id → document id. */
  readonly inFlight = new Map<string, string | null>()
  private running: Promise<number> | undefined
  private again = false
  private retryDelay = 100

  constructor(private readonly host: PushHost) {}

  get active(): boolean {
    return this.running !== undefined
  }

  /** Starts a push unless one is running, in which case that one goes round again. */
  schedule(): void {
    const connection = this.host.connection()
    if (!connection || this.host.syncing()) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.push(connection)
      .catch(() => 0)
      .finally(() => {
        this.running = undefined
        this.host.changed()
        if (this.again) {
          this.again = false
          this.schedule()
        }
      })
    this.host.changed()
  }

  /** Pushes under the push lock until the outbox is empty or the connection is gone; returns how many were acknowledged. */
  push(connection: Connection): Promise<number> {
    return this.host.tabs.withPushLock(async () => {
      if (!this.host.tabs.alone) await this.host.refreshOutbox()
      return this.pushLocked(connection)
    })
  }

  /** The connection is gone: nothing is in flight any more. */
  reset(): void {
    this.inFlight.clear()
  }

  private async pushLocked(connection: Connection): Promise<number> {
    let pushed = 0
    for (;;) {
      if (this.host.connection() !== connection) return pushed
      const pending = this.host.outbox.all()
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

  /** Sends one op and handles its reply: 'retry' when the server asked to try again later, 'lost' when the connection is gone. */
  private async send(connection: Connection, op: PendingOperation): Promise<'acknowledged' | 'retry' | 'lost'> {
    this.inFlight.set(op.opId, op.documentId)
    let reply: ServerMessage
    try {
      reply = await connection.request({ ...op.payload, request_id: op.opId, client_op_id: op.opId }, this.host.timeoutMs)
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
    try {
      await this.host.answered(connection, op, reply)
    } finally {
      this.inFlight.delete(op.opId)
    }
    if (this.inFlight.size === 0) this.host.drained()
    return 'acknowledged'
  }
}

import type { SubmitRequest } from './submit-request.js'

/** Requests that are planned and committed together (group commit). */
export interface Batch {
  requests: SubmitRequest[]
  /** Look the requests' client op ids up in the log before planning: a commit found one there already. */
  lookUpFirst: boolean
  /** Load and plan while holding the commit lock (see the write path's retry step). */
  underLock?: boolean
}

/**
 * The write queue: first in, first out, so mutations apply in the order they arrive. Batches to
 * retry go ahead of everything new, in the order they were put back.
 */
export class WriteQueue {
  private readonly fresh: SubmitRequest[] = []
  private readonly retries: Batch[] = []

  constructor(private readonly maxBatch: number) {}

  get empty(): boolean {
    return this.fresh.length === 0 && this.retries.length === 0
  }

  push(request: SubmitRequest): void {
    this.fresh.push(request)
  }

  /** Puts a batch back, to run before anything new and after the retries already waiting. */
  retry(batch: Batch): void {
    this.retries.push(batch)
  }

  /**
   * The next batch: a retry, or everything new up to `maxBatch` that may run together (a request
   * that runs alone makes a batch of its own).
   */
  take(): Batch | undefined {
    const retry = this.retries.shift()
    if (retry) return retry
    if (this.fresh.length === 0) return undefined
    let n = 1
    if (!this.fresh[0]!.alone) while (n < this.fresh.length && n < this.maxBatch && !this.fresh[n]!.alone) n++
    return { requests: this.fresh.splice(0, n), lookUpFirst: false }
  }
}

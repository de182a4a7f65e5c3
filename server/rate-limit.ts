/** A token bucket's rate: `perSecond` tokens refill each second up to `burst`; `perSecond: 0` turns it off. */
export interface Rate {
  perSecond: number
  burst: number
}

/** Buckets kept before full ones (keys not seen for a while) are let go. */
const SWEEP_AT = 10_000

/** Token-bucket rate limits, one bucket per key (a user, an address, a connection before authentication). */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly perSecond: number
  private readonly burst: number
  /** The number of buckets at which full ones are next let go. */
  private sweepAt = SWEEP_AT

  constructor(
    rate: Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.perSecond = rate.perSecond
    this.burst = rate.burst
  }

  /** Takes one token; returns 0 when allowed, or the milliseconds until one will be available. */
  take(key: string): number {
    const wait = this.wait(key)
    if (wait === 0 && this.perSecond > 0) this.buckets.get(key)!.tokens -= 1
    return wait
  }

  /** Gives back a token taken for something that turned out not to count (capped at the burst). */
  give(key: string): void {
    if (this.perSecond <= 0) return
    const bucket = this.refilled(key)
    bucket.tokens = Math.min(this.burst, bucket.tokens + 1)
  }

  /** The milliseconds until `key` has a token (0: it has one now), taking none. */
  wait(key: string): number {
    if (this.perSecond <= 0) return 0
    const bucket = this.refilled(key)
    if (bucket.tokens >= 1) return 0
    return Math.ceil(((1 - bucket.tokens) * 1000) / this.perSecond)
  }

  /** Forgets a key (its connection closed). */
  forget(key: string): void {
    this.buckets.delete(key)
  }

  private refilled(key: string): { tokens: number; at: number } {
    const now = this.now()
    let bucket = this.buckets.get(key)
    if (!bucket) {
      // Keys come from clients (fresh user ids, addresses): a bucket that has refilled is the same
      // as none, so those are let go rather than kept forever.
      if (this.buckets.size >= this.sweepAt) this.sweep(now)
      bucket = { tokens: this.burst, at: now }
      this.buckets.set(key, bucket)
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000)
    bucket.at = now
    return bucket
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000 >= this.burst) this.buckets.delete(key)
    }
    // When most buckets are in use, the next sweep waits until there are twice as many, so sweeping stays linear overall.
    this.sweepAt = Math.max(SWEEP_AT, 2 * this.buckets.size)
  }
}

/**
 * Takes one token from each bucket only when every one of them has a token; otherwise takes none
 * and returns the longest wait. A request refused by one limit (its user's, say) then costs nothing
 * from the others (its address's, which other users behind the same address share).
 */
export function takeEach(buckets: ReadonlyArray<readonly [RateLimiter, string]>): number {
  const wait = Math.max(0, ...buckets.map(([limiter, key]) => limiter.wait(key)))
  if (wait === 0) for (const [limiter, key] of buckets) limiter.take(key)
  return wait
}

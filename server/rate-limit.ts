/** Token-bucket rate limits keyed by user (or by connection before authentication). */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  /** `perSecond` tokens refill each second up to `burst`; 0 disables limiting. */
  constructor(private readonly perSecond: number, private readonly burst: number, private readonly now: () => number = Date.now) {}

  /** Takes one token; returns 0 when allowed, or the milliseconds until one will be available. */
  take(key: string): number {
    if (this.perSecond <= 0) return 0
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.ceil(((1 - bucket.tokens) * 1000) / this.perSecond)
  }

  /** Forgets a key (its connection closed). */
  forget(key: string): void {
    this.buckets.delete(key)
  }
}

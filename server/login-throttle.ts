import { PatchsyncError } from '../core/index.js'
import { RateLimiter, takeEach, type Rate } from './rate-limit.js'

/**
 * Failed logins allowed per user id and per client address (§1.3, §10.5), as token buckets: each
 * attempt takes a token from both before its token is checked, and gets it back unless it failed
 * with `auth_failed`; while either has none left, an attempt is refused with `rate_limited`, so
 * guessing costs the server nothing and gains the guesser nothing. Taking before the check is what
 * bounds attempts made at once: counting failures only after they finish let every attempt already
 * in flight through (256 concurrent guesses from one address ran 256 checks).
 */
export interface LoginLimits {
  perUser: Rate
  perAddress: Rate
  /**
   * How long a throttled attempt waits before it is refused, at most, in ms (PostgreSQL's
   * `auth_delay`): a guesser's connection then costs the server a socket and a timer, not a
   * handshake and a reply as fast as it can send. Never longer than the retry time.
   */
  refusalDelayMs?: number
}

/** The default {@link LoginLimits.refusalDelayMs}. */
const REFUSAL_DELAY_MS = 2000

/** Refuses logins of a user or from an address with too many recent failures; counts failures. */
export class LoginThrottle {
  private readonly byUser: RateLimiter
  private readonly byAddress: RateLimiter
  private readonly refusalDelayMs: number

  constructor(limits: LoginLimits, now?: () => number) {
    this.byUser = new RateLimiter(limits.perUser, now)
    this.byAddress = new RateLimiter(limits.perAddress, now)
    this.refusalDelayMs = limits.refusalDelayMs ?? REFUSAL_DELAY_MS
  }

  /** Runs a login of `userId` from `address`, unless throttled; an `auth_failed` it throws counts against both. */
  async attempt<T>(userId: string, address: string | undefined, login: () => Promise<T>): Promise<T> {
    const buckets: Array<readonly [RateLimiter, string]> = [[this.byUser, userId]]
    if (address !== undefined) buckets.push([this.byAddress, address])
    const wait = takeEach(buckets)
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, this.refusalDelayMs)))
      throw new PatchsyncError('rate_limited', 'too many failed logins; try again later', { retry_after_ms: wait })
    }
    let failed = false
    try {
      return await login()
    } catch (error) {
      failed = error instanceof PatchsyncError && error.code === 'auth_failed'
      throw error
    } finally {
      if (!failed) for (const [limiter, key] of buckets) limiter.give(key)
    }
  }
}

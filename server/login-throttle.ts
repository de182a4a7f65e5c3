import { PatchsyncError } from '../core/index.js'
import { RateLimiter, type Rate } from './rate-limit.js'

/**
 * Failed logins allowed per user id and per client address (§1.3, §10.5), as token buckets: each
 * failure takes a token from both, and while either has none left, an attempt is refused with
 * `rate_limited` before any token is checked, so guessing costs the server nothing and gains the
 * guesser nothing.
 */
export interface LoginLimits {
  perUser: Rate
  perAddress: Rate
}

/** Refuses logins of a user or from an address with too many recent failures; counts failures. */
export class LoginThrottle {
  private readonly byUser: RateLimiter
  private readonly byAddress: RateLimiter

  constructor(limits: LoginLimits, now?: () => number) {
    this.byUser = new RateLimiter(limits.perUser, now)
    this.byAddress = new RateLimiter(limits.perAddress, now)
  }

  /** Runs a login of `userId` from `address`, unless throttled; an `auth_failed` it throws counts against both. */
  async attempt<T>(userId: string, address: string | undefined, login: () => Promise<T>): Promise<T> {
    const wait = Math.max(this.byUser.wait(userId), address === undefined ? 0 : this.byAddress.wait(address))
    if (wait > 0) throw new PatchsyncError('rate_limited', 'too many failed logins; try again later', { retry_after_ms: wait })
    try {
      return await login()
    } catch (error) {
      if (error instanceof PatchsyncError && error.code === 'auth_failed') {
        this.byUser.take(userId)
        if (address !== undefined) this.byAddress.take(address)
      }
      throw error
    }
  }
}

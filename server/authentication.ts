import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { parse as parseCookies } from 'cookie'
import { PatchsyncError, errorInfo, isUuid } from '../core/index.js'
import type { ActivityLog } from './activity-log.js'
import { hashToken, limiter, verifyToken, type HashOptions } from './auth.js'
import type { Store } from './storage/store.js'

/*
 * Who a connection is: the one place that decides it, at the HTTP upgrade (`verifyUpgrade`), at the
 * `authenticate` message (§1.2–1.4: the embedder's `authenticate` hook, or the built-in token table
 * with auto-registration), and again later for connections already in (§1.5). The upgrade path and
 * the `authenticate` handler call it; whatever limits logins (throttling) wraps around these calls.
 */

/** The HTTP request that opened a WebSocket, as the authentication hooks see it. */
export interface UpgradeRequest {
  /** Request headers, names in lower case (Node's `IncomingMessage.headers`): `authorization`, `origin`, … */
  readonly headers: IncomingHttpHeaders
  /** The `Cookie` header's cookies by name (the first of each name wins), values URI-decoded. */
  readonly cookies: Readonly<Record<string, string | undefined>>
  /**
   * The peer's IP address. Behind a reverse proxy it is the proxy's; the client's is then in a header
   * the proxy sets (`x-forwarded-for`), which only the proxy's word makes true.
   */
  readonly address: string | undefined
  /** The request's path (`/ws`) and its query parameters (`?ticket=…`). */
  readonly path: string
  readonly query: URLSearchParams
}

/** One `authenticate` message, as the `authenticate` hook sees it. */
export interface AuthenticationAttempt<Verified = unknown> {
  /** The `user_id` the client claims, in lower case. A hook that accepts must answer this id. */
  readonly userId: string
  /** The client's `auth_token`: a JWT, a session id, an API key… */
  readonly token: string
  /** The upgrade request of the connection it came on. */
  readonly upgrade: UpgradeRequest
  /** What `verifyUpgrade` returned for that request (undefined without that hook). */
  readonly verified: Verified
  /**
   * False for the `authenticate` message itself; true when the server checks a connection that
   * authenticated earlier again (`reauthenticateMs`, `server.reauthenticate()`), with the same
   * token: an expired JWT is refused then, and the connection closed.
   */
  readonly again: boolean
}

/**
 * The embedder's authentication (`createSyncServer` options). Both hooks refuse by throwing: a
 * `PatchsyncError` is answered with its own code and message (throw `auth_failed` with the
 * message the client should see); any other error is answered `auth_failed`, "authentication
 * failed", and only the log shows it (a JWT library's errors, say). A `PatchsyncError` whose code is
 * retryable (`internal_error`: "my identity provider is down") is no refusal: the client is told to
 * try again later, and a connection checked again keeps its session.
 */
export interface AuthenticationHooks<Verified = unknown> {
  /**
   * Runs at the HTTP upgrade, before any WebSocket exists: throwing answers the request with HTTP
   * 401 (503 for a retryable `PatchsyncError`) and no connection is made. What it returns reaches
   * `authenticate` as `attempt.verified` (a session read from a cookie, say).
   */
  verifyUpgrade?: (upgrade: UpgradeRequest) => Verified | Promise<Verified>
  /**
   * Runs for every `authenticate` message, instead of the built-in token table: returns the user id
   * the credentials prove, which must be the id the client claims (a UUID, §2.7: map other
   * identities with `userIdFromSubject`). Called again for connections already in when the server
   * re-checks them.
   */
  authenticate?: (attempt: AuthenticationAttempt<Verified>) => string | Promise<string>
}

/** A connection's upgrade request, with what `verifyUpgrade` said of it. */
export interface Admission {
  readonly upgrade: UpgradeRequest
  readonly verified: unknown
}

/** Who a connection authenticated as, and what it proved that with, to be checked again later. */
export interface Identity {
  readonly userId: string
  /** The token's hash in the table when it logged in, or the attempt the hook accepted. */
  readonly proof: { readonly tokenHash: string } | { readonly attempt: AuthenticationAttempt }
}

export interface AuthenticationOptions extends AuthenticationHooks {
  /** Register unknown users with the token they present (built-in table only). */
  autoRegister: boolean
  hashOptions: HashOptions
  log: ActivityLog
}

/** Re-checks of the `authenticate` hook running at once (it may call a remote service). */
const RECHECKS_AT_ONCE = 16
/** Users whose token hashes one query reads (bound parameters stay well under every database's limit). */
const USERS_PER_QUERY = 500

/** The answer to an `authenticate` the credentials do not prove. */
const authFailed = (message = 'authentication failed') => new PatchsyncError('auth_failed', message)

/** The upgrade request as the hooks see it. */
export function upgradeRequest(req: IncomingMessage): UpgradeRequest {
  const url = new URL(req.url ?? '/', 'http://localhost')
  let cookies: Record<string, string | undefined> = {}
  try {
    cookies = req.headers.cookie ? parseCookies(req.headers.cookie) : {}
  } catch {
    // A Cookie header the parser refuses carries no cookie a hook could trust.
  }
  return { headers: req.headers, cookies, address: req.socket.remoteAddress, path: url.pathname, query: url.searchParams }
}

/**
 * A hook's failure as the client is answered: a `PatchsyncError` as it is, anything else
 * `auth_failed`, "authentication failed", with the error as its `cause`, which the log shows and
 * the client does not (it may name the embedder's infrastructure).
 */
function refusal(error: unknown): PatchsyncError {
  if (error instanceof PatchsyncError) return error
  return Object.assign(authFailed(), { cause: error })
}

/** True for a failure that says "not now" rather than "no". */
const isRetryable = (error: PatchsyncError) => errorInfo(error.code).retryable

export class Authentication {
  private readonly rechecking = limiter(RECHECKS_AT_ONCE)

  constructor(
    private readonly store: Store,
    private readonly options: AuthenticationOptions,
  ) {}

  /** True when the embedder's `authenticate` hook decides, rather than the built-in token table. */
  get hooked(): boolean {
    return this.options.authenticate !== undefined
  }

  /**
   * At the HTTP upgrade: the request and what `verifyUpgrade` says of it. Throws the refusal (a
   * `PatchsyncError`; see {@link upgradeStatus}).
   */
  async admit(req: IncomingMessage): Promise<Admission> {
    const upgrade = upgradeRequest(req)
    if (!this.options.verifyUpgrade) return { upgrade, verified: undefined }
    try {
      return { upgrade, verified: await this.options.verifyUpgrade(upgrade) }
    } catch (error) {
      throw refusal(error)
    }
  }

  /**
   * An `authenticate` message (§1.2–1.4) on a connection admitted as `admission`: who it proves,
   * or throws the error it is answered with. `address` is the client's, whose turn it waits for in
   * the token-hashing queue.
   */
  async authenticate(admission: Admission, userId: string, token: string, address?: string): Promise<Identity> {
    const { authenticate } = this.options
    if (!authenticate) return this.fromTable(userId, token, address)
    const attempt: AuthenticationAttempt = { userId, token, upgrade: admission.upgrade, verified: admission.verified, again: false }
    let answer: string
    try {
      answer = await authenticate(attempt)
    } catch (error) {
      throw refusal(error)
    }
    return { userId: this.checkAnswer(answer, userId), proof: { attempt } }
  }

  /**
   * Whether each identity still holds: the user's token hash is the one it logged in with (not
   * removed, no new token), or the `authenticate` hook accepts the same attempt again. Null for
   * one that holds, else why not, in words for the client. One that cannot be checked now (the
   * database or the hook's service is down) counts as holding: it is checked again next time.
   */
  async recheck(identities: readonly Identity[]): Promise<Array<string | null>> {
    const hashes = await this.currentHashes(identities).catch((error: unknown) => {
      this.options.log.fault('could not check the connections of removed users again', { error: String(error) })
      return undefined
    })
    return Promise.all(
      identities.map(async ({ userId, proof }) => {
        if ('tokenHash' in proof) {
          if (!hashes || hashes.get(userId) === proof.tokenHash) return null
          return 'the user was removed or given a new token'
        }
        return this.rechecking(async () => {
          try {
            this.checkAnswer(await this.options.authenticate!({ ...proof.attempt, again: true }), userId)
            return null
          } catch (error) {
            const refused = refusal(error)
            if (refused.code === 'auth_failed' || !isRetryable(refused)) return refused.message
            this.options.log.fault('could not check a connection again', { user_id: userId, error: refused.message })
            return null
          }
        })
      }),
    )
  }

  /**
   * The built-in token table (§1.3): the token must verify against the user's Argon2id hash; an
   * unknown user is registered with it when auto-registration is on.
   */
  private async fromTable(userId: string, token: string, address: string | undefined): Promise<Identity> {
    let user = await this.store.getUser(userId)
    if (!user && this.options.autoRegister) {
      const hash = await hashToken(token, this.options.hashOptions, address)
      if (await this.store.createUser(userId, hash)) user = { id: userId, tokenHash: hash }
      else user = await this.store.getUser(userId) // registered concurrently by another connection
    }
    if (!user || !(await verifyToken(user.tokenHash, token, address))) throw authFailed()
    return { userId, proof: { tokenHash: user.tokenHash } }
  }

  /**
   * What a hook answered, as a user id: it must be a UUID (§2.7), which is a fault of the embedder's
   * code, not of the client, and the id the client claims.
   */
  private checkAnswer(answer: unknown, claimed: string): string {
    if (typeof answer !== 'string' || !isUuid(answer)) {
      this.options.log.fault('the authenticate hook answered a user id that is not a UUID (§2.7); map external identities with userIdFromSubject', {
        answer: String(answer),
      })
      throw new PatchsyncError('internal_error', 'internal error')
    }
    const userId = answer.toLowerCase()
    if (userId !== claimed) throw authFailed(`these credentials are for user ${userId}, not ${claimed}`)
    return userId
  }

  /** The token hashes of the table's users among `identities`, by user id (a removed user has none). */
  private async currentHashes(identities: readonly Identity[]): Promise<Map<string, string>> {
    const ids = [...new Set(identities.filter((i) => 'tokenHash' in i.proof).map((i) => i.userId))]
    const hashes = new Map<string, string>()
    for (let i = 0; i < ids.length; i += USERS_PER_QUERY) {
      for (const [id, hash] of await this.store.tokenHashes(ids.slice(i, i + USERS_PER_QUERY))) hashes.set(id, hash)
    }
    return hashes
  }
}

/** The HTTP status a refused upgrade is answered with: 503 when trying again may help, else 401. */
export function upgradeStatus(refusal: PatchsyncError): 401 | 503 {
  return isRetryable(refusal) ? 503 : 401
}

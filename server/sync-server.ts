import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { Limits, PatchsyncError } from '../core/index.js'
import { silentLog, type ActivityLog } from './activity-log.js'
import type { HashOptions } from './auth.js'
import { Authentication, upgradeStatus, type Admission, type AuthenticationHooks } from './authentication.js'
import { Connection, type ConnectionHost } from './connection.js'
import type { SendBufferLimits } from './send-buffer.js'
import { FanOut } from './fan-out.js'
import { abortHandshake, attachedUpgrades, httpRoutes, ownUpgrades, type UpgradeTarget } from './http-routes.js'
import { builtInspector, inspectorRoutes } from './inspector-route.js'
import { InstanceRelay } from './instance-relay.js'
import { Metrics } from './metrics.js'
import { clientAddress } from './client-address.js'
import { LoginThrottle, type LoginLimits } from './login-throttle.js'
import { RateLimiter, type Rate } from './rate-limit.js'
import { InProcessSession, type ServerSession } from './server-session.js'
import { Store } from './storage/store.js'
import { WritePath } from './write-path/write-path.js'

/**
 * The server's options. `verifyUpgrade` and `authenticate` (see {@link AuthenticationHooks}) plug in
 * the embedder's own authentication; `Verified` is what `verifyUpgrade` returns.
 */
export interface SyncServerOptions<Verified = unknown> extends AuthenticationHooks<Verified> {
  /** A database URL (`sqlite:<path>`, `sqlite::memory:`, or another backend's, see `storage/dialects.ts`); ignored when `store` is given. */
  databaseUrl?: string
  /** An open store to use instead (the server then does not close it). */
  store?: Store
  /**
   * Register unknown users with the token they present (the seed's behaviour). Default true; it is
   * the built-in token table's, so with an `authenticate` hook, which replaces that table, it must
   * not be set to true.
   */
  autoRegister?: boolean
  /**
   * How often the connections already in are checked again (§1.5), in ms: with the built-in token
   * table, a user removed or given a new token is cut off; with an `authenticate` hook, the hook is
   * called again with the same token (`attempt.again`), and a refusal (an expired JWT) cuts the
   * connection off. 0 turns it off. Default 60 s with the token table, off with a hook (each check
   * calls it once per connection).
   */
  reauthenticateMs?: number
  /** WebSocket path. Default `/ws`. */
  path?: string
  /**
   * Largest frame accepted, in bytes; larger frames get `frame_too_large`, and frames over twice
   * this close the connection (1009) unread (§10.2). Default 1 MiB.
   */
  maxPayload?: number
  /** Patch and document limits (§10). */
  limits?: Partial<Limits>
  /**
   * What one connection may make the server hold, in bytes (§10.4): past `highWaterBytes` unsent (or
   * received and unanswered) it is not read and its next request waits; past `limitBytes` unsent it
   * is closed with code 4001. Default 4 MiB and 16 MiB.
   */
  sendBuffer?: SendBufferLimits
  /** Per-user token bucket; `perSecond: 0` turns it off. Default 200/s, burst 400. */
  rateLimit?: Rate
  /**
   * Per client address (§10.5): at most `connections` open WebSockets (more are refused with HTTP
   * 429), and a token bucket of requests shared by all its connections, so fresh user ids do not
   * bypass the per-user limit. 0 turns each off. Default 256 connections, 1000/s, burst 2000.
   * Behind a reverse proxy, name it in `trustedProxies`, or every client counts as the proxy.
   */
  addressLimit?: { connections: number } & Rate
  /**
   * Failed logins allowed per user id and per address, as token buckets (§10.5); past them, logins
   * are `rate_limited` before any token is checked, after a delay of up to `refusalDelayMs`
   * (default 2 s), and the connection is closed. Default per user 10, then one per 10 s; per
   * address 30, then one a second.
   */
  loginLimit?: LoginLimits
  /** A connection that has not authenticated after this many ms is closed (1008). Default 10 s; 0 turns it off. */
  authTimeoutMs?: number
  /**
   * Addresses of reverse proxies whose `X-Forwarded-For` is believed: a connection from one counts as
   * the address the proxy forwarded for. Default none: the header is ignored (any client can set it).
   */
  trustedProxies?: readonly string[]
  /** Ping interval; a connection that misses one pong is terminated. Default 30 s; 0 turns it off. */
  heartbeatMs?: number
  /** Argon2id parameters for new token hashes. */
  hashOptions?: HashOptions
  /** Where activity is reported (see `monitoringLog`, `jsonLog`). Default silent. */
  log?: ActivityLog
  /** Serve wss:// directly with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** JSON bytes of document contents the write path keeps in memory (default 128 MiB; objects take a few times that). */
  cacheBytes?: number
  /**
   * Serve the history inspector page at `/inspect` on the server's own HTTP server (`listen`; not
   * on an attached one): `true` serves the page the package built (`dist/inspect/`), a string the
   * page built into that directory. Default off; `patchsync serve` turns it on.
   */
  inspector?: boolean | string
}

/** A running patchsync server; see {@link createSyncServer}. */
export interface SyncServer {
  /** Listens on its own HTTP(S) server. Port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ port: number }>
  /**
   * Serves WebSocket upgrades on `path` of an existing HTTP(S) server instead (ws `noServer` style);
   * upgrades on other paths, and plain requests, are left to the server's other listeners. `close`
   * detaches but leaves that server running.
   */
  attach(server: HttpServer): Promise<void>
  /** `ws://host:port/ws` once listening. */
  readonly url: string
  readonly store: Store
  readonly metrics: Metrics
  /**
   * Requests as a user, from the server's own process (ShareDB's `backend.connect()`): committed,
   * logged and broadcast as a client's are; see {@link ServerSession}. Throws `invalid_argument`
   * for a user id that is not a UUID. Usable before `listen`/`attach` (the database is migrated at
   * the first request).
   */
  as(userId: string): ServerSession
  /**
   * Checks the credentials of the connections already in again now (all, or one user's), as
   * `reauthenticateMs` does periodically, and closes those that no longer hold (§1.5); resolves with
   * how many it closed. Call it when you know a user was removed or disabled.
   */
  reauthenticate(userId?: string): Promise<number>
  /** Waits for queued commits, closes every connection, then the database. */
  close(): Promise<void>
}

/** Options that have no default. */
type Unset = 'store' | 'limits' | 'tls' | 'cacheBytes' | 'verifyUpgrade' | 'authenticate' | 'reauthenticateMs' | 'inspector'

/** The options with every default filled in, merged once when the server is made. */
type Settings = Required<Omit<SyncServerOptions, Unset>> & Pick<SyncServerOptions, Unset>

/** How often the built-in token table's connections are checked again, unless the options say. */
const REAUTHENTICATE_MS = 60_000

const DEFAULTS: Omit<Settings, Unset> = {
  databaseUrl: 'sqlite:./data/patchsync.db',
  autoRegister: true,
  path: '/ws',
  maxPayload: 1024 * 1024,
  sendBuffer: { highWaterBytes: 4 * 1024 * 1024, limitBytes: 16 * 1024 * 1024 },
  addressLimit: { connections: 256, perSecond: 1000, burst: 2000 },
  loginLimit: { perUser: { perSecond: 0.1, burst: 10 }, perAddress: { perSecond: 1, burst: 30 } },
  authTimeoutMs: 10_000,
  trustedProxies: [],
  rateLimit: { perSecond: 200, burst: 400 },
  heartbeatMs: 30_000,
  hashOptions: {},
  log: silentLog,
}

/** The server's lifecycle, as ws's WebSocketServer names it. */
const RUNNING = 0
const CLOSING = 1
const CLOSED = 2

/**
 * A patchsync server: it makes a connection object for each WebSocket and wires the parts together
 * (write path, fan-out, relay of other instances, HTTP routes). Nothing is opened until `listen` or
 * `attach`.
 */
class PatchsyncServer implements SyncServer {
  readonly store: Store
  readonly metrics = new Metrics()
  private state: typeof RUNNING | typeof CLOSING | typeof CLOSED = RUNNING
  private readonly settings: Settings
  private readonly ownsStore: boolean
  private readonly connections = new Set<Connection>()
  /** Open connections by client address, for the per-address limit. */
  private readonly perAddress = new Map<string, number>()
  private readonly trustedProxies: ReadonlySet<string>
  private readonly authentication: Authentication
  private readonly fanOut: FanOut
  private readonly writes: WritePath
  private readonly relay: InstanceRelay
  /** What every connection reaches of the server. */
  private readonly host: ConnectionHost
  private readonly upgrades: UpgradeTarget
  private readonly wss: WebSocketServer
  private readonly attached = new Map<HttpServer, ReturnType<typeof attachedUpgrades>>()
  private httpServer: HttpServer | undefined
  private address = ''
  private started: Promise<void> | undefined
  private heartbeat: NodeJS.Timeout | undefined
  private rechecks: NodeJS.Timeout | undefined
  /** The periodic check of connections' credentials under way, if one is. */
  private rechecking: Promise<unknown> | undefined
  private closed: Promise<void> | undefined

  constructor(options: SyncServerOptions) {
    if (options.authenticate && options.autoRegister === true) {
      throw new TypeError("autoRegister is the built-in token table's; an authenticate hook replaces that table (leave autoRegister unset)")
    }
    const settings = (this.settings = { ...DEFAULTS, ...withoutUndefined(options) })
    this.trustedProxies = new Set(settings.trustedProxies)
    const { highWaterBytes, limitBytes } = settings.sendBuffer
    if (!(highWaterBytes > 0 && limitBytes > highWaterBytes)) throw new TypeError('sendBuffer: highWaterBytes must be above 0 and below limitBytes')
    this.store = options.store ?? Store.open(settings.databaseUrl)
    this.ownsStore = options.store === undefined
    const { log } = settings
    this.authentication = new Authentication(this.store, {
      verifyUpgrade: settings.verifyUpgrade,
      authenticate: settings.authenticate,
      autoRegister: settings.autoRegister,
      hashOptions: settings.hashOptions,
      log,
    })
    this.fanOut = new FanOut(log)
    this.writes = new WritePath(this.store, {
      limits: settings.limits,
      cacheBytes: settings.cacheBytes,
      // Broadcasts go through the relay, which keeps them in commit order across instances.
      audience: { changes: (...args) => this.relay.changes(...args), shared: (...args) => this.relay.shared(...args) },
      beforeCommit: (events) => this.relay.remember(events),
      onCommit: ({ events, milliseconds }) => {
        this.metrics.commit(milliseconds / 1000)
        this.metrics.updated(events.length)
        for (const e of events) {
          if (e.conflict) {
            this.metrics.conflict()
            log.conflict(e.documentId, e.userId)
          }
          if (e.eventType === 'update') log.patchApplied(e.documentId, e.forwardPatch)
        }
      },
    })
    this.relay = new InstanceRelay(this.store, this.writes, this.fanOut, log)
    this.metrics.measureSendBuffer(() => {
      let bytes = 0
      for (const connection of this.connections) bytes += connection.bufferedAmount
      return bytes
    })
    const server = this
    this.host = {
      store: this.store,
      writes: this.writes,
      fanOut: this.fanOut,
      limiter: new RateLimiter(settings.rateLimit),
      addressLimiter: new RateLimiter(settings.addressLimit),
      logins: new LoginThrottle(settings.loginLimit),
      authTimeoutMs: settings.authTimeoutMs,
      metrics: this.metrics,
      log,
      maxPayload: settings.maxPayload,
      sendBuffer: settings.sendBuffer,
      maxDepth: settings.limits?.maxDepth,
      authentication: this.authentication,
      get running() {
        return server.state === RUNNING
      },
      closed: (connection) => this.forget(connection),
    }
    // §10.2: frames up to twice the limit are read so they can be answered with frame_too_large;
    // beyond that ws closes the connection (1009) at the frame's header, before buffering any of it.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxPayload * 2 })
    this.upgrades = {
      path: settings.path,
      get running() {
        return server.state === RUNNING
      },
      accept: (req, socket, head) => void this.upgrade(req, socket, head),
    }
  }

  get url(): string {
    return this.address
  }

  async listen(port = 8080, host = '0.0.0.0'): Promise<{ port: number }> {
    this.assertRunning()
    await this.start()
    const { tls, path } = this.settings
    const { inspector } = this.settings
    const inspectorDirectory = inspector === true ? builtInspector() : inspector || undefined
    const routes = httpRoutes(this.store, this.metrics, inspectorDirectory ? inspectorRoutes(inspectorDirectory, path) : {})
    const httpServer = (this.httpServer = tls ? createHttpsServer(tls, routes) : createHttpServer(routes))
    httpServer.on('upgrade', ownUpgrades(this.upgrades))
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(port, host, () => resolve())
    })
    const address = httpServer.address() as AddressInfo
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host
    this.address = `${tls ? 'wss' : 'ws'}://${shownHost}:${address.port}${path}`
    return { port: address.port }
  }

  async attach(server: HttpServer): Promise<void> {
    this.assertRunning()
    await this.start()
    if (this.attached.has(server)) return
    const listener = attachedUpgrades(this.upgrades)
    this.attached.set(server, listener)
    server.on('upgrade', listener)
  }

  as(userId: string): ServerSession {
    const server = this
    return new InProcessSession(userId, {
      store: this.store,
      writes: this.writes,
      log: this.settings.log,
      maxDepth: this.settings.limits?.maxDepth,
      get running() {
        return server.state === RUNNING
      },
      ready: () => this.start(),
    })
  }

  async reauthenticate(userId?: string): Promise<number> {
    const checked = [...this.connections].filter((c) => c.identity !== undefined && (userId === undefined || c.userId === userId.toLowerCase()))
    const reasons = await this.authentication.recheck(checked.map((c) => c.identity!))
    const revoked = checked.flatMap((connection, i) => (reasons[i] === null ? [] : [connection.revoke(reasons[i]!)]))
    await Promise.all(revoked)
    return revoked.length
  }

  close(): Promise<void> {
    this.closed ??= this.shutDown()
    return this.closed
  }

  /**
   * An upgrade on the WebSocket path: the embedder's `verifyUpgrade` decides first (a refusal is
   * answered 401, or 503, and no WebSocket is made), then the handshake completes and the
   * connection is made.
   */
  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const address = clientAddress(req, this.trustedProxies)
    if (this.atAddressLimit(address)) {
      this.metrics.error('rate_limited')
      this.settings.log.refused({ id: 'upgrade', userId: undefined, address }, 'rate_limited', 'upgrade refused: too many connections from this address')
      return abortHandshake(socket, 429, 'too many connections from this address')
    }
    // ws listens for the socket's errors from the handshake on; until then a reset must not be an
    // unhandled 'error' (which would end the process).
    const drop = () => socket.destroy()
    socket.on('error', drop)
    let admission: Admission
    try {
      admission = await this.authentication.admit(req)
    } catch (error) {
      const refusal = error as PatchsyncError
      const cause = refusal.cause === undefined ? '' : ` (${String(refusal.cause)})`
      this.metrics.error(refusal.code)
      this.settings.log.refused(
        { id: 'upgrade', userId: undefined, address: req.socket.remoteAddress },
        refusal.code,
        `upgrade refused: ${refusal.message}${cause}`,
      )
      abortHandshake(socket, upgradeStatus(refusal), refusal.message)
      return
    } finally {
      socket.off('error', drop)
    }
    if (socket.destroyed) return
    if (this.state !== RUNNING) return abortHandshake(socket, 503)
    if (this.atAddressLimit(address)) return abortHandshake(socket, 429, 'too many connections from this address')
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connections.add(new Connection(ws, this.host, admission, address))
      if (address !== undefined) this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1)
    })
  }

  /** True when the address has as many connections open as the per-address limit allows. */
  private atAddressLimit(address: string | undefined): boolean {
    const limit = this.settings.addressLimit.connections
    return limit > 0 && address !== undefined && (this.perAddress.get(address) ?? 0) >= limit
  }

  /** A connection closed: the server forgets it. */
  private forget(connection: Connection): void {
    if (!this.connections.delete(connection) || connection.address === undefined) return
    const open = this.perAddress.get(connection.address)! - 1
    if (open > 0) this.perAddress.set(connection.address, open)
    else this.perAddress.delete(connection.address)
  }

  /**
   * RUNNING → CLOSING: new requests and upgrades are refused and other instances' changes no longer
   * heard; queued commits are committed and answered, every connection gets its replies and is
   * closed, the HTTP server stops (or is detached), and the database closes if the server opened
   * it. → CLOSED.
   */
  private async shutDown(): Promise<void> {
    this.state = CLOSING
    if (this.heartbeat) clearInterval(this.heartbeat)
    if (this.rechecks) clearInterval(this.rechecks)
    await this.rechecking
    await this.relay.stop()
    await this.writes.idle()
    await Promise.all([...this.connections].map((c) => c.answered()))
    await Promise.all([...this.connections].map((c) => c.close(1001, 'server closing')))
    this.wss.close()
    const httpServer = this.httpServer
    if (httpServer) await new Promise<void>((resolve) => httpServer.close(() => resolve()))
    for (const [server, listener] of this.attached) server.off('upgrade', listener)
    this.attached.clear()
    if (this.ownsStore) await this.store.close()
    this.state = CLOSED
  }

  private assertRunning(): void {
    if (this.state !== RUNNING) throw new Error(this.state === CLOSED ? 'the server is closed' : 'the server is closing')
  }

  /** Once, at the first `listen`, `attach` or in-process request: migrations, the relay, the heartbeat, the re-checks. */
  private start(): Promise<void> {
    this.started ??= (async () => {
      await this.store.migrate()
      await this.relay.start()
      const interval = this.settings.heartbeatMs
      if (interval > 0) {
        this.heartbeat = setInterval(() => {
          for (const connection of this.connections) connection.heartbeat()
        }, interval)
        this.heartbeat.unref()
      }
      const recheck = this.settings.reauthenticateMs ?? (this.authentication.hooked ? 0 : REAUTHENTICATE_MS)
      if (recheck > 0) {
        this.rechecks = setInterval(() => {
          this.rechecking ??= this.reauthenticate()
            .catch((error) => this.settings.log.fault('could not check connections again', { error: String(error) }))
            .finally(() => (this.rechecking = undefined))
        }, recheck)
        this.rechecks.unref()
      }
    })()
    return this.started
  }
}

/** An options object without its undefined members, so they do not override the defaults. */
function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>
}

/** Creates a patchsync server. Nothing is opened until `listen` or `attach` (or a request made through `as`). */
export function createSyncServer<Verified = unknown>(options: SyncServerOptions<Verified> = {}): SyncServer {
  // What verifyUpgrade returns reaches authenticate unchanged, so the server itself needs no type for it.
  return new PatchsyncServer(options as SyncServerOptions)
}

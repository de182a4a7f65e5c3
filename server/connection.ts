import { randomUUID } from 'node:crypto'
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import type { SendBufferLimits } from './send-buffer.js'
import type { ClientMessage, ErrorMessage, ServerMessage } from '../generated/types.js'
import { PatchsyncError } from '../core/index.js'
import type { ActivityLog, ConnectionInfo } from './activity-log.js'
import type { Admission, Authentication, Identity } from './authentication.js'
import { decodeFrame, frameSize } from './decode-frame.js'
import type { FanOut } from './fan-out.js'
import { EncodedReply, handle, handlerOf, isMutation, type HandlerContext, type Reply } from './handlers/index.js'
import type { Metrics } from './metrics.js'
import type { LoginThrottle } from './login-throttle.js'
import { takeEach, type RateLimiter } from './rate-limit.js'
import type { Store } from './storage/store.js'
import type { WritePath } from './write-path/write-path.js'

/** A connection with this many frames not yet answered stops being read until it is down to the second. */
const MAX_UNANSWERED = 4096
const RESUME_UNANSWERED = 1024
/** How long a closing connection waits for the peer's half of the close handshake before cutting it off. */
const CLOSE_TIMEOUT_MS = 1000
/** The close code of a connection whose credentials no longer hold (§1.5): RFC 6455's policy violation. */
export const CLOSE_REVOKED = 1008
/** The close code of a connection that did not authenticate in time, or was refused a login for too many failures (§10.5): RFC 6455's policy violation. */
export const CLOSE_LOGIN_TIMEOUT = 1008
/** The close code of a connection whose unsent bytes passed the limit (§10.4): it does not read what it is sent. */
export const CLOSE_BACKLOG = 4001

/** What a connection needs of the server it belongs to. */
export interface ConnectionHost {
  readonly store: Store
  readonly writes: WritePath
  readonly fanOut: FanOut
  /** The per-user rate limit (by connection before authentication). */
  readonly limiter: RateLimiter
  /** The per-address rate limit, so fresh user ids do not bypass the per-user one (§10.5). */
  readonly addressLimiter: RateLimiter
  /** Failed logins per user id and per address (§10.5). */
  readonly logins: LoginThrottle
  /** How long a connection may stay unauthenticated, in ms (0: forever). */
  readonly authTimeoutMs: number
  readonly metrics: Metrics
  readonly log: ActivityLog
  /** Largest frame accepted, in bytes. */
  readonly maxPayload: number
  /** How much a connection may leave unsent or unanswered. */
  readonly sendBuffer: SendBufferLimits
  /** Deepest document content accepted (a frame may nest its envelope deeper); the core default when undefined. */
  readonly maxDepth: number | undefined
  /** Who a connection is. */
  readonly authentication: Authentication
  /** False once the server is closing: requests are then refused with `server_shutting_down`. */
  readonly running: boolean
  /** The connection has closed; the server forgets it. */
  closed(connection: Connection): void
}

/**
 * One WebSocket connection (ShareDB's `Agent`): it decodes its frames, runs them, answers them in
 * frame order (§3.4), stops reading when too many are unanswered, answers heartbeats and closes.
 * It owns its state; the server only creates it, and the fan-out routes broadcasts to it.
 */
export class Connection implements ConnectionInfo {
  readonly id = randomUUID()
  /** The client's IP address (see `clientAddress`), for per-address limits and log lines. */
  readonly address: string | undefined
  private user: Identity | undefined
  /**
   * Its upgrade request, and what the embedder's `verifyUpgrade` said of it; let go once the
   * connection has authenticated (an `authenticate` hook's identity keeps what it needs).
   */
  private admission: Admission | undefined
  /** Set once its credentials no longer hold (§1.5): nothing more it sends is run. */
  private revoked = false
  /** Cleared at each heartbeat ping, set again by the pong; still clear at the next ping = dead. */
  private alive = true
  /** The reply chain: replies are sent in the order the frames arrived. */
  private replies: Promise<void> = Promise.resolve()
  /** Frames received and not answered yet, and their size in bytes. */
  private unanswered = 0
  private unansweredBytes = 0
  /** Frames waiting in the reply chain that must run after everything before them (not pipelined). */
  private inOrder = 0
  private paused = false
  /** Set when the connection is to be closed (1008) once its current reply is sent, and why. */
  private closeAfterReply: string | undefined
  /** Closes the connection if it has not authenticated in time. */
  private loginTimer: NodeJS.Timeout | undefined
  /** Set while a backlog past the high-water mark is waited for. */
  private draining = false
  private corked = false
  private readonly context: HandlerContext

  constructor(
    private readonly socket: WebSocket,
    private readonly host: ConnectionHost,
    admission: Admission,
    address: string | undefined,
  ) {
    this.admission = admission
    this.address = address
    const connection = this
    this.context = {
      connection: this,
      get userId() {
        return connection.authenticatedUser()
      },
      store: host.store,
      writes: host.writes,
    }
    host.metrics.connectionOpened()
    host.log.connected(this)
    socket.on('pong', () => {
      this.alive = true
    })
    socket.on('message', (data, isBinary) => this.receive(data, isBinary))
    socket.on('close', () => this.onClose())
    socket.on('error', () => socket.terminate())
    if (host.authTimeoutMs > 0) {
      this.loginTimer = setTimeout(() => void this.close(CLOSE_LOGIN_TIMEOUT, 'no authenticate in time'), host.authTimeoutMs)
      this.loginTimer.unref()
    }
  }

  /** The user this connection authenticated as, if it has. */
  get userId(): string | undefined {
    return this.user?.userId
  }

  /** Who it authenticated as and with what, while its credentials hold, for checking them again. */
  get identity(): Identity | undefined {
    return this.revoked ? undefined : this.user
  }

  /**
   * The `authenticate` handler's: once the credentials prove the user (or it throws the refusal),
   * the connection is the user's, and the user's broadcasts reach it.
   */
  async authenticate(userId: string, token: string): Promise<void> {
    const admission = this.admission
    if (!admission) throw new PatchsyncError('already_authenticated', 'this connection is already authenticated')
    try {
      this.user = await this.host.logins.attempt(userId, this.address, () => this.host.authentication.authenticate(admission, userId, token, this.address))
    } catch (error) {
      // A guesser past its failures is told so, then let go (§10.5, as SSH's MaxAuthTries): it must
      // come back through the handshake and the per-address connection limit to guess again.
      if (error instanceof PatchsyncError && error.code === 'rate_limited') this.closeAfterReply = 'too many failed logins'
      throw error
    }
    this.admission = undefined
    clearTimeout(this.loginTimer)
    this.host.fanOut.join(this)
    this.host.metrics.connectionAuthenticated()
    this.host.log.authenticated(this)
  }

  /**
   * Its credentials no longer hold (§1.5): it hears no more broadcasts and runs nothing more it
   * sends; the client is told why (`auth_failed`, no `request_id`), then the connection closes
   * (1008). Replies sent before leave first; a request still running gets none (its write may
   * commit: it was sent while the credentials held).
   */
  async revoke(reason: string): Promise<void> {
    if (this.revoked) return
    this.revoked = true
    this.host.fanOut.leave(this)
    this.host.metrics.error('auth_failed')
    this.host.log.refused(this, 'auth_failed', `credentials no longer hold: ${reason}`)
    this.send({ type: 'error', code: 'auth_failed', message: reason })
    await this.close(CLOSE_REVOKED, 'credentials no longer valid')
  }

  /** Bytes sent and not yet written to the network (a slow reader's backlog). */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount
  }

  /** Sends a message that answers no frame of this connection (a broadcast, a revocation). */
  send(message: ServerMessage): void {
    this.host.log.sent(this, message.type)
    this.sendText(JSON.stringify(message))
  }

  /**
   * Sends an already serialized broadcast (serialized once for every receiver). Broadcasts are not
   * held back, so a connection that lets them pile up past the limit is closed (§10.4).
   */
  sendText(text: string): void {
    this.transmit(text)
    if (this.socket.bufferedAmount > this.host.sendBuffer.limitBytes) this.overflow()
  }

  /** Writes a frame; a backlog past the high-water mark stops the reading of frames until it leaves. */
  private transmit(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    const raw = this.rawSocket()
    if (!this.corked && raw && typeof raw.cork === 'function') {
      // Frames sent in one turn of the event loop (a group commit answers many at once) leave in
      // one write instead of a system call each.
      this.corked = true
      raw.cork()
      process.nextTick(() => {
        this.corked = false
        raw.uncork()
      })
    }
    this.socket.send(text)
    if (!this.draining && this.backlogged()) {
      this.draining = true
      this.pause()
      void this.backlogLeft().then(() => {
        this.draining = false
        this.resumeIfDue()
      })
    }
  }

  /** True until the connection starts closing. */
  private get open(): boolean {
    return this.socket.readyState === this.socket.OPEN
  }

  /** The TCP/TLS socket under the WebSocket (ws keeps it in `_socket`). */
  private rawSocket(): Duplex | undefined {
    return (this.socket as unknown as { _socket?: Duplex })._socket
  }

  /** True while more than the high-water mark of what was sent has not left yet. */
  private backlogged(): boolean {
    return this.socket.readyState === this.socket.OPEN && this.socket.bufferedAmount > this.host.sendBuffer.highWaterBytes
  }

  /** Resolves once the backlog is down to the high-water mark, or the connection is closed. */
  private async backlogLeft(): Promise<void> {
    const raw = this.rawSocket()
    // Each turn waits for an event that comes (the socket's buffer emptied, or it closed), so the loop ends.
    while (raw && this.backlogged()) {
      await new Promise<void>((resolve) => {
        const done = () => {
          raw.off('drain', done)
          this.socket.off('close', done)
          resolve()
        }
        raw.on('drain', done)
        this.socket.on('close', done)
      })
    }
  }

  /**
   * Unsent bytes passed the limit: the peer does not read. It is told why in the close frame, which
   * it sees only if it reads after all; the backlog is let go at once either way.
   */
  private overflow(): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    this.host.log.info('closed a connection that does not read what it is sent', {
      connection: this.id,
      address: this.address,
      unsent_bytes: this.socket.bufferedAmount,
    })
    this.socket.close(CLOSE_BACKLOG, 'too much unsent data: the client does not read')
    // The close frame waits behind the backlog; cut the socket off rather than holding it.
    setTimeout(() => this.socket.terminate(), CLOSE_TIMEOUT_MS).unref()
  }

  /** One heartbeat: a connection that has not answered the last ping is dead, and is cut off. */
  heartbeat(): void {
    if (!this.alive) {
      this.socket.terminate()
      return
    }
    this.alive = false
    this.socket.ping()
  }

  /** Resolves once every frame received so far is answered. */
  async answered(): Promise<void> {
    await this.replies
  }

  /**
   * Says goodbye with a close code, after every reply sent so far (they leave first, in order, even
   * while corked), and resolves once the connection is closed: when the peer answers, or after
   * {@link CLOSE_TIMEOUT_MS}, when it is cut off. Cutting it off at once would drop replies still
   * corked.
   */
  async close(code: number, reason: string): Promise<void> {
    if (this.socket.readyState === this.socket.CLOSED) return
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()))
    this.socket.close(code, reason)
    const timer = setTimeout(() => this.socket.terminate(), CLOSE_TIMEOUT_MS)
    await closed
    clearTimeout(timer)
  }

  /**
   * §3.4 with pipelining. Every reply is sent through the reply chain, so replies keep the order
   * of the frames. A mutation is submitted to the write path as soon as it arrives when nothing
   * else of the connection is waiting: the write queue is first in, first out, so it still applies
   * in arrival order, and a client that pipelines updates fills a group commit on its own. Anything
   * else (authenticate, reads, share) waits for everything before it, and everything after it waits
   * for it, so a read sees the connection's earlier writes and no later ones.
   */
  private receive(data: RawData, isBinary: boolean): void {
    const size = frameSize(data)
    const decoded = decodeFrame(data, size, isBinary, this.host.maxPayload, this.host.maxDepth)
    this.unanswered++
    this.unansweredBytes += size
    if (this.unanswered >= MAX_UNANSWERED || this.unansweredBytes > this.host.sendBuffer.highWaterBytes) this.pause()
    const answered = () => {
      this.unanswered--
      this.unansweredBytes -= size
      this.resumeIfDue()
    }
    if ('message' in decoded && this.inOrder === 0 && this.identity !== undefined && this.host.running && isMutation(handlerOf(decoded.message))) {
      const reply = this.dispatch(decoded.message)
      // One continuation for each outcome rather than then, catch and finally: a pipelining client
      // sends thousands of these a second, and each promise of the chain is garbage to collect.
      this.replies = this.replies
        .then(() => reply)
        .then(
          (message) => {
            try {
              this.deliver(message)
            } catch (error) {
              this.lost(error)
            } finally {
              answered()
            }
          },
          (error: unknown) => {
            this.lost(error)
            answered()
          },
        )
      return
    }
    this.inOrder++
    this.replies = this.replies
      // A request waits until the replies before it have left (§10.4): a client that does not read
      // makes the server hold one reply beyond the high-water mark, not one per frame it sent.
      .then(() => this.backlogLeft())
      // A connection that closed meanwhile can be answered nothing: what it queued is not run (a
      // client that pipelined reads of a large document and left would otherwise cost them all).
      .then(() => (!this.open ? undefined : 'message' in decoded ? this.dispatch(decoded.message) : this.errorReply(decoded.error, decoded.requestId)))
      .then(this.deliver)
      .catch(this.lost)
      .finally(() => {
        this.inOrder--
        answered()
      })
  }

  private readonly deliver = (reply: Reply | undefined): void => {
    if (reply === undefined || !this.open) return
    this.host.log.sent(this, reply.type)
    this.transmit(reply instanceof EncodedReply ? reply.text() : JSON.stringify(reply))
    if (this.closeAfterReply !== undefined) void this.close(CLOSE_LOGIN_TIMEOUT, this.closeAfterReply)
  }

  private readonly lost = (error: unknown): void => {
    this.host.log.fault('could not answer a frame', { error: String(error) })
  }

  /**
   * Runs one request and resolves with its reply. A mutation is submitted to the write path before
   * this returns, so the order of calls is the order mutations apply in.
   */
  private async dispatch(message: ClientMessage): Promise<Reply> {
    const { metrics, log, limiter } = this.host
    metrics.message(message.type)
    log.received(this, message.type)
    const requestId = message.request_id
    if (this.revoked) return this.errorReply(new PatchsyncError('auth_failed', 'the credentials of this connection no longer hold'), requestId)
    const wait = takeEach([
      [this.host.addressLimiter, this.address ?? `connection:${this.id}`],
      [limiter, this.userId ?? `connection:${this.id}`],
    ])
    if (wait > 0) return this.errorReply(new PatchsyncError('rate_limited', 'too many requests', { retry_after_ms: wait }), requestId)
    if (this.user === undefined && message.type !== 'authenticate')
      return this.errorReply(new PatchsyncError('unauthenticated', 'authenticate first'), requestId)
    if (!this.host.running) return this.errorReply(new PatchsyncError('server_shutting_down', 'the server is closing'), requestId)
    try {
      const reply = await handle(this.context, message, this)
      if (requestId === undefined) return reply
      // Not `{ ...reply, request_id }`: a member added after a spread copy costs V8 about 2 µs.
      return reply instanceof EncodedReply ? reply.answering(requestId) : Object.assign({}, reply, { request_id: requestId })
    } catch (error) {
      return this.errorReply(error, requestId)
    }
  }

  /** The `error` reply for a failure (sent by the caller, in reply order), counted and logged. */
  private errorReply(error: unknown, requestId?: string): ErrorMessage {
    const reply = errorMessage(error, requestId, this.host.running)
    if (!(error instanceof PatchsyncError) && this.host.running) this.host.log.fault('internal error', { error: String((error as Error)?.stack ?? error) })
    this.host.metrics.error(reply.code)
    // A cause is for the log only (an authentication hook's own error, say).
    const cause = error instanceof PatchsyncError && error.cause !== undefined ? ` (${String(error.cause)})` : ''
    this.host.log.refused(this, reply.code, reply.message + cause)
    return reply
  }

  /** The user, for handlers that run only once there is one. */
  private authenticatedUser(): string {
    if (this.user === undefined) throw new PatchsyncError('unauthenticated', 'authenticate first')
    return this.user.userId
  }

  /** Stops reading frames (backpressure) until {@link resume}. */
  private pause(): void {
    if (this.paused) return
    this.paused = true
    this.socket.pause()
  }

  /** Reads frames again once few are unanswered and the backlog has left. */
  private resumeIfDue(): void {
    if (!this.paused || this.unanswered > RESUME_UNANSWERED || this.unansweredBytes > this.host.sendBuffer.highWaterBytes / 2 || this.backlogged()) return
    this.paused = false
    this.socket.resume()
  }

  private onClose(): void {
    clearTimeout(this.loginTimer)
    this.host.fanOut.leave(this)
    this.host.limiter.forget(`connection:${this.id}`)
    this.host.metrics.connectionClosed(this.user !== undefined)
    this.host.log.disconnected(this)
    this.host.closed(this)
  }
}

/**
 * What a failure is answered with: a PatchsyncError as it is; anything else is the server's fault
 * (`internal_error`), or, while it closes, `server_shutting_down`. The same for connections and
 * the server's in-process sessions.
 */
export function failureOf(error: unknown, running: boolean): PatchsyncError {
  if (error instanceof PatchsyncError) return error
  return running ? new PatchsyncError('internal_error', 'internal error') : new PatchsyncError('server_shutting_down', 'the server is closing')
}

/** The `error` message for a failure (see {@link failureOf}). */
function errorMessage(error: unknown, requestId: string | undefined, running: boolean): ErrorMessage {
  const failure = failureOf(error, running)
  return {
    type: 'error',
    code: failure.code as ErrorMessage['code'],
    message: failure.message,
    ...(requestId !== undefined ? { request_id: requestId } : {}),
    ...(failure.details ? { details: failure.details } : {}),
  }
}

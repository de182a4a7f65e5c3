import { parseServerMessage, PatchsyncError, type ServerMessage } from '../core/index.js'

/**
 * The part of the WebSocket API the client uses: the browser's own `WebSocket` and the `ws`
 * package's both have it, so the connection runs over either.
 */
export interface SocketLike {
  readonly readyState: number
  send(text: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'open', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void
  /** Drops the connection without a closing handshake (`ws` has it; browsers close on their own). */
  terminate?(): void
  /**
   * The HTTP status the server refused the handshake with, where the platform can see it (`ws`
   * can; a browser's `WebSocket` only reports a failure).
   */
  readonly refusedWithStatus?: number
}

/** Who connects: the user id, and the token for this attempt (see `SyncClientOptions.authToken`). */
export interface Credentials {
  userId: string
  authToken: string
}

/** Opens a socket to `url`; each platform supplies one (`ws` in Node, `WebSocket` in browsers). */
export type SocketFactory = (url: string, timeoutMs: number) => SocketLike

const OPEN = 1
const CONNECTING = 0

/**
 * One authenticated WebSocket to the server. Every frame is checked against its schema (the
 * generated validators) before anything reads it. Replies are matched to requests by
 * `request_id`; every other frame (broadcasts) goes to `onBroadcast`. When the socket closes,
 * every waiting request rejects with `not_connected` and `closed` resolves with the reason.
 */
export class Connection {
  readonly closed: Promise<string>
  private readonly waiting = new Map<string, { resolve: (m: ServerMessage) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>()
  private closeReason = ''

  private constructor(
    private readonly socket: SocketLike,
    private readonly handlers: { onBroadcast: (message: ServerMessage) => void; onInvalid: (error: PatchsyncError) => void },
  ) {
    this.closed = new Promise((resolve) => {
      socket.addEventListener('close', ({ code, reason }) => {
        const why = this.closeReason || reason || `socket closed (${code})`
        for (const [, w] of this.waiting) {
          clearTimeout(w.timer)
          w.reject(new PatchsyncError('not_connected', `connection lost: ${why}`))
        }
        this.waiting.clear()
        resolve(why)
      })
    })
    socket.addEventListener('error', (event) => {
      this.closeReason ||= event.message ?? ''
    })
    socket.addEventListener('message', ({ data }) => this.receive(data))
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return
    let frame: unknown
    try {
      frame = JSON.parse(data)
    } catch {
      this.handlers.onInvalid(new PatchsyncError('invalid_json', 'the server sent a frame that is not JSON'))
      return
    }
    const requestId = typeof frame === 'object' && frame !== null ? (frame as { request_id?: unknown }).request_id : undefined
    const waiter = typeof requestId === 'string' ? this.waiting.get(requestId) : undefined
    let message: ServerMessage
    try {
      message = parseServerMessage(frame)
    } catch (error) {
      const failure = error as PatchsyncError
      const refused = new PatchsyncError(failure.code, `the server sent an invalid frame: ${failure.message}`)
      if (waiter) this.settle(requestId as string, () => waiter.reject(refused))
      else this.handlers.onInvalid(refused)
      return
    }
    if (waiter) this.settle(requestId as string, () => waiter.resolve(message))
    else this.handlers.onBroadcast(message)
  }

  private settle(requestId: string, fn: () => void): void {
    clearTimeout(this.waiting.get(requestId)!.timer)
    this.waiting.delete(requestId)
    fn()
  }

  /** Opens the socket and authenticates; rejects with `auth_failed`, `not_connected` or `timeout`. */
  static async open(
    openSocket: SocketFactory,
    url: string,
    credentials: Credentials,
    options: { timeoutMs: number; onBroadcast: (message: ServerMessage) => void; onInvalid: (error: PatchsyncError) => void },
  ): Promise<{ connection: Connection; latestSequence: number }> {
    const socket = openSocket(url, options.timeoutMs)
    await new Promise<void>((resolve, reject) => {
      // Browsers' WebSocket has no handshake timeout of its own.
      const timer = setTimeout(() => {
        socket.close()
        reject(new PatchsyncError('not_connected', `cannot connect to ${url}: no answer within ${options.timeoutMs} ms`))
      }, options.timeoutMs)
      socket.addEventListener('open', () => {
        clearTimeout(timer)
        resolve()
      })
      socket.addEventListener('error', (event) => {
        clearTimeout(timer)
        reject(handshakeError(url, socket, event.message))
      })
      socket.addEventListener('close', () => {
        clearTimeout(timer)
        reject(handshakeError(url, socket, undefined))
      })
    })
    const connection = new Connection(socket, options)
    const reply = await connection
      .request({ type: 'authenticate', user_id: credentials.userId, auth_token: credentials.authToken }, options.timeoutMs)
      .catch((error: unknown) => {
        connection.close()
        throw error
      })
    if (reply.type !== 'auth_success') {
      connection.close()
      throw replyError(reply)
    }
    return { connection, latestSequence: reply.latest_sequence }
  }

  /** Sends a request and resolves with its reply (an `error` reply resolves too). */
  request(frame: Record<string, unknown> & { type: string }, timeoutMs: number): Promise<ServerMessage> {
    const requestId = typeof frame.request_id === 'string' ? frame.request_id : crypto.randomUUID()
    if (this.socket.readyState !== OPEN) return Promise.reject(new PatchsyncError('not_connected', 'not connected'))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId)
        reject(new PatchsyncError('timeout', `no reply to ${frame.type} within ${timeoutMs} ms`))
        // A connection that stopped answering is not trusted with later requests either.
        this.close('request timed out')
      }, timeoutMs)
      this.waiting.set(requestId, { resolve, reject, timer })
      this.socket.send(JSON.stringify({ ...frame, request_id: requestId }))
    })
  }

  close(reason = 'closed by client'): void {
    this.closeReason ||= reason
    if (this.socket.readyState === CONNECTING || this.socket.readyState === OPEN) this.socket.close(1000, reason)
    const terminate = this.socket.terminate
    if (!terminate) return
    // Do not wait for a dead peer's closing handshake.
    const timer = setTimeout(() => terminate.call(this.socket), 1000) as { unref?: () => void }
    timer.unref?.()
  }
}

/**
 * Why a handshake failed. A server that refuses the upgrade itself answers 401 when the
 * credentials are wrong (retrying the same ones cannot help: `auth_failed`) and 503 when it cannot
 * check them now (`not_connected`, retried), as PROTOCOL.md §1.6 says.
 */
function handshakeError(url: string, socket: SocketLike, detail: string | undefined): PatchsyncError {
  const status = socket.refusedWithStatus
  if (status === 401 || status === 403) return new PatchsyncError('auth_failed', `${url} refused the connection (HTTP ${status})`)
  if (status !== undefined) return new PatchsyncError('not_connected', `${url} refused the connection (HTTP ${status}); trying again`)
  return new PatchsyncError('not_connected', `cannot connect to ${url}${detail ? `: ${detail}` : ''}`)
}

/** The PatchsyncError an `error` reply stands for (or `internal_error` for an unexpected reply). */
export function replyError(reply: ServerMessage): PatchsyncError {
  if (reply.type === 'error') return new PatchsyncError(reply.code as never, reply.message, reply.details as Record<string, unknown> | undefined)
  return new PatchsyncError('internal_error', `unexpected reply ${reply.type}`)
}

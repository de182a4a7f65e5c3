import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import { PatchsyncError, type ServerMessage } from '../core/index.js'

/**
 * One authenticated WebSocket to the server. Replies are matched to requests by `request_id`;
 * every other frame (broadcasts) goes to `onBroadcast`. When the socket closes, every waiting
 * request rejects with `not_connected` and `closed` resolves with the reason.
 */
export class Connection {
  readonly closed: Promise<string>
  private readonly waiting = new Map<string, { resolve: (m: ServerMessage) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>()
  private closeReason = ''

  private constructor(
    private readonly socket: WebSocket,
    onBroadcast: (message: ServerMessage) => void,
  ) {
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        const why = this.closeReason || reason.toString() || `socket closed (${code})`
        for (const [, w] of this.waiting) {
          clearTimeout(w.timer)
          w.reject(new PatchsyncError('not_connected', `connection lost: ${why}`))
        }
        this.waiting.clear()
        resolve(why)
      })
    })
    socket.on('error', (error) => {
      this.closeReason ||= error.message
    })
    socket.on('message', (data, isBinary) => {
      if (isBinary) return
      let message: ServerMessage
      try {
        message = JSON.parse(data.toString()) as ServerMessage
      } catch {
        return
      }
      const requestId = 'request_id' in message ? message.request_id : undefined
      const waiter = requestId === undefined ? undefined : this.waiting.get(requestId)
      if (waiter && requestId !== undefined) {
        this.waiting.delete(requestId)
        clearTimeout(waiter.timer)
        waiter.resolve(message)
      } else {
        onBroadcast(message)
      }
    })
  }

  /** Opens the socket and authenticates; rejects with `auth_failed` or `not_connected`. */
  static async open(
    url: string,
    credentials: { userId: string; authToken: string },
    options: { timeoutMs: number; onBroadcast: (message: ServerMessage) => void },
  ): Promise<{ connection: Connection; latestSequence: number }> {
    const socket = new WebSocket(url, { handshakeTimeout: options.timeoutMs })
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', (error) => reject(new PatchsyncError('not_connected', `cannot connect to ${url}: ${error.message}`)))
      socket.once('close', () => reject(new PatchsyncError('not_connected', `cannot connect to ${url}`)))
    })
    const connection = new Connection(socket, options.onBroadcast)
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
    const requestId = typeof frame.request_id === 'string' ? frame.request_id : randomUUID()
    if (this.socket.readyState !== WebSocket.OPEN) return Promise.reject(new PatchsyncError('not_connected', 'not connected'))
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
    if (this.socket.readyState === WebSocket.CONNECTING || this.socket.readyState === WebSocket.OPEN) this.socket.close(1000, reason)
    // Do not wait for a dead peer's closing handshake.
    setTimeout(() => this.socket.terminate(), 1000).unref()
  }
}

/** The PatchsyncError an `error` reply stands for (or `internal_error` for an unexpected reply). */
export function replyError(reply: ServerMessage): PatchsyncError {
  if (reply.type === 'error') return new PatchsyncError(reply.code as never, reply.message, reply.details as Record<string, unknown> | undefined)
  return new PatchsyncError('internal_error', `unexpected reply ${reply.type}`)
}

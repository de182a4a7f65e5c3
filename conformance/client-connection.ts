import WebSocket from 'ws'
import { parseServerMessage } from '../core/messages.js'

/**
 * Which received frames an expectation may take, besides having the right `type`:
 * - `reply`: frames that carry a `request_id` (answers to this connection's own requests, which
 *   §3.4 orders like the requests);
 * - `broadcast`: frames without `request_id` (changes made elsewhere, §9.3, which may arrive
 *   between any two replies);
 * - `any`: every frame of the type.
 */
export type FrameStream = 'reply' | 'broadcast' | 'any'

/**
 * One scenario client: a WebSocket plus the frames it received and has not yet consumed.
 * Frames of every type queue up in arrival order; an expectation takes the first queued frame of
 * the type and stream it names, so unrelated frames (other types, or broadcasts interleaved with
 * replies) never disturb it.
 */
export class ClientConnection {
  readonly #socket: WebSocket
  readonly #inbox: unknown[] = []
  readonly #problems: string[] = []
  #closed = false
  #wake: (() => void) | undefined

  private constructor(socket: WebSocket, checkSchemas: boolean) {
    this.#socket = socket
    socket.on('message', (data, isBinary) => {
      const text = data.toString()
      if (isBinary) this.#problems.push(`server sent a binary frame: ${text.slice(0, 80)}`)
      else {
        let frame: unknown
        try {
          frame = JSON.parse(text)
        } catch {
          this.#problems.push(`server sent a frame that is not JSON: ${text.slice(0, 80)}`)
          return this.#wake?.()
        }
        const invalid = checkSchemas ? schemaViolation(frame) : undefined
        if (invalid !== undefined) this.#problems.push(`server sent a frame that does not match its schema (${invalid}): ${text.slice(0, 300)}`)
        this.#inbox.push(frame)
      }
      this.#wake?.()
    })
    socket.on('close', () => {
      this.#closed = true
      this.#wake?.()
    })
    socket.on('error', () => {
      this.#closed = true
      this.#wake?.()
    })
  }

  /**
   * Opens a connection; rejects with a readable message when the server does not accept it.
   * `checkSchemas`: every frame received must be a valid `server_to_client` message.
   */
  static open(url: string, timeoutMs: number, checkSchemas = true): Promise<ClientConnection> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 64 * 1024 * 1024 })
      const connection = new ClientConnection(socket, checkSchemas)
      socket.once('open', () => resolve(connection))
      socket.once('error', (error) => reject(new Error(`cannot connect to ${url}: ${error.message}`)))
    })
  }

  send(text: string): Promise<void> {
    if (this.#closed || this.#socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error('connection is closed'))
    }
    return new Promise((resolve, reject) => this.#socket.send(text, (error) => (error ? reject(error) : resolve())))
  }

  /** Sends the UTF-8 bytes of `text` as one binary frame. */
  sendBinary(text: string): Promise<void> {
    if (this.#closed || this.#socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error('connection is closed'))
    }
    return new Promise((resolve, reject) => this.#socket.send(Buffer.from(text, 'utf8'), { binary: true }, (error) => (error ? reject(error) : resolve())))
  }

  /**
   * Watches for `waitMs`: resolves with the first received frame of `type` and `stream` that
   * `unwanted` accepts (without taking it), as soon as one is there, or with undefined when none
   * came. Frames received before the call count too.
   */
  async watchFor(type: string, stream: FrameStream, unwanted: (frame: unknown) => boolean, waitMs: number): Promise<unknown> {
    const deadline = Date.now() + waitMs
    for (;;) {
      if (this.#problems.length > 0) throw new Error(this.problem())
      const found = this.#inbox.find((frame) => frameType(frame) === type && inStream(frame, stream) && unwanted(frame))
      if (found !== undefined) return found
      const remaining = deadline - Date.now()
      if (remaining <= 0 || this.#closed) return undefined
      await this.#sleep(remaining)
    }
  }

  /**
   * Removes and returns the first received frame whose `type` is `type` and that belongs to
   * `stream`, waiting up to `timeoutMs`.
   */
  async take(type: string, timeoutMs: number, stream: FrameStream = 'any'): Promise<unknown> {
    const deadline = Date.now() + timeoutMs
    const what = `${type} ${STREAM_NAMES[stream]}`
    for (;;) {
      if (this.#problems.length > 0) throw new Error(this.problem())
      const index = this.#inbox.findIndex((frame) => frameType(frame) === type && inStream(frame, stream))
      if (index >= 0) return this.#inbox.splice(index, 1)[0]
      if (this.#closed) throw new Error(`connection closed before a ${what} arrived${this.#describeInbox()}`)
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error(`no ${what} within ${timeoutMs} ms${this.#describeInbox()}`)
      await this.#sleep(remaining)
    }
  }

  /** Waits until a frame arrives, the connection closes, or `ms` pass. */
  async #sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.#wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.#wake = undefined
  }

  /** The first problem with what the server sent (not JSON, binary, against its schema) not reported yet. */
  problem(): string | undefined {
    return this.#problems.shift()
  }

  /** Frames received but not consumed by any expectation, for failure reports. */
  unconsumed(): unknown[] {
    return [...this.#inbox]
  }

  close(): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve())
      this.#socket.close()
      setTimeout(() => {
        this.#socket.terminate()
        resolve()
      }, 1000).unref()
    })
  }

  #describeInbox(): string {
    if (this.#inbox.length === 0) return ' (nothing else was received)'
    const shown = this.#inbox.slice(0, 5).map((frame) => JSON.stringify(frame).slice(0, 300))
    return `; unconsumed frames: ${shown.join(' | ')}`
  }
}

const STREAM_NAMES: Record<FrameStream, string> = {
  reply: 'reply (a frame with request_id)',
  broadcast: 'broadcast (a frame without request_id)',
  any: 'frame',
}

function inStream(frame: unknown, stream: FrameStream): boolean {
  if (stream === 'any') return true
  const hasRequestId = frame !== null && typeof frame === 'object' && Object.hasOwn(frame, 'request_id')
  return stream === 'reply' ? hasRequestId : !hasRequestId
}

function frameType(frame: unknown): unknown {
  return frame !== null && typeof frame === 'object' ? (frame as { type?: unknown }).type : undefined
}

/**
 * Why a frame the server sent is not a valid `server_to_client` message (an unknown `type`, or a
 * frame its type's schema refuses), or undefined when it is one. Every frame is checked, expected
 * or not: a member a scenario does not name must still be what the schema says.
 */
function schemaViolation(frame: unknown): string | undefined {
  try {
    parseServerMessage(frame)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

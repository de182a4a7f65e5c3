import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { ServerMessage } from '../generated/types.js'

/** One WebSocket connection and what it has proven. */
export class Session {
  userId: string | undefined
  /** Cleared at each heartbeat ping, set again by the pong; still clear at the next ping = dead. */
  alive = true
  /** The reply chain: replies are sent in the order the frames arrived (§3.4). */
  queue: Promise<void> = Promise.resolve()
  /** Frames received and not answered yet. */
  pending = 0
  /** Frames waiting in `queue` that must run after everything before them (not pipelined). */
  serial = 0
  private paused = false
  private corked = false

  constructor(
    readonly id: string,
    private readonly socket: WebSocket,
    /** The peer's IP address, for log lines. */
    readonly address: string | undefined,
  ) {}

  send(message: ServerMessage): void {
    this.sendText(JSON.stringify(message))
  }

  /** Sends an already serialized message (a broadcast is serialized once for every receiver). */
  sendText(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    if (!this.corked) {
      // Frames sent in one turn of the event loop (a group commit answers many at once) leave in
      // one write instead of a system call each. ws keeps its TCP/TLS socket in `_socket`.
      const raw = (this.socket as unknown as { _socket?: Duplex })._socket
      if (raw && typeof raw.cork === 'function') {
        this.corked = true
        raw.cork()
        process.nextTick(() => {
          this.corked = false
          raw.uncork()
        })
      }
    }
    this.socket.send(text)
  }

  /** Stops reading frames (backpressure) until {@link resume}. */
  pause(): void {
    if (this.paused) return
    this.paused = true
    this.socket.pause()
  }

  resume(): void {
    if (!this.paused) return
    this.paused = false
    this.socket.resume()
  }

  /** Bytes sent and not yet written to the network (a slow reader's backlog). */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount
  }

  ping(): void {
    this.socket.ping()
  }

  terminate(): void {
    this.socket.terminate()
  }
}

import type { WebSocket } from 'ws'
import type { ServerMessage } from '../generated/types.js'

/** One WebSocket connection and what it has proven. */
export class Session {
  userId: string | undefined
  /** Cleared at each heartbeat ping, set again by the pong; still clear at the next ping = dead. */
  alive = true
  /** Frames of one connection are handled one after another, so replies keep their order (§3.4). */
  queue: Promise<void> = Promise.resolve()

  constructor(readonly id: string, private readonly socket: WebSocket) {}

  send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message))
  }

  ping(): void {
    this.socket.ping()
  }

  terminate(): void {
    this.socket.terminate()
  }
}

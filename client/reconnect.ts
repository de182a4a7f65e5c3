import { errorInfo, type PatchsyncError, type ServerMessage } from '../core/index.js'
import { Connection, type Credentials, type SocketFactory } from './connection.js'
import { asPatchsyncError } from './operations.js'

/** Exponential backoff with full jitter: a random wait in [min, min(max, min·2^attempt)]. */
export function backoff(attempt: number, range = { minMs: 250, maxMs: 30_000 }): number {
  const ceiling = Math.min(range.maxMs, range.minMs * 2 ** Math.min(attempt, 20))
  return range.minMs + Math.random() * Math.max(0, ceiling - range.minMs)
}

export interface ReconnectHost {
  readonly url: string
  /** The credentials for the next attempt (a token provider is asked again on every attempt). */
  credentials(): Promise<Credentials>
  readonly range: { minMs: number; maxMs: number } | undefined
  readonly timeoutMs: number
  readonly openSocket: SocketFactory
  attempting(attempt: number): void
  /** A connection is up and authenticated; resolves nothing, the loop waits for it to close. */
  connected(connection: Connection, latestSequence: number): void
  /** The connection closed (a reason) or could not be made (an error, and whether retrying goes on). */
  lost(reason: string): void
  failed(error: PatchsyncError, retrying: boolean): void
  broadcast(connection: Connection, message: ServerMessage): void
  invalid(error: PatchsyncError): void
}

/**
 * Keeps one connection up while wanted: connects, and after a loss or a failure waits (backoff
 * with jitter) and connects again. An error retrying cannot fix (a wrong token, say) stops it
 * until `start()` is called again.
 */
export class Reconnector {
  connection: Connection | undefined
  /** The error that stopped reconnecting, until the next `start()`. */
  fatal: PatchsyncError | undefined
  private wanted = false
  private loop: Promise<void> | undefined
  private wake: (() => void) | undefined

  constructor(private readonly host: ReconnectHost) {}

  get online(): boolean {
    return this.connection !== undefined
  }

  start(): void {
    this.wanted = true
    this.fatal = undefined
    this.loop ??= this.run().finally(() => (this.loop = undefined))
    this.wake?.()
  }

  async stop(reason: string): Promise<void> {
    this.wanted = false
    this.connection?.close(reason)
    this.wake?.()
    await this.loop
  }

  private async run(): Promise<void> {
    let attempt = 0
    while (this.wanted) {
      attempt++
      this.host.attempting(attempt)
      try {
        const opened = await Connection.open(this.host.openSocket, this.host.url, await this.host.credentials(), {
          timeoutMs: this.host.timeoutMs,
          // Broadcasts come only after authentication, by which time the connection is set below.
          onBroadcast: (message) => this.connection && this.host.broadcast(this.connection, message),
          onInvalid: (error) => this.host.invalid(error),
        })
        if (!this.wanted) {
          opened.connection.close('disconnect requested')
          break
        }
        this.connection = opened.connection
        attempt = 0
        this.host.connected(opened.connection, opened.latestSequence)
        const reason = await opened.connection.closed
        this.connection = undefined
        this.host.lost(reason)
      } catch (error) {
        this.connection = undefined
        const failure = asPatchsyncError(error)
        // Retrying cannot fix a wrong token or a refused handshake: stay offline until start() is called again.
        const retrying = errorInfo(failure.code).retryable
        if (!retrying) {
          this.wanted = false
          this.fatal = failure
        }
        this.host.failed(failure, retrying)
      }
      if (!this.wanted) break
      await this.sleep(backoff(attempt, this.host.range))
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    }).finally(() => (this.wake = undefined))
  }
}

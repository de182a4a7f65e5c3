import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import { parseServerMessage } from '../../core/index.js'

type Frame = Record<string, unknown> & { type: string }

/**
 * A bare protocol client for tests: send frames, await replies by request id or by type. Every frame
 * it receives is checked against the generated validators (the schemas in `spec/`): a frame that
 * fails fails whatever waits for a frame from then on, and `close`, which the helpers call at
 * teardown.
 */
export class TestClient {
  readonly received: Frame[] = []
  /** Frames that failed their schema, with the reason. */
  private readonly invalid: string[] = []
  private readonly waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void; reject: (e: Error) => void }> = []
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString()
      let frame: Frame
      try {
        frame = parseServerMessage(JSON.parse(text)) as unknown as Frame
      } catch (error) {
        this.invalid.push(`${(error as Error).message}: ${text.slice(0, 500)}`)
        for (const waiter of this.waiters.splice(0)) waiter.reject(this.schemaError())
        return
      }
      const i = this.waiters.findIndex((w) => w.match(frame))
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(frame)
      else this.received.push(frame)
    })
  }

  static async connect(url: string, options?: WebSocket.ClientOptions): Promise<TestClient> {
    const socket = new WebSocket(url, options)
    // Listening from the start: a frame may arrive in the same read as the handshake's answer.
    const client = new TestClient(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    return client
  }

  /** Connects and authenticates as a user (a fresh one unless given). */
  static async login(
    url: string,
    userId: string = randomUUID(),
    token = `token-${userId}`,
    options?: WebSocket.ClientOptions,
  ): Promise<TestClient & { userId: string }> {
    const client = await TestClient.connect(url, options)
    const reply = await client.request({ type: 'authenticate', user_id: userId, auth_token: token })
    if (reply.type !== 'auth_success') throw new Error(`login failed: ${JSON.stringify(reply)}`)
    return Object.assign(client, { userId })
  }

  send(frame: object | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  /** Sends with a fresh request_id and resolves with the reply that echoes it. */
  request(frame: Frame, timeoutMs = 5000): Promise<Frame> {
    const requestId = randomUUID()
    const reply = this.next((f) => f.request_id === requestId, timeoutMs)
    this.send({ ...frame, request_id: requestId })
    return reply
  }

  /** The next frame that matches (already received, or arriving within the timeout). */
  next(match: string | ((f: Frame) => boolean), timeoutMs = 5000): Promise<Frame> {
    if (this.invalid.length > 0) return Promise.reject(this.schemaError())
    const test = typeof match === 'string' ? (f: Frame) => f.type === match : match
    const i = this.received.findIndex(test)
    if (i >= 0) return Promise.resolve(this.received.splice(i, 1)[0]!)
    return new Promise((resolve, reject) => {
      const waiter = {
        match: test,
        resolve: (f: Frame) => {
          clearTimeout(timer)
          resolve(f)
        },
        reject: (e: Error) => {
          clearTimeout(timer)
          reject(e)
        },
      }
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        reject(new Error(`no frame matching ${typeof match === 'string' ? match : 'predicate'} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiters.push(waiter)
    })
  }

  /** Closes the connection; rejects if any frame received failed its schema. */
  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        this.socket.once('close', () => resolve())
        this.socket.close()
      })
    }
    if (this.invalid.length > 0) throw this.schemaError()
  }

  private schemaError(): Error {
    return new Error(`the server sent ${this.invalid.length} frame(s) that fail their schema:\n${this.invalid.join('\n')}`)
  }
}

/** The close code the client's connection gets, or 'still open' after `budgetMs`. */
export function closeCode(client: TestClient, budgetMs = 10_000): Promise<number | 'still open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still open'), budgetMs)
    client.socket.once('close', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

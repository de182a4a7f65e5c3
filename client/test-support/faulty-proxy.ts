import { WebSocket, WebSocketServer } from 'ws'

type Frame = Record<string, unknown> & { type?: string }

/**
 * A WebSocket proxy between a client and the real server that can lose things on purpose:
 * swallow the server's replies, or cut the connection right after a chosen client frame has been
 * passed on (so the server commits it but the reply never arrives).
 */
export class FaultyProxy {
  /** Server → client frames for which this returns true are dropped (the client still talks to the server). */
  dropServerFrames: (frame: Frame) => boolean = () => false
  /** Every frame a client sent, in order (to count how often an op was sent). */
  readonly clientFrames: Frame[] = []
  private cutAfter: ((frame: Frame) => boolean) | undefined
  private readonly pairs = new Set<{ client: WebSocket; upstream: WebSocket; cutOnReplyTo: string | undefined }>()

  private constructor(
    private readonly server: WebSocketServer,
    private readonly upstreamUrl: string,
  ) {
    server.on('connection', (client) => this.bridge(client))
  }

  static async start(upstreamUrl: string): Promise<FaultyProxy> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    return new FaultyProxy(server, upstreamUrl)
  }

  get url(): string {
    const address = this.server.address() as { port: number }
    return `ws://127.0.0.1:${address.port}/ws`
  }

  /**
   * The next client frame matching `match` is forwarded; when the server's reply to it arrives,
   * the reply is thrown away and both sockets are cut: the server has committed, the client never
   * hears of it.
   */
  cutAfterNext(match: (frame: Frame) => boolean): Promise<Frame> {
    return new Promise((resolve) => {
      this.cutAfter = (frame) => {
        if (!match(frame)) return false
        this.cutAfter = undefined
        resolve(frame)
        return true
      }
    })
  }

  /** Cuts every open connection. */
  cutAll(): void {
    for (const { client, upstream } of this.pairs) {
      client.terminate()
      upstream.terminate()
    }
  }

  async close(): Promise<void> {
    this.cutAll()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private bridge(client: WebSocket): void {
    const upstream = new WebSocket(this.upstreamUrl)
    const pair = { client, upstream, cutOnReplyTo: undefined as string | undefined }
    this.pairs.add(pair)
    const early: string[] = []
    const cut = () => {
      this.pairs.delete(pair)
      client.terminate()
      upstream.terminate()
    }
    upstream.on('open', () => early.splice(0).forEach((text) => upstream.send(text)))
    client.on('message', (data) => {
      const text = data.toString()
      const frame = JSON.parse(text) as Frame
      this.clientFrames.push(frame)
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text)
      else early.push(text)
      if (this.cutAfter?.(frame)) pair.cutOnReplyTo = String(frame.request_id)
    })
    upstream.on('message', (data) => {
      const text = data.toString()
      const frame = JSON.parse(text) as Frame
      if (pair.cutOnReplyTo !== undefined && frame.request_id === pair.cutOnReplyTo) return cut()
      if (!this.dropServerFrames(frame) && client.readyState === WebSocket.OPEN) client.send(text)
    })
    client.on('close', cut)
    upstream.on('close', cut)
    client.on('error', cut)
    upstream.on('error', cut)
  }
}

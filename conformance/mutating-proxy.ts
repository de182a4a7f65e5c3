import { WebSocket, WebSocketServer } from 'ws'

/** Rewrites one server → client frame (parsed JSON); return the frame to deliver. */
export type FrameMutation = (frame: Record<string, unknown>) => Record<string, unknown>

export interface MutatingProxy {
  /** ws:// URL clients connect to instead of the real server. */
  url: string
  close(): Promise<void>
}

/**
 * A WebSocket proxy in front of a real server that passes client frames through untouched and
 * rewrites every server frame with `mutate` — a deliberately broken server, used to prove the
 * conformance scenarios notice protocol violations.
 */
export async function startMutatingProxy(upstreamUrl: string, mutate: FrameMutation): Promise<MutatingProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 * 1024 * 1024 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  server.on('connection', (client) => {
    const upstream = new WebSocket(upstreamUrl, { maxPayload: 64 * 1024 * 1024 })
    const pending: string[] = []
    client.on('message', (data) => {
      const text = data.toString()
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text)
      else pending.push(text)
    })
    upstream.on('open', () => {
      for (const text of pending.splice(0)) upstream.send(text)
    })
    upstream.on('message', (data) => {
      const text = data.toString()
      let out: string
      try {
        out = JSON.stringify(mutate(JSON.parse(text) as Record<string, unknown>))
      } catch {
        out = text
      }
      if (client.readyState === WebSocket.OPEN) client.send(out)
    })
    upstream.on('close', () => client.close())
    upstream.on('error', () => client.terminate())
    client.on('close', () => upstream.close())
    client.on('error', () => upstream.terminate())
  })
  const { port } = server.address() as { port: number }
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}

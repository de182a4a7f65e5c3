import { STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Metrics } from './metrics.js'
import type { Store } from './storage/store.js'

/** The path of a request's URL. */
export function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname
}

/**
 * Plain HTTP on the server's own port: `GET /healthz` answers when the database does (and can
 * still make commits durable), `GET /metrics` the counters in Prometheus format, the `extra`
 * routes (the inspector page's), anything else 404.
 */
export function httpRoutes(store: Store, metrics: Metrics, extra: Record<string, (res: ServerResponse) => Promise<void> | void> = {}): RequestListener {
  const routes: Record<string, (res: ServerResponse) => Promise<void> | void> = {
    ...extra,
    '/healthz': async (res) => {
      try {
        await store.ping()
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
      } catch (error) {
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', error: String(error) }))
      }
    },
    '/metrics': async (res) => {
      res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.render())
    },
  }
  return (req, res) => {
    const path = pathOf(req)
    void (Object.hasOwn(routes, path) ? routes[path]! : notFound)(res)
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
}

/** Where WebSocket upgrades go, and whether they are taken now. */
export interface UpgradeTarget {
  /** The WebSocket path. */
  readonly path: string
  /** False once the server is closing. */
  readonly running: boolean
  /** Completes the handshake. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void
}

/** Upgrades on the server's own HTTP server: all are its, so one on another path, or while it closes, is refused. */
export function ownUpgrades(target: UpgradeTarget): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    if (pathOf(req) !== target.path || !target.running) abortHandshake(socket, 404)
    else target.accept(req, socket, head)
  }
}

/** Upgrades on an attached HTTP server: those on other paths belong to its other listeners. */
export function attachedUpgrades(target: UpgradeTarget): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const own = ownUpgrades(target)
  return (req, socket, head) => {
    if (pathOf(req) === target.path) own(req, socket, head)
  }
}

/**
 * Refuses an upgrade before the handshake, with an HTTP status and a text body (ws's
 * `abortHandshake`): no WebSocket exists, and the socket is closed once the answer is written.
 */
export function abortHandshake(socket: Duplex, status: 401 | 404 | 429 | 503, message: string = STATUS_CODES[status]!): void {
  const body = Buffer.from(`${message}\n`)
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, 'Connection: close', 'Content-Type: text/plain; charset=utf-8', `Content-Length: ${body.length}`]
  socket.once('finish', () => socket.destroy())
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]))
}

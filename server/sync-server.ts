import { randomUUID } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { ClientMessage, ServerMessage } from '../generated/types.js'
import { PatchsyncError, eventMessage, sharedMessage, type Limits } from '../core/index.js'
import { decodeFrame } from './decode-frame.js'
import { silentLog, type ActivityLog } from './activity-log.js'
import type { HashOptions } from './auth.js'
import { HANDLERS, clientOpIdOf, isMutation, type Handler, type HandlerContext } from './handlers/index.js'
import { Metrics } from './metrics.js'
import { RateLimiter } from './rate-limit.js'
import { Session } from './session.js'
import { Store, type ChangeEventRow, type DocumentRow, type Grant } from './storage/store.js'
import { WritePath } from './write-path/write-path.js'

export interface SyncServerOptions {
  /** A database URL (`sqlite:<path>`, `sqlite::memory:`, or another backend's, see `storage/dialects.ts`); ignored when `store` is given. */
  databaseUrl?: string
  /** An open store to use instead (the server then does not close it). */
  store?: Store
  /** Register unknown users with the token they present (the seed's behaviour). Default true. */
  autoRegister?: boolean
  /** WebSocket path. Default `/ws`. */
  path?: string
  /** Largest frame accepted, in bytes; larger frames get `frame_too_large`. Default 1 MiB. */
  maxPayload?: number
  /** Patch and document limits (§10). */
  limits?: Partial<Limits>
  /** Per-user token bucket; `perSecond: 0` turns it off. Default 200/s, burst 400. */
  rateLimit?: { perSecond: number; burst: number }
  /** Ping interval; a connection that misses one pong is terminated. Default 30 s; 0 turns it off. */
  heartbeatMs?: number
  /** Argon2id parameters for new token hashes. */
  hashOptions?: HashOptions
  /** Where activity is reported (see `monitoringLog`, `jsonLog`). Default silent. */
  log?: ActivityLog
  /** Serve wss:// directly with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Documents kept in memory for the write path. */
  cacheSize?: number
}

/** A running patchsync server; see {@link createSyncServer}. */
export interface SyncServer {
  /** Listens on its own HTTP(S) server. Port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ port: number }>
  /**
   * Serves WebSocket upgrades on `path` of an existing HTTP(S) server instead (ws `noServer` style);
   * upgrades on other paths, and plain requests, are left to the server's other listeners. `close`
   * detaches but leaves that server running.
   */
  attach(server: HttpServer): Promise<void>
  /** `ws://host:port/ws` once listening. */
  readonly url: string
  readonly store: Store
  readonly metrics: Metrics
  /** Waits for queued commits, closes every connection, then the database. */
  close(): Promise<void>
}

/** A connection with this many frames not yet answered stops being read until it is down to the second. */
const MAX_PENDING_FRAMES = 4096
const RESUME_PENDING_FRAMES = 1024

/** Creates a patchsync server. Nothing is opened until `listen` or `attach`. */
export function createSyncServer(options: SyncServerOptions = {}): SyncServer {
  const store = options.store ?? Store.open(options.databaseUrl ?? 'sqlite:./data/patchsync.db')
  const ownsStore = options.store === undefined
  const log = options.log ?? silentLog
  const path = options.path ?? '/ws'
  const maxPayload = options.maxPayload ?? 1024 * 1024
  const metrics = new Metrics()
  metrics.measureSendBuffer(() => {
    let bytes = 0
    for (const session of sessions) bytes += session.bufferedAmount
    return bytes
  })
  const limiter = new RateLimiter(options.rateLimit?.perSecond ?? 200, options.rateLimit?.burst ?? 400)
  /**
   * This instance's commits whose announcement has not come back yet (only where the database
   * announces commits: elsewhere nothing comes back, and remembering every sequence would grow
   * without end).
   */
  const ownSequences = new Set<number>()
  const notified = store.announcesCommits
  /** Deliveries of other instances' changes still reading the store; close waits for them. */
  const deliveries = new Set<Promise<void>>()
  const sessionsByUser = new Map<string, Set<Session>>()
  const sessions = new Set<Session>()
  const documents: WritePath = new WritePath(store, {
    limits: options.limits,
    cacheSize: options.cacheSize,
    audience: {
      changes: (events, docs, grants, origin) => fanOut(events, docs, grants, origin as Session | undefined),
      shared: (documentId, userId, role) => sendToUser(userId, sharedMessage(documentId, userId, role)),
    },
    beforeCommit: (events) => {
      if (notified) for (const e of events) ownSequences.add(e.sequence)
    },
    onCommit: ({ events, milliseconds }) => {
      metrics.commit(milliseconds / 1000)
      metrics.updated(events.length)
      for (const e of events) {
        if (e.conflict) {
          metrics.conflict()
          log.conflict(e.documentId, e.userId)
        }
        if (e.eventType === 'update') log.patchApplied(e.documentId, e.forwardPatch)
      }
    },
  })
  // Frames up to twice the limit are read so they can be answered with frame_too_large; beyond
  // that ws closes the connection (1009), as reading them would cost the memory the limit protects.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayload * 2 + 1024 })
  let httpServer: HttpServer | undefined
  let url = ''
  let started: Promise<void> | undefined
  let stopListening: (() => Promise<void>) | undefined
  let heartbeat: NodeJS.Timeout | undefined
  let closing = false

  const send = (session: Session, message: ServerMessage): void => {
    log.sent(session, message.type)
    session.send(message)
  }

  /** Every connection of a user on this instance. */
  const sendToUser = (userId: string, message: ServerMessage): void => {
    for (const target of sessionsByUser.get(userId) ?? []) send(target, message)
  }

  const readers = (document: DocumentRow, grants: ReadonlyMap<string, unknown>): Set<string> => new Set([document.ownerId, ...grants.keys()])

  /**
   * Sends each event to every session, except `except`, whose user may read its document. The
   * grants come from the write path's cache when the document is there (it is right after its own
   * commit), so a broadcast costs no query and broadcasts leave in the order the commits resolved.
   */
  const fanOut = (events: ChangeEventRow[], docs: DocumentRow[], grants: ReadonlyArray<ReadonlyMap<string, Grant>>, except?: Session) => {
    for (const [i, e] of events.entries()) {
      const document = docs[i]!
      const allowed = readers(document, grants[i]!)
      const message = eventMessage(e, document)
      let text: string | undefined
      for (const userId of allowed) {
        for (const session of sessionsByUser.get(userId) ?? []) {
          if (session === except) continue
          log.sent(session, message.type)
          session.sendText((text ??= JSON.stringify(message)))
        }
      }
    }
  }

  /** One handler context per connection, made at its first request. */
  const contexts = new WeakMap<Session, HandlerContext>()
  const context = (session: Session): HandlerContext => {
    let ctx = contexts.get(session)
    if (!ctx) contexts.set(session, (ctx = newContext(session)))
    return ctx
  }
  const newContext = (session: Session): HandlerContext => ({
    connection: {
      get userId() {
        return session.userId
      },
      authenticate: (userId) => {
        session.userId = userId
        const set = sessionsByUser.get(userId) ?? new Set()
        set.add(session)
        sessionsByUser.set(userId, set)
        metrics.connectionAuthenticated()
        log.authenticated(session)
      },
    },
    get userId() {
      return session.userId!
    },
    store,
    writes: documents,
    autoRegister: options.autoRegister ?? true,
    hashOptions: options.hashOptions ?? {},
  })

  /** The `error` reply for a failure (sent by the caller, in reply order). */
  const errorReply = (session: Session, error: unknown, requestId?: string): ServerMessage => {
    const known = error instanceof PatchsyncError
    const code = known ? error.code : closing ? 'server_shutting_down' : 'internal_error'
    const message = known ? error.message : closing ? 'the server is closing' : 'internal error'
    if (!known && !closing) log.fault('internal error', { error: String((error as Error)?.stack ?? error) })
    metrics.error(code)
    log.refused(session, code, message)
    return {
      type: 'error',
      code: code as never,
      message,
      ...(requestId !== undefined ? { request_id: requestId } : {}),
      ...(known && error.details ? { details: error.details } : {}),
    }
  }

  /** Runs one request and resolves with its reply. A mutation is queued for commit before this returns. */
  const dispatch = async (session: Session, message: ClientMessage): Promise<ServerMessage> => {
    metrics.message(message.type)
    log.received(session, message.type)
    const requestId = message.request_id
    const wait = limiter.take(session.userId ?? `connection:${session.id}`)
    if (wait > 0) return errorReply(session, new PatchsyncError('rate_limited', 'too many requests', { retry_after_ms: wait }), requestId)
    if (session.userId === undefined && message.type !== 'authenticate') {
      return errorReply(session, new PatchsyncError('unauthenticated', 'authenticate first'), requestId)
    }
    if (closing) return errorReply(session, new PatchsyncError('server_shutting_down', 'the server is closing'), requestId)
    try {
      const handler = HANDLERS[message.type] as Handler<ClientMessage>
      const reply = isMutation(handler)
        ? handler.reply(await documents.submit(session.userId!, clientOpIdOf(message), handler.mutation(message), session), message)
        : await handler.run(context(session), message)
      return requestId === undefined ? reply : { ...reply, request_id: requestId }
    } catch (error) {
      return errorReply(session, error, requestId)
    }
  }

  /**
   * §3.4 with pipelining. Every reply is sent through the connection's reply chain, so replies
   * keep the order of the frames. A mutation that goes through the write queue (create, update,
   * rename, delete, undo, redo) is submitted as soon as it arrives when nothing else of the
   * connection is waiting: the write queue is first in, first out, so it still applies in arrival
   * order, and a client that pipelines updates fills a group commit on its own. Anything else
   * (authenticate, reads, share) waits for everything before it, and everything after it waits
   * for it, so a read sees the connection's earlier writes and no later ones.
   */
  const receive = (session: Session, data: RawData, isBinary: boolean) => {
    const decoded = decodeFrame(data, isBinary, maxPayload, options.limits?.maxDepth)
    session.pending++
    if (session.pending >= MAX_PENDING_FRAMES) session.pause()
    const deliver = (reply: ServerMessage) => {
      send(session, reply)
      if (--session.pending <= RESUME_PENDING_FRAMES) session.resume()
    }
    const lost = (error: unknown) => {
      session.pending--
      log.fault('could not answer a frame', { error: String(error) })
    }
    if ('message' in decoded && isMutation(HANDLERS[decoded.message.type] as Handler<ClientMessage>) && session.serial === 0 && session.userId !== undefined && !closing) {
      const reply = dispatch(session, decoded.message)
      session.queue = session.queue.then(() => reply).then(deliver).catch(lost)
      return
    }
    session.serial++
    session.queue = session.queue
      .then(() => ('message' in decoded ? dispatch(session, decoded.message) : errorReply(session, decoded.error, decoded.requestId)))
      .then(deliver)
      .catch(lost)
      .finally(() => session.serial--)
  }

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const session = new Session(randomUUID(), socket, req.socket.remoteAddress)
    sessions.add(session)
    metrics.connectionOpened()
    log.connected(session)
    socket.on('pong', () => {
      session.alive = true
    })
    socket.on('message', (data, isBinary) => receive(session, data, isBinary))
    socket.on('close', () => {
      sessions.delete(session)
      metrics.connectionClosed(session.userId !== undefined)
      limiter.forget(`connection:${session.id}`)
      const mine = session.userId === undefined ? undefined : sessionsByUser.get(session.userId)
      if (mine?.delete(session) && mine.size === 0) sessionsByUser.delete(session.userId!)
      log.disconnected(session)
    })
    socket.on('error', () => socket.terminate())
  })

  const onHttpRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    if (pathname === '/healthz') {
      try {
        await store.ping()
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
      } catch (error) {
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', error: String(error) }))
      }
    } else if (pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.render())
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
    }
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== path || closing) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  }

  /** On a server it does not own, the other paths' upgrades belong to their own listeners. */
  const onAttachedUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === path) onUpgrade(req, socket, head)
  }
  const attached = new Set<HttpServer>()

  /** Changes committed by other instances on the same database reach this instance's clients. */
  const onCommitted = async (sequences: number[]) => {
    const foreign = sequences.filter((s) => !ownSequences.delete(s))
    if (foreign.length === 0) return
    const events = await store.eventsBySequence(foreign)
    const docs: DocumentRow[] = []
    const grants: Array<ReadonlyMap<string, Grant>> = []
    for (const e of events) {
      documents.invalidate(e.documentId)
      docs.push((await store.getDocument(e.documentId))!)
      grants.push(await documents.grantsOf(e.documentId))
    }
    fanOut(events, docs, grants)
  }

  const start = () => {
    started ??= (async () => {
      await store.migrate()
      stopListening = await store.subscribe(
        (sequences) => {
          if (closing) return
          const delivery = onCommitted(sequences)
            .catch((error) => log.fault('could not deliver changes from another instance', { error: String(error) }))
            .finally(() => deliveries.delete(delivery))
          deliveries.add(delivery)
        },
        (change) => {
          // Another instance shared or revoked: the cached grants (write checks, broadcasts) are
          // stale, and the grantee's connections here learn of it as those there did (§9.4).
          documents.invalidate(change.documentId)
          if (change.own || closing || change.userId === '') return
          sendToUser(change.userId, sharedMessage(change.documentId, change.userId, change.role))
        },
      )
      const interval = options.heartbeatMs ?? 30_000
      if (interval > 0) {
        heartbeat = setInterval(() => {
          for (const session of sessions) {
            if (!session.alive) {
              session.terminate()
              continue
            }
            session.alive = false
            session.ping()
          }
        }, interval)
        heartbeat.unref()
      }
    })()
    return started
  }

  return {
    get url() {
      return url
    },
    store,
    metrics,
    async listen(port = 8080, host = '0.0.0.0') {
      await start()
      httpServer = options.tls ? createHttpsServer(options.tls, onHttpRequest) : createHttpServer(onHttpRequest)
      httpServer.on('upgrade', onUpgrade)
      await new Promise<void>((resolve, reject) => {
        httpServer!.once('error', reject)
        httpServer!.listen(port, host, () => resolve())
      })
      const address = httpServer.address() as AddressInfo
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host
      url = `${options.tls ? 'wss' : 'ws'}://${shownHost}:${address.port}${path}`
      return { port: address.port }
    },
    async attach(server: HttpServer) {
      await start()
      if (attached.has(server)) return
      attached.add(server)
      server.on('upgrade', onAttachedUpgrade)
    },
    async close() {
      closing = true
      if (heartbeat) clearInterval(heartbeat)
      await documents.idle()
      await Promise.all([...sessions].map((s) => s.queue))
      for (const client of wss.clients) client.close(1001, 'server closing')
      for (const client of wss.clients) client.terminate()
      wss.close()
      if (httpServer) await new Promise<void>((resolve) => httpServer!.close(() => resolve()))
      for (const server of attached) server.off('upgrade', onAttachedUpgrade)
      attached.clear()
      await stopListening?.()
      await Promise.all(deliveries)
      if (ownsStore) await store.close()
    },
  }
}

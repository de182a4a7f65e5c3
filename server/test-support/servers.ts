import type WebSocket from 'ws'
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../sync-server.js'
import { createTestDatabase, type DialectName } from './databases.js'
import type { Teardown } from './teardown.js'
import { TestClient } from './ws-client.js'

/** Argon2 parameters that keep logins fast in tests. */
export const CHEAP_HASH = { memoryCost: 1024, timeCost: 1 }

/** A listening server, with ways to connect to it whose clients close at teardown. */
export type TestServer = SyncServer & {
  /** A connected client (not authenticated). */
  connect(options?: WebSocket.ClientOptions): Promise<TestClient>
  /** A connected client authenticated as a user: a fresh one unless given, with token `token-<user>` unless given. */
  login(userId?: string, token?: string, options?: WebSocket.ClientOptions): Promise<TestClient & { userId: string }>
}

/**
 * The one way tests start a server: listening on 127.0.0.1 on a fresh database of the dialect (no
 * heartbeat, no rate limit, no per-address limits, cheap hashing unless `options` say otherwise). At teardown the clients
 * made through it close (failing the test if the server sent any of them a frame that breaks its
 * schema), then the server, then the database is dropped.
 */
export async function startTestServer<Verified = unknown>(t: Teardown, dialect: DialectName, options: SyncServerOptions<Verified> = {}): Promise<TestServer> {
  return (await startTestServers(t, dialect, 1, options))[0]!
}

/** A tuple of N test servers. */
type Instances<N extends number, Made extends TestServer[] = []> = Made['length'] extends N ? Made : Instances<N, [...Made, TestServer]>

/** {@link startTestServer}, `count` instances on one database (several instances share a PostgreSQL database). */
export async function startTestServers<N extends number, Verified = unknown>(
  t: Teardown,
  dialect: DialectName,
  count: N,
  options: SyncServerOptions<Verified> = {},
): Promise<Instances<N>> {
  const { url: databaseUrl, drop } = await createTestDatabase(dialect)
  const clients: TestClient[] = []
  const servers: TestServer[] = []
  t.teardown(async () => {
    const closed = await Promise.allSettled(clients.map((c) => c.close()))
    for (const server of servers) await server.close()
    await drop()
    for (const result of closed) if (result.status === 'rejected') throw result.reason
  })
  const track = <C extends TestClient>(client: C): C => {
    clients.push(client)
    return client
  }
  for (let i = 0; i < count; i++) {
    // Every test client comes from 127.0.0.1: per-address limits are off unless a test sets them.
    const server = createSyncServer({
      databaseUrl,
      hashOptions: CHEAP_HASH,
      heartbeatMs: 0,
      rateLimit: { perSecond: 0, burst: 1 },
      addressLimit: { connections: 0, perSecond: 0, burst: 1 },
      ...options,
    })
    servers.push(
      Object.assign(server, {
        connect: async (clientOptions?: WebSocket.ClientOptions) => track(await TestClient.connect(server.url, clientOptions)),
        login: async (userId?: string, token?: string, clientOptions?: WebSocket.ClientOptions) =>
          track(await TestClient.login(server.url, userId, token, clientOptions)),
      }),
    )
    await server.listen(0, '127.0.0.1')
  }
  return servers as Instances<N>
}

/** One sample of a server's /metrics (a series with its labels: `patchsync_connections{state="authenticated"}`); NaN when absent. */
export const metric = async (server: { metrics: { render(): Promise<string> } }, name: string) =>
  Number(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(await server.metrics.render())?.[1])

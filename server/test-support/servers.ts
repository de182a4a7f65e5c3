import { createSyncServer, type SyncServer, type SyncServerOptions } from '../sync-server.js'
import type { DialectName } from './databases.js'
import { createTestDatabase } from './databases.js'

/** Argon2 parameters that keep logins fast in tests. */
export const CHEAP_HASH = { memoryCost: 1024, timeCost: 1 }

interface Teardown {
  teardown(fn: () => unknown): void
}

/**
 * A listening server on a fresh database of the dialect (no heartbeat, no rate limit, cheap
 * hashing unless `options` say otherwise). At teardown the tracked clients close, then the server,
 * then the database is dropped.
 */
export async function startTestServer(
  t: Teardown,
  dialect: DialectName,
  options: SyncServerOptions = {},
): Promise<{ server: SyncServer; track: <C extends { close(): unknown }>(client: C) => C }> {
  const { url: databaseUrl, drop } = await createTestDatabase(dialect)
  const server = createSyncServer({ databaseUrl, hashOptions: CHEAP_HASH, heartbeatMs: 0, rateLimit: { perSecond: 0, burst: 1 }, ...options })
  await server.listen(0, '127.0.0.1')
  const clients: Array<{ close(): unknown }> = []
  t.teardown(async () => {
    await Promise.all(clients.map((c) => c.close()))
    await server.close()
    await drop()
  })
  return {
    server,
    track: (client) => {
      clients.push(client)
      return client
    },
  }
}

import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Teardown } from '../../server/test-support/teardown.js'
import { SyncClient, type NodeSyncClientOptions } from '../node.js'

/** A directory for client databases, removed at teardown. */
export function tempDir(t: Teardown): string {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-client-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** An opened client with its own database file (unless given), closed at teardown. */
export async function openTestClient(
  t: Teardown,
  serverUrl: string,
  options: Partial<NodeSyncClientOptions> & { dir?: string } = {},
): Promise<SyncClient> {
  const userId = options.userId ?? randomUUID()
  const client = new SyncClient({
    databasePath: options.databasePath ?? join(options.dir ?? tempDir(t), `${randomUUID()}.db`),
    serverUrl,
    userId,
    authToken: options.authToken ?? `token-${userId}`,
    reconnect: options.reconnect ?? { minMs: 20, maxMs: 200 },
    ...(options.clientId ? { clientId: options.clientId } : {}),
  })
  await client.open()
  t.teardown(() => client.close())
  return client
}

/** Resolves with the first event of that kind matching `match`, or rejects after `ms`. */
export function nextEvent<K extends Parameters<SyncClient['once']>[0]>(
  client: SyncClient,
  kind: K,
  match: (payload: any) => boolean = () => true,
  ms = 5000,
): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(kind, listener as never)
      reject(new Error(`no ${String(kind)} event within ${ms} ms`))
    }, ms)
    const listener = (payload: unknown) => {
      if (!match(payload)) return
      clearTimeout(timer)
      client.off(kind, listener as never)
      resolve(payload)
    }
    client.on(kind, listener as never)
  })
}

import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Teardown } from '../../server/test-support/teardown.js'
import { indexedDB as fakeIndexedDB } from 'fake-indexeddb'
import { openIndexedDbStorage } from '../indexeddb-storage.js'
import { openNodeSocket, SyncClient as NodeSyncClient, type NodeSyncClientOptions } from '../node.js'
import { SyncClient } from '../sync-client.js'
import { aloneGroup } from '../tabs.js'

/**
 * The storage engines the client suite runs on in Node: SQLite (better-sqlite3), and IndexedDB
 * as browsers have it, through fake-indexeddb (an in-memory implementation of the IndexedDB API:
 * it checks the engine's transactions and queries, not durability, which the browser tests check
 * in Chromium).
 */
export const TEST_ENGINES = ['sqlite', 'indexeddb'] as const
export type Engine = (typeof TEST_ENGINES)[number]

/** A directory for client databases, removed at teardown. */
export function tempDir(t: Teardown): string {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-client-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/**
 * An opened client with its own database (unless given), closed at teardown. On the `indexeddb`
 * engine, `databasePath` names the IndexedDB database.
 */
export async function openTestClient(
  t: Teardown,
  serverUrl: string,
  options: Partial<NodeSyncClientOptions> & { dir?: string; engine?: Engine } = {},
): Promise<SyncClient> {
  const userId = options.userId ?? randomUUID()
  const databasePath = options.databasePath ?? join(options.dir ?? tempDir(t), `${randomUUID()}.db`)
  const clientOptions = {
    databasePath,
    serverUrl,
    userId,
    authToken: options.authToken ?? `token-${userId}`,
    reconnect: options.reconnect ?? { minMs: 20, maxMs: 200 },
    ...(options.clientId ? { clientId: options.clientId } : {}),
  }
  const client =
    options.engine === 'indexeddb'
      ? new SyncClient(clientOptions, {
          storageName: databasePath,
          openStorage: () => openIndexedDbStorage(databasePath, fakeIndexedDB),
          openSocket: openNodeSocket,
          tabs: aloneGroup,
        })
      : new NodeSyncClient(clientOptions)
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

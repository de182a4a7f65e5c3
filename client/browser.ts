/**
 * patchsync/client in browsers (the `browser` export condition): the same SyncClient, over
 * IndexedDB and the browser's own WebSocket, sharing its storage and outbox with the other tabs
 * of the origin that open the same database.
 */
import { openIndexedDbStorage } from './indexeddb-storage.js'
import { SyncClient as PlatformClient, type SyncClientOptions } from './sync-client.js'
import { browserTabGroup } from './tabs.js'

export interface BrowserSyncClientOptions extends SyncClientOptions {
  /** The IndexedDB database (default `patchsync-<userId>`); tabs that open the same one share documents and outbox. */
  databaseName?: string
}

/** The client in browsers: IndexedDB for storage, `WebSocket` for the socket, Web Locks and BroadcastChannel between tabs. */
export class SyncClient extends PlatformClient {
  declare readonly options: BrowserSyncClientOptions

  constructor(options: BrowserSyncClientOptions) {
    const name = options.databaseName ?? `patchsync-${String(options.userId).toLowerCase()}`
    super(options, {
      storageName: `IndexedDB database ${name}`,
      openStorage: () => openIndexedDbStorage(name),
      openSocket: (url) => new WebSocket(url),
      tabs: () => browserTabGroup(name),
    })
  }
}

export * from './shared-exports.js'
export { openIndexedDbStorage, IndexedDbStorage } from './indexeddb-storage.js'

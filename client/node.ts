import WebSocket from 'ws'
import type { SocketLike } from './connection.js'
import { openSqliteStorage } from './sqlite-storage.js'
import { SyncClient as PlatformClient, type SyncClientOptions } from './sync-client.js'
import { aloneGroup } from './tabs.js'

export interface NodeSyncClientOptions extends SyncClientOptions {
  /** The client's SQLite file (`:memory:` keeps nothing across restarts). */
  databasePath: string
}

/** The client in Node: SQLite (better-sqlite3) for storage, `ws` for the socket. */
export class SyncClient extends PlatformClient {
  declare readonly options: NodeSyncClientOptions

  constructor(options: NodeSyncClientOptions) {
    super(options, {
      storageName: options.databasePath,
      openStorage: () => openSqliteStorage(options.databasePath),
      openSocket: (url, timeoutMs) => new WebSocket(url, { handshakeTimeout: timeoutMs }) as unknown as SocketLike,
      tabs: aloneGroup,
    })
  }
}

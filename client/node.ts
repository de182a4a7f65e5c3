import WebSocket from 'ws'
import type { SocketLike } from './connection.js'
import { openSqliteStorage } from './sqlite-storage.js'
import { SyncClient as PlatformClient, type SyncClientOptions } from './sync-client.js'
import { aloneGroup } from './tabs.js'

export interface NodeSyncClientOptions extends SyncClientOptions {
  /** The client's SQLite file (`:memory:` keeps nothing across restarts). */
  databasePath: string
}

/** A `ws` socket that remembers the HTTP status of a refused handshake (PROTOCOL.md §1.6). */
export function openNodeSocket(url: string, timeoutMs: number): SocketLike {
  const socket = new WebSocket(url, { handshakeTimeout: timeoutMs }) as WebSocket & { refusedWithStatus?: number }
  socket.on('unexpected-response', (_request, response) => {
    socket.refusedWithStatus = response.statusCode
    response.resume()
    // With this listener ws leaves the failed handshake to us: end it, which reports error and close.
    socket.terminate()
  })
  return socket as unknown as SocketLike
}

/** The client in Node: SQLite (better-sqlite3) for storage, `ws` for the socket. */
export class SyncClient extends PlatformClient {
  declare readonly options: NodeSyncClientOptions

  constructor(options: NodeSyncClientOptions) {
    super(options, {
      storageName: options.databasePath,
      openStorage: () => openSqliteStorage(options.databasePath),
      openSocket: openNodeSocket,
      tabs: aloneGroup,
    })
  }
}

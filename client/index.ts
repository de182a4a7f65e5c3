/** patchsync/client in Node: the offline-first client library (browsers get `browser.ts` through the `browser` export condition). */
export { SyncClient, type NodeSyncClientOptions as SyncClientOptions } from './node.js'
export {
  SyncClient as PlatformSyncClient,
  type Platform,
  type SyncClientEvents,
  type LocalDocument,
  type ClientStatus,
  type DocumentChange,
  type Origin,
} from './sync-client.js'
export { backoff } from './reconnect.js'
export { openSqliteStorage, SqliteStorage } from './sqlite-storage.js'
export type { ClientStorage, PendingOperation, OperationKind, ConfirmedDocument } from './storage.js'
export { Connection, type SocketLike, type SocketFactory } from './connection.js'

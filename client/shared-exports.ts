/** What both entries of patchsync/client (Node's `index.ts`, browsers' `browser.ts`) export alike. */
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
export type { ClientStorage, PendingOperation, OperationKind, ConfirmedDocument } from './storage.js'
export type { SocketLike, SocketFactory } from './connection.js'

/** patchsync/client: the offline-first client library. */
export { SyncClient, backoff, type SyncClientOptions, type SyncClientEvents, type LocalDocument, type ClientStatus, type Origin } from './sync-client.js'
export { openClientStore, ClientStore, type PendingOperation, type OperationKind, type ConfirmedDocument } from './store.js'
export { Connection } from './connection.js'

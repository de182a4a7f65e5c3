/** patchsync/client in Node: the offline-first client library (browsers get `browser.ts` through the `browser` export condition). */
export { SyncClient, type NodeSyncClientOptions as SyncClientOptions } from './node.js'
export * from './shared-exports.js'
export { openSqliteStorage, SqliteStorage } from './sqlite-storage.js'
export { Connection } from './connection.js'

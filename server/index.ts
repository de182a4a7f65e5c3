/** patchsync/server: the reference server, embeddable or standalone. */
export { createSyncServer, type SyncServer, type SyncServerOptions } from './sync-server.js'
export type { AuthenticationHooks, AuthenticationAttempt, UpgradeRequest } from './authentication.js'
export type { ServerSession, WriteOptions } from './server-session.js'
export { PatchsyncError, userIdFromSubject, SUBJECT_NAMESPACE } from '../core/index.js'
export {
  Store,
  StaleRevisionError,
  DuplicateOpError,
  type DocumentRow,
  type ChangeEventRow,
  type PendingChange,
  type DocumentRole,
  type Grant,
} from './storage/store.js'
export { WritePath, type WritePathOptions } from './write-path/write-path.js'
export type { Mutation, MutationResult } from './write-path/submit-request.js'
export { monitoringLog, jsonLog, silentLog, LOG_LEVELS, type ActivityLog, type ConnectionInfo, type LogLevel } from './activity-log.js'
export { hashToken, verifyToken, DEFAULT_HASH_OPTIONS, type HashOptions } from './auth.js'
export { Metrics } from './metrics.js'

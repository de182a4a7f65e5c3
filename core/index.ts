/** patchsync/core: pure protocol logic, no I/O. */
export { PatchsyncError } from './errors.js'
export { DEFAULT_LIMITS, resolveLimits, type Limits } from './limits.js'
export { parsePointer, formatPointer } from './pointer.js'
export { isJsonObject, jsonEqual, jsonBytes, type JsonObject, type JsonValue } from './json.js'
export { applyPatch, validatePatch, type ApplyOptions, type ApplyResult, type Operation } from './patch.js'
export { canonicalJson } from './canonical-json.js'
export { revisionId, chainedRevisionId, contentDigest, eventRevisionId, isRevisionOf, parseRevisionId, nextGeneration } from './revision.js'
export { increment, merge, compare, type VectorClock, type ClockOrder } from './vector-clock.js'
export { ServerWins, detectConflict, type ConflictStrategy, type ServerState, type IncomingUpdate, type Resolution } from './conflict.js'
export {
  stateAt,
  replay,
  undoPlan,
  invertEvent,
  applyEvent,
  revertEvent,
  type DocState,
  type EventType,
  type HistoryEvent,
  type PlannedEvent,
} from './history.js'
export { parseClientMessage, parseServerMessage, decodeClientFrame, requestIdOf } from './messages.js'
export {
  toWireDocument,
  toWireEvent,
  wireEventJson,
  eventMessage,
  sharedMessage,
  readEvent,
  changesOf,
  type DocumentRecord,
  type ChangeRecord,
  type ChangeRecordText,
  type Cause,
  type WireChange,
} from './wire.js'
export { ERROR_CODES, errorInfo, isErrorCode, type ErrorCode, type WireErrorCode } from '../generated/errors.js'
export type * from '../generated/types.js'
export { isUuid, userIdFromSubject, SUBJECT_NAMESPACE } from './user-id.js'

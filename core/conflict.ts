import type { Operation } from '../generated/types.js'
import { PatchsyncError } from './errors.js'
import type { JsonObject } from './json.js'
import type { Limits } from './limits.js'
import { applyPatch } from './patch.js'
import { compare, merge, type VectorClock } from './vector-clock.js'

/** The server's side of an update: the document as it stands. */
export interface ServerState {
  content: JsonObject
  revisionId: string
  vectorClock: VectorClock
  /** UTF-8 size of the content's JSON, tracked so updates need not re-measure it. */
  size?: number
}

/** The client's side: the patch and what the client knew when it made it. */
export interface IncomingUpdate {
  patch: Operation[]
  baseRevision?: string
  vectorClock?: VectorClock
}

export interface Resolution {
  content: JsonObject
  forward: Operation[]
  reverse: Operation[]
  vectorClock: VectorClock
  size: number
  /** True when the update was concurrent with the server's state (spec §5.2). */
  conflict: boolean
}

/** Decides what an update does to the current server state. */
export interface ConflictStrategy {
  readonly name: string
  /**
   * May patch `state.content` in place, and then returns the patch's reverse; when it throws, the
   * content must be as it was (the server's cache holds it, and nothing would record the change).
   */
  resolve(state: ServerState, update: IncomingUpdate, limits?: Partial<Limits>): Resolution
}

/** Spec §5.2: concurrent when the incoming clock is concurrent with or behind the server's, or the base revision is stale. */
export function detectConflict(serverClock: VectorClock, incoming: IncomingUpdate, currentRevision: string): boolean {
  if (incoming.baseRevision !== undefined && incoming.baseRevision !== currentRevision) return true
  if (incoming.vectorClock === undefined) return false
  const order = compare(incoming.vectorClock, serverClock)
  return order === 'concurrent' || order === 'before'
}

const PATCH_FAILURES = new Set(['path_not_found', 'test_failed'])

/**
 * ServerWins (spec §5.3): the patch applies to the current server state in arrival order. A
 * concurrent update that still applies is accepted and flagged; one that no longer applies is
 * rejected with `conflict`. The state's content is patched in place.
 */
export const ServerWins: ConflictStrategy = {
  name: 'server_wins',
  resolve(state, update, limits) {
    const conflict = detectConflict(state.vectorClock, update, state.revisionId)
    // Everything that can refuse the update runs before the patch changes the content in place.
    const vectorClock = update.vectorClock ? merge(state.vectorClock, update.vectorClock) : state.vectorClock
    let result
    try {
      result = applyPatch(state.content, update.patch, { limits, size: state.size, requireObject: true })
    } catch (error) {
      if (conflict && error instanceof PatchsyncError && PATCH_FAILURES.has(error.code)) {
        throw new PatchsyncError('conflict', `the update no longer applies: ${error.message}`)
      }
      throw error
    }
    return {
      content: result.doc as JsonObject,
      forward: update.patch,
      reverse: result.reverse,
      vectorClock,
      size: result.size,
      conflict,
    }
  },
}

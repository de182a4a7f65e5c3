import { PatchsyncError, type ClientMessageType, type JsonObject, type Limits, type Operation } from '../core/index.js'
import { applyToFrozen, sized, type SizedDocument } from './frozen-json.js'
import type { OperationKind, PendingOperation } from './storage.js'

/** A document's state in the client's memory: frozen content with its tracked size; null when it does not exist. */
export type ViewState = { title: string; content: SizedDocument } | null

interface OperationType {
  /** The request frame an operation of this kind is sent as. */
  request: ClientMessageType
  /** Whether the operation changes the document as the user sees it (and counts as pending on it). */
  visible: boolean
  /** Its effect on the local view; throws a PatchsyncError when it does not apply. */
  apply(state: ViewState, payload: PendingOperation['payload'], limits?: Partial<Limits>): ViewState
}

function existing(state: ViewState): NonNullable<ViewState> {
  if (state === null) throw new PatchsyncError('document_not_found', 'the document no longer exists')
  return state
}

/**
 * Every kind of operation the outbox holds, with its request and its local effect. Keyed by every
 * kind, so a kind added to `OperationKind` does not compile until it is described here.
 */
export const OPERATIONS: { [K in OperationKind]: OperationType } = {
  create: {
    request: 'create_document',
    visible: true,
    apply(state, payload) {
      if (state !== null) throw new PatchsyncError('document_exists', 'the document already exists')
      // The payload is the client's own (a checked copy, or parsed from storage): frozen in place.
      const document = payload.document as { title: string; content: JsonObject }
      return { title: document.title, content: sized(document.content) }
    },
  },
  update: {
    request: 'update_document',
    visible: true,
    apply(state, payload, limits) {
      const { title, content } = existing(state)
      return { title, content: applyToFrozen(content, (payload.patch as { patch: Operation[] }).patch, limits) }
    },
  },
  rename: {
    request: 'rename_document',
    visible: true,
    apply(state, payload) {
      return { title: payload.title as string, content: existing(state).content }
    },
  },
  delete: {
    request: 'delete_document',
    visible: true,
    apply(state) {
      existing(state)
      return null
    },
  },
  share: { request: 'share_document', visible: false, apply: (state) => state },
  undo: { request: 'undo_to_sequence', visible: false, apply: (state) => state },
  redo: { request: 'redo', visible: false, apply: (state) => state },
}

/** The local effect of a pending op, or the error that stops it applying. */
export function applyPending(state: ViewState, op: Pick<PendingOperation, 'kind' | 'payload'>, limits?: Partial<Limits>): ViewState | PatchsyncError {
  try {
    return OPERATIONS[op.kind].apply(state, op.payload, limits)
  } catch (error) {
    return asPatchsyncError(error)
  }
}

export function asPatchsyncError(error: unknown): PatchsyncError {
  if (error instanceof PatchsyncError) return error
  return new PatchsyncError('internal_error', error instanceof Error ? error.message : String(error))
}

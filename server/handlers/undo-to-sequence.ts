import type { UndoToSequenceMessage } from '../../generated/types.js'
import { toWireEvent } from '../../core/index.js'
import type { MutationHandler } from './context.js'

/** §7.3: restore by appending events; history is never rewritten. */
export const undoToSequence: MutationHandler<UndoToSequenceMessage> = {
  mutation: (message) => ({ kind: 'undo', targetSequence: message.target_sequence, documentId: message.document_id }),
  reply: (result, message) => ({ type: 'undo_applied', target_sequence: message.target_sequence, changes: result.events.map(toWireEvent) }),
}

import type { RedoMessage } from '../../generated/types.js'
import { toWireEvent } from '../../core/index.js'
import type { MutationHandler } from './context.js'

/** §7.4: re-apply the most recent undo that has not been redone. */
export const redo: MutationHandler<RedoMessage> = {
  mutation: (message) => ({ kind: 'redo', documentId: message.document_id }),
  reply: (result) => ({ type: 'redo_applied', changes: result.events.map(toWireEvent) }),
}

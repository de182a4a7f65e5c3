import type { UndoToSequenceMessage } from '../../generated/types.js'
import { toWireEvent } from '../../core/index.js'
import type { Handler } from './context.js'

/** §7.3: restore by appending events; history is never rewritten. */
export const undoToSequence: Handler<UndoToSequenceMessage> = async (ctx, message) => {
  const result = await ctx.documents.submit(ctx.session.userId!, message.client_op_id ?? null, {
    kind: 'undo', targetSequence: message.target_sequence, documentId: message.document_id,
  })
  if (!result.replayed) await ctx.broadcast(result, ctx.session)
  return { type: 'undo_applied', target_sequence: message.target_sequence, changes: result.events.map(toWireEvent) }
}

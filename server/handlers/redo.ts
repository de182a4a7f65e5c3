import type { RedoMessage } from '../../generated/types.js'
import { toWireEvent } from '../../core/index.js'
import type { Handler } from './context.js'

/** §7.4: re-apply the most recent undo that has not been redone. */
export const redo: Handler<RedoMessage> = async (ctx, message) => {
  const result = await ctx.documents.submit(ctx.session.userId!, message.client_op_id ?? null, { kind: 'redo', documentId: message.document_id })
  if (!result.replayed) await ctx.broadcast(result, ctx.session)
  return { type: 'redo_applied', changes: result.events.map(toWireEvent) }
}

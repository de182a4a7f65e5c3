import type { DeleteDocumentMessage } from '../../generated/types.js'
import { eventMessage } from '../../core/index.js'
import type { Handler } from './context.js'

export const deleteDocument: Handler<DeleteDocumentMessage> = async (ctx, message) => {
  const result = await ctx.documents.submit(ctx.session.userId!, message.client_op_id ?? null, { kind: 'delete', documentId: message.document_id })
  if (!result.replayed) await ctx.broadcast(result, ctx.session)
  return eventMessage(result.events[0]!, result.documents[0]!)
}

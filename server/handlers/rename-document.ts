import type { RenameDocumentMessage } from '../../generated/types.js'
import { eventMessage } from '../../core/index.js'
import type { Handler } from './context.js'

/** §2.5: titles change only here, recorded as a `rename` event. */
export const renameDocument: Handler<RenameDocumentMessage> = async (ctx, message) => {
  const result = await ctx.documents.submit(ctx.session.userId!, message.client_op_id ?? null, { kind: 'rename', documentId: message.document_id, title: message.title })
  if (!result.replayed) await ctx.broadcast(result, ctx.session)
  return eventMessage(result.events[0]!, result.documents[0]!)
}

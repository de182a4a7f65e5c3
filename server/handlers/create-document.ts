import type { CreateDocumentMessage } from '../../generated/types.js'
import { eventMessage, type JsonObject } from '../../core/index.js'
import type { Handler } from './context.js'

export const createDocument: Handler<CreateDocumentMessage> = async (ctx, message) => {
  const { id, title, content } = message.document
  const result = await ctx.documents.submit(ctx.session.userId!, message.client_op_id ?? null, { kind: 'create', id, title, content: content as JsonObject })
  if (!result.replayed) await ctx.broadcast(result, ctx.session)
  return eventMessage(result.events[0]!, result.documents[0]!)
}

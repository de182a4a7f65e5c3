import type { UpdateDocumentMessage } from '../../generated/types.js'
import { PatchsyncError, type Operation, eventMessage, toWireDocument } from '../../core/index.js'
import type { Handler } from './context.js'

/** §5: the patch applies to the current server state under the conflict strategy. */
export const updateDocument: Handler<UpdateDocumentMessage> = async (ctx, message) => {
  const { document_id, patch, base_revision, vector_clock } = message.patch
  const documentId = document_id
  try {
    const result = await ctx.documents.submit(ctx.session.userId!, message.client_op_id ?? null, {
      kind: 'update', documentId, patch: patch as Operation[], baseRevision: base_revision, vectorClock: vector_clock,
    })
    if (!result.replayed) await ctx.broadcast(result, ctx.session)
    return eventMessage(result.events[0]!, result.documents[0]!)
  } catch (error) {
    if (error instanceof PatchsyncError && error.code === 'conflict') {
      const current = await ctx.store.getDocument(documentId)
      throw new PatchsyncError('conflict', error.message, current ? { document: toWireDocument(current) } : undefined)
    }
    throw error
  }
}

import type { GetDocumentMessage } from '../../generated/types.js'
import { toWireDocument } from '../../core/index.js'
import type { Handler } from './context.js'
import { readableDocument } from './readable.js'

/** Reads the committed state: a reply never shows a change that might still fail to commit. */
export const getDocument: Handler<GetDocumentMessage> = async (ctx, message) => ({
  type: 'document',
  document: toWireDocument(await readableDocument(ctx.store, message.document_id, ctx.session.userId!)),
})

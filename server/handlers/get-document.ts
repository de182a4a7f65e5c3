import type { GetDocumentMessage } from '../../generated/types.js'
import { toWireDocument } from '../../core/index.js'
import { readableDocument } from '../access.js'
import type { RequestHandler } from './context.js'

/** Reads the committed state: a reply never shows a change that might still fail to commit. */
export const getDocument: RequestHandler<GetDocumentMessage> = {
  run: async (ctx, message) => ({ type: 'document', document: toWireDocument(await readableDocument(ctx.store, ctx.userId, message.document_id)) }),
}

import type { GetDocumentMessage } from '../../generated/types.js'
import { contentDigest, toWireDocument } from '../../core/index.js'
import { readableDocument } from '../access.js'
import type { RequestHandler } from './context.js'

/**
 * Reads the committed state: a reply never shows a change that might still fail to commit. Asked
 * for it, the reply carries the full-content digest (§6.6), computed here, on a read, so that no
 * change pays it.
 */
export const getDocument: RequestHandler<GetDocumentMessage> = {
  run: async (ctx, message) => {
    const document = await readableDocument(ctx.store, ctx.userId, message.document_id)
    const reply = { type: 'document' as const, document: toWireDocument(document) }
    return message.digest ? { ...reply, content_digest: contentDigest(document.title, document.content) } : reply
  },
}

import type { GetDocumentMessage } from '../../generated/types.js'
import { contentDigest, toWireDocument } from '../../core/index.js'
import { readableDocument, readableHead } from '../access.js'
import type { DocumentRow } from '../storage/store.js'
import type { HandlerContext, RequestHandler } from './context.js'

/**
 * Reads the committed state: a reply never shows a change that might still fail to commit. Asked
 * for it, the reply carries the full-content digest (§6.6), computed here, on a read, so that no
 * change pays it.
 */
export const getDocument: RequestHandler<GetDocumentMessage> = {
  run: async (ctx, message) => {
    const document = await committedDocument(ctx, message.document_id)
    const reply = { type: 'document' as const, document: toWireDocument(document) }
    return message.digest ? { ...reply, content_digest: contentDigest(document.title, document.content) } : reply
  },
}

/**
 * The document as committed: a copy of what the write path holds in memory when that is the
 * committed head (its revision is the row's), which spares reading and decoding the content from
 * the database; otherwise read from the store. Memory may hold changes planned and not committed
 * yet (then its revision is not the row's), and planning patches it in place, hence the copy.
 */
async function committedDocument(ctx: HandlerContext, id: string): Promise<DocumentRow> {
  const head = await readableHead(ctx.store, ctx.userId, id)
  const held = ctx.writes.heldDocument(id)
  if (held !== undefined && held.revisionId === head.revisionId) return { ...held, content: structuredClone(held.content) }
  return readableDocument(ctx.store, ctx.userId, id)
}

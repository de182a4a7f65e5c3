import type { ShareDocumentMessage } from '../../generated/types.js'
import { sharedMessage } from '../../core/index.js'
import type { RequestHandler } from './context.js'

/** §9.1: only the owner grants or revokes; the write path checks, records and tells the grantee. */
export const shareDocument: RequestHandler<ShareDocumentMessage> = {
  run: async (ctx, message) => {
    await ctx.writes.share(ctx.userId, message.document_id, message.user_id, message.role)
    return sharedMessage(message.document_id, message.user_id, message.role)
  },
}

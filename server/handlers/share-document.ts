import type { ShareDocumentMessage } from '../../generated/types.js'
import { PatchsyncError, sharedMessage } from '../../core/index.js'
import type { Handler } from './context.js'
import { readableDocument } from './readable.js'

/** §9.1: only the owner grants or revokes; setting a role twice is harmless, so no log entry is needed. */
export const shareDocument: Handler<ShareDocumentMessage> = async (ctx, message) => {
  const document = await readableDocument(ctx.store, message.document_id, ctx.session.userId!)
  if (document.ownerId !== ctx.session.userId) throw new PatchsyncError('forbidden', 'only the owner may share a document')
  const userId = message.user_id
  if (userId === document.ownerId) throw new PatchsyncError('forbidden', 'the owner always has full access')
  await ctx.store.setAccess(document.id, userId, message.role)
  ctx.documents.grantChanged(document.id, userId, message.role)
  const shared = sharedMessage(document.id, userId, message.role)
  // The grantee's connections learn of it at once: the change feed only shows events after a
  // reader's position, so a client fetches a newly shared document whole (§9.4).
  ctx.notify(userId, shared)
  return shared
}

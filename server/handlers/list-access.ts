import type { ListAccessMessage } from '../../generated/types.js'
import { readableDocument } from '../access.js'
import type { RequestHandler } from './context.js'

/** §9.5: who may read a document, told to anyone who may read it (not found otherwise, as every read). */
export const listAccess: RequestHandler<ListAccessMessage> = {
  run: async (ctx, message) => {
    const row = await readableDocument(ctx.store, ctx.userId, message.document_id)
    const grants = [...(await ctx.store.grants(message.document_id))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return { type: 'access_list', document_id: row.id, owner_id: row.ownerId, grants: grants.map(([user_id, role]) => ({ user_id, role })) }
  },
}

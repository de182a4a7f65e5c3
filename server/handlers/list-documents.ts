import type { ListDocumentsMessage } from '../../generated/types.js'
import { toWireDocument } from '../../core/index.js'
import type { RequestHandler } from './context.js'

/** The documents the user owns or holds a grant on (the store's query applies `access.ts`'s rule). */
export const listDocuments: RequestHandler<ListDocumentsMessage> = {
  run: async (ctx) => ({ type: 'document_list', documents: (await ctx.store.listDocuments(ctx.userId)).map(toWireDocument) }),
}

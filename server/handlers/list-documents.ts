import type { ListDocumentsMessage } from '../../generated/types.js'
import { toWireDocument } from '../../core/index.js'
import type { Handler } from './context.js'

export const listDocuments: Handler<ListDocumentsMessage> = async (ctx) => ({
  type: 'document_list',
  documents: (await ctx.store.listDocuments(ctx.session.userId!)).map(toWireDocument),
})

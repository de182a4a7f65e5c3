import type { GetChangesMessage } from '../../generated/types.js'
import { toWireEvent } from '../../core/index.js'
import type { RequestHandler } from './context.js'

/** §8.2: one page of the change log the user may read (the store's query applies `access.ts`'s rule). */
export const getChanges: RequestHandler<GetChangesMessage> = {
  run: async (ctx, message) => {
    const page = await ctx.store.readChanges({ since: message.since_sequence, limit: message.limit ?? 100, userId: ctx.userId, documentId: message.document_id })
    return { type: 'changes_since', changes: page.events.map(toWireEvent), latest_sequence: page.latestSequence, has_more: page.hasMore }
  },
}

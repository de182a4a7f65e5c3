import type { GetChangesMessage } from '../../generated/types.js'
import { toWireEvent } from '../../core/index.js'
import type { Handler } from './context.js'

/** §8.2: one page of the change log the user may read. */
export const getChanges: Handler<GetChangesMessage> = async (ctx, message) => {
  const page = await ctx.store.readChanges({
    since: message.since_sequence,
    limit: message.limit ?? 100,
    userId: ctx.session.userId!,
    documentId: message.document_id,
  })
  return { type: 'changes_since', changes: page.events.map(toWireEvent), latest_sequence: page.latestSequence, has_more: page.hasMore }
}

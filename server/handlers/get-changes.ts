import type { ChangesSinceMessage, GetChangesMessage } from '../../generated/types.js'
import { wireEventJson } from '../../core/index.js'
import { readableDocument } from '../access.js'
import { EncodedReply, type RequestHandler } from './context.js'

/**
 * A page ends before the event that would take its events' JSON past this many characters (§8.2
 * allows a shorter page, with `has_more`); it always holds one event. Without it, 1,000 events that
 * each carry a document of nearly 1 MiB made a frame of about 1 GiB, past V8's longest string.
 */
export const PAGE_CHARACTERS = 4 * 1024 * 1024

/**
 * §8.2: one page of the change log the user may read (the store's query applies `access.ts`'s
 * rule), oldest first, or newest first before `before_sequence` (§8.4). A named document must be
 * one they may read, deleted or not, else it is not found. The page is written as JSON text with
 * the stored patches spliced in: parsing them to write them again was most of a catch-up's cost.
 */
export const getChanges: RequestHandler<GetChangesMessage> = {
  run: async (ctx, message) => {
    if (message.document_id !== undefined) await readableDocument(ctx.store, ctx.userId, message.document_id, { history: true })
    const page = await ctx.store.readChanges({
      since: message.since_sequence,
      before: message.before_sequence,
      limit: message.limit ?? 100,
      userId: ctx.userId,
      documentId: message.document_id,
    })
    const events: string[] = []
    let characters = 0
    for (const event of page.events) {
      const json = wireEventJson(event)
      if (events.length > 0 && characters + json.length > PAGE_CHARACTERS) break
      events.push(json)
      characters += json.length + 1
    }
    const hasMore = page.hasMore || events.length < page.events.length
    return new EncodedReply<ChangesSinceMessage>(
      'changes_since',
      `,"changes":[${events.join(',')}],"latest_sequence":${page.latestSequence},"has_more":${hasMore}`,
    )
  },
}

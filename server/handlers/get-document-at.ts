import type { GetDocumentAtMessage } from '../../generated/types.js'
import { PatchsyncError, stateAt, toWireDocument, type DocState } from '../../core/index.js'
import { readableDocument } from '../access.js'
import { toHistoryEvent } from '../storage/store.js'
import type { RequestHandler } from './context.js'

/** §7.2: the document as it was at a sequence, walked back from the head by reverse patches. */
export const getDocumentAt: RequestHandler<GetDocumentAtMessage> = {
  run: async (ctx, message) => {
    const head = await readableDocument(ctx.store, ctx.userId, message.document_id, { history: true })
    if (message.sequence > (await ctx.store.latestSequence())) {
      throw new PatchsyncError('invalid_sequence', `sequence ${message.sequence} has not happened yet`)
    }
    const events = await ctx.store.documentEvents(head.id)
    const later = events.filter((e) => e.sequence > message.sequence).reverse()
    const atTarget = events.filter((e) => e.sequence <= message.sequence).at(-1)
    const headState: DocState = head.deleted ? null : { title: head.title, content: head.content }
    const state = stateAt(headState, later.map(toHistoryEvent), message.sequence)
    return {
      type: 'document_at',
      document_id: head.id,
      sequence: message.sequence,
      document:
        state === null || atTarget === undefined
          ? null
          : toWireDocument({ ...head, title: state.title, content: state.content, revisionId: atTarget.revisionId,
              vectorClock: atTarget.vectorClock ?? {}, updatedAt: atTarget.createdAt }),
    }
  },
}

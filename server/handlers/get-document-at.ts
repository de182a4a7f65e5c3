import type { GetDocumentAtMessage } from '../../generated/types.js'
import { PatchsyncError, replay, stateAt, toWireDocument, type DocState } from '../../core/index.js'
import { readableDocument } from '../access.js'
import { toHistoryEvent, type ChangeEventRow, type DocumentRow, type Store } from '../storage/store.js'
import type { RequestHandler } from './context.js'

/**
 * §7.2: the document as it was at a sequence. The cost is the distance, not the history: the state
 * is walked back from the head by the reverse patches of the events after the target, or, when
 * fewer events lie before it, replayed forward from the create by theirs (every event adds one to
 * the generation, so the head's generation counts them all).
 */
export const getDocumentAt: RequestHandler<GetDocumentAtMessage> = {
  run: async (ctx, message) => {
    const head = await readableDocument(ctx.store, ctx.userId, message.document_id, { history: true })
    if (message.sequence > (await ctx.store.latestSequence())) {
      throw new PatchsyncError('invalid_sequence', `sequence ${message.sequence} has not happened yet`)
    }
    const after = await ctx.store.countDocumentEvents(head.id, message.sequence)
    const { state, atTarget } =
      after <= head.generation - after ? await backFromHead(ctx.store, head, message.sequence) : await forwardFromCreate(ctx.store, head.id, message.sequence)
    return {
      type: 'document_at',
      document_id: head.id,
      sequence: message.sequence,
      document:
        state === null || atTarget === undefined
          ? null
          : toWireDocument({
              ...head,
              title: state.title,
              content: state.content,
              revisionId: atTarget.revisionId,
              vectorClock: atTarget.vectorClock ?? {},
              updatedAt: atTarget.createdAt,
            }),
    }
  },
}

interface StateAt {
  state: DocState
  /** The last event at or before the target: the revision the state is. */
  atTarget: ChangeEventRow | undefined
}

async function backFromHead(store: Store, head: DocumentRow, sequence: number): Promise<StateAt> {
  const [later, atTarget] = await Promise.all([store.documentEvents(head.id, sequence), store.lastDocumentEvent(head.id, sequence)])
  // A change committed after `head` was read is among `later` too; its reverse must not be applied
  // to a state that never held it: walk back only from the event that made the head's revision.
  const madeHead = later.findIndex((e) => e.revisionId === head.revisionId)
  const upToHead = later.slice(0, madeHead + 1)
  const headState: DocState = head.deleted ? null : { title: head.title, content: head.content }
  return { state: stateAt(headState, upToHead.reverse().map(toHistoryEvent), sequence), atTarget }
}

async function forwardFromCreate(store: Store, documentId: string, sequence: number): Promise<StateAt> {
  const earlier = await store.documentEvents(documentId, 0, sequence)
  return { state: replay(earlier.map(toHistoryEvent)), atTarget: earlier.at(-1) }
}

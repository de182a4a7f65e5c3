import type { GetDocumentAtMessage } from '../../generated/types.js'
import { PatchsyncError, applyEvent, parseRevisionId, revertEvent, toWireDocument, type DocState } from '../../core/index.js'
import { readableHead } from '../access.js'
import { toHistoryEvent, type ChangeEventRow, type DocumentHead, type Snapshot, type Store } from '../storage/store.js'
import type { HandlerContext, RequestHandler } from './context.js'

/**
 * §7.2: the document as it was at a sequence. The cost is bounded whatever the history and the
 * distance: the revision at the target is rebuilt from the nearest kept snapshot (see
 * `storage/snapshot-policy.ts`), forward by the patches after the one before it or back by the
 * reverse patches from the one after it, or back from the document the write path holds in
 * memory (no document read from the database), whichever is fewer events. Where no snapshot was kept
 * near (a database from before they were kept), it is walked back from the head or forward from
 * the create, the nearer. Every event adds one to the generation (§6.1), so the events between a
 * snapshot and the target are counted by generations.
 */
export const getDocumentAt: RequestHandler<GetDocumentAtMessage> = {
  run: async (ctx, message) => {
    const [head, latest] = await Promise.all([readableHead(ctx.store, ctx.userId, message.document_id, { history: true }), ctx.store.latestSequence()])
    if (message.sequence > latest) throw new PatchsyncError('invalid_sequence', `sequence ${message.sequence} has not happened yet`)
    // The last event at or before the target: the revision the state is. Read only after `latest`
    // has shown the target happened: read beside it (PostgreSQL: another connection), it could miss
    // a commit of the target itself that `latest` then saw, and answer with the state before it.
    const atTarget = await ctx.store.lastDocumentEvent(message.document_id, message.sequence)
    const state = atTarget === undefined || atTarget.eventType === 'delete' ? null : await stateAfter(ctx, head, atTarget)
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

/** Events a walk back from memory takes before looking for a kept snapshot that might be nearer. */
const NEAR = 64

/** The document right after `target`, from whichever start needs the fewest events. */
async function stateAfter(ctx: HandlerContext, head: DocumentHead, target: ChangeEventRow): Promise<DocState> {
  const { store } = ctx
  const { generation } = parseRevisionId(target.revisionId)
  const held = ctx.writes.heldDocument(head.id)
  const fromHeld = held === undefined || held.generation < generation ? Infinity : held.generation - generation
  // A few steps back from memory cost less than reading any snapshot: no need to look for one.
  if (fromHeld <= NEAR) {
    const state = await backFromHeld(ctx, target, fromHeld)
    if (state !== undefined) return state
  }
  const { before, after } = await store.snapshotsAround(head.id, generation)
  const forward = generation - (before ?? 0)
  const back = after === undefined ? Infinity : after - generation
  if (fromHeld > NEAR && fromHeld <= Math.min(forward, back)) {
    const state = await backFromHeld(ctx, target, fromHeld)
    if (state !== undefined) return state
  }
  // From the head: its tail to rebuild, then back to the target.
  const fromHead = 2 * head.generation - head.snapshotGeneration - generation
  if (back <= forward && back <= fromHead) return backFromSnapshot(store, target, after!, back)
  if (fromHead < forward) return backFromHead(store, head.id, target.sequence)
  return forwardFromSnapshot(store, target, before, forward)
}

/** Forward from the kept snapshot of generation `from` (none: from nothing, through the create) by the `count` events after it. */
async function forwardFromSnapshot(store: Store, target: ChangeEventRow, from: number | undefined, count: number): Promise<DocState> {
  const [snapshot, events] = await Promise.all([
    from === undefined ? undefined : kept(store, target.documentId, from),
    store.documentPatches(target.documentId, 'forward', 0, target.sequence, { last: count }),
  ])
  checkCount(target.documentId, events.length, count)
  let state: DocState = snapshot ? { title: snapshot.title, content: snapshot.content } : null
  for (const e of events) state = applyEvent(state, e)
  return state
}

/** Back from the kept snapshot of generation `from`, after the target, by the reverse patches of the `count` events in between. */
async function backFromSnapshot(store: Store, target: ChangeEventRow, from: number, count: number): Promise<DocState> {
  const [snapshot, events] = await Promise.all([
    kept(store, target.documentId, from),
    store.documentPatches(target.documentId, 'reverse', target.sequence, undefined, { first: count }),
  ])
  checkCount(target.documentId, events.length, count)
  let state: DocState = { title: snapshot.title, content: snapshot.content }
  for (let i = events.length - 1; i >= 0; i--) state = revertEvent(state, events[i]!)
  return state
}

/**
 * Back from the document the write path holds, `count` events after the target, by the reverse
 * patches in between; undefined when memory holds anything else by then (it moved on, or holds a
 * change not committed yet: its revision is not the one the log says the walk starts from).
 */
async function backFromHeld(ctx: HandlerContext, target: ChangeEventRow, count: number): Promise<DocState | undefined> {
  const events = count === 0 ? [] : await ctx.store.documentPatches(target.documentId, 'reverse', target.sequence, undefined, { first: count })
  // No await from here on: planning changes the held content in place.
  const held = ctx.writes.heldDocument(target.documentId)
  const start = count === 0 ? target.revisionId : events.at(-1)?.revisionId
  if (held === undefined || events.length !== count || held.revisionId !== start) return undefined
  let state: DocState = held.deleted ? null : { title: held.title, content: structuredClone(held.content) }
  for (let i = events.length - 1; i >= 0; i--) state = revertEvent(state, events[i]!)
  return state
}

/** Kept snapshots are never removed. */
async function kept(store: Store, documentId: string, generation: number): Promise<Snapshot> {
  const snapshot = await store.snapshot(documentId, generation)
  if (!snapshot) throw new Error(`document ${documentId} has no kept snapshot of generation ${generation}`)
  return snapshot
}

/**
 * Back from the head as read now. A change committed after it was read is among the events read
 * after it too; its reverse must not be applied to a state that never held it: the walk starts at
 * the event that made the head's revision.
 */
async function backFromHead(store: Store, documentId: string, sequence: number): Promise<DocState> {
  const head = (await store.getDocument(documentId))!
  const later = await store.documentEvents(documentId, sequence)
  const madeHead = later.findIndex((e) => e.revisionId === head.revisionId)
  let state: DocState = head.deleted ? null : { title: head.title, content: head.content }
  for (let i = madeHead; i >= 0; i--) state = revertEvent(state, toHistoryEvent(later[i]!))
  return state
}

function checkCount(documentId: string, found: number, expected: number): void {
  if (found !== expected) throw new Error(`document ${documentId} has ${found} events between a kept snapshot and the target, not ${expected}`)
}

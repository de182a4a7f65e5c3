import { replay } from '../../core/index.js'
import type { Store } from '../storage/store.js'

/** What a document's head says, or what its log says it should be: comparable with `t.same`. */
export interface DocumentView {
  title: string | null
  content: unknown
  deleted: boolean
  revisionId: string | null
}

/**
 * A document as stored (its row) and as its change log rebuilds it, from the create on. Equal
 * unless a change reached the head that no event records, or an event that never reached it.
 */
export async function headAndReplay(store: Store, documentId: string): Promise<{ head: DocumentView; replayed: DocumentView }> {
  const [row, log] = await Promise.all([store.getDocument(documentId), store.documentEvents(documentId)])
  const head: DocumentView = row
    ? { title: row.title, content: row.content, deleted: row.deleted, revisionId: row.revisionId }
    : { title: null, content: null, deleted: false, revisionId: null }
  // A deleted document keeps its last title and content in its row; the log's delete event holds both.
  let state = replay(log.map((e) => ({ event_type: e.eventType, forward_patch: structuredClone(e.forwardPatch), reverse_patch: e.reversePatch })))
  const last = log.at(-1)
  const deleted = last?.eventType === 'delete'
  if (deleted) state = last.reversePatch as { title: string; content: never }
  const replayed: DocumentView = state
    ? { title: state.title, content: state.content, deleted, revisionId: last!.revisionId }
    : { title: null, content: null, deleted: false, revisionId: null }
  return { head, replayed }
}

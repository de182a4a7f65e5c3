import { applyEvent, jsonEqual, type DocState } from '../../core/index.js'
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
 * unless a change reached the head that no event records, or an event that never reached it. A
 * delete event keeps the document it deleted (its reverse patch, which an undo restores): that
 * copy must be what the events before it made, or the log is not a replay either.
 */
export async function headAndReplay(store: Store, documentId: string): Promise<{ head: DocumentView; replayed: DocumentView }> {
  const [row, log] = await Promise.all([store.getDocument(documentId), store.documentEvents(documentId)])
  const head: DocumentView = row
    ? { title: row.title, content: row.content, deleted: row.deleted, revisionId: row.revisionId }
    : { title: null, content: null, deleted: false, revisionId: null }
  let state: DocState = null
  let kept: DocState = null
  for (const e of log) {
    if (e.eventType === 'delete') {
      const deleted = e.reversePatch as { title: string; content: never }
      if (!jsonEqual({ title: deleted.title, content: deleted.content }, state)) {
        return {
          head,
          replayed: { title: null, content: `the delete at sequence ${e.sequence} keeps a document its log never made`, deleted: true, revisionId: null },
        }
      }
      kept = state
    }
    state = applyEvent(state, { event_type: e.eventType, forward_patch: structuredClone(e.forwardPatch), reverse_patch: e.reversePatch })
  }
  const last = log.at(-1)
  // A deleted document's row keeps its last title and content.
  const shown = last?.eventType === 'delete' ? kept : state
  const replayed: DocumentView = shown
    ? { title: shown.title, content: shown.content, deleted: last!.eventType === 'delete', revisionId: last!.revisionId }
    : { title: null, content: null, deleted: false, revisionId: null }
  return { head, replayed }
}

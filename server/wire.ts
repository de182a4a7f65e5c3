import type { ChangeEvent, Document, DocumentSharedMessage, ServerMessage } from '../generated/types.js'
import type { ChangeEventRow, DocumentRow } from './storage/store.js'

/** A document row as the wire shows it (spec definitions `document`). */
export function toWireDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    revision_id: row.revisionId,
    vector_clock: { ...row.vectorClock },
    owner_id: row.ownerId,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  }
}

/** The `document_shared` message for a grant set or revoked (`none`), to the sharer and the grantee (§9.4). */
export function sharedMessage(documentId: string, userId: string, role: 'read' | 'write' | 'none'): DocumentSharedMessage {
  return { type: 'document_shared', document_id: documentId, user_id: userId, role }
}

/** A change event as the wire shows it (§8.1). */
export function toWireEvent(e: ChangeEventRow): ChangeEvent {
  return {
    sequence: e.sequence,
    document_id: e.documentId,
    user_id: e.userId,
    event_type: e.eventType,
    revision_id: e.revisionId,
    forward_patch: e.forwardPatch as ChangeEvent['forward_patch'],
    reverse_patch: e.reversePatch as ChangeEvent['reverse_patch'],
    created_at: e.createdAt,
    client_op_id: e.clientOpId,
    vector_clock: e.vectorClock,
    cause: e.cause,
  }
}

/**
 * The reply/broadcast that announces a committed event: document_created, document_updated,
 * document_renamed or document_deleted (§2.2, §9.3). `document` is the document right after it.
 */
export function eventMessage(e: ChangeEventRow, document: DocumentRow): ServerMessage {
  const common = {
    sequence: e.sequence,
    revision_id: e.revisionId,
    user_id: e.userId,
    ...(e.clientOpId !== null && e.opIndex === 0 ? { client_op_id: e.clientOpId } : {}),
  }
  const cause = e.cause === null ? {} : { cause: e.cause }
  const previous = e.previousRevisionId ?? e.revisionId
  switch (e.eventType) {
    case 'create': {
      const created = e.forwardPatch as { title: string; content: DocumentRow['content'] }
      return {
        type: 'document_created',
        document: toWireDocument({ ...document, title: created.title, content: created.content, revisionId: e.revisionId, updatedAt: e.createdAt }),
        ...common,
        ...cause,
      }
    }
    case 'update':
      return {
        type: 'document_updated',
        document_id: e.documentId,
        patch: e.forwardPatch as never,
        previous_revision_id: previous,
        vector_clock: e.vectorClock ?? {},
        conflict: e.conflict,
        ...common,
        ...cause,
      }
    case 'rename':
      return { type: 'document_renamed', document_id: e.documentId, title: (e.forwardPatch as { title: string }).title, previous_revision_id: previous, ...common, ...cause }
    case 'delete':
      return { type: 'document_deleted', document_id: e.documentId, ...common, ...cause }
  }
}

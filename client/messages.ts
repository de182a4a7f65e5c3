import type { ChangeEvent, EventType, ServerMessage, ServerMessageType, VectorClock } from '../core/index.js'

/** A server change, from a reply, a broadcast or the feed, in one shape. */
export interface Change {
  documentId: string
  revision: string
  eventType: EventType
  /** create: the document; update: the patch; rename: {title}; delete: null. */
  forward: unknown
  ownerId?: string
  clock?: VectorClock | null
  clientOpId?: string | null
  /** Who made the change. */
  userId?: string
}

type MessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>

/**
 * How the client reads each message the server sends: the document changes it carries, if any.
 * Keyed by every server message type, so a type added to `spec/` does not compile until the client
 * says what it means. Replies that carry no change (`document`, `document_at`, …) are read by the
 * request that asked for them; `document_shared` and `error` broadcasts by the change feed.
 */
const READERS: { [T in ServerMessageType]: (message: MessageOf<T>) => Change[] } = {
  auth_success: () => [],
  changes_since: (message) => message.changes.map(eventChange),
  document_at: () => [],
  document: () => [],
  document_list: () => [],
  document_shared: () => [],
  error: () => [],
  document_created: (message) => [
    {
      documentId: message.document.id,
      revision: message.revision_id,
      eventType: 'create',
      forward: message.document,
      ownerId: message.document.owner_id,
      clock: message.document.vector_clock,
      clientOpId: message.client_op_id,
      userId: message.user_id,
    },
  ],
  document_updated: (message) => [
    {
      documentId: message.document_id,
      revision: message.revision_id,
      eventType: 'update',
      forward: message.patch,
      clock: message.vector_clock,
      clientOpId: message.client_op_id,
      userId: message.user_id,
    },
  ],
  document_renamed: (message) => [
    { documentId: message.document_id, revision: message.revision_id, eventType: 'rename', forward: { title: message.title }, clientOpId: message.client_op_id, userId: message.user_id },
  ],
  document_deleted: (message) => [
    { documentId: message.document_id, revision: message.revision_id, eventType: 'delete', forward: null, clientOpId: message.client_op_id, userId: message.user_id },
  ],
  undo_applied: (message) => message.changes.map(eventChange),
  redo_applied: (message) => message.changes.map(eventChange),
}

/** The document changes a server message carries, oldest first (none for most replies). */
export function changesOf(message: ServerMessage): Change[] {
  return (READERS[message.type] as (message: ServerMessage) => Change[])(message)
}

export function eventChange(event: ChangeEvent): Change {
  return {
    documentId: event.document_id,
    revision: event.revision_id,
    eventType: event.event_type,
    forward: event.forward_patch,
    clock: event.vector_clock ?? undefined,
    clientOpId: event.client_op_id,
    ...(event.user_id ? { userId: event.user_id } : {}),
  }
}

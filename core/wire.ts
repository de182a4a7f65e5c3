import type { ChangeEvent, Document, DocumentSharedMessage, Role, ServerMessage, ServerMessageType } from '../generated/types.js'
import type { EventType } from './history.js'
import type { JsonObject } from './json.js'
import type { VectorClock } from './vector-clock.js'

/*
 * The messages that carry documents and changes, each writer beside the reader of the same message
 * (y-protocols' `sync.js` keeps `writeSyncStep1` next to `readSyncStep1`), so the two change
 * together. The server writes them; a client reads them.
 */

/** What a change was made by, besides a plain request: an undo or a redo (§7.3, §7.4). */
export type Cause = NonNullable<ChangeEvent['cause']>

/** A document as a peer holds it: the fields the wire's `document` shows, in camelCase. */
export interface DocumentRecord {
  id: string
  ownerId: string
  title: string
  content: JsonObject
  revisionId: string
  vectorClock: VectorClock
  createdAt: string
  updatedAt: string
}

/** A committed change event as a peer holds it (§8.1). */
export interface ChangeRecord {
  sequence: number
  documentId: string
  userId: string
  eventType: EventType
  revisionId: string
  previousRevisionId: string | null
  forwardPatch: unknown
  reversePatch: unknown
  clientOpId: string | null
  /** Position of the event among those one client op produced (an undo may write several). */
  opIndex: number
  vectorClock: VectorClock | null
  cause: Cause | null
  conflict: boolean
  createdAt: string
}

/** A document as the wire shows it (spec definitions `document`). */
export function toWireDocument(record: DocumentRecord): Document {
  return {
    id: record.id,
    title: record.title,
    content: record.content,
    revision_id: record.revisionId,
    vector_clock: { ...record.vectorClock },
    owner_id: record.ownerId,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  }
}

/** The `document_shared` message for a grant set or revoked (`none`), to the sharer and the grantee (§9.4). */
export function sharedMessage(documentId: string, userId: string, role: Role): DocumentSharedMessage {
  return { type: 'document_shared', document_id: documentId, user_id: userId, role }
}

/** A change event as the wire shows it (§8.1). */
export function toWireEvent(e: ChangeRecord): ChangeEvent {
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
 * A change event's wire members with its JSON values (`forward_patch`, `reverse_patch`,
 * `vector_clock`) still JSON text, as a server stores them, null for JSON null.
 */
export type ChangeRecordText = Pick<ChangeRecord, 'sequence' | 'documentId' | 'userId' | 'eventType' | 'revisionId' | 'clientOpId' | 'cause' | 'createdAt'> & {
  forwardPatch: string | null
  reversePatch: string | null
  vectorClock: string | null
}

/**
 * {@link toWireEvent} as JSON text, written from JSON text: the stored patches are spliced in, not
 * parsed and written again, so a page of the log costs what its bytes cost. It is the same JSON
 * value as `JSON.stringify(toWireEvent(e))` (whitespace and member order inside the spliced values
 * are the store's; no reader may depend on them, §6.3).
 */
export function wireEventJson(e: ChangeRecordText): string {
  return (
    `{"sequence":${e.sequence},"document_id":${JSON.stringify(e.documentId)},"user_id":${JSON.stringify(e.userId)},` +
    `"event_type":${JSON.stringify(e.eventType)},"revision_id":${JSON.stringify(e.revisionId)},` +
    `"forward_patch":${e.forwardPatch ?? 'null'},"reverse_patch":${e.reversePatch ?? 'null'},"created_at":${JSON.stringify(e.createdAt)},` +
    `"client_op_id":${e.clientOpId === null ? 'null' : JSON.stringify(e.clientOpId)},"vector_clock":${e.vectorClock ?? 'null'},` +
    `"cause":${e.cause === null ? 'null' : JSON.stringify(e.cause)}}`
  )
}

/** A change as a reader of the wire gets it, from a reply, a broadcast or the feed, in one shape. */
export interface WireChange {
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

/** Reads a change event ({@link toWireEvent}'s output). */
export function readEvent(event: ChangeEvent): WireChange {
  return {
    documentId: event.document_id,
    revision: event.revision_id,
    eventType: event.event_type,
    forward: event.forward_patch,
    clock: event.vector_clock ?? undefined,
    clientOpId: event.client_op_id,
    ...(event.user_id ? { userId: event.user_id } : {}),
    // The creator owns a document (§9.1): a create read from the feed says who, as a created broadcast does.
    ...(event.event_type === 'create' && event.user_id ? { ownerId: event.user_id } : {}),
  }
}

/**
 * The reply/broadcast that announces a committed event: document_created, document_updated,
 * document_renamed or document_deleted (§2.2, §9.3). `document` is the document right after it;
 * its content is not read (a create carries its own).
 */
export function eventMessage(e: ChangeRecord, document: Omit<DocumentRecord, 'content'>): ServerMessage {
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
      const created = e.forwardPatch as { title: string; content: JsonObject }
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
      return {
        type: 'document_renamed',
        document_id: e.documentId,
        title: (e.forwardPatch as { title: string }).title,
        previous_revision_id: previous,
        ...common,
        ...cause,
      }
    case 'delete':
      return { type: 'document_deleted', document_id: e.documentId, ...common, ...cause }
  }
}

type MessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>

/**
 * How a client reads each message a server sends: the document changes it carries, if any
 * ({@link eventMessage}'s four, and the events of `changes_since`, `undo_applied`, `redo_applied`).
 * Keyed by every server message type, so a type added to `spec/` does not compile until readers
 * say what it means. Replies that carry no change (`document`, `document_at`, …) are read by the
 * request that asked for them; `document_shared` and `error` broadcasts by the client's change feed.
 */
const CHANGE_READERS: { [T in ServerMessageType]: (message: MessageOf<T>) => WireChange[] } = {
  auth_success: () => [],
  changes_since: (message) => message.changes.map(readEvent),
  document_at: () => [],
  document: () => [],
  document_list: () => [],
  access_list: () => [],
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
    {
      documentId: message.document_id,
      revision: message.revision_id,
      eventType: 'rename',
      forward: { title: message.title },
      clientOpId: message.client_op_id,
      userId: message.user_id,
    },
  ],
  document_deleted: (message) => [
    {
      documentId: message.document_id,
      revision: message.revision_id,
      eventType: 'delete',
      forward: null,
      clientOpId: message.client_op_id,
      userId: message.user_id,
    },
  ],
  undo_applied: (message) => message.changes.map(readEvent),
  redo_applied: (message) => message.changes.map(readEvent),
}

/** The document changes a server message carries, oldest first (none for most replies). */
export function changesOf(message: ServerMessage): WireChange[] {
  return (CHANGE_READERS[message.type] as (message: ServerMessage) => WireChange[])(message)
}

import type { ColumnType, Generated } from 'kysely'
import type { Cause } from '../../core/index.js'
import type { ChangeEvent, Role } from '../../generated/types.js'

/**
 * The tables, as Kysely sees them. JSON columns hold JSON text or the database's JSON type, and
 * timestamps ISO-8601 text or the database's timestamp type (each dialect's `columnTypes`); the
 * dialect decodes both. Flags are 0/1 integers everywhere.
 */
export interface Database {
  users: UsersTable
  documents: DocumentsTable
  document_access: DocumentAccessTable
  change_events: ChangeEventsTable
  document_snapshots: DocumentSnapshotsTable
}

type Json = ColumnType<unknown, string, string>
type NullableJson = ColumnType<unknown, string | null, string | null>
type Timestamp = ColumnType<string | Date, string, string>

export interface UsersTable {
  id: string
  token_hash: string
  created_at: Timestamp
}

export interface DocumentsTable {
  id: string
  owner_id: string
  title: string
  /** The content at `snapshot_generation`; the events after it (the tail) bring it to `generation`. */
  content: Json
  revision_id: string
  generation: number
  /** The generation `content` holds: a commit writes the content whole only every so often. */
  snapshot_generation: number
  vector_clock: Json
  deleted: number
  created_at: Timestamp
  updated_at: Timestamp
}

/**
 * Every snapshot a commit took but a document's first (the create event holds that one), kept after
 * the row's content has moved on: time travel (§7.2) starts from the snapshot nearest its target.
 */
export interface DocumentSnapshotsTable {
  document_id: string
  /** The generation the snapshot is of: the content and title right after the event that made it. */
  generation: number
  title: string
  /** JSON text, in every dialect. */
  content: string
}

export interface DocumentAccessTable {
  document_id: string
  user_id: string
  role: Exclude<Role, 'none'>
}

export interface ChangeEventsTable {
  /** A 64-bit sequence may come back as a string; the store converts. */
  sequence: Generated<number>
  document_id: string
  user_id: string
  event_type: ChangeEvent['event_type']
  revision_id: string
  previous_revision_id: string | null
  forward_patch: NullableJson
  reverse_patch: NullableJson
  client_op_id: string | null
  /** Position of the event among those one client op produced (an undo may write several). */
  op_index: number
  vector_clock: NullableJson
  cause: Cause | null
  /** The undo batch an undo event belongs to, or that a redo event redoes. */
  batch_id: string | null
  /**
   * For an event of a request with a client op id, what makes two requests the same (§4.1): the
   * SHA-256 of its key members. Null for events logged before it was recorded.
   */
  request_digest: string | null
  conflict: number
  created_at: Timestamp
}

/** The columns a commit writes to `change_events` (the sequence is allocated by the database). */
export const EVENT_COLUMNS = [
  'document_id',
  'user_id',
  'event_type',
  'revision_id',
  'previous_revision_id',
  'forward_patch',
  'reverse_patch',
  'client_op_id',
  'op_index',
  'vector_clock',
  'cause',
  'batch_id',
  'request_digest',
  'conflict',
  'created_at',
] as const satisfies ReadonlyArray<keyof ChangeEventsTable>

/** The columns a commit writes to `documents` with a snapshot; an existing row keeps its owner and creation time. */
export const DOCUMENT_COLUMNS = [
  'id',
  'owner_id',
  'title',
  'content',
  'revision_id',
  'generation',
  'snapshot_generation',
  'vector_clock',
  'deleted',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof DocumentsTable>
/** What an upsert changes in an existing row: everything but its id, owner and creation time. */
export const DOCUMENT_UPDATED_COLUMNS = DOCUMENT_COLUMNS.filter(
  (c): c is Exclude<(typeof DOCUMENT_COLUMNS)[number], 'id' | 'owner_id' | 'created_at'> => c !== 'id' && c !== 'owner_id' && c !== 'created_at',
)
/** What a commit without a snapshot changes in an existing row: its head, not its content. */
export const DOCUMENT_HEAD_COLUMNS = ['title', 'revision_id', 'generation', 'vector_clock', 'deleted', 'updated_at'] as const satisfies ReadonlyArray<
  keyof DocumentsTable
>

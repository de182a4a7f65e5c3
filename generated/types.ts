// THIS IS A GENERATED FILE, DO NOT EDIT. Regenerate with: npm run generate

/**
 * A UUID in 8-4-4-4-12 hex form (§1).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "uuid".
 */
export type Uuid = string
/**
 * Chosen by the client, echoed in the reply (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "request_id".
 */
export type RequestId = string
/**
 * Idempotency key of a mutation, unique per user (§4).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "client_op_id".
 */
export type ClientOpId = string
/**
 * Position in the global change log (§3). At most 2^53-1, the largest integer every JSON parser reads exactly (§2.8).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "sequence".
 */
export type Sequence = number
/**
 * <generation>-<hex digest> (§6); the reference digest is SHA-256, 64 hex digits. At most 145 characters: a generation of up to 16 digits (2^53-1), a dash, a digest of up to 128 hex digits.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "revision_id".
 */
export type RevisionId = string
/**
 * RFC 3339 UTC timestamp.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "timestamp".
 */
export type Timestamp = string
/**
 * RFC 6901 JSON Pointer, relative to the document's content.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "json_pointer".
 */
export type JsonPointer = string
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "title".
 */
export type Title = string
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "role".
 */
export type Role = 'read' | 'write' | 'none'
/**
 * One RFC 6902 operation.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "operation".
 */
export type Operation =
  AddOperation | RemoveOperation | ReplaceOperation | MoveOperation | CopyOperation | TestOperation
/**
 * An RFC 6902 patch; paths are relative to the document's content.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "patch".
 */
export type Patch = Operation[]
/**
 * Position in the global change log (§3). At most 2^53-1, the largest integer every JSON parser reads exactly (§2.8).
 */
export type Sequence1 = number

/**
 * Actor id to counter (§5.1): an actor id is 1-128 characters, never __proto__.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "vector_clock".
 */
export interface VectorClock {
  [k: string]: number
}
/**
 * A document's JSON content; always an object.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "content".
 */
export interface Content {}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "add_operation".
 */
export interface AddOperation {
  op: 'add'
  path: JsonPointer
  value: unknown
}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "remove_operation".
 */
export interface RemoveOperation {
  op: 'remove'
  path: JsonPointer
}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "replace_operation".
 */
export interface ReplaceOperation {
  op: 'replace'
  path: JsonPointer
  value: unknown
}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "move_operation".
 */
export interface MoveOperation {
  op: 'move'
  path: JsonPointer
  from: JsonPointer
}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "copy_operation".
 */
export interface CopyOperation {
  op: 'copy'
  path: JsonPointer
  from: JsonPointer
}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "test_operation".
 */
export interface TestOperation {
  op: 'test'
  path: JsonPointer
  value: unknown
}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_input".
 */
export interface DocumentInput {
  id: Uuid
  title: Title
  content: Content
}
/**
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document".
 */
export interface Document {
  id: Uuid
  title: Title
  content: Content
  revision_id: RevisionId
  vector_clock: VectorClock
  owner_id: Uuid
  created_at: Timestamp
  updated_at: Timestamp
}
/**
 * One entry of the change log (§8).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "change_event".
 */
export interface ChangeEvent {
  sequence: Sequence
  document_id: Uuid
  user_id?: Uuid
  event_type: 'create' | 'update' | 'delete' | 'rename'
  revision_id: RevisionId
  /**
   * create: the document; update: a patch; delete: null; rename: {title}.
   */
  forward_patch: {} | unknown[] | null
  /**
   * create: null; update: a patch; delete: the document; rename: {title}.
   */
  reverse_patch: {} | unknown[] | null
  created_at: Timestamp
  client_op_id?: ClientOpId | null
  vector_clock?: VectorClock | null
  cause?: ('undo' | 'redo') | null
}
/**
 * Reply to list_access: the document's owner and every grant on it, by user id (§9.5).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "access_list_message".
 */
export interface AccessListMessage {
  type: 'access_list'
  request_id?: RequestId
  document_id: Uuid
  owner_id: Uuid
  grants: {
    user_id: Uuid
    role: 'read' | 'write'
  }[]
}
/**
 * Reply to authenticate (§1).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "auth_success_message".
 */
export interface AuthSuccessMessage {
  type: 'auth_success'
  request_id?: RequestId
  user_id: Uuid
  latest_sequence: Sequence
}
/**
 * Authenticates the connection as a user (§1).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "authenticate_message".
 */
export interface AuthenticateMessage {
  type: 'authenticate'
  request_id?: RequestId
  user_id: Uuid
  auth_token: string
}
/**
 * Reply to get_changes (§8.2). A page may hold fewer than limit events while has_more is true (a server may bound its size). A server MUST send latest_sequence and has_more; they are optional here only so that replies shaped like the seed's example (which has neither) still validate, and a client MUST read a reply without has_more as the last page.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "changes_since_message".
 */
export interface ChangesSinceMessage {
  type: 'changes_since'
  request_id?: RequestId
  changes: ChangeEvent[]
  latest_sequence?: Sequence
  has_more?: boolean
}
/**
 * Creates a document (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "create_document_message".
 */
export interface CreateDocumentMessage {
  type: 'create_document'
  request_id?: RequestId
  client_op_id?: ClientOpId
  document: DocumentInput
}
/**
 * Deletes a document (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "delete_document_message".
 */
export interface DeleteDocumentMessage {
  type: 'delete_document'
  request_id?: RequestId
  client_op_id?: ClientOpId
  document_id: Uuid
}
/**
 * Reply to get_document_at; document is null when it did not exist then (§7).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_at_message".
 */
export interface DocumentAtMessage {
  type: 'document_at'
  request_id?: RequestId
  document_id: Uuid
  sequence: Sequence
  document: Document | null
}
/**
 * Reply to create_document and broadcast (§2, §9.3); also announces a document re-created by undo or redo (§7.3), with cause.
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_created_message".
 */
export interface DocumentCreatedMessage {
  type: 'document_created'
  request_id?: RequestId
  document: Document
  sequence: Sequence
  revision_id: RevisionId
  user_id: Uuid
  client_op_id?: ClientOpId
  cause?: 'undo' | 'redo'
}
/**
 * Reply to delete_document and broadcast (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_deleted_message".
 */
export interface DocumentDeletedMessage {
  type: 'document_deleted'
  request_id?: RequestId
  document_id: Uuid
  sequence: Sequence
  revision_id: RevisionId
  user_id: Uuid
  client_op_id?: ClientOpId
  cause?: 'undo' | 'redo'
}
/**
 * Reply to list_documents (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_list_message".
 */
export interface DocumentListMessage {
  type: 'document_list'
  request_id?: RequestId
  documents: Document[]
}
/**
 * Reply to rename_document and broadcast (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_renamed_message".
 */
export interface DocumentRenamedMessage {
  type: 'document_renamed'
  request_id?: RequestId
  document_id: Uuid
  title: Title
  sequence: Sequence
  revision_id: RevisionId
  user_id: Uuid
  client_op_id?: ClientOpId
  previous_revision_id: RevisionId
  cause?: 'undo' | 'redo'
}
/**
 * Reply to share_document, and broadcast to every connection of the user it names (§9.4).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_shared_message".
 */
export interface DocumentSharedMessage {
  type: 'document_shared'
  request_id?: RequestId
  document_id: Uuid
  user_id: Uuid
  role: Role
}
/**
 * Reply to update_document and broadcast (§2, §5).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_updated_message".
 */
export interface DocumentUpdatedMessage {
  type: 'document_updated'
  request_id?: RequestId
  document_id: Uuid
  patch: Patch
  sequence: Sequence
  revision_id: RevisionId
  user_id: Uuid
  client_op_id?: ClientOpId
  previous_revision_id: RevisionId
  vector_clock: VectorClock
  conflict: boolean
  cause?: 'undo' | 'redo'
}
/**
 * Reply to get_document (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "document_message".
 */
export interface DocumentMessage {
  type: 'document'
  request_id?: RequestId
  document: Document
  /**
   * Lowercase hex SHA-256 of the canonical JSON of {content, title} at the document's revision_id (§6.6), sent when the request asked for it (digest: true) and only then: lets a client check its own copy of that revision.
   */
  content_digest?: string
}
/**
 * Every failure on the wire (§11).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "error_message".
 */
export interface ErrorMessage {
  type: 'error'
  request_id?: RequestId
  code:
    | 'invalid_json'
    | 'invalid_message'
    | 'unknown_message_type'
    | 'frame_too_large'
    | 'unauthenticated'
    | 'auth_failed'
    | 'already_authenticated'
    | 'forbidden'
    | 'document_not_found'
    | 'document_exists'
    | 'invalid_patch'
    | 'invalid_path'
    | 'path_not_found'
    | 'test_failed'
    | 'patch_too_large'
    | 'document_too_large'
    | 'nesting_too_deep'
    | 'conflict'
    | 'rate_limited'
    | 'op_id_reused'
    | 'nothing_to_redo'
    | 'invalid_sequence'
    | 'internal_error'
    | 'server_shutting_down'
    | 'user_exists'
    | 'invalid_text'
  message: string
  details?: {}
}
/**
 * Reads the change log after a sequence (§8.2), or, with before_sequence, newest first (§8.4).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "get_changes_message".
 */
export interface GetChangesMessage {
  type: 'get_changes'
  request_id?: RequestId
  since_sequence: Sequence
  before_sequence?: Sequence1
  limit?: number
  document_id?: Uuid
}
/**
 * Reads a document as it was at a sequence (§7).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "get_document_at_message".
 */
export interface GetDocumentAtMessage {
  type: 'get_document_at'
  request_id?: RequestId
  document_id: Uuid
  sequence: Sequence
}
/**
 * Reads one document (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "get_document_message".
 */
export interface GetDocumentMessage {
  type: 'get_document'
  request_id?: RequestId
  document_id: Uuid
  /**
   * Ask for the reply's content_digest (§6.6); without it the reply has none, as for clients written before it.
   */
  digest?: boolean
}
/**
 * Asks who has access to a document (§9.5).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "list_access_message".
 */
export interface ListAccessMessage {
  type: 'list_access'
  request_id?: RequestId
  document_id: Uuid
}
/**
 * Lists the documents the user may read (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "list_documents_message".
 */
export interface ListDocumentsMessage {
  type: 'list_documents'
  request_id?: RequestId
}
/**
 * Reply to redo: the appended events (§7).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "redo_applied_message".
 */
export interface RedoAppliedMessage {
  type: 'redo_applied'
  request_id?: RequestId
  changes: ChangeEvent[]
}
/**
 * Re-applies the most recent undo (§7).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "redo_message".
 */
export interface RedoMessage {
  type: 'redo'
  request_id?: RequestId
  client_op_id?: ClientOpId
  document_id?: Uuid
}
/**
 * Changes a document's title, recorded as a rename event (§2).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "rename_document_message".
 */
export interface RenameDocumentMessage {
  type: 'rename_document'
  request_id?: RequestId
  client_op_id?: ClientOpId
  document_id: Uuid
  title: Title
}
/**
 * Grants or revokes another user's access (§9).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "share_document_message".
 */
export interface ShareDocumentMessage {
  type: 'share_document'
  request_id?: RequestId
  client_op_id?: ClientOpId
  document_id: Uuid
  user_id: Uuid
  role: Role
}
/**
 * Reply to undo_to_sequence: the appended events (§7).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "undo_applied_message".
 */
export interface UndoAppliedMessage {
  type: 'undo_applied'
  request_id?: RequestId
  target_sequence: Sequence
  changes: ChangeEvent[]
}
/**
 * Restores documents to their state at a sequence by appending events (§7).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "undo_to_sequence_message".
 */
export interface UndoToSequenceMessage {
  type: 'undo_to_sequence'
  request_id?: RequestId
  client_op_id?: ClientOpId
  target_sequence: Sequence
  document_id?: Uuid
}
/**
 * Applies an RFC 6902 patch to a document's content (§2, §5).
 *
 * This interface was referenced by `PatchsyncSpec`'s JSON-Schema
 * via the `definition` "update_document_message".
 */
export interface UpdateDocumentMessage {
  type: 'update_document'
  request_id?: RequestId
  client_op_id?: ClientOpId
  patch: {
    document_id: Uuid
    patch: Patch
    base_revision?: RevisionId
    vector_clock?: VectorClock
  }
}

/** Every message a client may send. */
export type ClientMessage =
  | AuthenticateMessage
  | CreateDocumentMessage
  | DeleteDocumentMessage
  | GetChangesMessage
  | GetDocumentAtMessage
  | GetDocumentMessage
  | ListAccessMessage
  | ListDocumentsMessage
  | RedoMessage
  | RenameDocumentMessage
  | ShareDocumentMessage
  | UndoToSequenceMessage
  | UpdateDocumentMessage
/** Every message a server may send. */
export type ServerMessage =
  | AccessListMessage
  | AuthSuccessMessage
  | ChangesSinceMessage
  | DocumentAtMessage
  | DocumentCreatedMessage
  | DocumentDeletedMessage
  | DocumentListMessage
  | DocumentRenamedMessage
  | DocumentSharedMessage
  | DocumentUpdatedMessage
  | DocumentMessage
  | ErrorMessage
  | RedoAppliedMessage
  | UndoAppliedMessage
export const CLIENT_MESSAGE_TYPES = ['authenticate', 'create_document', 'delete_document', 'get_changes', 'get_document_at', 'get_document', 'list_access', 'list_documents', 'redo', 'rename_document', 'share_document', 'undo_to_sequence', 'update_document'] as const
export const SERVER_MESSAGE_TYPES = ['access_list', 'auth_success', 'changes_since', 'document_at', 'document_created', 'document_deleted', 'document_list', 'document_renamed', 'document_shared', 'document_updated', 'document', 'error', 'redo_applied', 'undo_applied'] as const
export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number]
export type ServerMessageType = (typeof SERVER_MESSAGE_TYPES)[number]

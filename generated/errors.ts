// THIS IS A GENERATED FILE, DO NOT EDIT. Regenerate with: npm run generate

/** The error-code registry (spec/errors.json). */
export const ERROR_CODES = [
  { code: 'invalid_json', number: 1, meaning: "The frame is not valid JSON text.", retryable: false, scope: 'wire' },
  { code: 'invalid_message', number: 2, meaning: "The frame does not match the schema of its message type (missing, extra or mistyped fields, a number past 2^53-1), or it is a binary frame.", retryable: false, scope: 'wire' },
  { code: 'unknown_message_type', number: 3, meaning: "The frame has no `type`, or a `type` that is not in the message catalog.", retryable: false, scope: 'wire' },
  { code: 'frame_too_large', number: 4, meaning: "The frame is larger than the server's maximum payload.", retryable: false, scope: 'wire' },
  { code: 'unauthenticated', number: 5, meaning: "The request came before a successful `authenticate` on this connection.", retryable: false, scope: 'wire' },
  { code: 'auth_failed', number: 6, meaning: "The credentials do not prove the user: a token that does not match or has expired, an unknown user where auto-registration is off, or a refusal by the server's own authentication. Also sent without `request_id` before a server closes a connection whose credentials no longer hold (§1.5).", retryable: false, scope: 'wire' },
  { code: 'already_authenticated', number: 7, meaning: "`authenticate` was sent twice on one connection.", retryable: false, scope: 'wire' },
  { code: 'forbidden', number: 8, meaning: "The user may read this document but not make this change: a reader writing, a user other than the owner deleting or sharing (or undoing across the document's create or delete), or the owner changing its own role.", retryable: false, scope: 'wire' },
  { code: 'document_not_found', number: 9, meaning: "No document with this id exists for this user: it never existed, the user may not read it, or (except for its history, §7.2, §8.2, and its owner's undo) it has been deleted.", retryable: false, scope: 'wire' },
  { code: 'document_exists', number: 10, meaning: "A document with this id exists or existed (ids are never reused).", retryable: false, scope: 'wire' },
  { code: 'invalid_patch', number: 11, meaning: "A patch operation can never apply: removing the root, making the content a non-object, moving onto the root or into its own child. (A patch library also uses it for an unknown op or a missing `value` or `from`, which the wire answers with `invalid_message`.)", retryable: false, scope: 'wire' },
  { code: 'invalid_path', number: 12, meaning: "A JSON Pointer is hostile or names no array index: `__proto__` (also as a member name in a value), `constructor/prototype`, a bad array index, `-` where nothing is appended. (A patch library also uses it for a malformed pointer, which the wire answers with `invalid_message`.)", retryable: false, scope: 'wire' },
  { code: 'path_not_found', number: 13, meaning: "A patch targets a member or index that does not exist, or whose parent does not exist.", retryable: false, scope: 'wire' },
  { code: 'test_failed', number: 14, meaning: "A `test` operation did not match the document.", retryable: false, scope: 'wire' },
  { code: 'patch_too_large', number: 15, meaning: "The patch has more operations than the limit.", retryable: false, scope: 'wire' },
  { code: 'document_too_large', number: 16, meaning: "The resulting document would exceed the size limit.", retryable: false, scope: 'wire' },
  { code: 'nesting_too_deep', number: 17, meaning: "The resulting document would be nested deeper than the limit, or the frame is nested deeper than any request may be.", retryable: false, scope: 'wire' },
  { code: 'conflict', number: 18, meaning: "The change cannot apply to the current server state; `details.document` carries that state.", retryable: false, scope: 'wire' },
  { code: 'rate_limited', number: 19, meaning: "Too many requests; retry after `details.retry_after_ms`.", retryable: true, scope: 'wire' },
  { code: 'op_id_reused', number: 20, meaning: "This `client_op_id` was already used by this user for a different request.", retryable: false, scope: 'wire' },
  { code: 'nothing_to_redo', number: 21, meaning: "There is no undone change to redo.", retryable: false, scope: 'wire' },
  { code: 'invalid_sequence', number: 22, meaning: "The sequence lies beyond the latest committed sequence.", retryable: false, scope: 'wire' },
  { code: 'internal_error', number: 23, meaning: "The server failed unexpectedly; the request may be retried.", retryable: true, scope: 'wire' },
  { code: 'server_shutting_down', number: 24, meaning: "The server is closing; retry against another instance or later.", retryable: true, scope: 'wire' },
  { code: 'user_exists', number: 25, meaning: "A user with this id already exists.", retryable: false, scope: 'wire' },
  { code: 'invalid_text', number: 26, meaning: "A string in the request holds U+0000 or an unpaired UTF-16 surrogate, which no document may contain (§2.9).", retryable: false, scope: 'wire' },
  { code: 'invalid_argument', number: 100, meaning: "A call of a client library, the C API or the server's in-process API got a NULL or invalid argument.", retryable: false, scope: 'client' },
  { code: 'not_connected', number: 101, meaning: "The operation needs a connection to the server.", retryable: true, scope: 'client' },
  { code: 'storage_error', number: 102, meaning: "The local database failed.", retryable: false, scope: 'client' },
  { code: 'timeout', number: 103, meaning: "No answer arrived in time.", retryable: true, scope: 'client' },
  { code: 'engine_closed', number: 104, meaning: "The client or engine has already been closed.", retryable: false, scope: 'client' },
] as const

export type ErrorEntry = (typeof ERROR_CODES)[number]
/** Every error code. */
export type ErrorCode = ErrorEntry['code']
/** Codes a server may send on the wire. */
export type WireErrorCode = Extract<ErrorEntry, { scope: 'wire' }>['code']

const BY_CODE = new Map<string, ErrorEntry>(ERROR_CODES.map((e) => [e.code, e]))

/** The registry entry of a code. */
export function errorInfo(code: ErrorCode): ErrorEntry {
  return BY_CODE.get(code)!
}

/** True when the string is a registered code. */
export function isErrorCode(code: string): code is ErrorCode {
  return BY_CODE.has(code)
}

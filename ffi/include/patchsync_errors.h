/*
 * THIS IS A GENERATED FILE, DO NOT EDIT.
 * Generated from spec/errors.json by `npm run generate`.
 */
#ifndef PATCHSYNC_ERRORS_H
#define PATCHSYNC_ERRORS_H

/** Result of a patchsync C API call: PATCHSYNC_OK or an error registry number. */
typedef enum patchsync_result {
  PATCHSYNC_OK = 0,
  /** The frame is not valid JSON text. */
  PATCHSYNC_ERR_INVALID_JSON = 1,
  /** The frame does not match the schema of its message type (missing, extra or mistyped fields, a number past 2^53-1), or it is a binary frame. */
  PATCHSYNC_ERR_INVALID_MESSAGE = 2,
  /** The frame has no `type`, or a `type` that is not in the message catalog. */
  PATCHSYNC_ERR_UNKNOWN_MESSAGE_TYPE = 3,
  /** The frame is larger than the server's maximum payload. */
  PATCHSYNC_ERR_FRAME_TOO_LARGE = 4,
  /** The request came before a successful `authenticate` on this connection. */
  PATCHSYNC_ERR_UNAUTHENTICATED = 5,
  /** The credentials do not prove the user: a token that does not match or has expired, an unknown user where auto-registration is off, or a refusal by the server's own authentication. Also sent without `request_id` before a server closes a connection whose credentials no longer hold (§1.5). */
  PATCHSYNC_ERR_AUTH_FAILED = 6,
  /** `authenticate` was sent twice on one connection. */
  PATCHSYNC_ERR_ALREADY_AUTHENTICATED = 7,
  /** The user may read this document but not make this change: a reader writing, a user other than the owner deleting or sharing (or undoing across the document's create or delete), or the owner changing its own role. */
  PATCHSYNC_ERR_FORBIDDEN = 8,
  /** No document with this id exists for this user: it never existed, the user may not read it, or (except for its history, §7.2, §8.2, and its owner's undo) it has been deleted. */
  PATCHSYNC_ERR_DOCUMENT_NOT_FOUND = 9,
  /** A document with this id exists or existed (ids are never reused). */
  PATCHSYNC_ERR_DOCUMENT_EXISTS = 10,
  /** A patch operation can never apply: removing the root, making the content a non-object, moving onto the root or into its own child. (A patch library also uses it for an unknown op or a missing `value` or `from`, which the wire answers with `invalid_message`.) */
  PATCHSYNC_ERR_INVALID_PATCH = 11,
  /** A JSON Pointer is hostile or names no array index: `__proto__` (also as a member name in a value), `constructor/prototype`, a bad array index, `-` where nothing is appended. (A patch library also uses it for a malformed pointer, which the wire answers with `invalid_message`.) */
  PATCHSYNC_ERR_INVALID_PATH = 12,
  /** A patch targets a member or index that does not exist, or whose parent does not exist. */
  PATCHSYNC_ERR_PATH_NOT_FOUND = 13,
  /** A `test` operation did not match the document. */
  PATCHSYNC_ERR_TEST_FAILED = 14,
  /** The patch has more operations than the limit. */
  PATCHSYNC_ERR_PATCH_TOO_LARGE = 15,
  /** The resulting document would exceed the size limit. */
  PATCHSYNC_ERR_DOCUMENT_TOO_LARGE = 16,
  /** The resulting document would be nested deeper than the limit, or the frame is nested deeper than any request may be. */
  PATCHSYNC_ERR_NESTING_TOO_DEEP = 17,
  /** The change cannot apply to the current server state; `details.document` carries that state. */
  PATCHSYNC_ERR_CONFLICT = 18,
  /** Too many requests; retry after `details.retry_after_ms`. */
  PATCHSYNC_ERR_RATE_LIMITED = 19,
  /** This `client_op_id` was already used by this user for a different request. */
  PATCHSYNC_ERR_OP_ID_REUSED = 20,
  /** There is no undone change to redo. */
  PATCHSYNC_ERR_NOTHING_TO_REDO = 21,
  /** The sequence lies beyond the latest committed sequence. */
  PATCHSYNC_ERR_INVALID_SEQUENCE = 22,
  /** The server failed unexpectedly; the request may be retried. */
  PATCHSYNC_ERR_INTERNAL_ERROR = 23,
  /** The server is closing; retry against another instance or later. */
  PATCHSYNC_ERR_SERVER_SHUTTING_DOWN = 24,
  /** A user with this id already exists. */
  PATCHSYNC_ERR_USER_EXISTS = 25,
  /** A string in the request holds U+0000 or an unpaired UTF-16 surrogate, which no document may contain (§2.9). */
  PATCHSYNC_ERR_INVALID_TEXT = 26,
  /** A call of a client library, the C API or the server's in-process API got a NULL or invalid argument. */
  PATCHSYNC_ERR_INVALID_ARGUMENT = 100,
  /** The operation needs a connection to the server. */
  PATCHSYNC_ERR_NOT_CONNECTED = 101,
  /** The local database failed. */
  PATCHSYNC_ERR_STORAGE_ERROR = 102,
  /** No answer arrived in time. */
  PATCHSYNC_ERR_TIMEOUT = 103,
  /** The client or engine has already been closed. */
  PATCHSYNC_ERR_ENGINE_CLOSED = 104,
} patchsync_result;

/** The registry code of a result ("ok" for PATCHSYNC_OK), or NULL for an unknown number. */
static inline const char *patchsync_result_code(int result) {
  switch (result) {
    case PATCHSYNC_OK: return "ok";
    case PATCHSYNC_ERR_INVALID_JSON: return "invalid_json";
    case PATCHSYNC_ERR_INVALID_MESSAGE: return "invalid_message";
    case PATCHSYNC_ERR_UNKNOWN_MESSAGE_TYPE: return "unknown_message_type";
    case PATCHSYNC_ERR_FRAME_TOO_LARGE: return "frame_too_large";
    case PATCHSYNC_ERR_UNAUTHENTICATED: return "unauthenticated";
    case PATCHSYNC_ERR_AUTH_FAILED: return "auth_failed";
    case PATCHSYNC_ERR_ALREADY_AUTHENTICATED: return "already_authenticated";
    case PATCHSYNC_ERR_FORBIDDEN: return "forbidden";
    case PATCHSYNC_ERR_DOCUMENT_NOT_FOUND: return "document_not_found";
    case PATCHSYNC_ERR_DOCUMENT_EXISTS: return "document_exists";
    case PATCHSYNC_ERR_INVALID_PATCH: return "invalid_patch";
    case PATCHSYNC_ERR_INVALID_PATH: return "invalid_path";
    case PATCHSYNC_ERR_PATH_NOT_FOUND: return "path_not_found";
    case PATCHSYNC_ERR_TEST_FAILED: return "test_failed";
    case PATCHSYNC_ERR_PATCH_TOO_LARGE: return "patch_too_large";
    case PATCHSYNC_ERR_DOCUMENT_TOO_LARGE: return "document_too_large";
    case PATCHSYNC_ERR_NESTING_TOO_DEEP: return "nesting_too_deep";
    case PATCHSYNC_ERR_CONFLICT: return "conflict";
    case PATCHSYNC_ERR_RATE_LIMITED: return "rate_limited";
    case PATCHSYNC_ERR_OP_ID_REUSED: return "op_id_reused";
    case PATCHSYNC_ERR_NOTHING_TO_REDO: return "nothing_to_redo";
    case PATCHSYNC_ERR_INVALID_SEQUENCE: return "invalid_sequence";
    case PATCHSYNC_ERR_INTERNAL_ERROR: return "internal_error";
    case PATCHSYNC_ERR_SERVER_SHUTTING_DOWN: return "server_shutting_down";
    case PATCHSYNC_ERR_USER_EXISTS: return "user_exists";
    case PATCHSYNC_ERR_INVALID_TEXT: return "invalid_text";
    case PATCHSYNC_ERR_INVALID_ARGUMENT: return "invalid_argument";
    case PATCHSYNC_ERR_NOT_CONNECTED: return "not_connected";
    case PATCHSYNC_ERR_STORAGE_ERROR: return "storage_error";
    case PATCHSYNC_ERR_TIMEOUT: return "timeout";
    case PATCHSYNC_ERR_ENGINE_CLOSED: return "engine_closed";
    default: return 0;
  }
}

/** 1 when retrying the same call later can succeed, else 0. */
static inline int patchsync_result_retryable(int result) {
  switch (result) {
    case PATCHSYNC_ERR_RATE_LIMITED:
    case PATCHSYNC_ERR_INTERNAL_ERROR:
    case PATCHSYNC_ERR_SERVER_SHUTTING_DOWN:
    case PATCHSYNC_ERR_NOT_CONNECTED:
    case PATCHSYNC_ERR_TIMEOUT:
      return 1;
    default: return 0;
  }
}

#endif

/*
 * patchsync C API: an offline-first sync engine for JSON documents, for C and C++ applications.
 *
 * The engine hosts the TypeScript SyncClient in a helper Node process (see ffi/README.md), so the
 * only runtime requirement is `node` on PATH. Every call below is synchronous and bounded by the
 * engine's timeout; events are queued and delivered on the caller's thread by
 * sync_engine_process_events().
 *
 * Conventions:
 * - Functions that can fail return a patchsync_result (patchsync_errors.h): PATCHSYNC_OK (0) or a
 *   number from the project's error registry. NULL or invalid arguments give
 *   PATCHSYNC_ERR_INVALID_ARGUMENT, a destroyed or unknown engine pointer gives the same, and never
 *   crash. After a failure sync_engine_last_error() says why (sync_last_error() when there is no
 *   engine to ask: a failed create, a bad engine pointer).
 * - Every `char *` the library hands out is owned by the caller and released with
 *   sync_string_free(). `const char *` results (sync_version(), strings inside an event) are owned
 *   by the library and must not be freed.
 * - An engine may be used from any thread; calls on one engine are serialized. Do not call
 *   sync_engine_destroy() while another thread uses the engine or from inside a callback.
 * - Strings are UTF-8; JSON arguments must be valid JSON text.
 */
#ifndef PATCHSYNC_H
#define PATCHSYNC_H

#include <stdint.h>

#include "patchsync_errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; only these functions are exported. */
#if defined(__GNUC__) || defined(__clang__)
#define PATCHSYNC_API __attribute__((visibility("default")))
#else
#define PATCHSYNC_API
#endif

/** Options for sync_engine_create_ex(). Zero-initialise, then set what you need. */
typedef struct patchsync_options {
  /** Client SQLite database (created if missing). Relative paths resolve against the caller's cwd. */
  const char *database_path;
  /** Server WebSocket URL, e.g. "ws://127.0.0.1:8080/ws". */
  const char *server_url;
  /** User to authenticate as. Stored in the database so sync_engine_create() can reuse it. */
  const char *user_id;
  /** Secret token for user_id; never stored by the library. */
  const char *auth_token;
  /** Stable id of this installation; NULL lets the client choose and persist one. */
  const char *client_id;
  /** Upper bound for every synchronous call in milliseconds; 0 means 30000. */
  int timeout_ms;
  /** Reconnect backoff bounds in milliseconds; 0 keeps the client's defaults. */
  int reconnect_min_ms;
  int reconnect_max_ms;
  /** Shell command that starts the host process; NULL uses $PATCHSYNC_HOST_CMD, then the default. */
  const char *host_command;
} patchsync_options;

/** What a callback is told about. */
typedef enum patchsync_event_kind {
  PATCHSYNC_EVENT_DOCUMENT_CREATED = 0,
  PATCHSYNC_EVENT_DOCUMENT_UPDATED = 1,
  PATCHSYNC_EVENT_DOCUMENT_DELETED = 2,
  PATCHSYNC_EVENT_SYNC_STARTED = 3,
  PATCHSYNC_EVENT_SYNC_COMPLETED = 4,
  PATCHSYNC_EVENT_CONNECTION_LOST = 5,
  PATCHSYNC_EVENT_CONNECTION_ATTEMPTING = 6,
  PATCHSYNC_EVENT_CONNECTION_ESTABLISHED = 7,
  PATCHSYNC_EVENT_CONFLICT = 8,
  PATCHSYNC_EVENT_ERROR = 9,
  PATCHSYNC_EVENT_KIND_COUNT = 10
} patchsync_event_kind;

/** One event. Its strings live until the callback returns; copy what you keep. */
typedef struct patchsync_event {
  patchsync_event_kind kind;
  /** Document the event concerns, or NULL. */
  const char *document_id;
  /** The client's event payload as JSON text (never NULL; "null" when there is none). */
  const char *data_json;
  /** PATCHSYNC_EVENT_ERROR: the error's registry number; otherwise PATCHSYNC_OK. */
  int error_code;
  /** PATCHSYNC_EVENT_ERROR: a human message; otherwise NULL. */
  const char *message;
} patchsync_event;

typedef void (*patchsync_event_callback)(const patchsync_event *event, void *user_data);

/**
 * Opens an engine as the user bound to the database (by an earlier sync_engine_create_ex() or
 * sync_engine_create() call). On a new database it chooses a new user id (a random UUID) and binds
 * it; the server then decides whether that user may sign in (one with auto-registration registers
 * it with auth_token). A database that holds a client's data but no user id is refused. Returns
 * NULL on failure; sync_last_error() says why.
 */
PATCHSYNC_API void *sync_engine_create(const char *database_path, const char *server_url, const char *auth_token);

/** Opens an engine with full options. Returns NULL on failure; sync_last_error() says why. */
PATCHSYNC_API void *sync_engine_create_ex(const patchsync_options *options);

/**
 * Closes the client (pending ops stay in the database's outbox), stops the host process and frees
 * the engine. Undelivered events are dropped. NULL and unknown pointers are ignored.
 */
PATCHSYNC_API void sync_engine_destroy(void *engine);

/**
 * Creates a document from `{"title": string, "content": object, "id"?: uuid}` and stores its id in
 * *out_id (free with sync_string_free). Works offline: the op waits in the outbox.
 */
PATCHSYNC_API int sync_engine_create_document(void *engine, const char *document_json, char **out_id);

/** Applies an RFC 6902 patch (a JSON array; paths relative to the document's content). */
PATCHSYNC_API int sync_engine_update_document(void *engine, const char *document_id, const char *patch_json);

/** Deletes a document. */
PATCHSYNC_API int sync_engine_delete_document(void *engine, const char *document_id);

/** Stores the document as JSON in *out_json, or fails with PATCHSYNC_ERR_DOCUMENT_NOT_FOUND. */
PATCHSYNC_API int sync_engine_get_document(void *engine, const char *document_id, char **out_json);

/** Stores a JSON array of every local document in *out_json. */
PATCHSYNC_API int sync_engine_list_documents(void *engine, char **out_json);

/** Number of local (not deleted) documents. */
PATCHSYNC_API int sync_engine_document_count(void *engine, int64_t *out_count);

/** Number of local ops not yet acknowledged by the server. */
PATCHSYNC_API int sync_engine_pending_count(void *engine, int64_t *out_count);

/** Stores 1 in *out_connected when the client is online and authenticated, else 0. */
PATCHSYNC_API int sync_engine_is_connected(void *engine, int *out_connected);

/** Goes online (the engine connects on creation; use after sync_engine_disconnect()). */
PATCHSYNC_API int sync_engine_connect(void *engine);

/** Goes offline; edits keep landing in the outbox. */
PATCHSYNC_API int sync_engine_disconnect(void *engine);

/** Waits until the outbox is empty and the client is caught up, or PATCHSYNC_ERR_TIMEOUT. */
PATCHSYNC_API int sync_engine_wait_synced(void *engine, int timeout_ms);

/**
 * Registers `callback` (NULL removes it) for one kind of event; `user_data` is passed back as is.
 * Callbacks run only inside sync_engine_process_events(), on that caller's thread.
 */
PATCHSYNC_API int sync_engine_set_callback(void *engine, patchsync_event_kind kind, patchsync_event_callback callback,
                             void *user_data);

/** Delivers every queued event to its callback (events without one are dropped), in arrival order. */
PATCHSYNC_API int sync_engine_process_events(void *engine);

/** Waits until at least one event is queued (PATCHSYNC_OK) or timeout_ms passes (PATCHSYNC_ERR_TIMEOUT). */
PATCHSYNC_API int sync_engine_wait_for_events(void *engine, int timeout_ms);

/** Process id of the host process, or -1 when none is running (for monitoring and tests). */
PATCHSYNC_API int sync_engine_host_pid(void *engine);

/**
 * Message of this engine's last failed call, "<code>: <why>" (free with sync_string_free), or NULL
 * if none failed yet.
 */
PATCHSYNC_API char *sync_engine_last_error(void *engine);

/**
 * Message of this thread's last failure that had no engine to hold it (creation, bad engine
 * pointer), or NULL. Free with sync_string_free.
 */
PATCHSYNC_API char *sync_last_error(void);

/** Result code of the failure sync_last_error() describes; PATCHSYNC_OK if there was none. */
PATCHSYNC_API int sync_last_error_code(void);

/** Library version, e.g. "0.1.0". Static; do not free. */
PATCHSYNC_API const char *sync_version(void);

/** Frees a string returned by the library. NULL is ignored. */
PATCHSYNC_API void sync_string_free(char *string);

#ifdef __cplusplus
}
#endif

#endif

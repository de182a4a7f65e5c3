/*
 * Drives libpatchsync against a live server. Run by ffi/ffi.test.ts, which owns the server and a
 * TypeScript client and acts on the control lines this program prints:
 *   stdout "control stop_server" / "control start_server" / "control remote_create <title>" /
 *          "control remote_text <document id> <expected text>"
 *   stdin  "ok [value]" or "fail <reason>" once done.
 * Results are TAP lines ("ok - …" / "not ok - …"); the exit status is the number of failures.
 * Environment: PATCHSYNC_TEST_URL, PATCHSYNC_TEST_DIR (a fresh directory).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "patchsync.h"

#define EVENT_WAIT_MS 20000

static int failures;

static void check(int condition, const char *description) {
  printf("%s - %s\n", condition ? "ok" : "not ok", description);
  fflush(stdout);
  if (!condition) failures++;
}

static void check_code(int actual, int expected, const char *description) {
  char line[512];
  snprintf(line, sizeof line, "%s (got %s, want %s)", description,
           patchsync_result_code(actual) ? patchsync_result_code(actual) : "?", patchsync_result_code(expected));
  check(actual == expected, line);
}

/* Sends a control command to the test harness and returns its answer (malloc'd), or NULL. */
static char *control(const char *command) {
  char line[4096];
  printf("control %s\n", command);
  fflush(stdout);
  if (!fgets(line, sizeof line, stdin)) return NULL;
  line[strcspn(line, "\n")] = '\0';
  if (strncmp(line, "ok", 2) != 0) {
    fprintf(stderr, "control %s failed: %s\n", command, line);
    return NULL;
  }
  return strdup(line[2] == ' ' ? line + 3 : "");
}

static int control_ok(const char *command) {
  char *answer = control(command);
  free(answer);
  return answer != NULL;
}

/* What the callbacks saw. */
typedef struct observed {
  int counts[PATCHSYNC_EVENT_KIND_COUNT];
  int connected;
  int last_error_code;
  char created_id[128];
} observed;

static void on_event(const patchsync_event *event, void *user_data) {
  observed *seen = user_data;
  seen->counts[event->kind]++;
  if (event->kind == PATCHSYNC_EVENT_CONNECTION_ESTABLISHED) seen->connected = 1;
  if (event->kind == PATCHSYNC_EVENT_CONNECTION_LOST) seen->connected = 0;
  if (event->kind == PATCHSYNC_EVENT_ERROR) seen->last_error_code = event->error_code;
  if (event->kind == PATCHSYNC_EVENT_DOCUMENT_CREATED && event->document_id) {
    snprintf(seen->created_id, sizeof seen->created_id, "%s", event->document_id);
  }
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Processes events until `done(seen, arg)` holds or EVENT_WAIT_MS pass. Returns whether it held. */
static int await_events(void *engine, observed *seen, int (*done)(const observed *, const void *), const void *arg) {
  long long deadline = now_ms() + EVENT_WAIT_MS;
  for (;;) {
    sync_engine_process_events(engine);
    if (done(seen, arg)) return 1;
    if (now_ms() >= deadline) return 0;
    sync_engine_wait_for_events(engine, 200);
  }
}

static int is_connected(const observed *seen, const void *arg) {
  (void)arg;
  return seen->connected;
}

static int is_disconnected(const observed *seen, const void *arg) {
  (void)arg;
  return !seen->connected;
}

static int saw_created(const observed *seen, const void *id) {
  return strcmp(seen->created_id, id) == 0;
}

static int saw_host_death(const observed *seen, const void *arg) {
  (void)arg;
  return seen->last_error_code == PATCHSYNC_ERR_ENGINE_CLOSED;
}

static void register_all(void *engine, observed *seen) {
  for (int kind = 0; kind < PATCHSYNC_EVENT_KIND_COUNT; kind++) {
    sync_engine_set_callback(engine, (patchsync_event_kind)kind, on_event, seen);
  }
}

static int contains(const char *haystack, const char *needle) {
  return haystack && strstr(haystack, needle) != NULL;
}

/* Every entry point given NULL, a foreign pointer or a destroyed engine fails cleanly. */
static void check_rejects_bad_engine(void *bad, const char *what) {
  char description[256];
  char *text = (char *)"untouched";
  int64_t count = 7;
  int flag = 7;
#define EXPECT_INVALID(call)                                      \
  snprintf(description, sizeof description, "%s: %s", what, #call); \
  check_code(call, PATCHSYNC_ERR_INVALID_ARGUMENT, description)
  EXPECT_INVALID(sync_engine_create_document(bad, "{\"title\":\"t\",\"content\":{}}", &text));
  EXPECT_INVALID(sync_engine_update_document(bad, "id", "[]"));
  EXPECT_INVALID(sync_engine_delete_document(bad, "id"));
  EXPECT_INVALID(sync_engine_get_document(bad, "id", &text));
  EXPECT_INVALID(sync_engine_list_documents(bad, &text));
  EXPECT_INVALID(sync_engine_document_count(bad, &count));
  EXPECT_INVALID(sync_engine_pending_count(bad, &count));
  EXPECT_INVALID(sync_engine_is_connected(bad, &flag));
  EXPECT_INVALID(sync_engine_connect(bad));
  EXPECT_INVALID(sync_engine_disconnect(bad));
  EXPECT_INVALID(sync_engine_wait_synced(bad, 100));
  EXPECT_INVALID(sync_engine_set_callback(bad, PATCHSYNC_EVENT_ERROR, on_event, NULL));
  EXPECT_INVALID(sync_engine_process_events(bad));
  EXPECT_INVALID(sync_engine_wait_for_events(bad, 0));
#undef EXPECT_INVALID
  snprintf(description, sizeof description, "%s: out-parameters and pid are left alone", what);
  check(strcmp(text, "untouched") == 0 && count == 7 && flag == 7 && sync_engine_host_pid(bad) == -1, description);
  snprintf(description, sizeof description, "%s: has no last error, and the thread-local one explains", what);
  text = sync_last_error();
  check(sync_engine_last_error(bad) == NULL && text != NULL, description);
  sync_string_free(text);
  sync_engine_destroy(bad);
}

static void check_rejects_bad_arguments(void *engine) {
  char *text = NULL;
  char *error;
  int64_t count;
  check_code(sync_engine_create_document(engine, NULL, &text), PATCHSYNC_ERR_INVALID_ARGUMENT, "create: NULL json");
  check_code(sync_engine_create_document(engine, "{\"title\":\"t\",\"content\":{}}", NULL),
             PATCHSYNC_ERR_INVALID_ARGUMENT, "create: NULL out_id");
  check_code(sync_engine_create_document(engine, "{\"title\": ", &text), PATCHSYNC_ERR_INVALID_JSON,
             "create: malformed json");
  check_code(sync_engine_create_document(engine, "{\"title\":\"t\"} trailing", &text), PATCHSYNC_ERR_INVALID_JSON,
             "create: trailing garbage");
  check_code(sync_engine_create_document(engine, "[1,2]", &text), PATCHSYNC_ERR_INVALID_ARGUMENT,
             "create: json that is not a document");
  check_code(sync_engine_create_document(engine, "{\"title\":\"\xff\",\"content\":{}}", &text),
             PATCHSYNC_ERR_INVALID_JSON, "create: invalid UTF-8");
  check(text == NULL, "failed creates leave out_id NULL");
  check_code(sync_engine_update_document(engine, NULL, "[]"), PATCHSYNC_ERR_INVALID_ARGUMENT, "update: NULL id");
  check_code(sync_engine_update_document(engine, "", "[]"), PATCHSYNC_ERR_INVALID_ARGUMENT, "update: empty id");
  check_code(sync_engine_update_document(engine, "x", NULL), PATCHSYNC_ERR_INVALID_ARGUMENT, "update: NULL patch");
  check_code(sync_engine_update_document(engine, "x", "[{"), PATCHSYNC_ERR_INVALID_JSON, "update: malformed patch");
  check_code(sync_engine_update_document(engine, "\xc3\x28", "[]"), PATCHSYNC_ERR_INVALID_ARGUMENT,
             "update: id that is not UTF-8");
  check_code(sync_engine_delete_document(engine, NULL), PATCHSYNC_ERR_INVALID_ARGUMENT, "delete: NULL id");
  check_code(sync_engine_get_document(engine, NULL, &text), PATCHSYNC_ERR_INVALID_ARGUMENT, "get: NULL id");
  check_code(sync_engine_get_document(engine, "x", NULL), PATCHSYNC_ERR_INVALID_ARGUMENT, "get: NULL out");
  check_code(sync_engine_list_documents(engine, NULL), PATCHSYNC_ERR_INVALID_ARGUMENT, "list: NULL out");
  check_code(sync_engine_document_count(engine, NULL), PATCHSYNC_ERR_INVALID_ARGUMENT, "count: NULL out");
  check_code(sync_engine_pending_count(engine, NULL), PATCHSYNC_ERR_INVALID_ARGUMENT, "pending: NULL out");
  check_code(sync_engine_is_connected(engine, NULL), PATCHSYNC_ERR_INVALID_ARGUMENT, "is_connected: NULL out");
  check_code(sync_engine_wait_synced(engine, 0), PATCHSYNC_ERR_INVALID_ARGUMENT, "wait_synced: zero timeout");
  check_code(sync_engine_wait_for_events(engine, -1), PATCHSYNC_ERR_INVALID_ARGUMENT, "wait_for_events: negative");
  check_code(sync_engine_set_callback(engine, PATCHSYNC_EVENT_KIND_COUNT, on_event, NULL),
             PATCHSYNC_ERR_INVALID_ARGUMENT, "set_callback: unknown kind");
  check_code(sync_engine_set_callback(engine, (patchsync_event_kind)-1, on_event, NULL),
             PATCHSYNC_ERR_INVALID_ARGUMENT, "set_callback: negative kind");
  check_code(sync_engine_get_document(engine, "00000000-0000-4000-8000-000000000000", &text),
             PATCHSYNC_ERR_DOCUMENT_NOT_FOUND, "get: unknown document");
  check(text == NULL, "a failed get leaves out_json NULL");
  error = sync_engine_last_error(engine);
  check(contains(error, "document_not_found"), "the engine's last error names the failure");
  sync_string_free(error);
  check_code(sync_engine_update_document(engine, "00000000-0000-4000-8000-000000000000",
                                         "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":1}]"),
             PATCHSYNC_ERR_DOCUMENT_NOT_FOUND, "update: unknown document");
  check_code(sync_engine_document_count(engine, &count), PATCHSYNC_OK, "the engine still works after bad calls");
}

static void check_rejects_bad_options(void) {
  patchsync_options options;
  char *error;
  memset(&options, 0, sizeof options);
  check(sync_engine_create(NULL, NULL, NULL) == NULL, "create with NULL arguments returns NULL");
  error = sync_last_error();
  check(contains(error, "invalid_argument"), "and sync_last_error explains it");
  sync_string_free(error);
  check(sync_engine_create_ex(NULL) == NULL, "create_ex with NULL options returns NULL");
  check(sync_engine_create_ex(&options) == NULL, "create_ex with empty options returns NULL");
  options.database_path = "x.db";
  options.server_url = "ws://127.0.0.1:1/ws";
  options.auth_token = "t";
  options.timeout_ms = -1;
  check(sync_engine_create_ex(&options) == NULL, "create_ex with a negative timeout returns NULL");
  options.timeout_ms = 0;
  options.user_id = "";
  check(sync_engine_create_ex(&options) == NULL, "create_ex with an empty user id returns NULL");
  options.user_id = "\xfe";
  check(sync_engine_create_ex(&options) == NULL, "create_ex with a user id that is not UTF-8 returns NULL");
  sync_string_free(NULL);
  sync_engine_destroy(NULL);
}

static int is_auth_failed(const observed *seen, const void *arg) {
  (void)arg;
  return seen->last_error_code == PATCHSYNC_ERR_AUTH_FAILED;
}

/*
 * The seed's three-argument call on a database nothing was bound to: the library chooses a new
 * user id and binds it, and the server decides (this one registers unknown users). The same call
 * reopens the database as that user; the server still refuses a wrong token, and the library still
 * refuses a path that is no database.
 */
static void check_plain_create(const char *url, const char *path, const char *directory) {
  observed seen;
  void *engine;
  char *id = NULL;
  char *text;
  int64_t count = -1;

  memset(&seen, 0, sizeof seen);
  engine = sync_engine_create(path, url, "token-new");
  check(engine != NULL, "plain create opens a new database under a new user");
  if (!engine) {
    text = sync_last_error();
    fprintf(stderr, "sync_engine_create: %s\n", text ? text : "?");
    sync_string_free(text);
    return;
  }
  register_all(engine, &seen);
  check(await_events(engine, &seen, is_connected, NULL), "the server lets the new user in");
  check_code(sync_engine_create_document(engine, "{\"title\":\"New user\",\"content\":{}}", &id), PATCHSYNC_OK,
             "the new user creates a document");
  check_code(sync_engine_wait_synced(engine, 15000), PATCHSYNC_OK, "which reaches the server");
  free(id);
  sync_engine_destroy(engine);

  engine = sync_engine_create(path, url, "token-new");
  check(engine != NULL, "plain create reopens the new database");
  if (engine) {
    check_code(sync_engine_document_count(engine, &count), PATCHSYNC_OK, "counts its documents");
    check(count == 1, "as the same user, with the document");
    sync_engine_destroy(engine);
  }

  memset(&seen, 0, sizeof seen);
  engine = sync_engine_create(path, url, "not-the-token");
  check(engine != NULL, "plain create opens the database whatever the token (only the server knows it)");
  if (engine) {
    register_all(engine, &seen);
    check(await_events(engine, &seen, is_auth_failed, NULL), "and the server refuses a wrong token with auth_failed");
    sync_engine_destroy(engine);
  }

  check(sync_engine_create(directory, url, "token-new") == NULL, "plain create refuses a path that is no database");
  text = sync_last_error();
  check(text != NULL && *text != '\0', "and sync_last_error says why");
  sync_string_free(text);
}

int main(void) {
  const char *url = getenv("PATCHSYNC_TEST_URL");
  const char *directory = getenv("PATCHSYNC_TEST_DIR");
  char database[4096];
  char fresh[4096];
  char command[512];
  patchsync_options options;
  observed seen;
  void *engine;
  char *id = NULL;
  char *offline_id = NULL;
  char *text = NULL;
  char *remote_id;
  int64_t count = -1;
  int connected = -1;
  int foreign = 0;

  if (!url || !directory) {
    fprintf(stderr, "set PATCHSYNC_TEST_URL and PATCHSYNC_TEST_DIR\n");
    return 100;
  }
  snprintf(database, sizeof database, "%s/engine.db", directory);
  snprintf(fresh, sizeof fresh, "%s/new.db", directory);
  memset(&seen, 0, sizeof seen);

  check(strlen(sync_version()) > 0, "reports a version");
  check_rejects_bad_options();
  check_rejects_bad_engine(NULL, "NULL engine");
  check_rejects_bad_engine(&foreign, "foreign pointer");

  check_plain_create(url, fresh, directory);

  memset(&options, 0, sizeof options);
  options.database_path = database;
  options.server_url = url;
  options.user_id = "0c0c0c0c-0000-4000-8000-00000000000c";
  options.auth_token = "token-c";
  options.timeout_ms = 20000;
  options.reconnect_min_ms = 50;
  options.reconnect_max_ms = 300;
  engine = sync_engine_create_ex(&options);
  check(engine != NULL, "create_ex opens an engine against the live server");
  if (!engine) {
    text = sync_last_error();
    fprintf(stderr, "create_ex: %s\n", text ? text : "?");
    sync_string_free(text);
    return 1;
  }
  register_all(engine, &seen);
  check(sync_engine_host_pid(engine) > 0, "a host process runs");
  check(await_events(engine, &seen, is_connected, NULL), "a connection_established callback arrives");
  check_code(sync_engine_is_connected(engine, &connected), PATCHSYNC_OK, "is_connected");
  check(connected == 1, "the engine is connected");

  check_code(sync_engine_create_document(engine, "{\"title\":\"From C\",\"content\":{\"text\":\"v1\"}}", &id),
             PATCHSYNC_OK, "creates a document");
  check(id != NULL && strlen(id) == 36, "returns the new document's id");
  if (!id) return 1;
  check_code(sync_engine_get_document(engine, id, &text), PATCHSYNC_OK, "gets the document");
  check(contains(text, "\"From C\"") && contains(text, "\"v1\""), "the document JSON has its title and content");
  sync_string_free(text);
  check_code(sync_engine_update_document(engine, id, "[{\"op\":\"replace\",\"path\":\"/text\",\"value\":\"v2\"}]"),
             PATCHSYNC_OK, "updates it with a JSON Patch");
  check_code(sync_engine_get_document(engine, id, &text), PATCHSYNC_OK, "gets it again");
  check(contains(text, "\"v2\"") && !contains(text, "\"v1\""), "the update is visible locally");
  sync_string_free(text);
  check_code(sync_engine_list_documents(engine, &text), PATCHSYNC_OK, "lists documents");
  check(text && text[0] == '[' && contains(text, id), "the list is a JSON array holding the document");
  sync_string_free(text);
  check_code(sync_engine_document_count(engine, &count), PATCHSYNC_OK, "counts documents");
  check(count == 1, "one document");
  check_code(sync_engine_wait_synced(engine, 15000), PATCHSYNC_OK, "syncs with the server");
  check_code(sync_engine_pending_count(engine, &count), PATCHSYNC_OK, "counts pending ops");
  check(count == 0, "nothing is pending once synced");
  snprintf(command, sizeof command, "remote_text %s v2", id);
  check(control_ok(command), "a TypeScript client sees the update");

  check_rejects_bad_arguments(engine);

  check(control_ok("stop_server"), "the server stops");
  check(await_events(engine, &seen, is_disconnected, NULL), "a connection_lost callback arrives");
  check_code(sync_engine_is_connected(engine, &connected), PATCHSYNC_OK, "is_connected while offline");
  check(connected == 0, "the engine reports disconnected");
  check_code(sync_engine_update_document(engine, id, "[{\"op\":\"replace\",\"path\":\"/text\",\"value\":\"off-1\"}]"),
             PATCHSYNC_OK, "updates offline");
  check_code(sync_engine_update_document(engine, id, "[{\"op\":\"replace\",\"path\":\"/text\",\"value\":\"off-2\"}]"),
             PATCHSYNC_OK, "updates offline again");
  check_code(sync_engine_create_document(engine, "{\"title\":\"Offline\",\"content\":{\"n\":1}}", &offline_id),
             PATCHSYNC_OK, "creates offline");
  check_code(sync_engine_pending_count(engine, &count), PATCHSYNC_OK, "counts pending ops offline");
  check(count == 3, "the three offline ops wait in the outbox");
  check_code(sync_engine_wait_synced(engine, 300), PATCHSYNC_ERR_TIMEOUT, "waiting for sync offline times out");

  check(control_ok("start_server"), "a new server starts on the same database and port");
  check(await_events(engine, &seen, is_connected, NULL), "the engine reconnects on its own");
  check_code(sync_engine_wait_synced(engine, 15000), PATCHSYNC_OK, "the outbox drains");
  check_code(sync_engine_pending_count(engine, &count), PATCHSYNC_OK, "counts pending ops after reconnecting");
  check(count == 0, "nothing is pending after the outbox drained");
  snprintf(command, sizeof command, "remote_text %s off-2", id);
  check(control_ok(command), "the TypeScript client sees the last offline update");

  remote_id = control("remote_create From-TS");
  check(remote_id != NULL, "a TypeScript client creates a document");
  if (remote_id) {
    check(await_events(engine, &seen, saw_created, remote_id), "its document_created callback arrives in C");
    check_code(sync_engine_get_document(engine, remote_id, &text), PATCHSYNC_OK, "the remote document is local");
    check(contains(text, "From-TS"), "with its title");
    sync_string_free(text);
  }
  free(remote_id);

  check_code(sync_engine_delete_document(engine, offline_id), PATCHSYNC_OK, "deletes a document");
  check_code(sync_engine_get_document(engine, offline_id, &text), PATCHSYNC_ERR_DOCUMENT_NOT_FOUND,
             "a deleted document is gone");
  check_code(sync_engine_document_count(engine, &count), PATCHSYNC_OK, "counts after delete");
  check(count == 2, "two documents remain");

  check(kill(sync_engine_host_pid(engine), SIGKILL) == 0, "the host process is killed");
  check(await_events(engine, &seen, saw_host_death, NULL), "an engine_closed error callback arrives");
  check(sync_engine_host_pid(engine) == -1, "no host runs");
  check_code(sync_engine_is_connected(engine, &connected), PATCHSYNC_OK, "is_connected after the crash");
  check(connected == 0, "the engine reports disconnected");
  check_code(sync_engine_document_count(engine, &count), PATCHSYNC_OK, "the next call restarts the host");
  check(count == 2, "and the documents are still there");
  check(await_events(engine, &seen, is_connected, NULL), "the restarted host reconnects");
  check(seen.counts[PATCHSYNC_EVENT_CONNECTION_ATTEMPTING] > 0, "connection_attempting callbacks arrived");
  check(seen.counts[PATCHSYNC_EVENT_DOCUMENT_CREATED] > 0, "document_created callbacks arrived");

  sync_engine_destroy(engine);
  check_rejects_bad_engine(engine, "destroyed engine");

  engine = sync_engine_create(database, url, "token-c");
  check(engine != NULL, "plain create reopens the database with its stored user");
  if (engine) {
    check_code(sync_engine_get_document(engine, id, &text), PATCHSYNC_OK, "and finds the document");
    check(contains(text, "off-2"), "with its last content");
    sync_string_free(text);
    sync_engine_destroy(engine);
  }
  free(id);
  free(offline_id);
  printf("# %d failure(s)\n", failures);
  return failures > 99 ? 99 : failures;
}

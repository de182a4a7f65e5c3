/*
 * The engine: one host process per engine, one request in flight at a time, a reader thread that
 * routes the host's lines to the waiting call (matched by id) or to the event queue.
 */
#define _GNU_SOURCE
#include "patchsync.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "event-queue.h"
#include "host-process.h"
#include "json.h"

#ifndef PATCHSYNC_VERSION
#define PATCHSYNC_VERSION "0.0.0"
#endif

#define DEFAULT_TIMEOUT_MS 30000
/* How long a destroyed engine's host may take to close its database before it is killed. */
#define STOP_GRACE_MS 8000
/* A longer line means the host is broken; it is stopped rather than allowed to exhaust memory. */
#define MAX_LINE_BYTES ((size_t)1 << 30)

static const char *const EVENT_NAMES[PATCHSYNC_EVENT_KIND_COUNT] = {
    "document_created",     "document_updated",      "document_deleted",
    "sync_started",         "sync_completed",        "connection_lost",
    "connection_attempting", "connection_established", "conflict",
    "error",
};

typedef struct engine {
  pthread_mutex_t call_lock; /* held for a whole request, so one is in flight at a time */
  pthread_mutex_t lock;      /* guards every field below */
  pthread_cond_t changed;    /* a response or an event arrived, or the host died */
  host_process host;
  pthread_t reader;
  int host_running; /* a host was started and its reader thread not yet joined */
  int host_alive;   /* the reader has not seen the host's stdout end */
  int connected;    /* last connection event seen: established (1) or lost (0) */
  long long next_id;
  long long awaited_id;
  char *response;
  event_queue events;
  struct {
    patchsync_event_callback fn;
    void *user_data;
  } callbacks[PATCHSYNC_EVENT_KIND_COUNT];
  char *last_error;
  int timeout_ms;
  char *open_params; /* replayed when a dead host is respawned */
  char *host_command;
} engine;

/* ---- live engine registry: lets every function reject a NULL, stale or foreign pointer ---- */

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static engine **registry;
static size_t registry_count;
static size_t registry_cap;

static int registry_add(engine *e) {
  int rc = 0;
  pthread_mutex_lock(&registry_lock);
  if (registry_count == registry_cap) {
    size_t cap = registry_cap ? registry_cap * 2 : 8;
    engine **grown = realloc(registry, cap * sizeof *grown);
    if (grown) {
      registry = grown;
      registry_cap = cap;
    } else {
      rc = -1;
    }
  }
  if (rc == 0) registry[registry_count++] = e;
  pthread_mutex_unlock(&registry_lock);
  return rc;
}

static int registry_remove(const void *pointer) {
  int found = 0;
  pthread_mutex_lock(&registry_lock);
  for (size_t i = 0; i < registry_count; i++) {
    if (registry[i] == pointer) {
      registry[i] = registry[--registry_count];
      found = 1;
      break;
    }
  }
  if (registry_count == 0) {
    free(registry);
    registry = NULL;
    registry_cap = 0;
  }
  pthread_mutex_unlock(&registry_lock);
  return found;
}

/* ---- errors ---- */

/* Fixed-size so a thread's message never needs freeing when the thread exits. */
static _Thread_local char thread_error[1024];
static _Thread_local int thread_error_code;

/* Records a failure that has no engine to hold it; the message starts with the code's name. */
static void set_thread_error(int code, const char *format, ...) {
  int prefix = snprintf(thread_error, sizeof thread_error, "%s: ", patchsync_result_code(code));
  va_list args;
  va_start(args, format);
  vsnprintf(thread_error + prefix, sizeof thread_error - (size_t)prefix, format, args);
  va_end(args);
  thread_error_code = code;
}

static void set_error(engine *e, const char *format, ...) {
  char message[1024];
  char *copy;
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  copy = strdup(message);
  pthread_mutex_lock(&e->lock);
  free(e->last_error);
  e->last_error = copy;
  pthread_mutex_unlock(&e->lock);
}

static engine *lookup(void *pointer) {
  int found = 0;
  pthread_mutex_lock(&registry_lock);
  for (size_t i = 0; i < registry_count && !found; i++) found = registry[i] == pointer;
  pthread_mutex_unlock(&registry_lock);
  if (!found) {
    set_thread_error(PATCHSYNC_ERR_INVALID_ARGUMENT,
                     pointer ? "not a live engine (destroyed, or never created)" : "engine is NULL");
    return NULL;
  }
  return pointer;
}

static int invalid(engine *e, const char *what) {
  set_error(e, "invalid_argument: %s", what);
  return PATCHSYNC_ERR_INVALID_ARGUMENT;
}

/* ---- reader thread ---- */

static int event_kind(const char *name) {
  for (int kind = 0; kind < PATCHSYNC_EVENT_KIND_COUNT; kind++) {
    if (strcmp(EVENT_NAMES[kind], name) == 0) return kind;
  }
  return -1;
}

/* Routes one line. Lines that are not protocol objects (stray output of a library) are ignored. */
static void handle_line(engine *e, const char *line, size_t len) {
  json_object object;
  const json_field *id;
  const json_field *name;
  if (json_parse_object(line, len, &object) != 0) return;
  id = json_get(&object, "id");
  name = json_get(&object, "event");
  pthread_mutex_lock(&e->lock);
  if (id && id->kind == JSON_NUMBER) {
    if ((long long)id->number == e->awaited_id && !e->response) {
      e->response = strndup(line, len);
      pthread_cond_broadcast(&e->changed);
    }
  } else if (name && name->kind == JSON_STRING && event_kind(name->text) >= 0) {
    const json_field *document_id = json_get(&object, "document_id");
    const json_field *data = json_get(&object, "data");
    const json_field *number = json_get(&object, "number");
    const json_field *message = json_get(&object, "message");
    int kind = event_kind(name->text);
    if (kind == PATCHSYNC_EVENT_CONNECTION_ESTABLISHED) e->connected = 1;
    if (kind == PATCHSYNC_EVENT_CONNECTION_LOST) e->connected = 0;
    event_queue_push(&e->events, (patchsync_event_kind)kind,
                     document_id && document_id->kind == JSON_STRING ? document_id->text : NULL,
                     data ? data->raw : NULL, data ? data->raw_len : 0,
                     kind == PATCHSYNC_EVENT_ERROR && number && number->kind == JSON_NUMBER ? (int)number->number
                                                                                            : PATCHSYNC_OK,
                     message && message->kind == JSON_STRING ? message->text : NULL);
    pthread_cond_broadcast(&e->changed);
  }
  pthread_mutex_unlock(&e->lock);
  json_object_free(&object);
}

static void *reader_main(void *argument) {
  engine *e = argument;
  json_buffer line = {0};
  char chunk[65536];
  for (;;) {
    ssize_t n = read(e->host.from_host, chunk, sizeof chunk);
    char *start = chunk;
    char *end;
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    end = chunk + n;
    while (start < end) {
      char *newline = memchr(start, '\n', (size_t)(end - start));
      size_t take = (size_t)((newline ? newline : end) - start);
      json_buffer_append(&line, start, take);
      if (line.failed || line.len > MAX_LINE_BYTES) goto done;
      if (newline) {
        handle_line(e, line.data ? line.data : "", line.len);
        line.len = 0;
      }
      start += take + (newline ? 1 : 0);
    }
  }
done:
  free(json_buffer_finish(&line));
  pthread_mutex_lock(&e->lock);
  e->host_alive = 0;
  if (e->connected) {
    e->connected = 0;
    event_queue_push(&e->events, PATCHSYNC_EVENT_CONNECTION_LOST, NULL, NULL, 0, PATCHSYNC_OK, NULL);
  }
  event_queue_push(&e->events, PATCHSYNC_EVENT_ERROR, NULL, NULL, 0, PATCHSYNC_ERR_ENGINE_CLOSED,
                   "the sync host process exited; the next call restarts it");
  pthread_cond_broadcast(&e->changed);
  pthread_mutex_unlock(&e->lock);
  return NULL;
}

/* ---- host lifecycle ---- */

/* A parsed response; the object's raw spans point into `line`, so both live and die together. */
typedef struct reply {
  char *line;
  json_object object;
} reply;

static void reply_free(reply *r) {
  json_object_free(&r->object);
  free(r->line);
  r->line = NULL;
}

static void stop_host(engine *e) {
  if (!e->host_running) return;
  /* Marked dead first, under the lock, so sync_engine_host_pid never reads a pid being cleared. */
  pthread_mutex_lock(&e->lock);
  e->host_alive = 0;
  pthread_mutex_unlock(&e->lock);
  host_process_stop(&e->host, STOP_GRACE_MS);
  shutdown(e->host.from_host, SHUT_RDWR);
  pthread_join(e->reader, NULL);
  close(e->host.from_host);
  e->host.from_host = -1;
  pthread_mutex_lock(&e->lock);
  e->host_running = 0;
  e->host_alive = 0;
  e->connected = 0;
  pthread_mutex_unlock(&e->lock);
}

static struct timespec deadline_after(int ms) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ts.tv_sec += ms / 1000;
  ts.tv_nsec += (long)(ms % 1000) * 1000000L;
  if (ts.tv_nsec >= 1000000000L) {
    ts.tv_sec++;
    ts.tv_nsec -= 1000000000L;
  }
  return ts;
}

static int write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
#ifdef MSG_NOSIGNAL
    ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
#else
    ssize_t n = send(fd, data, len, 0);
#endif
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    data += n;
    len -= (size_t)n;
  }
  return 0;
}

/*
 * Sends one request and waits for its answer (caller holds call_lock). On success *response holds
 * the answer, which the caller frees with reply_free. `params` is a JSON object text or NULL.
 */
static int request(engine *e, const char *method, const char *params, int wait_ms, reply *response) {
  json_buffer line = {0};
  struct timespec deadline;
  long long id;
  char *answer;
  char *text;
  int alive;
  const json_field *ok;
  const json_field *number;
  const json_field *message;
  int code;

  response->line = NULL;
  response->object.fields = NULL;
  response->object.count = 0;
  pthread_mutex_lock(&e->lock);
  alive = e->host_alive;
  id = ++e->next_id;
  e->awaited_id = id;
  free(e->response);
  e->response = NULL;
  pthread_mutex_unlock(&e->lock);
  if (!alive) {
    set_error(e, "engine_closed: the sync host is not running");
    return PATCHSYNC_ERR_ENGINE_CLOSED;
  }

  json_buffer_append_text(&line, "{\"id\":");
  json_buffer_append_long(&line, id);
  json_buffer_append_text(&line, ",\"method\":");
  json_buffer_append_string(&line, method);
  json_buffer_append_text(&line, ",\"params\":");
  json_buffer_append_text(&line, params ? params : "{}");
  json_buffer_append_text(&line, "}\n");
  text = json_buffer_finish(&line);
  if (!text) {
    set_error(e, "internal_error: out of memory");
    return PATCHSYNC_ERR_INTERNAL_ERROR;
  }
  if (write_all(e->host.to_host, text, strlen(text)) != 0) {
    free(text);
    /* A partly written line would desynchronise the protocol: end this host; the next call respawns. */
    kill(e->host.pid, SIGKILL);
    set_error(e, "engine_closed: cannot write to the sync host");
    return PATCHSYNC_ERR_ENGINE_CLOSED;
  }
  free(text);

  deadline = deadline_after(wait_ms);
  pthread_mutex_lock(&e->lock);
  while (!e->response && e->host_alive) {
    if (pthread_cond_timedwait(&e->changed, &e->lock, &deadline) == ETIMEDOUT) break;
  }
  answer = e->response;
  e->response = NULL;
  e->awaited_id = 0;
  alive = e->host_alive;
  pthread_mutex_unlock(&e->lock);

  if (!answer) {
    if (!alive) {
      set_error(e, "engine_closed: the sync host process exited during %s", method);
      return PATCHSYNC_ERR_ENGINE_CLOSED;
    }
    set_error(e, "timeout: no answer to %s within %d ms", method, wait_ms);
    return PATCHSYNC_ERR_TIMEOUT;
  }
  if (json_parse_object(answer, strlen(answer), &response->object) != 0) {
    free(answer);
    set_error(e, "internal_error: unreadable answer from the sync host");
    return PATCHSYNC_ERR_INTERNAL_ERROR;
  }
  response->line = answer;
  ok = json_get(&response->object, "ok");
  if (ok && ok->kind == JSON_BOOL && ok->boolean) return PATCHSYNC_OK;

  number = json_get(&response->object, "number");
  message = json_get(&response->object, "message");
  code = number && number->kind == JSON_NUMBER && number->number >= 1 && number->number <= INT_MAX
             ? (int)number->number
             : PATCHSYNC_ERR_INTERNAL_ERROR;
  set_error(e, "%s: %s", patchsync_result_code(code) ? patchsync_result_code(code) : "error",
            message && message->kind == JSON_STRING ? message->text : "(no message)");
  reply_free(response);
  return code;
}

/* Spawns a host and opens the client in it (caller holds call_lock). */
static int start_host(engine *e) {
  char reason[1024];
  reply response;
  int rc;
  if (host_process_start(&e->host, e->host_command, reason, sizeof reason) != 0) {
    set_error(e, "engine_closed: %s", reason);
    return PATCHSYNC_ERR_ENGINE_CLOSED;
  }
  {
    struct timeval limit = {e->timeout_ms / 1000, (e->timeout_ms % 1000) * 1000};
    /* A host that stops reading must not block a call forever. */
    setsockopt(e->host.to_host, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
  }
  pthread_mutex_lock(&e->lock);
  e->host_alive = 1;
  e->connected = 0;
  pthread_mutex_unlock(&e->lock);
  if (pthread_create(&e->reader, NULL, reader_main, e) != 0) {
    host_process_stop(&e->host, 0);
    close(e->host.from_host);
    e->host.from_host = -1;
    e->host_alive = 0;
    set_error(e, "internal_error: cannot start the reader thread");
    return PATCHSYNC_ERR_INTERNAL_ERROR;
  }
  e->host_running = 1;
  rc = request(e, "open", e->open_params, e->timeout_ms, &response);
  if (rc != PATCHSYNC_OK) {
    stop_host(e);
    return rc;
  }
  reply_free(&response);
  return PATCHSYNC_OK;
}

/* A dead host is replaced before the next call; the client's outbox survives in SQLite. */
static int ensure_host(engine *e) {
  int alive;
  pthread_mutex_lock(&e->lock);
  alive = e->host_alive;
  pthread_mutex_unlock(&e->lock);
  if (alive) return PATCHSYNC_OK;
  stop_host(e);
  return start_host(e);
}

/* Locks the engine for one call and makes sure a host is running. */
static int call(engine *e, const char *method, const char *params, int wait_ms, reply *response) {
  int rc;
  pthread_mutex_lock(&e->call_lock);
  rc = ensure_host(e);
  if (rc == PATCHSYNC_OK) rc = request(e, method, params, wait_ms, response);
  pthread_mutex_unlock(&e->call_lock);
  return rc;
}

static char *result_copy(engine *e, const reply *response, int want_string) {
  const json_field *result = json_get(&response->object, "result");
  char *out = NULL;
  if (result && want_string && result->kind == JSON_STRING) out = strdup(result->text);
  else if (result && !want_string) out = strndup(result->raw, result->raw_len);
  if (!out) set_error(e, "internal_error: the sync host returned no usable result");
  return out;
}

/* ---- engine creation ---- */

static char *open_params(const patchsync_options *o, const char *cwd) {
  json_buffer params = {0};
  json_buffer_append_text(&params, "{\"database_path\":");
  json_buffer_append_string(&params, o->database_path);
  json_buffer_append_text(&params, ",\"server_url\":");
  json_buffer_append_string(&params, o->server_url);
  json_buffer_append_text(&params, ",\"auth_token\":");
  json_buffer_append_string(&params, o->auth_token);
  json_buffer_append_text(&params, ",\"cwd\":");
  json_buffer_append_string(&params, cwd);
  json_buffer_append_text(&params, ",\"user_id\":");
  if (o->user_id) json_buffer_append_string(&params, o->user_id);
  else json_buffer_append_text(&params, "null");
  json_buffer_append_text(&params, ",\"client_id\":");
  if (o->client_id) json_buffer_append_string(&params, o->client_id);
  else json_buffer_append_text(&params, "null");
  json_buffer_append_text(&params, ",\"reconnect_min_ms\":");
  json_buffer_append_long(&params, o->reconnect_min_ms);
  json_buffer_append_text(&params, ",\"reconnect_max_ms\":");
  json_buffer_append_long(&params, o->reconnect_max_ms);
  json_buffer_append_text(&params, "}");
  return json_buffer_finish(&params);
}

static void free_engine(engine *e) {
  stop_host(e);
  event_queue_free_chain(event_queue_take_all(&e->events));
  free(e->response);
  free(e->last_error);
  free(e->open_params);
  free(e->host_command);
  pthread_cond_destroy(&e->changed);
  pthread_mutex_destroy(&e->lock);
  pthread_mutex_destroy(&e->call_lock);
  free(e);
}

static int empty(const char *text) {
  return !text || !*text;
}

void *sync_engine_create_ex(const patchsync_options *options) {
  char cwd[4096];
  const char *command;
  pthread_condattr_t attributes;
  engine *e;
  int rc;

  if (!options) {
    set_thread_error(PATCHSYNC_ERR_INVALID_ARGUMENT, "options is NULL");
    return NULL;
  }
  if (empty(options->database_path) || empty(options->server_url) || empty(options->auth_token)) {
    set_thread_error(PATCHSYNC_ERR_INVALID_ARGUMENT, "database_path, server_url and auth_token are required");
    return NULL;
  }
  if ((options->user_id && !*options->user_id) || (options->client_id && !*options->client_id)) {
    set_thread_error(PATCHSYNC_ERR_INVALID_ARGUMENT, "user_id and client_id must be NULL or non-empty");
    return NULL;
  }
  if (options->timeout_ms < 0 || options->reconnect_min_ms < 0 || options->reconnect_max_ms < 0) {
    set_thread_error(PATCHSYNC_ERR_INVALID_ARGUMENT, "timeouts must not be negative");
    return NULL;
  }
  if (!getcwd(cwd, sizeof cwd)) {
    set_thread_error(PATCHSYNC_ERR_INVALID_ARGUMENT, "cannot read the current directory: %s", strerror(errno));
    return NULL;
  }
  e = calloc(1, sizeof *e);
  if (!e) {
    set_thread_error(PATCHSYNC_ERR_INTERNAL_ERROR, "out of memory");
    return NULL;
  }
  pthread_mutex_init(&e->call_lock, NULL);
  pthread_mutex_init(&e->lock, NULL);
  pthread_condattr_init(&attributes);
  pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
  pthread_cond_init(&e->changed, &attributes);
  pthread_condattr_destroy(&attributes);
  e->host.pid = -1;
  e->host.to_host = e->host.from_host = -1;
  e->timeout_ms = options->timeout_ms > 0 ? options->timeout_ms : DEFAULT_TIMEOUT_MS;
  command = options->host_command ? options->host_command : getenv("PATCHSYNC_HOST_CMD");
  e->host_command = empty(command) ? NULL : strdup(command);
  e->open_params = open_params(options, cwd);
  if (!e->open_params) {
    set_thread_error(PATCHSYNC_ERR_INVALID_ARGUMENT, "a string option is not valid UTF-8");
    free_engine(e);
    return NULL;
  }
  pthread_mutex_lock(&e->call_lock);
  rc = start_host(e);
  pthread_mutex_unlock(&e->call_lock);
  if (rc == PATCHSYNC_OK && registry_add(e) != 0) {
    rc = PATCHSYNC_ERR_INTERNAL_ERROR;
    set_error(e, "internal_error: out of memory");
  }
  if (rc != PATCHSYNC_OK) {
    /* The engine's message already starts with the code's name; keep it without a second prefix. */
    snprintf(thread_error, sizeof thread_error, "%s", e->last_error ? e->last_error : "internal_error");
    thread_error_code = rc;
    free_engine(e);
    return NULL;
  }
  return e;
}

void *sync_engine_create(const char *database_path, const char *server_url, const char *auth_token) {
  patchsync_options options;
  memset(&options, 0, sizeof options);
  options.database_path = database_path;
  options.server_url = server_url;
  options.auth_token = auth_token;
  return sync_engine_create_ex(&options);
}

void sync_engine_destroy(void *pointer) {
  if (!pointer || !registry_remove(pointer)) return;
  free_engine(pointer);
}

/* ---- document calls ---- */

/* Builds {"name": value, ...} from string pairs; NULL when a value is not valid UTF-8. */
static char *string_params(const char *name1, const char *value1, const char *name2, const char *value2) {
  json_buffer params = {0};
  json_buffer_append_text(&params, "{");
  json_buffer_append_string(&params, name1);
  json_buffer_append_text(&params, ":");
  json_buffer_append_string(&params, value1);
  if (name2) {
    json_buffer_append_text(&params, ",");
    json_buffer_append_string(&params, name2);
    json_buffer_append_text(&params, ":");
    json_buffer_append_string(&params, value2);
  }
  json_buffer_append_text(&params, "}");
  return json_buffer_finish(&params);
}

/* Runs a call whose params are string pairs (none when name1 is NULL) and, when `out` is set,
 * copies the result. */
static int string_call(engine *e, const char *method, const char *name1, const char *value1, const char *name2,
                       const char *value2, char **out, int want_string) {
  reply response;
  char *params = name1 ? string_params(name1, value1, name2, value2) : NULL;
  int rc;
  if (name1 && !params) return invalid(e, "a string argument is not valid UTF-8");
  rc = call(e, method, params, e->timeout_ms, &response);
  free(params);
  if (rc != PATCHSYNC_OK) return rc;
  if (out) {
    *out = result_copy(e, &response, want_string);
    if (!*out) rc = PATCHSYNC_ERR_INTERNAL_ERROR;
  }
  reply_free(&response);
  return rc;
}

int sync_engine_create_document(void *pointer, const char *document_json, char **out_id) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (out_id) *out_id = NULL;
  if (!document_json || !out_id) return invalid(e, "document_json and out_id are required");
  if (!json_is_valid(document_json, strlen(document_json))) {
    set_error(e, "invalid_json: document_json is not valid JSON");
    return PATCHSYNC_ERR_INVALID_JSON;
  }
  return string_call(e, "create", "document_json", document_json, NULL, NULL, out_id, 1);
}

int sync_engine_update_document(void *pointer, const char *document_id, const char *patch_json) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (empty(document_id) || !patch_json) return invalid(e, "document_id and patch_json are required");
  if (!json_is_valid(patch_json, strlen(patch_json))) {
    set_error(e, "invalid_json: patch_json is not valid JSON");
    return PATCHSYNC_ERR_INVALID_JSON;
  }
  return string_call(e, "update", "document_id", document_id, "patch_json", patch_json, NULL, 0);
}

int sync_engine_delete_document(void *pointer, const char *document_id) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (empty(document_id)) return invalid(e, "document_id is required");
  return string_call(e, "delete", "document_id", document_id, NULL, NULL, NULL, 0);
}

int sync_engine_get_document(void *pointer, const char *document_id, char **out_json) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (out_json) *out_json = NULL;
  if (empty(document_id) || !out_json) return invalid(e, "document_id and out_json are required");
  return string_call(e, "get", "document_id", document_id, NULL, NULL, out_json, 0);
}

int sync_engine_list_documents(void *pointer, char **out_json) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (!out_json) return invalid(e, "out_json is required");
  *out_json = NULL;
  return string_call(e, "list", NULL, NULL, NULL, NULL, out_json, 0);
}

static int count_call(void *pointer, const char *method, int64_t *out_count) {
  engine *e = lookup(pointer);
  reply response;
  const json_field *result;
  int rc;
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (!out_count) return invalid(e, "out_count is required");
  *out_count = 0;
  rc = call(e, method, NULL, e->timeout_ms, &response);
  if (rc != PATCHSYNC_OK) return rc;
  result = json_get(&response.object, "result");
  if (result && result->kind == JSON_NUMBER && result->number >= 0) {
    *out_count = (int64_t)result->number;
  } else {
    set_error(e, "internal_error: the sync host returned no count");
    rc = PATCHSYNC_ERR_INTERNAL_ERROR;
  }
  reply_free(&response);
  return rc;
}

int sync_engine_document_count(void *engine, int64_t *out_count) {
  return count_call(engine, "count", out_count);
}

int sync_engine_pending_count(void *engine, int64_t *out_count) {
  return count_call(engine, "pending", out_count);
}

int sync_engine_is_connected(void *pointer, int *out_connected) {
  engine *e = lookup(pointer);
  reply response;
  const json_field *result;
  int alive;
  int rc;
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (!out_connected) return invalid(e, "out_connected is required");
  *out_connected = 0;
  pthread_mutex_lock(&e->lock);
  alive = e->host_alive;
  pthread_mutex_unlock(&e->lock);
  /* Asking never restarts a dead host: a dead host simply means offline. */
  if (!alive) return PATCHSYNC_OK;
  pthread_mutex_lock(&e->call_lock);
  rc = request(e, "connected", NULL, e->timeout_ms, &response);
  pthread_mutex_unlock(&e->call_lock);
  if (rc == PATCHSYNC_ERR_ENGINE_CLOSED) return PATCHSYNC_OK;
  if (rc != PATCHSYNC_OK) return rc;
  result = json_get(&response.object, "result");
  *out_connected = result && result->kind == JSON_BOOL && result->boolean;
  reply_free(&response);
  return PATCHSYNC_OK;
}

int sync_engine_connect(void *pointer) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  return string_call(e, "connect", NULL, NULL, NULL, NULL, NULL, 0);
}

int sync_engine_disconnect(void *pointer) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  return string_call(e, "disconnect", NULL, NULL, NULL, NULL, NULL, 0);
}

int sync_engine_wait_synced(void *pointer, int timeout_ms) {
  engine *e = lookup(pointer);
  json_buffer params = {0};
  reply response;
  char *text;
  int rc;
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (timeout_ms <= 0) return invalid(e, "timeout_ms must be positive");
  json_buffer_append_text(&params, "{\"timeout_ms\":");
  json_buffer_append_long(&params, timeout_ms);
  json_buffer_append_text(&params, "}");
  text = json_buffer_finish(&params);
  if (!text) return invalid(e, "out of memory");
  /* The host enforces timeout_ms; the extra margin only covers a host that stopped answering. */
  rc = call(e, "wait_synced", text, timeout_ms > INT_MAX - e->timeout_ms ? INT_MAX : timeout_ms + e->timeout_ms,
            &response);
  free(text);
  if (rc == PATCHSYNC_OK) reply_free(&response);
  return rc;
}

/* ---- events ---- */

int sync_engine_set_callback(void *pointer, patchsync_event_kind kind, patchsync_event_callback callback,
                             void *user_data) {
  engine *e = lookup(pointer);
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if ((int)kind < 0 || kind >= PATCHSYNC_EVENT_KIND_COUNT) return invalid(e, "unknown event kind");
  pthread_mutex_lock(&e->lock);
  e->callbacks[kind].fn = callback;
  e->callbacks[kind].user_data = callback ? user_data : NULL;
  pthread_mutex_unlock(&e->lock);
  return PATCHSYNC_OK;
}

int sync_engine_process_events(void *pointer) {
  engine *e = lookup(pointer);
  queued_event *chain;
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  pthread_mutex_lock(&e->lock);
  chain = event_queue_take_all(&e->events);
  pthread_mutex_unlock(&e->lock);
  /* No lock is held while a callback runs, so callbacks may call back into the engine. */
  for (queued_event *item = chain; item; item = item->next) {
    patchsync_event_callback fn;
    void *user_data;
    pthread_mutex_lock(&e->lock);
    fn = e->callbacks[item->kind].fn;
    user_data = e->callbacks[item->kind].user_data;
    pthread_mutex_unlock(&e->lock);
    if (fn) {
      patchsync_event event;
      event.kind = item->kind;
      event.document_id = item->document_id;
      event.data_json = item->data_json;
      event.error_code = item->error_code;
      event.message = item->message;
      fn(&event, user_data);
    }
  }
  event_queue_free_chain(chain);
  return PATCHSYNC_OK;
}

int sync_engine_wait_for_events(void *pointer, int timeout_ms) {
  engine *e = lookup(pointer);
  struct timespec deadline;
  int rc;
  if (!e) return PATCHSYNC_ERR_INVALID_ARGUMENT;
  if (timeout_ms < 0) return invalid(e, "timeout_ms must not be negative");
  deadline = deadline_after(timeout_ms);
  pthread_mutex_lock(&e->lock);
  while (!e->events.head && e->host_alive) {
    if (pthread_cond_timedwait(&e->changed, &e->lock, &deadline) == ETIMEDOUT) break;
  }
  rc = e->events.head ? PATCHSYNC_OK : e->host_alive ? PATCHSYNC_ERR_TIMEOUT : PATCHSYNC_ERR_ENGINE_CLOSED;
  pthread_mutex_unlock(&e->lock);
  if (rc == PATCHSYNC_ERR_ENGINE_CLOSED) set_error(e, "engine_closed: the sync host is not running");
  if (rc == PATCHSYNC_ERR_TIMEOUT) set_error(e, "timeout: no event within %d ms", timeout_ms);
  return rc;
}

/* ---- introspection ---- */

int sync_engine_host_pid(void *pointer) {
  engine *e = lookup(pointer);
  int pid;
  if (!e) return -1;
  pthread_mutex_lock(&e->lock);
  pid = e->host_alive ? (int)e->host.pid : -1;
  pthread_mutex_unlock(&e->lock);
  return pid;
}

char *sync_engine_last_error(void *pointer) {
  engine *e = lookup(pointer);
  char *copy = NULL;
  if (!e) return NULL;
  pthread_mutex_lock(&e->lock);
  if (e->last_error) copy = strdup(e->last_error);
  pthread_mutex_unlock(&e->lock);
  return copy;
}

char *sync_last_error(void) {
  return thread_error[0] ? strdup(thread_error) : NULL;
}

int sync_last_error_code(void) {
  return thread_error_code;
}

const char *sync_version(void) {
  return PATCHSYNC_VERSION;
}

void sync_string_free(char *string) {
  free(string);
}

/*
 * Minimal JSON support for the host protocol: a validating reader for one flat object per line
 * (values kept as raw text, strings also decoded) and a growable buffer that writes JSON strings.
 * Internal to libpatchsync; no external dependencies.
 */
#ifndef PATCHSYNC_JSON_H
#define PATCHSYNC_JSON_H

#include <stddef.h>

typedef enum json_kind {
  JSON_NULL,
  JSON_BOOL,
  JSON_NUMBER,
  JSON_STRING,
  JSON_OBJECT,
  JSON_ARRAY
} json_kind;

/** One member of a flat object. `raw` points into the parsed text; `text` is the decoded string. */
typedef struct json_field {
  char *key;
  json_kind kind;
  const char *raw;
  size_t raw_len;
  char *text;      /* JSON_STRING only: decoded UTF-8, NUL-terminated */
  double number;   /* JSON_NUMBER only */
  int boolean;     /* JSON_BOOL only */
} json_field;

typedef struct json_object {
  json_field *fields;
  size_t count;
} json_object;

/** Parses `text` (exactly one object, surrounding whitespace allowed). Returns 0, or -1 on any error. */
int json_parse_object(const char *text, size_t len, json_object *out);
/** The member named `key`, or NULL. With duplicate keys the last one wins, as in JSON.parse. */
const json_field *json_get(const json_object *object, const char *key);
void json_object_free(json_object *object);
/** 1 when `text` is exactly one valid JSON value (any type), else 0. */
int json_is_valid(const char *text, size_t len);

typedef struct json_buffer {
  char *data;
  size_t len;
  size_t cap;
  int failed; /* set on allocation failure or invalid UTF-8; later appends are ignored */
} json_buffer;

void json_buffer_append(json_buffer *buffer, const char *bytes, size_t len);
void json_buffer_append_text(json_buffer *buffer, const char *text);
/** Appends `text` as a quoted JSON string; marks the buffer failed if it is not valid UTF-8. */
void json_buffer_append_string(json_buffer *buffer, const char *text);
void json_buffer_append_long(json_buffer *buffer, long long value);
/** Returns the NUL-terminated text (ownership passes to the caller), or NULL if the buffer failed. */
char *json_buffer_finish(json_buffer *buffer);

#endif

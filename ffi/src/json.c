#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper values are refused so a hostile line cannot exhaust the stack. */
#define JSON_MAX_DEPTH 512

typedef struct json_reader {
  const unsigned char *p;
  const unsigned char *end;
} json_reader;

/* Length of the UTF-8 sequence at s (1-4) storing its code point, or 0 if it is malformed,
 * overlong, a surrogate or beyond U+10FFFF. */
static size_t utf8_decode(const unsigned char *s, const unsigned char *end, unsigned *cp) {
  unsigned c = s[0];
  size_t n;
  unsigned min;
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; c &= 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; c &= 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; c &= 0x07; }
  else return 0;
  if ((size_t)(end - s) < n) return 0;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (s[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *cp = c;
  return n;
}

static size_t utf8_encode(unsigned cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

static void skip_ws(json_reader *r) {
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) r->p++;
}

static int read_hex4(json_reader *r, unsigned *out) {
  unsigned v = 0;
  if (r->end - r->p < 4) return -1;
  for (int i = 0; i < 4; i++) {
    unsigned char c = *r->p++;
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
    else return -1;
  }
  *out = v;
  return 0;
}

/* Reads a string starting at its opening quote. With `decoded` set, stores a malloc'd UTF-8 copy.
 * The decoded form is never longer than the raw form, so one allocation of that size suffices. */
static int read_string(json_reader *r, char **decoded) {
  const unsigned char *start;
  char *out = NULL;
  size_t len = 0;
  if (r->p >= r->end || *r->p != '"') return -1;
  r->p++;
  start = r->p;
  if (decoded) {
    const unsigned char *q = start;
    while (q < r->end && *q != '"') q += (*q == '\\' && q + 1 < r->end) ? 2 : 1;
    out = malloc((size_t)(q - start) + 1);
    if (!out) return -1;
  }
  while (r->p < r->end) {
    unsigned char c = *r->p;
    if (c == '"') {
      r->p++;
      if (decoded) { out[len] = '\0'; *decoded = out; }
      return 0;
    }
    if (c < 0x20) break;
    if (c == '\\') {
      unsigned cp;
      r->p++;
      if (r->p >= r->end) break;
      c = *r->p++;
      switch (c) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
          if (read_hex4(r, &cp) != 0) goto fail;
          if (cp >= 0xD800 && cp <= 0xDBFF && r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u') {
            json_reader ahead = *r;
            unsigned low;
            ahead.p += 2;
            if (read_hex4(&ahead, &low) == 0 && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              *r = ahead;
            }
          }
          /* JSON.stringify escapes lone surrogates, which UTF-8 cannot hold, and U+0000 would cut a C
           * string short: decoded text gets U+FFFD for both; raw spans keep the escapes untouched. */
          if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) cp = 0xFFFD;
          break;
        default:
          goto fail;
      }
      if (decoded) len += utf8_encode(cp, out + len);
    } else {
      unsigned cp;
      size_t n = utf8_decode(r->p, r->end, &cp);
      if (n == 0) break;
      if (decoded) memcpy(out + len, r->p, n);
      len += n;
      r->p += n;
    }
  }
fail:
  free(out);
  return -1;
}

static int read_digits(json_reader *r, double *value) {
  const unsigned char *start = r->p;
  while (r->p < r->end && *r->p >= '0' && *r->p <= '9') {
    if (value) *value = *value * 10 + (*r->p - '0');
    r->p++;
  }
  return r->p > start ? 0 : -1;
}

/* RFC 8259 number grammar. The value is computed by hand (not strtod) so the process locale's
 * decimal separator cannot change the result; precision matters only for counts, which are exact. */
static int read_number(json_reader *r, double *out) {
  double value = 0;
  int negative = 0;
  int scale = 0;
  if (r->p < r->end && *r->p == '-') { negative = 1; r->p++; }
  if (r->p < r->end && *r->p == '0') {
    r->p++;
  } else if (read_digits(r, &value) != 0) {
    return -1;
  }
  if (r->p < r->end && *r->p == '.') {
    const unsigned char *frac;
    r->p++;
    frac = r->p;
    if (read_digits(r, &value) != 0) return -1;
    scale -= (int)(r->p - frac);
  }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
    double exponent = 0;
    int exp_negative = 0;
    r->p++;
    if (r->p < r->end && (*r->p == '+' || *r->p == '-')) exp_negative = *r->p++ == '-';
    if (read_digits(r, &exponent) != 0) return -1;
    if (exponent > 100000) exponent = 100000;
    scale += exp_negative ? -(int)exponent : (int)exponent;
  }
  for (; scale > 0; scale--) value *= 10;
  for (; scale < 0; scale++) value /= 10;
  *out = negative ? -value : value;
  return 0;
}

static int read_literal(json_reader *r, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0) return -1;
  r->p += n;
  return 0;
}

static int read_value(json_reader *r, int depth, json_kind *kind);

static int read_container(json_reader *r, int depth, int is_object) {
  char close = is_object ? '}' : ']';
  json_kind kind;
  if (depth >= JSON_MAX_DEPTH) return -1;
  r->p++;
  skip_ws(r);
  if (r->p < r->end && *r->p == close) { r->p++; return 0; }
  for (;;) {
    if (is_object) {
      if (read_string(r, NULL) != 0) return -1;
      skip_ws(r);
      if (r->p >= r->end || *r->p != ':') return -1;
      r->p++;
      skip_ws(r);
    }
    if (read_value(r, depth + 1, &kind) != 0) return -1;
    skip_ws(r);
    if (r->p >= r->end) return -1;
    if (*r->p == ',') { r->p++; skip_ws(r); continue; }
    if (*r->p == close) { r->p++; return 0; }
    return -1;
  }
}

static int read_value(json_reader *r, int depth, json_kind *kind) {
  double ignored;
  if (r->p >= r->end) return -1;
  switch (*r->p) {
    case '{': *kind = JSON_OBJECT; return read_container(r, depth, 1);
    case '[': *kind = JSON_ARRAY; return read_container(r, depth, 0);
    case '"': *kind = JSON_STRING; return read_string(r, NULL);
    case 't': *kind = JSON_BOOL; return read_literal(r, "true");
    case 'f': *kind = JSON_BOOL; return read_literal(r, "false");
    case 'n': *kind = JSON_NULL; return read_literal(r, "null");
    default: *kind = JSON_NUMBER; return read_number(r, &ignored);
  }
}

int json_is_valid(const char *text, size_t len) {
  json_reader r;
  json_kind kind;
  if (!text) return 0;
  r.p = (const unsigned char *)text;
  r.end = r.p + len;
  skip_ws(&r);
  if (read_value(&r, 0, &kind) != 0) return 0;
  skip_ws(&r);
  return r.p == r.end;
}

static int add_field(json_object *object, json_reader *r) {
  json_field field;
  json_field *grown;
  json_reader value_reader;
  memset(&field, 0, sizeof field);
  if (read_string(r, &field.key) != 0) return -1;
  skip_ws(r);
  if (r->p >= r->end || *r->p != ':') goto fail;
  r->p++;
  skip_ws(r);
  field.raw = (const char *)r->p;
  value_reader = *r;
  if (read_value(r, 1, &field.kind) != 0) goto fail;
  field.raw_len = (size_t)((const char *)r->p - field.raw);
  if (field.kind == JSON_STRING && read_string(&value_reader, &field.text) != 0) goto fail;
  if (field.kind == JSON_NUMBER && read_number(&value_reader, &field.number) != 0) goto fail;
  if (field.kind == JSON_BOOL) field.boolean = field.raw[0] == 't';
  grown = realloc(object->fields, (object->count + 1) * sizeof *grown);
  if (!grown) goto fail;
  object->fields = grown;
  object->fields[object->count++] = field;
  return 0;
fail:
  free(field.key);
  free(field.text);
  return -1;
}

int json_parse_object(const char *text, size_t len, json_object *out) {
  json_reader r;
  out->fields = NULL;
  out->count = 0;
  if (!text) return -1;
  r.p = (const unsigned char *)text;
  r.end = r.p + len;
  skip_ws(&r);
  if (r.p >= r.end || *r.p != '{') return -1;
  r.p++;
  skip_ws(&r);
  if (r.p < r.end && *r.p == '}') {
    r.p++;
  } else {
    for (;;) {
      if (add_field(out, &r) != 0) goto fail;
      skip_ws(&r);
      if (r.p >= r.end) goto fail;
      if (*r.p == ',') { r.p++; skip_ws(&r); continue; }
      if (*r.p == '}') { r.p++; break; }
      goto fail;
    }
  }
  skip_ws(&r);
  if (r.p != r.end) goto fail;
  return 0;
fail:
  json_object_free(out);
  return -1;
}

const json_field *json_get(const json_object *object, const char *key) {
  for (size_t i = object->count; i > 0; i--) {
    if (strcmp(object->fields[i - 1].key, key) == 0) return &object->fields[i - 1];
  }
  return NULL;
}

void json_object_free(json_object *object) {
  for (size_t i = 0; i < object->count; i++) {
    free(object->fields[i].key);
    free(object->fields[i].text);
  }
  free(object->fields);
  object->fields = NULL;
  object->count = 0;
}

void json_buffer_append(json_buffer *buffer, const char *bytes, size_t len) {
  if (buffer->failed) return;
  if (buffer->len + len + 1 > buffer->cap) {
    size_t cap = buffer->cap ? buffer->cap : 256;
    char *grown;
    while (cap < buffer->len + len + 1) cap *= 2;
    grown = realloc(buffer->data, cap);
    if (!grown) { buffer->failed = 1; return; }
    buffer->data = grown;
    buffer->cap = cap;
  }
  memcpy(buffer->data + buffer->len, bytes, len);
  buffer->len += len;
  buffer->data[buffer->len] = '\0';
}

void json_buffer_append_text(json_buffer *buffer, const char *text) {
  json_buffer_append(buffer, text, strlen(text));
}

void json_buffer_append_string(json_buffer *buffer, const char *text) {
  const unsigned char *p = (const unsigned char *)text;
  const unsigned char *end = p + strlen(text);
  json_buffer_append(buffer, "\"", 1);
  while (p < end && !buffer->failed) {
    unsigned cp;
    size_t n = utf8_decode(p, end, &cp);
    if (n == 0) { buffer->failed = 1; break; }
    if (cp == '"') json_buffer_append(buffer, "\\\"", 2);
    else if (cp == '\\') json_buffer_append(buffer, "\\\\", 2);
    else if (cp < 0x20) {
      char escaped[8];
      snprintf(escaped, sizeof escaped, "\\u%04x", cp);
      json_buffer_append(buffer, escaped, 6);
    } else {
      json_buffer_append(buffer, (const char *)p, n);
    }
    p += n;
  }
  json_buffer_append(buffer, "\"", 1);
}

void json_buffer_append_long(json_buffer *buffer, long long value) {
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%lld", value);
  json_buffer_append(buffer, digits, (size_t)n);
}

char *json_buffer_finish(json_buffer *buffer) {
  char *data = buffer->data;
  if (buffer->failed || !data) {
    free(data);
    data = NULL;
  }
  buffer->data = NULL;
  buffer->len = buffer->cap = 0;
  buffer->failed = 0;
  return data;
}

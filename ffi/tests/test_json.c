/* Unit checks of the library's JSON reader and writer (ffi/src/json.c), compiled in directly.
 * Prints TAP lines; the exit status is the number of failures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/json.h"

static int failures;

static void check(int condition, const char *description) {
  printf("%s - %s\n", condition ? "ok" : "not ok", description);
  if (!condition) failures++;
}

static int parses(const char *text) {
  json_object object;
  int ok = json_parse_object(text, strlen(text), &object) == 0;
  json_object_free(&object);
  return ok;
}

static int field_is(const char *text, const char *key, const char *expected) {
  json_object object;
  const json_field *field;
  int ok;
  if (json_parse_object(text, strlen(text), &object) != 0) return 0;
  field = json_get(&object, key);
  ok = field && field->kind == JSON_STRING && strcmp(field->text, expected) == 0;
  json_object_free(&object);
  return ok;
}

static char *written(const char *value) {
  json_buffer buffer = {0};
  json_buffer_append_string(&buffer, value);
  return json_buffer_finish(&buffer);
}

int main(void) {
  json_object object;
  const json_field *field;
  const char *text;
  char *output;
  char deep[2000];

  text = "{\"id\":7,\"ok\":true,\"result\":{\"a\":[1,\"}\"]},\"n\":null,\"s\":\"x\"}";
  check(json_parse_object(text, strlen(text), &object) == 0, "parses a flat object with nested raw values");
  field = json_get(&object, "result");
  check(field && field->kind == JSON_OBJECT && field->raw_len == 13 && strncmp(field->raw, "{\"a\":[1,\"}\"]}", 13) == 0,
        "keeps a nested value as its exact raw text");
  field = json_get(&object, "id");
  check(field && field->kind == JSON_NUMBER && field->number == 7, "reads numbers");
  field = json_get(&object, "ok");
  check(field && field->kind == JSON_BOOL && field->boolean, "reads booleans");
  field = json_get(&object, "n");
  check(field && field->kind == JSON_NULL && json_get(&object, "missing") == NULL, "reads null; absent keys are NULL");
  json_object_free(&object);

  check(field_is("{\"s\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u20ac\"}", "s", "a\"b\\c/d\n\t\xc3\xa9\xe2\x82\xac"),
        "decodes escapes to UTF-8");
  check(field_is("{\"s\":\"\\ud83d\\ude00\"}", "s", "\xf0\x9f\x98\x80"), "joins surrogate pairs");
  check(field_is("{\"s\":\"\\ud800x\"}", "s", "\xef\xbf\xbdx"), "turns a lone surrogate into U+FFFD");
  check(field_is("{\"s\":\"a\\u0000b\"}", "s", "a\xef\xbf\xbd" "b"), "never lets U+0000 cut a string short");
  check(field_is("{\"k\":\"first\",\"k\":\"last\"}", "k", "last"), "the last duplicate key wins");
  check(field_is(" \r\n{ \"s\" : \"\xe2\x82\xac\" } \n", "s", "\xe2\x82\xac"), "allows surrounding whitespace");
  check(parses("{}"), "parses an empty object");

  check(!parses(""), "rejects empty input");
  check(!parses("[1]"), "rejects a top-level array");
  check(!parses("{\"a\":1} x"), "rejects trailing garbage");
  check(!parses("{\"a\":1,}"), "rejects a trailing comma");
  check(!parses("{\"a\":01}"), "rejects a leading zero");
  check(!parses("{\"a\":1.}"), "rejects a bare decimal point");
  check(!parses("{\"a\":-}"), "rejects a lone minus");
  check(!parses("{\"a\":tru}"), "rejects a truncated literal");
  check(!parses("{\"a\":\"\x01\"}"), "rejects a raw control character in a string");
  check(!parses("{\"a\":\"\\x\"}"), "rejects an unknown escape");
  check(!parses("{\"a\":\"\\u12g4\"}"), "rejects a bad \\u escape");
  check(!parses("{\"a\":\"\xc3\x28\"}"), "rejects invalid UTF-8");
  check(!parses("{\"a\":\"\xc0\xaf\"}"), "rejects overlong UTF-8");
  check(!parses("{\"a\":\"\xed\xa0\x80\"}"), "rejects an encoded surrogate");
  check(!parses("{\"a\":\"open}"), "rejects an unterminated string");
  check(!parses("{\"a\":[1,2}"), "rejects mismatched brackets");
  check(json_parse_object(NULL, 0, &object) != 0, "rejects NULL");

  memset(deep, '[', 600);
  memset(deep + 600, ']', 600);
  deep[1200] = '\0';
  check(!json_is_valid(deep, 1200), "refuses nesting deeper than the limit");
  check(json_is_valid(deep + 100, 1000), "accepts nesting within the limit");
  check(json_is_valid("1.5e-3", 6) && json_is_valid(" \"x\" ", 5) && !json_is_valid("1 2", 3),
        "validates single values of any type");

  output = written("quote\" back\\ nl\n tab\t bell\x07 \xe2\x82\xac");
  check(output && strcmp(output, "\"quote\\\" back\\\\ nl\\u000a tab\\u0009 bell\\u0007 \xe2\x82\xac\"") == 0,
        "writes strings with every control character escaped");
  free(output);
  check(written("bad \xff byte") == NULL, "refuses to write invalid UTF-8");

  printf("# %d failure(s)\n", failures);
  return failures;
}

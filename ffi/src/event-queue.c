#include "event-queue.h"

#include <stdlib.h>
#include <string.h>

static char *copy(const char *text, size_t len) {
  char *out = malloc(len + 1);
  if (!out) return NULL;
  memcpy(out, text, len);
  out[len] = '\0';
  return out;
}

int event_queue_push(event_queue *queue, patchsync_event_kind kind, const char *document_id, const char *data_json,
                     size_t data_len, int error_code, const char *message) {
  queued_event *event = calloc(1, sizeof *event);
  if (!event) return -1;
  event->kind = kind;
  event->error_code = error_code;
  if (!data_json) {
    data_json = "null";
    data_len = 4;
  }
  event->data_json = copy(data_json, data_len);
  if (document_id) event->document_id = copy(document_id, strlen(document_id));
  if (message) event->message = copy(message, strlen(message));
  if (!event->data_json || (document_id && !event->document_id) || (message && !event->message)) {
    event_queue_free_chain(event);
    return -1;
  }
  if (queue->tail) queue->tail->next = event;
  else queue->head = event;
  queue->tail = event;
  return 0;
}

queued_event *event_queue_take_all(event_queue *queue) {
  queued_event *chain = queue->head;
  queue->head = queue->tail = NULL;
  return chain;
}

void event_queue_free_chain(queued_event *chain) {
  while (chain) {
    queued_event *next = chain->next;
    free(chain->document_id);
    free(chain->data_json);
    free(chain->message);
    free(chain);
    chain = next;
  }
}

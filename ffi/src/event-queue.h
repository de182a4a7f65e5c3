/* Events received from the host, waiting for sync_engine_process_events(). Internal. */
#ifndef PATCHSYNC_EVENT_QUEUE_H
#define PATCHSYNC_EVENT_QUEUE_H

#include <stddef.h>

#include "patchsync.h"

typedef struct queued_event {
  struct queued_event *next;
  patchsync_event_kind kind;
  char *document_id; /* may be NULL */
  char *data_json;   /* never NULL */
  int error_code;
  char *message;     /* may be NULL */
} queued_event;

typedef struct event_queue {
  queued_event *head;
  queued_event *tail;
} event_queue;

/** Appends an event, copying the strings. Returns 0, or -1 when out of memory (the event is dropped). */
int event_queue_push(event_queue *queue, patchsync_event_kind kind, const char *document_id, const char *data_json,
                     size_t data_len, int error_code, const char *message);
/** Detaches and returns every queued event, oldest first. */
queued_event *event_queue_take_all(event_queue *queue);
/** Frees a chain returned by event_queue_take_all(). */
void event_queue_free_chain(queued_event *chain);

#endif

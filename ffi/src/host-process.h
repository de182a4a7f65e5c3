/* Starting and stopping the Node host process that runs the TypeScript client. Internal. */
#ifndef PATCHSYNC_HOST_PROCESS_H
#define PATCHSYNC_HOST_PROCESS_H

#include <stddef.h>
#include <sys/types.h>

typedef struct host_process {
  pid_t pid;
  int to_host;   /* the host's stdin (a socket, so writes after its death fail instead of raising SIGPIPE) */
  int from_host; /* the host's stdout */
} host_process;

/**
 * Starts the host: `command` through /bin/sh -c in the caller's directory when given, otherwise
 * node on the package's ffi/host.ts (development tree, through tsx) or dist/ffi/host.js (built
 * package) in the package root. Returns 0, or -1 with a reason in `error`.
 */
int host_process_start(host_process *host, const char *command, char *error, size_t error_size);

/** Closes the host's stdin, gives it grace_ms to exit, then kills it; always reaps it. */
void host_process_stop(host_process *host, int grace_ms);

#endif

#define _GNU_SOURCE
#include "host-process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef PATCHSYNC_PACKAGE_ROOT
#error "build with -DPATCHSYNC_PACKAGE_ROOT=\"/path/to/package\" (npm run build:ffi does)"
#endif

extern char **environ;

static int file_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static int make_socket_pair(int fds[2]) {
#ifdef SOCK_CLOEXEC
  return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
#else
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return -1;
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  return 0;
#endif
}

int host_process_start(host_process *host, const char *command, char *error, size_t error_size) {
  static const char root[] = PATCHSYNC_PACKAGE_ROOT;
  char source[4096];
  char built[4096];
  char tsx[4096];
  const char *argv[5] = {0};
  const char *directory = NULL;
  int to_child[2];
  int from_child[2];
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  sigset_t signals;
  pid_t pid;
  int rc;

  snprintf(source, sizeof source, "%s/ffi/host.ts", root);
  snprintf(built, sizeof built, "%s/dist/ffi/host.js", root);
  snprintf(tsx, sizeof tsx, "%s/node_modules/tsx/package.json", root);
  if (command) {
    argv[0] = "/bin/sh";
    argv[1] = "-c";
    argv[2] = command;
  } else if (file_exists(source) && file_exists(tsx)) {
    argv[0] = "node";
    argv[1] = "--import";
    argv[2] = "tsx";
    argv[3] = source;
    directory = root;
  } else if (file_exists(built)) {
    argv[0] = "node";
    argv[1] = built;
    directory = root;
  } else {
    snprintf(error, error_size, "no host found: neither %s (with tsx) nor %s exists; run `npm run build` "
             "or set PATCHSYNC_HOST_CMD", source, built);
    return -1;
  }

  if (make_socket_pair(to_child) != 0) {
    snprintf(error, error_size, "socketpair: %s", strerror(errno));
    return -1;
  }
  if (make_socket_pair(from_child) != 0) {
    snprintf(error, error_size, "socketpair: %s", strerror(errno));
    close(to_child[0]);
    close(to_child[1]);
    return -1;
  }

  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[1], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
  if (directory) posix_spawn_file_actions_addchdir_np(&actions, directory);
  posix_spawnattr_init(&attributes);
  /* Own process group: a Ctrl-C meant for the application does not kill the host mid-write; the
   * host still exits when the application dies, because its stdin then ends. */
  posix_spawnattr_setpgroup(&attributes, 0);
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attributes, &signals);
  sigaddset(&signals, SIGPIPE);
  sigaddset(&signals, SIGCHLD);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  posix_spawnattr_setsigdefault(&attributes, &signals);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  rc = posix_spawnp(&pid, argv[0], &actions, &attributes, (char *const *)argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close(to_child[1]);
  close(from_child[1]);
  if (rc != 0) {
    snprintf(error, error_size, "cannot start %s: %s", argv[0], strerror(rc));
    close(to_child[0]);
    close(from_child[0]);
    return -1;
  }
  host->pid = pid;
  host->to_host = to_child[0];
  host->from_host = from_child[0];
  return 0;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

/* 1 once the child is reaped, or cannot be (ECHILD: the application set SIGCHLD to SIG_IGN). */
static int reaped(pid_t pid, int options) {
  for (;;) {
    pid_t r = waitpid(pid, NULL, options);
    if (r == pid) return 1;
    if (r == 0) return 0;
    if (errno != EINTR) return 1;
  }
}

void host_process_stop(host_process *host, int grace_ms) {
  if (host->to_host >= 0) {
    close(host->to_host);
    host->to_host = -1;
  }
  if (host->pid > 0) {
    int waited = 0;
    while (!reaped(host->pid, WNOHANG)) {
      if (waited >= grace_ms) {
        kill(host->pid, SIGKILL);
        reaped(host->pid, 0);
        break;
      }
      sleep_ms(10);
      waited += 10;
    }
    host->pid = -1;
  }
}

/*
 * patchsync C++ wrapper (C++17, header-only): RAII ownership of an engine, std::string in and out,
 * exceptions instead of result codes, std::function event handlers.
 *
 *   patchsync::Options options;
 *   options.database_path = "app.db";  options.server_url = "ws://…/ws";
 *   options.user_id = "550e8400-…";         options.auth_token = "…";
 *   patchsync::Engine engine(options);
 *   std::string id = engine.create_document(R"({"title":"Notes","content":{"text":""}})");
 *   engine.on(PATCHSYNC_EVENT_DOCUMENT_UPDATED, [](const patchsync::Event &e) { … });
 *   engine.process_events();  // in your main loop: handlers run here, on this thread
 */
#ifndef PATCHSYNC_HPP
#define PATCHSYNC_HPP

#include <array>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "patchsync.h"

namespace patchsync {

/** A failed call: a registry result code (e.g. PATCHSYNC_ERR_DOCUMENT_NOT_FOUND) and why. */
class Error : public std::runtime_error {
 public:
  Error(int code, const std::string &message) : std::runtime_error(message), code_(code) {}
  int code() const noexcept { return code_; }
  /** The registry's name for the code, e.g. "document_not_found". */
  const char *code_name() const noexcept {
    const char *name = patchsync_result_code(code_);
    return name ? name : "unknown";
  }
  bool retryable() const noexcept { return patchsync_result_retryable(code_) != 0; }

 private:
  int code_;
};

/** An event, copied out of the library so handlers may keep it. */
struct Event {
  patchsync_event_kind kind;
  std::string document_id;
  std::string data_json;
  int error_code;
  std::string message;
};

/** Mirrors patchsync_options; empty strings mean "not set". */
struct Options {
  std::string database_path;
  std::string server_url;
  std::string user_id;
  std::string auth_token;
  std::string client_id;
  int timeout_ms = 0;
  int reconnect_min_ms = 0;
  int reconnect_max_ms = 0;
  std::string host_command;
};

namespace detail {
/** Takes ownership of a library string. */
inline std::string take(char *text) {
  std::string out = text ? text : "";
  sync_string_free(text);
  return out;
}
inline const char *or_null(const std::string &text) { return text.empty() ? nullptr : text.c_str(); }
}  // namespace detail

/** One sync engine. Move-only; destroying it closes the client and stops its host process. */
class Engine {
 public:
  using Handler = std::function<void(const Event &)>;

  explicit Engine(const Options &options) : state_(new State) {
    patchsync_options raw = {};
    raw.database_path = options.database_path.c_str();
    raw.server_url = options.server_url.c_str();
    raw.user_id = detail::or_null(options.user_id);
    raw.auth_token = options.auth_token.c_str();
    raw.client_id = detail::or_null(options.client_id);
    raw.timeout_ms = options.timeout_ms;
    raw.reconnect_min_ms = options.reconnect_min_ms;
    raw.reconnect_max_ms = options.reconnect_max_ms;
    raw.host_command = detail::or_null(options.host_command);
    adopt(sync_engine_create_ex(&raw));
  }

  /** Reopens a database an earlier Engine(Options) bound to a user (the seed's create). */
  Engine(const std::string &database_path, const std::string &server_url, const std::string &auth_token)
      : state_(new State) {
    adopt(sync_engine_create(database_path.c_str(), server_url.c_str(), auth_token.c_str()));
  }

  Engine(Engine &&) noexcept = default;
  Engine &operator=(Engine &&) noexcept = default;
  Engine(const Engine &) = delete;
  Engine &operator=(const Engine &) = delete;

  /** Creates a document from {"title", "content", "id"?} JSON and returns its id. */
  std::string create_document(const std::string &document_json) {
    char *id = nullptr;
    check(sync_engine_create_document(handle(), document_json.c_str(), &id));
    return detail::take(id);
  }
  void update_document(const std::string &id, const std::string &patch_json) {
    check(sync_engine_update_document(handle(), id.c_str(), patch_json.c_str()));
  }
  void delete_document(const std::string &id) { check(sync_engine_delete_document(handle(), id.c_str())); }
  std::string get_document(const std::string &id) {
    char *json = nullptr;
    check(sync_engine_get_document(handle(), id.c_str(), &json));
    return detail::take(json);
  }
  std::string list_documents() {
    char *json = nullptr;
    check(sync_engine_list_documents(handle(), &json));
    return detail::take(json);
  }
  std::int64_t document_count() {
    std::int64_t count = 0;
    check(sync_engine_document_count(handle(), &count));
    return count;
  }
  std::int64_t pending_count() {
    std::int64_t count = 0;
    check(sync_engine_pending_count(handle(), &count));
    return count;
  }
  bool is_connected() {
    int connected = 0;
    check(sync_engine_is_connected(handle(), &connected));
    return connected != 0;
  }
  void connect() { check(sync_engine_connect(handle())); }
  void disconnect() { check(sync_engine_disconnect(handle())); }
  void wait_synced(int timeout_ms) { check(sync_engine_wait_synced(handle(), timeout_ms)); }

  /** Sets (or, with an empty handler, clears) the handler for one kind of event. */
  void on(patchsync_event_kind kind, Handler handler) {
    bool set = static_cast<bool>(handler);
    check(sync_engine_set_callback(handle(), kind, set ? &Engine::dispatch : nullptr, state_.get()));
    state_->handlers.at(static_cast<std::size_t>(kind)) = std::move(handler);
  }

  /** Runs handlers for queued events on this thread; rethrows the first exception a handler threw. */
  void process_events() {
    check(sync_engine_process_events(handle()));
    if (state_ && state_->failure) std::rethrow_exception(std::exchange(state_->failure, nullptr));
  }

  /** Waits up to timeout_ms for an event; false when none arrived. */
  bool wait_for_events(int timeout_ms) {
    int rc = sync_engine_wait_for_events(handle(), timeout_ms);
    if (rc == PATCHSYNC_ERR_TIMEOUT) return false;
    check(rc);
    return true;
  }

  /** The C handle, for calls this wrapper does not cover. */
  void *handle() const noexcept { return engine_.get(); }

 private:
  struct State {
    std::array<Handler, PATCHSYNC_EVENT_KIND_COUNT> handlers;
    std::exception_ptr failure;
  };
  struct Destroy {
    void operator()(void *engine) const noexcept { sync_engine_destroy(engine); }
  };

  void adopt(void *engine) {
    if (!engine) throw Error(sync_last_error_code(), detail::take(sync_last_error()));
    engine_.reset(engine);
  }

  void check(int rc) const {
    if (rc != PATCHSYNC_OK) throw Error(rc, detail::take(sync_engine_last_error(handle())));
  }

  /* Exceptions must not cross the C library, so they are parked and rethrown by process_events(). */
  static void dispatch(const patchsync_event *event, void *user_data) {
    State *state = static_cast<State *>(user_data);
    if (state->failure) return;
    try {
      const Handler &handler = state->handlers.at(static_cast<std::size_t>(event->kind));
      if (!handler) return;
      handler(Event{event->kind, event->document_id ? event->document_id : "", event->data_json,
                    event->error_code, event->message ? event->message : ""});
    } catch (...) {
      state->failure = std::current_exception();
    }
  }

  /* Declared before engine_ so the engine (whose callbacks point at the state) is destroyed first. */
  std::unique_ptr<State> state_;
  std::unique_ptr<void, Destroy> engine_;
};

}  // namespace patchsync

#endif

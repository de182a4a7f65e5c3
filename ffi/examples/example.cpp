// A small C++ app on the patchsync C API: opens an engine, writes a note, prints what it receives.
// Build: npm run build:ffi, then
//   g++ -std=c++17 -Iffi/include ffi/examples/example.cpp -Lffi/build -lpatchsync -Wl,-rpath,ffi/build
// Run:   ./a.out <database path> <server url> <user id> <auth token>
#include <cstdio>
#include <string>

#include "patchsync.hpp"

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s <database path> <server url> <user id> <auth token>\n", argv[0]);
    return 2;
  }
  try {
    patchsync::Options options;
    options.database_path = argv[1];
    options.server_url = argv[2];
    options.user_id = argv[3];
    options.auth_token = argv[4];
    patchsync::Engine engine(options);

    engine.on(PATCHSYNC_EVENT_CONNECTION_ESTABLISHED,
              [](const patchsync::Event &) { std::puts("connected"); });
    engine.on(PATCHSYNC_EVENT_DOCUMENT_UPDATED, [](const patchsync::Event &event) {
      std::printf("document %s updated\n", event.document_id.c_str());
    });
    engine.on(PATCHSYNC_EVENT_ERROR, [](const patchsync::Event &event) {
      std::fprintf(stderr, "sync error %d: %s\n", event.error_code, event.message.c_str());
    });

    std::string id = engine.create_document(R"({"title":"Shopping","content":{"items":["milk"]}})");
    engine.update_document(id, R"([{"op":"add","path":"/items/-","value":"bread"}])");
    std::printf("%s\n", engine.get_document(id).c_str());

    engine.wait_synced(10000);
    engine.process_events();
    std::printf("%lld document(s), %lld pending\n", static_cast<long long>(engine.document_count()),
                static_cast<long long>(engine.pending_count()));
    return 0;
  } catch (const patchsync::Error &error) {
    std::fprintf(stderr, "patchsync: %s (%s)\n", error.what(), error.code_name());
    return 1;
  }
}

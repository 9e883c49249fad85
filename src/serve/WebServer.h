#pragma once
// The HTTP side of `tengerim serve` (cpp-httplib): routes to ApiService, the
// dashboard's files from the built-in assets (data/web/, compiled in; no file
// is read from disk, so no path can escape), the body size limit, and every
// error as JSON {"error": {"kind", "message"}}.
#include <memory>

#include "serve/ApiService.h"
#include "serve/ServeOptions.h"

namespace tengerim {

class WebServer {
 public:
  WebServer(const ApiService& api, const ServeOptions& options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds host:port (port 0: a free port) and returns the port; fails (I/O) when it cannot.
  int bind();
  // Serves until stop(); call after bind().
  void run();
  // Safe from another thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tengerim

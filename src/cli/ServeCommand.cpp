#include <fmt/format.h>

#include <iostream>

#include "cli/CommandTable.h"
#include "run/Pipeline.h"
#include "serve/ApiService.h"
#include "serve/WebServer.h"

namespace tengerim {

void serve_command(const RunOptions& options) {
  const ServeOptions serve = ServeOptions::from(options);
  ApiService api(Pipeline::load_snapshot(options.text("run.model")), serve);
  WebServer server(api, serve);
  const int port = server.bind();
  std::cerr << fmt::format("tengerim: dashboard of {} at http://{}:{}/ (Ctrl-C stops)\n", options.text("run.model"),
                           serve.host, port);
  server.run();
}

}  // namespace tengerim

#include "cli/ServeCommand.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "model/ModelSource.h"
#include "serve/ApiService.h"
#include "serve/WebServer.h"

namespace tengerim {
namespace {

struct ServeCliOptions {
  std::string model;
  ServeOptions server;
};

void run_serve(const ServeCliOptions& options) {
  options.server.validate();
  ApiService api(ModelSource::from_argument(options.model), options.server);
  WebServer server(api, options.server);
  int port = server.bind();
  std::cerr << fmt::format("tengerim: dashboard of {} at http://{}:{}/ (Ctrl-C stops)\n",
                           options.model.empty() ? "builtin:kaz" : options.model, options.server.host, port);
  server.run();
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeCliOptions>();
  auto* command = app.add_subcommand("serve", "Serve the dashboard and a JSON API (report, shock, risk) on this machine");
  command->add_option("model", options->model, "Model folder, or builtin:NAME (default: builtin:kaz)");
  command->add_option("--port", options->server.port, "TCP port (0: any free port)")->capture_default_str();
  command->add_option("--host", options->server.host, "Address to listen on (loopback by default)")
      ->capture_default_str();
  command->add_option("--max-draws", options->server.max_draws, "Largest Monte Carlo draw count a request may ask")
      ->capture_default_str();
  command->add_option("--timeout-ms", options->server.timeout_ms, "Time limit per request, in milliseconds")
      ->capture_default_str();
  command->callback([options] { run_serve(*options); });
}

}  // namespace tengerim

#include "serve/WebServer.h"

#include <fmt/format.h>
#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>
#include <memory>
#include <string_view>

#include "common/EmbeddedData.h"
#include "common/CancelToken.h"
#include "common/Error.h"
#include "serve/ClientWatch.h"

namespace tengerim {
namespace {

constexpr const char* kJson = "application/json";

std::string content_type(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

void send(httplib::Response& response, const ApiResponse& api) {
  response.status = api.status;
  response.set_content(api.body, kJson);
  if (api.status == 503) response.set_header("Retry-After", "1");
}

void serve_asset(httplib::Response& response, const std::string& name) {
  // Only names of the built-in assets resolve; the lookup is in a table, not the file system.
  auto file = find_embedded_file("web/" + name);
  if (!file) return send(response, ApiService::error(404, "not_found", "no such asset: " + name));
  response.set_content(std::string(*file), content_type(name).c_str());
  response.set_header("Cache-Control", "no-cache");
}

std::string status_kind(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    default: return status >= 500 ? "internal" : "bad_request";
  }
}

}  // namespace

struct WebServer::Impl {
  Impl(const ApiService& service, const ServeOptions& serve) : api(service), options(serve) {}
  const ApiService& api;
  ServeOptions options;
  httplib::Server server;
  int port = 0;
  int listen_socket = -1;
};

WebServer::WebServer(const ApiService& api, const ServeOptions& options)
    : impl_(std::make_unique<Impl>(api, options)) {
  auto& server = impl_->server;
  server.set_payload_max_length(ServeOptions::kMaxBody);
  // One worker per open connection up to kWorkers: httplib's default (8) keeps
  // further keep-alive clients queued behind idle connections.
  server.new_task_queue = [] { return new httplib::ThreadPool(ServeOptions::kWorkers); };
  // A connection serves a bounded number of requests and is closed when idle, so
  // idle clients cannot hold the workers.
  server.set_keep_alive_max_count(ServeOptions::kKeepAliveRequests);
  server.set_keep_alive_timeout(ServeOptions::kKeepAliveSeconds);
  server.set_socket_options([this](socket_t socket) {
    int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    // Accepted sockets inherit it: headers and body go out at once, not 40 ms apart (Nagle + delayed ACK).
    ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    impl_->listen_socket = socket;
  });
  // Each read and write on a connection: a client that sends or reads too slowly is dropped.
  const auto io_timeout = std::chrono::milliseconds(options.io_timeout_ms);
  server.set_read_timeout(io_timeout);
  server.set_write_timeout(io_timeout);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:"}});

  server.Get("/", [](const httplib::Request&, httplib::Response& response) { serve_asset(response, "index.html"); });
  server.Get(R"(/assets/([A-Za-z0-9_\-]+\.[a-z]+))", [](const httplib::Request& request, httplib::Response& response) {
    serve_asset(response, request.matches[1]);
  });
  // Every /api/ request goes to ApiService::handle with a cancel token: the time
  // limit, and a probe that stops the run when the client has gone.
  auto route = [this](const httplib::Request& request, httplib::Response& response) {
    CancelToken cancel;
    cancel.set_deadline(CancelToken::Clock::now() + std::chrono::milliseconds(impl_->options.timeout_ms));
    auto watch = std::make_shared<ClientWatch>(request.remote_addr, request.remote_port);
    cancel.set_probe([watch] { return watch->gone(); });
    ApiRequest call{request.method, request.path, {request.params.begin(), request.params.end()}, request.body, &cancel};
    send(response, impl_->api.handle(call));
  };
  server.Get(R"(/api/.*)", route);
  server.Post(R"(/api/.*)", route);
  server.Put(R"(/api/.*)", route);
  server.Delete(R"(/api/.*)", route);
  // httplib answers unknown paths, oversized bodies and the like itself, with an empty body: make it JSON.
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string message = response.status == 413
                              ? fmt::format("request body above the limit of {} bytes", ServeOptions::kMaxBody)
                              : fmt::format("{} {}: no such resource", request.method, request.path);
    send(response, ApiService::error(response.status, status_kind(response.status), message));
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    send(response, ApiService::error(500, "internal", "unexpected failure while serving the request"));
  });
}

WebServer::~WebServer() { stop(); }

int WebServer::bind() {
  auto& impl = *impl_;
  impl.port = impl.options.port == 0 ? impl.server.bind_to_any_port(impl.options.host)
                                     : (impl.server.bind_to_port(impl.options.host, static_cast<int>(impl.options.port))
                                            ? static_cast<int>(impl.options.port)
                                            : -1);
  if (impl.port <= 0)
    fail_io(fmt::format("{}:{}", impl.options.host, impl.options.port), "cannot listen here (in use, or not an address of this machine)");
  // Debian's httplib listens with a backlog of 5: a burst of new connections
  // would wait for SYN retransmits (1 s). Listening again raises it (Linux).
  if (impl.listen_socket >= 0) ::listen(impl.listen_socket, SOMAXCONN);
  return impl.port;
}

void WebServer::run() { impl_->server.listen_after_bind(); }

void WebServer::stop() {
  if (impl_->server.is_running()) impl_->server.stop();
}

}  // namespace tengerim

#pragma once
// The web API without HTTP: one handle() takes a request (method, path, query
// values, body) and returns a status and a JSON body, so the web server, the
// behaviour-case runner and the fuzz targets all go through the same code.
// Every endpoint runs a command's pipeline on the snapshot loaded at start-up
// (shared, read-only, so requests may run on many threads at once) and sends
// the CLI's document. Request fields are the registry options the command
// offers over HTTP, by name (`draws` is risk.draws), plus the what-if entries.
#include <atomic>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/CancelToken.h"
#include "run/ModelSnapshot.h"
#include "serve/ServeOptions.h"

namespace tengerim {

struct ApiRequest {
  std::string method;                         // "GET", "POST"
  std::string path;                           // "/api/risk"
  std::multimap<std::string, std::string> query;
  std::string body;
  const CancelToken* cancel = nullptr;        // the server's: time limit, client gone
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

class ApiService {
 public:
  ApiService(std::shared_ptr<const ModelSnapshot> snapshot, const ServeOptions& options);

  ApiResponse handle(const ApiRequest& request) const;
  const ServeOptions& options() const { return options_; }

  // {"error": {"kind", "message"[, "field"]}}
  static ApiResponse error(int status, const std::string& kind, const std::string& message,
                           const std::string& field = "");

 private:
  ApiResponse meta() const;
  ApiResponse options_document() const;
  ApiResponse report(const ApiRequest& request) const;
  ApiResponse what_if(const ApiRequest& request) const;
  ApiResponse shock(const ApiRequest& request) const;
  ApiResponse risk(const ApiRequest& request) const;
  ApiResponse simulation(const ApiRequest& request) const;
  // report.sensitivity within this server's limit (each draw measures the sheet again).
  void check_sensitivity(const RunOptions& options) const;
  // Results are deterministic (fixed seeds), so a repeated request is answered
  // from a small cache of successful responses, keyed by endpoint and the body as parsed.
  template <typename Compute>
  ApiResponse cached(const std::string& key, Compute&& compute) const;

  std::shared_ptr<const ModelSnapshot> snapshot_;
  ServeOptions options_;
  static constexpr size_t kCacheEntries = 256;
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, std::string> cache_;  // key -> body of a 200 response
  mutable std::list<std::string> cache_order_;        // oldest first, for eviction
  mutable std::atomic<long> heavy_running_ = 0;       // runs computing now (options_.max_heavy at most)
};

}  // namespace tengerim

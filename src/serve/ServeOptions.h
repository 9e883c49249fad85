#pragma once
// The settings of `tengerim serve`, read from the serve.* options of the
// registry (run/OptionRegistry.cpp checks their ranges), plus the limits
// that are properties of the server rather than options.
#include <cstddef>
#include <string>

#include "run/RunOptions.h"
#include "serve/JsonLimits.h"

namespace tengerim {

struct ServeOptions {
  std::string host = "127.0.0.1";
  long port = 8080;
  long max_draws = 200000;  // cap on risk.draws per request
  long max_sensitivity = 1000;  // cap on report.sensitivity per request
  long timeout_ms = 10000;  // per request: a run past it answers 503 time_limit
  long max_heavy = 4;       // runs (POSTs, report queries not in the cache) at once; more answer 503 busy
  long io_timeout_ms = 5000;  // per read or write on a connection: a slow client is dropped past it
  JsonLimits json;          // bounds on a body, checked before it is parsed
  static constexpr size_t kMaxBody = 1 << 20;  // request bodies above 1 MiB get 413
  static constexpr size_t kWorkers = 64;       // threads serving connections (most wait on the network)
  static constexpr size_t kMaxQueryFields = 32;   // fields in a query string
  static constexpr size_t kMaxQueryValue = 1024;  // bytes in a query field's name or value
  static constexpr size_t kKeepAliveRequests = 100;  // requests on one connection before it is closed
  static constexpr long kKeepAliveSeconds = 5;       // an idle keep-alive connection is closed after it

  // From a `serve` run's options (their defaults when not given).
  static ServeOptions from(const RunOptions& options);
};

}  // namespace tengerim

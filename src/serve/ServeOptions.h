#pragma once
// The settings of `tengerim serve`, read from the serve.* options of the
// registry (run/OptionRegistry.cpp checks their ranges), plus the limits
// that are properties of the server rather than options.
#include <cstddef>
#include <string>

#include "run/RunOptions.h"

namespace tengerim {

struct ServeOptions {
  std::string host = "127.0.0.1";
  long port = 8080;
  long max_draws = 200000;  // cap on risk.draws per request
  long timeout_ms = 10000;  // per request: a run past it answers 503 time_limit
  static constexpr size_t kMaxBody = 1 << 20;  // request bodies above 1 MiB get 413
  static constexpr size_t kWorkers = 64;       // threads serving connections (most wait on the network)

  // From a `serve` run's options (their defaults when not given).
  static ServeOptions from(const RunOptions& options);
};

}  // namespace tengerim

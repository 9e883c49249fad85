#pragma once
// The options of `tengerim serve`, declared once: the CLI reads them, the
// server applies them, validate() checks them before any work.
#include <cstddef>
#include <string>

namespace tengerim {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback by default: the dashboard is for this machine
  long port = 8080;                // 0..65535; 0 = any free port (tests)
  long max_draws = 200000;         // cap on POST /api/risk "draws"; 200k draws take about 1 s
  long timeout_ms = 10000;         // per request: Monte Carlo stops and answers 503 past it
  static constexpr size_t kMaxBody = 1 << 20;  // request bodies above 1 MiB get 413
  static constexpr size_t kWorkers = 64;       // threads serving connections (most wait on the network)

  // Fails (invalid input) naming the option, its value and the rule.
  void validate() const;
};

}  // namespace tengerim

#pragma once
// A soak of `tengerim serve`: a real WebServer on a loopback port, and many
// connections sending a mixed stream of valid, malformed and hostile requests.
// The short form runs in the tests (ServeSoak_test.cpp), the long one is
// bench/serve_soak.cpp. What must hold: no crash (the process is the server),
// no 5xx but the documented 503s (busy, time_limit), resident memory bounded.
#include <cstddef>
#include <map>
#include <string>

namespace tengerim::testing {

struct SoakPlan {
  size_t connections = 64;
  size_t requests = 2000;      // in all, at most
  double seconds = 3;          // and at most this long
  long io_timeout_ms = 500;    // the server's, so slow clients are dropped soon
  long max_draws = 20000;
  unsigned seed = 1;
};

struct SoakResult {
  size_t requests = 0;               // answered or refused at the transport
  std::map<int, size_t> statuses;    // HTTP status -> count
  size_t unexpected = 0;             // 5xx other than 503 busy/time_limit, non-JSON errors, valid requests lost
  std::string first_unexpected;      // what the first one was
  long rss_start_kib = 0, rss_peak_kib = 0;
  double seconds = 0;
};

SoakResult run_soak(const SoakPlan& plan);

// VmRSS of this process from /proc/self/status, in KiB.
long resident_kib();

}  // namespace tengerim::testing

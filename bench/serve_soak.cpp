// The soak's long form: tengerim_soak [connections] [requests] [seconds] [seed].
// Exits 1 on any unexpected answer (a 5xx other than 503 busy/time_limit, a
// non-JSON error, a valid request lost) or resident memory past 1 GiB above the start.
#include <cstdio>
#include <cstdlib>

#include "ServeSoak.h"

int main(int argc, char** argv) {
  tengerim::testing::SoakPlan plan;
  plan.requests = 200000;
  plan.seconds = 300;
  if (argc > 1) plan.connections = std::strtoul(argv[1], nullptr, 10);
  if (argc > 2) plan.requests = std::strtoul(argv[2], nullptr, 10);
  if (argc > 3) plan.seconds = std::strtod(argv[3], nullptr);
  if (argc > 4) plan.seed = static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10));
  const auto result = tengerim::testing::run_soak(plan);
  for (const auto& [status, count] : result.statuses) std::printf("status %d: %zu\n", status, count);
  std::printf("%zu requests at %zu connections in %.1f s; VmRSS %ld KiB at start, %ld KiB at peak; %zu unexpected\n",
              result.requests, plan.connections, result.seconds, result.rss_start_kib, result.rss_peak_kib,
              result.unexpected);
  if (result.unexpected) std::printf("first unexpected: %s\n", result.first_unexpected.c_str());
  const bool ok = result.unexpected == 0 && result.rss_peak_kib - result.rss_start_kib < 1024 * 1024;
  return ok ? 0 : 1;
}

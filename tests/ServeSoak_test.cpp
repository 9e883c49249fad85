// The soak's short form (tests/ServeSoak.h): 64 connections for a few seconds.
#include <gtest/gtest.h>

#include "ServeSoak.h"

namespace tengerim::testing {
namespace {

TEST(ServeSoak, MixedValidMalformedAndHostileRequestsAt64Connections) {
  SoakPlan plan;
  const SoakResult result = run_soak(plan);
  for (const auto& [status, count] : result.statuses) std::printf("status %d: %zu\n", status, count);
  std::printf("%zu requests in %.1f s; VmRSS %ld KiB at start, %ld KiB at peak\n", result.requests, result.seconds,
              result.rss_start_kib, result.rss_peak_kib);
  EXPECT_EQ(result.unexpected, 0u) << result.first_unexpected;
  EXPECT_GT(result.requests, 100u);
  EXPECT_GT(result.statuses.count(200), 0u);
  EXPECT_GT(result.statuses.count(400), 0u);  // the hostile bodies' limit_exceeded
  // 64 workers with 1 MiB bodies in flight, the snapshot copies of what-if runs: well under 512 MiB more.
  EXPECT_LT(result.rss_peak_kib - result.rss_start_kib, 512 * 1024);
}

}  // namespace
}  // namespace tengerim::testing

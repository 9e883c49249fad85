// Sensitivity runs: reproducible from the seed, each draw on its own stream.
#include "policy/BargainSensitivity.h"

#include <gtest/gtest.h>

#include "common/OptionError.h"

#include <cmath>

#include "common/Error.h"

namespace tengerim {
namespace {

StakeholderSet small_issue() {
  StakeholderSet set;
  set.members = {{"A", 1.0, 0, 0.5, 2}, {"B", 0.5, 5, 0.96, 3}, {"C", 0.8, 10, 0.5, 4}, {"D", 0.0, 3, 1.0, 5}};
  return set;
}

TEST(BargainSensitivity, JitterStaysWithinTenPercentAndInsideTheScale) {
  SensitivityOptions options;
  const auto base = small_issue();
  for (std::uint64_t draw = 0; draw < 200; ++draw) {
    auto jittered = jittered_issue(base, options, draw);
    for (size_t k = 0; k < base.members.size(); ++k) {
      const auto& before = base.members[k];
      const auto& after = jittered.members[k];
      // Positions 0..10: each moves by at most 10 % of the span 10, and stays inside it.
      EXPECT_LE(std::abs(after.position - before.position), 1.0 + 1e-12);
      EXPECT_GE(after.position, 0.0);
      EXPECT_LE(after.position, 10.0);
      EXPECT_LE(std::abs(after.capability - before.capability), 0.1 * before.capability + 1e-15);
      EXPECT_LE(std::abs(after.salience - before.salience), 0.1 * before.salience + 1e-15);
      EXPECT_LE(after.capability, 1.0);  // A's capability 1.0 is clipped when jittered upward
      EXPECT_LE(after.salience, 1.0);    // B's 0.96 can reach 1.056 before clipping
    }
  }
}

TEST(BargainSensitivity, SameSeedSameResultDifferentSeedDifferent) {
  SensitivityOptions options;
  options.draws = 20;
  auto bargaining = BargainingOptions::preset("scholz-code");
  auto first = run_sensitivity(small_issue(), bargaining, options);
  auto second = run_sensitivity(small_issue(), bargaining, options);
  EXPECT_EQ(first.final_means, second.final_means);
  EXPECT_EQ(first.final_medians, second.final_medians);
  options.seed += 1;
  auto other = run_sensitivity(small_issue(), bargaining, options);
  EXPECT_NE(first.final_means, other.final_means);
}

TEST(BargainSensitivity, EachDrawHasItsOwnStream) {
  // Draw 7 is the same whether 8 or 20 draws are run, or computed alone.
  SensitivityOptions options;
  options.draws = 8;
  auto bargaining = BargainingOptions::preset("scholz-code");
  auto eight = run_sensitivity(small_issue(), bargaining, options);
  options.draws = 20;
  auto twenty = run_sensitivity(small_issue(), bargaining, options);
  EXPECT_EQ(eight.final_means[7], twenty.final_means[7]);
  auto alone = jittered_issue(small_issue(), options, 7);
  auto again = jittered_issue(small_issue(), options, 7);
  EXPECT_EQ(alone.members[1].salience, again.members[1].salience);
}

TEST(BargainSensitivity, DistributionByHand) {
  // 1, 2, 3, 4: mean 2.5, sample sd sqrt(5/3) = 1.290994; p25 at rank .75 = 1.75; p95 at rank 2.85 = 3.85.
  auto d = Distribution::of({4, 1, 3, 2});
  EXPECT_DOUBLE_EQ(d.mean, 2.5);
  EXPECT_NEAR(d.sd, 1.290994, 1e-6);
  EXPECT_DOUBLE_EQ(d.min, 1);
  EXPECT_DOUBLE_EQ(d.max, 4);
  EXPECT_DOUBLE_EQ(d.p25, 1.75);
  EXPECT_DOUBLE_EQ(d.p50, 2.5);
  EXPECT_NEAR(d.p95, 3.85, 1e-12);
}

TEST(BargainSensitivity, NegativeDrawCountIsNamed) {
  SensitivityOptions options;
  options.draws = -3;
  try {
    options.validate();
    FAIL() << "expected an error";
  } catch (const OptionError& error) {
    EXPECT_EQ(error.key(), "bargain.sensitivity");
  }
}

TEST(BargainSensitivity, PositionsMoveInEveryDrawUnlessTheyAreClipped) {
  SensitivityOptions options;
  int moved = 0;
  for (std::uint64_t draw = 0; draw < 50; ++draw)
    moved += jittered_issue(small_issue(), options, draw).members[1].position != 5.0;  // B at 5: never clipped
  EXPECT_EQ(moved, 50);
}

}  // namespace
}  // namespace tengerim

// Values computed by hand (and checked with a calculator), not by the code under test.
#include "measure/Concentration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace tengerim {
namespace {

TEST(Concentration, FourSharesMatchHandComputedValues) {
  const std::vector<double> shares{0.3, 0.3, 0.2, 0.2};
  // HHI = 0.09 + 0.09 + 0.04 + 0.04
  EXPECT_NEAR(herfindahl(shares), 0.26, 1e-12);
  EXPECT_NEAR(effective_number(shares), 3.846154, 1e-6);
  // H = -(2*0.3 ln 0.3 + 2*0.2 ln 0.2) = 0.722381 + 0.643775
  EXPECT_NEAR(shannon_entropy(shares), 1.366159, 1e-6);
  EXPECT_NEAR(std::exp(shannon_entropy(shares)), 3.920263, 1e-6);
  // Theil = ln 4 - H = 1.386294 - 1.366159
  EXPECT_NEAR(theil_index(shares), 0.020136, 1e-6);
}

TEST(Concentration, SecondExampleHhi) {
  const std::vector<double> shares{0.4, 0.3, 0.2, 0.1};
  EXPECT_NEAR(herfindahl(shares), 0.30, 1e-12);
}

TEST(Concentration, EvenSharesHaveFullEvennessAndZeroTheil) {
  const std::vector<double> shares{0.25, 0.25, 0.25, 0.25};
  EXPECT_NEAR(evenness(shares, 4), 1.0, 1e-12);
  EXPECT_NEAR(theil_index(shares), 0.0, 1e-12);
  EXPECT_NEAR(effective_number(shares), 4.0, 1e-12);
}

TEST(Concentration, OneCategoryHasZeroEvenness) {
  const std::vector<double> shares{0.0, 1.0, 0.0};
  EXPECT_NEAR(evenness(shares, 3), 0.0, 1e-12);
  EXPECT_NEAR(herfindahl(shares), 1.0, 1e-12);
}

}  // namespace
}  // namespace tengerim

// The shortcuts of the Monte Carlo sampler against the plain computations.
#include "risk/Sampling.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tengerim {
namespace {

TEST(Sampling, BracketedComparisonAgreesWithErfcEverywhere) {
  // u < Phi(x) computed directly, against the table bracket: on a grid of x
  // (inside and outside the table, on its knots) and u near Phi(x) and far from it.
  CounterRng rng(7, 0, 0);
  for (int i = -1000; i <= 1000; ++i) {
    double x = i / 100.0;
    double phi = normal_cdf(x);
    for (double u : {phi, std::nextafter(phi, 0.0), std::nextafter(phi, 1.0), phi * 0.999, phi + (1 - phi) * 0.001,
                     rng.uniform(), rng.uniform()}) {
      if (!(u > 0 && u < 1)) continue;
      EXPECT_EQ(uniform_below_normal_cdf(u, x), u < phi) << "x " << x << " u " << u;
    }
  }
  EXPECT_TRUE(uniform_below_normal_cdf(0.999999, HUGE_VAL));
  EXPECT_FALSE(uniform_below_normal_cdf(1e-300, -HUGE_VAL));
}

TEST(Sampling, WholeShapeBetaHasItsMeanAndVariance) {
  // Beta(2, 3): mean 2/5, variance 2*3 / (5^2 * 6) = 0.04. 200000 draws: se of the mean 0.00045.
  const int n = 200000;
  double sum = 0, squares = 0;
  for (int i = 0; i < n; ++i) {
    CounterRng rng(11, static_cast<uint64_t>(i), 1);
    double x = sample_beta(rng, 2, 3);
    ASSERT_GT(x, 0.0);
    ASSERT_LT(x, 1.0);
    sum += x;
    squares += x * x;
  }
  double mean = sum / n, variance = squares / n - mean * mean;
  EXPECT_NEAR(mean, 0.4, 0.002);
  EXPECT_NEAR(variance, 0.04, 0.001);
}

}  // namespace
}  // namespace tengerim

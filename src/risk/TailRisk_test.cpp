// VaR and CVaR against closed forms; Euler contributions add up; samplers' moments.
#include "risk/TailRisk.h"

#include <gtest/gtest.h>

#include <cmath>

#include "risk/CounterRng.h"
#include "risk/Sampling.h"

namespace tengerim {
namespace {

constexpr size_t kDraws = 200000;

TEST(TailRisk, UniformAndExponentialMatchClosedForms) {
  std::vector<double> uniform(kDraws), exponential(kDraws);
  for (size_t i = 0; i < kDraws; ++i) {
    CounterRng rng(7, i, 0);
    uniform[i] = rng.uniform();
    exponential[i] = -std::log(rng.uniform());
  }
  // Uniform(0,1): VaR_a = a, CVaR_a = (1 + a) / 2, mean 1/2.
  auto u = summarise_losses(uniform, {}, {0.95, 0.99});
  EXPECT_NEAR(u.mean, 0.5, 4 * u.mean_stderr + 1e-4);
  EXPECT_NEAR(u.tails[0].var, 0.95, 0.003);
  EXPECT_NEAR(u.tails[0].cvar, 0.975, 0.003);
  EXPECT_NEAR(u.tails[1].cvar, 0.995, 0.003);
  // Exponential(1): VaR_a = -ln(1 - a), CVaR_a = VaR_a + 1.
  auto e = summarise_losses(exponential, {}, {0.99});
  EXPECT_NEAR(e.tails[0].var, std::log(100.0), 5 * e.tails[0].var_stderr);
  EXPECT_NEAR(e.tails[0].cvar, std::log(100.0) + 1, 5 * e.tails[0].cvar_stderr);
  EXPECT_GT(e.tails[0].cvar_stderr, 0);
}

TEST(TailRisk, EulerContributionsSumToCvar) {
  std::vector<double> total(1000);
  std::vector<std::vector<double>> parts(2, std::vector<double>(1000));
  for (size_t i = 0; i < total.size(); ++i) {
    CounterRng rng(1, i, 0);
    parts[0][i] = rng.uniform();
    parts[1][i] = 2 * rng.uniform();
    total[i] = parts[0][i] + parts[1][i];
  }
  auto summary = summarise_losses(total, parts, {0.9});
  EXPECT_NEAR(summary.tails[0].contributions[0] + summary.tails[0].contributions[1], summary.tails[0].cvar, 1e-12);
  EXPECT_NEAR(summary.mean_contributions[0] + summary.mean_contributions[1], summary.mean, 1e-12);
}

TEST(Sampling, BetaAndNormalMoments) {
  // Beta(2, 5): mean 2/7, variance 2*5 / (7^2 * 8).
  double sum = 0, squares = 0;
  for (size_t i = 0; i < kDraws; ++i) {
    CounterRng rng(3, i, 1);
    double x = sample_beta(rng, 2, 5);
    sum += x;
    squares += x * x;
  }
  double mean = sum / kDraws, variance = squares / kDraws - mean * mean;
  EXPECT_NEAR(mean, 2.0 / 7.0, 0.002);
  EXPECT_NEAR(variance, 10.0 / (49.0 * 8.0), 0.001);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(normal_quantile(0.001), -3.090232306167813, 1e-12);
  // Beta(0.5, 0.5) (shape < 1 path): mean 1/2.
  sum = 0;
  for (size_t i = 0; i < kDraws; ++i) {
    CounterRng rng(4, i, 1);
    sum += sample_beta(rng, 0.5, 0.5);
  }
  EXPECT_NEAR(sum / kDraws, 0.5, 0.003);
}

TEST(CounterRng, StreamsArePureFunctionsOfTheirKeys) {
  CounterRng a(5, 10, 2), b(5, 10, 2), c(5, 11, 2);
  uint64_t first = a.next();
  EXPECT_EQ(first, b.next());
  EXPECT_NE(first, c.next());
}

}  // namespace
}  // namespace tengerim

// The samplers against closed forms, with fixed seeds: moments within five
// standard errors, Kolmogorov-Smirnov distances below the critical value at
// about the 0.1 % level, and the tables the shortcuts are built on.
#include "risk/Sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

#include "risk/BetaSampler.h"
#include "risk/NormalCdfGrid.h"
#include "risk/NormalZiggurat.h"

namespace tengerim {
namespace {

// sup |F_n - F| of a sample against a CDF.
double ks_distance(std::vector<double> sample, const std::function<double(double)>& cdf) {
  std::sort(sample.begin(), sample.end());
  const double n = static_cast<double>(sample.size());
  double distance = 0;
  for (size_t i = 0; i < sample.size(); ++i) {
    const double value = cdf(sample[i]);
    distance = std::max({distance, value - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - value});
  }
  return distance;
}
double ks_bound(size_t n) { return 1.95 / std::sqrt(static_cast<double>(n)); }

struct Moments {
  double mean = 0;
  double variance = 0;
};
Moments moments_of(const std::vector<double>& sample) {
  Moments out;
  for (double x : sample) out.mean += x;
  out.mean /= static_cast<double>(sample.size());
  for (double x : sample) out.variance += (x - out.mean) * (x - out.mean);
  out.variance /= static_cast<double>(sample.size() - 1);
  return out;
}

TEST(NormalCdfGrid, BracketHoldsPhiEverywhere) {
  // Off the knots, on them, beyond the table and at the infinities.
  std::vector<double> xs;
  for (int i = -12000; i <= 12000; ++i) xs.push_back(i / 997.0);
  for (int j = 0; j <= 16 * 64; ++j) xs.push_back(-8 + j / 64.0);
  xs.insert(xs.end(), {-HUGE_VAL, HUGE_VAL, -1e300, 1e300});
  const NormalCdfGrid& grid = NormalCdfGrid::instance();
  for (double x : xs) {
    const NormalCdfGrid::Bracket bounds = grid.bracket(x);
    const double phi = normal_cdf(x);
    EXPECT_LE(bounds.low, phi) << "x " << x;
    EXPECT_GE(bounds.high, phi) << "x " << x;
    EXPECT_LE(bounds.high - bounds.low, 1.6e-5) << "x " << x;
  }
}

TEST(NormalZiggurat, LayersHaveEqualAreas) {
  // Every layer i >= 1 is the box [0, x_i] x [f(x_i), f(x_i+1)]; the base is
  // r f(r) + the tail. The top layer closes at the mode only if r is right.
  const NormalZiggurat& ziggurat = NormalZiggurat::instance();
  const auto& x = ziggurat.edges();
  auto f = [](double value) { return std::exp(-0.5 * value * value); };
  const double r = NormalZiggurat::kTailStart, area = ziggurat.layer_area();
  EXPECT_NEAR(area, r * f(r) + std::sqrt(std::numbers::pi / 2) * std::erfc(r / std::numbers::sqrt2), 1e-15);
  EXPECT_NEAR(x[0] * f(r), area, 1e-15);
  EXPECT_EQ(x[NormalZiggurat::kLayers], 0.0);
  for (size_t i = 1; i < NormalZiggurat::kLayers; ++i) {
    EXPECT_NEAR(x[i] * (f(x[i + 1]) - f(x[i])), area, 1e-12 * area) << "layer " << i;
    EXPECT_GT(x[i], x[i + 1]);
  }
}

TEST(NormalZiggurat, MatchesTheNormalDistribution) {
  const size_t n = 1000000;
  CounterRng rng(2024, 0, 0);
  std::vector<double> sample(n);
  for (double& x : sample) x = sample_normal(rng);
  const double count = static_cast<double>(n);
  Moments m = moments_of(sample);
  double third = 0, fourth = 0, beyond = 0;
  for (double x : sample) {
    third += x * x * x;
    fourth += x * x * x * x;
    beyond += std::abs(x) > NormalZiggurat::kTailStart;
  }
  // Standard errors: 1, sqrt(2), sqrt(15), sqrt(96) over sqrt(n).
  EXPECT_NEAR(m.mean, 0, 5 / std::sqrt(count));
  EXPECT_NEAR(m.variance, 1, 5 * std::sqrt(2 / count));
  EXPECT_NEAR(third / count, 0, 5 * std::sqrt(15 / count));
  EXPECT_NEAR(fourth / count, 3, 5 * std::sqrt(96 / count));
  // The tail beyond r (sampled apart): P(|X| > r) = erfc(r / sqrt 2) = 2.6e-4.
  const double tail = std::erfc(NormalZiggurat::kTailStart / std::numbers::sqrt2);
  EXPECT_NEAR(beyond / count, tail, 5 * std::sqrt(tail / count));
  EXPECT_LT(ks_distance(sample, normal_cdf), ks_bound(n));
}

TEST(NormalZiggurat, TailBeyondRIsTheNormalsTail) {
  // P(X <= x | X > r) = 1 - erfc(x / sqrt 2) / erfc(r / sqrt 2): the tail holds 2.6e-4 of the
  // mass, too little to check among plain samples, so it is sampled alone.
  const size_t n = 40000;
  CounterRng rng(77, 0, 0);
  std::vector<double> sample(n);
  for (double& x : sample) x = NormalZiggurat::instance().sample_tail(rng);
  const double beyond = std::erfc(NormalZiggurat::kTailStart / std::numbers::sqrt2);
  EXPECT_LT(ks_distance(sample, [&](double x) { return 1 - std::erfc(x / std::numbers::sqrt2) / beyond; }), ks_bound(n));
}

// Beta(a, b) with whole shapes: P(X <= x) = P(Binomial(a + b - 1, x) >= a).
double whole_beta_cdf(int a, int b, double x) {
  const int m = a + b - 1;
  double sum = 0;
  for (int j = a; j <= m; ++j)
    sum += std::exp(std::lgamma(m + 1) - std::lgamma(j + 1) - std::lgamma(m - j + 1)) * std::pow(x, j) *
           std::pow(1 - x, m - j);
  return sum;
}

void expect_beta(double a, double b, const std::function<double(double)>& cdf) {
  const size_t n = 100000;
  const BetaSampler beta(a, b);
  std::vector<double> sample(n);
  for (size_t i = 0; i < n; ++i) {
    CounterRng rng = CounterRng::keyed(CounterRng::draw_key(CounterRng::seed_part(99), i), 2);
    sample[i] = beta(rng);
    ASSERT_GT(sample[i], 0.0);
    ASSERT_LT(sample[i], 1.0);
  }
  const double mean = a / (a + b), variance = a * b / ((a + b) * (a + b) * (a + b + 1));
  const double count = static_cast<double>(n), spread = std::max(mean, 1 - mean);
  Moments m = moments_of(sample);
  EXPECT_NEAR(m.mean, mean, 5 * std::sqrt(variance / count)) << a << ", " << b;
  // (X - mean)^2 <= spread^2, so the variance's standard error is at most spread * sd / sqrt(n).
  EXPECT_NEAR(m.variance, variance, 5 * spread * std::sqrt(variance / count)) << a << ", " << b;
  EXPECT_LT(ks_distance(sample, cdf), ks_bound(n)) << a << ", " << b;
}

TEST(BetaSampler, WholeShapesMatchTheirDistribution) {
  // Smallest of n, second smallest, larger ranks, and alpha > beta (counted from the top).
  for (auto [a, b] : {std::pair{1, 8}, {2, 2}, {2, 3}, {2, 5}, {2, 6}, {4, 6}, {3, 3}, {5, 2}, {8, 1}})
    expect_beta(a, b, [a, b](double x) { return whole_beta_cdf(a, b, x); });
}

TEST(BetaSampler, OtherShapesByTheRatioOfGammas) {
  expect_beta(0.5, 0.5, [](double x) { return 2 / std::numbers::pi * std::asin(std::sqrt(x)); });
  expect_beta(20, 3, [](double x) { return whole_beta_cdf(20, 3, x); });  // 22 uniforms: beyond the order statistic
}

TEST(CounterRng, DrawKeysAndTheirSlotsAreDistinctStreams) {
  const uint64_t seed = CounterRng::seed_part(5);
  const uint64_t key = CounterRng::draw_key(seed, 10);
  EXPECT_NE(key, CounterRng::draw_key(seed, 11));
  EXPECT_NE(key, CounterRng::draw_key(CounterRng::seed_part(6), 10));
  CounterRng a = CounterRng::keyed(key, 1), b = CounterRng::keyed(key, 1), c = CounterRng::keyed(key, 2);
  const uint64_t first = a.next();
  EXPECT_EQ(first, b.next());
  EXPECT_NE(first, c.next());
  EXPECT_EQ(CounterRng::uniform32(0), 0x1.0p-33);
  EXPECT_EQ(CounterRng::uniform32(0xffffffffu), 1 - 0x1.0p-33);
}

}  // namespace
}  // namespace tengerim

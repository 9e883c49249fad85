// VaR and CVaR against closed forms; Euler contributions add up; neither the cutoff nor the
// other levels asked for change a figure; samplers' moments.
#include "risk/TailRisk.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "common/CounterRng.h"
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

// Losses like the model's: most draws lose nothing, the rest an exponential
// amount; parts: a uniform split of each loss in two.
struct Sample {
  std::vector<double> loss;
  std::vector<std::vector<double>> parts{2};
};
Sample zero_heavy(size_t n) {
  Sample sample;
  for (size_t i = 0; i < n; ++i) {
    CounterRng rng(8, i, 0);
    const double loss = rng.uniform() < 0.6 ? 0.0 : -std::log(rng.uniform());
    const double split = rng.uniform();
    sample.loss.push_back(loss);
    sample.parts[0].push_back(loss * split);
    sample.parts[1].push_back(loss - loss * split);
  }
  return sample;
}

// The summary from the draws at or above `cutoff` only.
LossSummary from_candidates(const Sample& sample, double cutoff, const std::vector<double>& levels) {
  TailCandidates candidates;
  candidates.draws = sample.loss.size();
  for (double loss : sample.loss) candidates.mean += loss;
  candidates.mean /= static_cast<double>(sample.loss.size());
  for (double loss : sample.loss) candidates.squares += (loss - candidates.mean) * (loss - candidates.mean);
  candidates.cutoff = cutoff;
  for (size_t i = 0; i < sample.loss.size(); ++i)
    if (sample.loss[i] >= cutoff) {
      candidates.draw.push_back(i);
      candidates.loss.push_back(sample.loss[i]);
    }
  return summarise_losses(
      candidates,
      [&](size_t begin, size_t end, std::span<double> out) {
        std::copy(sample.loss.begin() + static_cast<long>(begin), sample.loss.begin() + static_cast<long>(end), out.begin());
      },
      2,
      [&](std::span<const size_t> draws, std::span<double> out) {
        for (size_t r = 0; r < draws.size(); ++r)
          for (size_t p = 0; p < 2; ++p) out[r * 2 + p] = sample.parts[p][draws[r]];
      },
      levels);
}

void expect_same_tail(const TailFigures& a, const TailFigures& b) {
  EXPECT_EQ(a.level, b.level);
  EXPECT_EQ(a.var, b.var);
  EXPECT_EQ(a.cvar, b.cvar);
  EXPECT_EQ(a.var_stderr, b.var_stderr);
  EXPECT_EQ(a.cvar_stderr, b.cvar_stderr);
  EXPECT_EQ(a.contributions, b.contributions);
}

TEST(TailRisk, TheCutoffChangesTheWorkNotTheFigures) {
  // Every draw listed; the usual cutoff; one above the 0.95 VaR of the whole sample
  // and of every batch (they are then ranked from every loss).
  const Sample sample = zero_heavy(100000);
  const std::vector<double> levels{0.95, 0.99};
  const LossSummary all = from_candidates(sample, -HUGE_VAL, levels);
  const double usual = tail_cutoff(sample.loss, levels, sample.loss.size());
  EXPECT_GT(usual, 0);
  EXPECT_LT(usual, all.tails[0].var);
  for (double cutoff : {usual, 0.0, 2 * all.tails[1].var}) {
    const LossSummary summary = from_candidates(sample, cutoff, levels);
    EXPECT_EQ(summary.mean, all.mean);
    EXPECT_EQ(summary.mean_stderr, all.mean_stderr);
    for (size_t l = 0; l < levels.size(); ++l) expect_same_tail(summary.tails[l], all.tails[l]);
  }
  // Euler contributions add up to CVaR.
  EXPECT_NEAR(all.tails[0].contributions[0] + all.tails[0].contributions[1], all.tails[0].cvar, 1e-12);
}

TEST(TailRisk, ALevelsFiguresDoNotDependOnTheOtherLevels) {
  const Sample sample = zero_heavy(50000);
  const LossSummary alone = summarise_losses(sample.loss, sample.parts, {0.95});
  const LossSummary with_others = summarise_losses(sample.loss, sample.parts, {0.5, 0.95, 0.999});
  expect_same_tail(with_others.tails[1], alone.tails[0]);
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

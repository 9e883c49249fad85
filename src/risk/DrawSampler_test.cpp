// Monte Carlo draws against closed forms of the Gaussian copula and the Beta
// severity (fixed seeds, five standard errors), and a draw's numbers the same
// whether it runs in a block or alone.
#include "risk/DrawSampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "risk/Sampling.h"

namespace tengerim {
namespace {

// A shock whose loss is 1 in whatever draw it occurs (part 0 unless given).
SampledShock sure_loss(double probability, double loading, size_t part = 0) {
  SampledShock shock;
  shock.probability = probability;
  shock.loadings = {loading};
  shock.cut = 1;
  shock.part = part;
  shock.total.fill(1.0);
  shock.direct.fill(1.0);
  return shock;
}

// Which shocks occur in each of the first `draws` draws (bit k: shock k).
std::vector<unsigned> occurrences(const DrawSampler& sampler, size_t draws) {
  std::vector<unsigned> mask(draws, 0);
  DrawSampler::Scratch scratch;
  sampler.prepare(scratch);
  std::vector<double> total(DrawSampler::kBlock);
  for (size_t first = 0; first < draws; first += DrawSampler::kBlock)
    sampler.run_block(first, std::min(DrawSampler::kBlock, draws - first), scratch, total.data(),
                      [&](size_t k, const SampledShock&, size_t r, double, double) { mask[first + r] |= 1u << k; });
  return mask;
}

double share(const std::vector<unsigned>& mask, unsigned bits) {
  double count = 0;
  for (unsigned value : mask) count += (value & bits) == bits;
  return count / static_cast<double>(mask.size());
}

void expect_share(const std::vector<unsigned>& mask, unsigned bits, double p) {
  EXPECT_NEAR(share(mask, bits), p, 5 * std::sqrt(p * (1 - p) / static_cast<double>(mask.size()))) << "shocks " << bits;
}

TEST(DrawSampler, OccurrenceFollowsTheGaussianCopula) {
  // Shocks 0 and 1: p = 1/2 with loadings 0.6 and 0.7 on one factor, so Z_0, Z_1 have
  // correlation 0.42 and P(both) = 1/4 + asin(0.42) / (2 pi). Shocks 2 and 3: p = 0.1
  // loaded and p = 0.05 not, the latter independent of all.
  std::vector<SampledShock> shocks = {sure_loss(0.5, 0.6), sure_loss(0.5, 0.7), sure_loss(0.1, 0.7),
                                      sure_loss(0.05, 0)};
  const DrawSampler sampler(shocks, 1, 11);
  const std::vector<unsigned> mask = occurrences(sampler, 200000);
  expect_share(mask, 0b0001, 0.5);
  expect_share(mask, 0b0010, 0.5);
  expect_share(mask, 0b0011, 0.25 + std::asin(0.42) / (2 * std::numbers::pi));
  expect_share(mask, 0b0100, 0.1);
  expect_share(mask, 0b1000, 0.05);
  expect_share(mask, 0b1001, 0.025);
  // The same loaded shock twice: one condition, occurrences still apart (P = P(both) for two copies).
  const DrawSampler twins({sure_loss(0.5, 0.6), sure_loss(0.5, 0.6)}, 1, 12);
  expect_share(occurrences(twins, 200000), 0b11, 0.25 + std::asin(0.36) / (2 * std::numbers::pi));
}

TEST(DrawSampler, OccurrenceIsExactlyTheCopulasEvent) {
  // Draw i's numbers by their documented streams: the factor from slot 0, shock k's
  // uniform from slot 1 (number k / 2, low half for even k); the event U < Phi(bound)
  // by erfc. The table decides nearly all of them, erfc about 1 in 70000 (some here).
  std::vector<SampledShock> shocks = {sure_loss(0.2, 0.6), sure_loss(0.05, 0), sure_loss(0.1, 0.7),
                                      sure_loss(0.1, -0.3), sure_loss(0.5, 0.2)};
  const uint64_t seed = 2718;
  const DrawSampler sampler(shocks, 1, seed);
  const size_t draws = 300000;
  const std::vector<unsigned> mask = occurrences(sampler, draws);
  size_t mismatches = 0;
  for (size_t i = 0; i < draws; ++i) {
    const uint64_t key = CounterRng::draw_key(CounterRng::seed_part(seed), i);
    CounterRng factor_stream = CounterRng::keyed(key, 0), uniforms = CounterRng::keyed(key, 1);
    const double factor = sample_normal(factor_stream);
    unsigned expected = 0;
    uint64_t pair = 0;
    for (size_t k = 0; k < shocks.size(); ++k) {
      pair = k % 2 == 0 ? uniforms.next() : pair >> 32;
      const double u = CounterRng::uniform32(static_cast<uint32_t>(pair)), b = shocks[k].loadings[0];
      const double s = std::sqrt(1 - b * b);
      const bool occurs = b == 0 ? u < shocks[k].probability
                                 : u < normal_cdf(normal_quantile(shocks[k].probability) / s - b / s * factor);
      expected |= static_cast<unsigned>(occurs) << k;
    }
    mismatches += expected != mask[i];
  }
  EXPECT_EQ(mismatches, 0u);
}

TEST(DrawSampler, CutsFollowTheirBetaSeverity) {
  // A sure shock whose loss is its cut (a linear table): the mean loss is Beta(2, 3)'s mean 2/5.
  SampledShock shock = sure_loss(1, 0);
  shock.severity.emplace(2, 3);
  for (size_t j = 0; j <= SampledShock::kGrid; ++j) shock.total[j] = static_cast<double>(j) / SampledShock::kGrid;
  const DrawSampler sampler({shock}, 0, 3);
  DrawSampler::Scratch scratch;
  sampler.prepare(scratch);
  const size_t draws = 100000;
  std::vector<double> total(draws);
  for (size_t first = 0; first < draws; first += DrawSampler::kBlock)
    sampler.run_block(first, std::min(DrawSampler::kBlock, draws - first), scratch, total.data() + first,
                      [](size_t, const SampledShock&, size_t, double, double) {});
  double sum = 0;
  for (double value : total) sum += value;
  EXPECT_NEAR(sum / draws, 0.4, 5 * 0.2 / std::sqrt(draws));  // sd of Beta(2, 3): 0.2
}

TEST(DrawSampler, ADrawGetsTheSameNumbersInABlockAndAlone) {
  std::vector<SampledShock> shocks = {sure_loss(0.3, 0.6, 0), sure_loss(0.2, 0, 1), sure_loss(0.25, -0.5, 1)};
  shocks[0].severity.emplace(2, 5);
  shocks[1].severity.emplace(1.5, 2.5);  // the Gamma ratio
  for (auto& shock : shocks)
    for (size_t j = 0; j <= SampledShock::kGrid; ++j) shock.total[j] = std::sqrt(static_cast<double>(j));
  const DrawSampler sampler(shocks, 1, 42);
  DrawSampler::Scratch scratch;
  sampler.prepare(scratch);
  // Each draw's loss in its two parts, added as they come.
  auto into = [](std::vector<double>& parts) {
    return [&parts](size_t, const SampledShock& shock, size_t r, double loss, double) {
      parts[r * 2 + shock.part] += loss;
    };
  };
  std::vector<double> block(DrawSampler::kBlock), parts(DrawSampler::kBlock * 2, 0);
  sampler.run_block(0, DrawSampler::kBlock, scratch, block.data(), into(parts));
  // Some draws of the block, out of order, alone; and a block that starts elsewhere.
  std::vector<size_t> draws = {4000, 17, 2048, 3, 999, 4095, 0};
  std::vector<double> alone(draws.size()), alone_parts(draws.size() * 2, 0);
  sampler.run_draws(draws.data(), draws.size(), scratch, alone.data(), into(alone_parts));
  for (size_t r = 0; r < draws.size(); ++r) {
    EXPECT_EQ(alone[r], block[draws[r]]) << "draw " << draws[r];
    EXPECT_EQ(alone_parts[r * 2], parts[draws[r] * 2]);
    EXPECT_EQ(alone_parts[r * 2 + 1], parts[draws[r] * 2 + 1]);
  }
  std::vector<double> shifted(300);
  std::vector<double> shifted_parts(shifted.size() * 2, 0);
  sampler.run_block(1000, shifted.size(), scratch, shifted.data(), into(shifted_parts));
  for (size_t r = 0; r < shifted.size(); ++r) EXPECT_EQ(shifted[r], block[1000 + r]);
  size_t occurred = 0;
  for (double value : block) occurred += value > 0;
  EXPECT_GT(occurred, 1000u);  // the comparison covered draws with losses
}

}  // namespace
}  // namespace tengerim

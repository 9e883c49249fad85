#include "risk/BetaSampler.h"

#include <array>
#include <cmath>

#include "risk/Sampling.h"

namespace tengerim {

BetaSampler::BetaSampler(double alpha, double beta) : alpha_(alpha), beta_(beta) {
  if (alpha != std::floor(alpha) || beta != std::floor(beta) || alpha + beta - 1 > static_cast<double>(kMaxOrder))
    return;
  count_ = static_cast<size_t>(alpha + beta - 1);
  // The alpha-th smallest of n is the beta-th largest: rank on the shorter side.
  if (alpha > beta) complement_ = 0xffffffffULL;
  rank_ = static_cast<size_t>(std::min(alpha, beta));
}

double BetaSampler::other_shapes(CounterRng& rng) const {
  if (rank_ == 0) {
    double x = sample_gamma(rng, alpha_), y = sample_gamma(rng, beta_);
    return x / (x + y);
  }
  // Rank 3 or more: the rank_ smallest so far, sorted.
  std::array<uint64_t, kMaxOrder> smallest;
  std::fill_n(smallest.begin(), rank_, uint64_t{1} << 32);
  auto take = [&](uint64_t value) {
    if (value >= smallest[rank_ - 1]) return;
    size_t j = rank_ - 1;
    for (; j > 0 && smallest[j - 1] > value; --j) smallest[j] = smallest[j - 1];
    smallest[j] = value;
  };
  for (size_t i = 0; i < count_; i += 2) {
    const uint64_t bits = rng.next();
    take((bits & 0xffffffffULL) ^ complement_);
    if (i + 1 < count_) take((bits >> 32) ^ complement_);
  }
  return uniform_of(smallest[rank_ - 1]);
}

}  // namespace tengerim

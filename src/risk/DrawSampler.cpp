#include "risk/DrawSampler.h"

#include <algorithm>
#include <cmath>

#include "risk/Sampling.h"

namespace tengerim {

DrawSampler::DrawSampler(std::vector<SampledShock> shocks, size_t factors, uint64_t seed)
    : shocks_(std::move(shocks)),
      factors_(factors),
      seed_part_(CounterRng::seed_part(seed)),
      normal_(NormalZiggurat::instance()),
      cdf_(NormalCdfGrid::instance()) {
  std::vector<size_t> condition_of(shocks_.size(), 0);
  std::vector<bool> loaded(shocks_.size(), false);
  for (size_t k = 0; k < shocks_.size(); ++k) {
    const SampledShock& shock = shocks_[k];
    double squares = 0;
    for (double loading : shock.loadings) {
      squares += loading * loading;
      loaded[k] = loaded[k] || loading != 0;
    }
    if (!loaded[k]) {
      unloaded_probability_.push_back(shock.probability);
      continue;
    }
    const double idiosyncratic = std::sqrt(1 - squares);
    std::vector<double> scaled(factors_, 0);
    for (size_t j = 0; j < factors_ && j < shock.loadings.size(); ++j) scaled[j] = shock.loadings[j] / idiosyncratic;
    const double bound = normal_quantile(shock.probability) / idiosyncratic;
    auto same = [&](size_t c) {
      return condition_bound_[c] == bound &&
             std::equal(scaled.begin(), scaled.end(), condition_loadings_.begin() + static_cast<long>(c * factors_));
    };
    size_t c = 0;
    while (c < conditions_ && !same(c)) ++c;
    if (c == conditions_) {
      ++conditions_;
      condition_bound_.push_back(bound);
      condition_loadings_.insert(condition_loadings_.end(), scaled.begin(), scaled.end());
    }
    condition_of[k] = c;
  }
  size_t unloaded = 0;
  for (size_t k = 0; k < shocks_.size(); ++k)
    bracket_of_.push_back(loaded[k] ? condition_of[k] : conditions_ + unloaded++);
}

void DrawSampler::condition(uint64_t key, Scratch& scratch) const {
  const size_t factors = factors_, conditions = conditions_;  // locals: the stores below could alias members
  double* factor = scratch.factor.data();
  double* bound = scratch.bound.data();
  NormalCdfGrid::Bracket* bracket = scratch.bracket.data();
  const double* loadings = condition_loadings_.data();
  CounterRng rng = CounterRng::keyed(key, 0);
  for (size_t j = 0; j < factors; ++j) factor[j] = normal_.sample(rng);
  for (size_t c = 0; c < conditions; ++c) {
    double value = condition_bound_[c];
    for (size_t j = 0; j < factors; ++j) value -= loadings[c * factors + j] * factor[j];
    bound[c] = value;
    bracket[c] = cdf_.bracket(value);
  }
}

void DrawSampler::decide(uint64_t first, const size_t* draws, size_t count, Scratch& scratch) const {
  const size_t shocks = shocks_.size();
  const size_t* bracket_of = bracket_of_.data();
  const NormalCdfGrid::Bracket* bracket = scratch.bracket.data();
  uint32_t* hits = scratch.hits.data();
  size_t* hit_count = scratch.hit_count.data();
  std::fill(hit_count, hit_count + shocks, size_t{0});
  for (size_t r = 0; r < count; ++r) {
    const uint64_t key = CounterRng::draw_key(seed_part_, draws ? draws[r] : first + r);
    scratch.key[r] = key;
    condition(key, scratch);
    bool unsure = false;
    // No branch on the outcome: append the draw, count it if the shock surely occurs.
    auto take = [&](size_t k, uint32_t bits) {
      const double u = CounterRng::uniform32(bits);
      const NormalCdfGrid::Bracket& bounds = bracket[bracket_of[k]];
      hits[k * kBlock + hit_count[k]] = static_cast<uint32_t>(r);
      hit_count[k] += u < bounds.low;
      unsure |= (u >= bounds.low) & (u < bounds.high);
    };
    CounterRng rng = CounterRng::keyed(key, 1);
    for (size_t k = 0; k < shocks; k += 2) {  // two uniforms per number: low half, then high half
      const uint64_t pair = rng.next();
      take(k, static_cast<uint32_t>(pair));
      if (k + 1 < shocks) take(k + 1, static_cast<uint32_t>(pair >> 32));
    }
    if (unsure) [[unlikely]] {  // a uniform within the table's error of Phi: compare with erfc
      rng = CounterRng::keyed(key, 1);
      uint64_t pair = 0;
      for (size_t k = 0; k < shocks; ++k) {
        pair = k % 2 == 0 ? rng.next() : pair >> 32;
        const double u = CounterRng::uniform32(static_cast<uint32_t>(pair));
        const NormalCdfGrid::Bracket& bounds = bracket[bracket_of[k]];
        if (u >= bounds.low && u < bounds.high) hit_count[k] += u < NormalCdfGrid::cdf(scratch.bound[bracket_of[k]]);
      }
    }
  }
}

void DrawSampler::prepare(Scratch& scratch) const {
  scratch.factor.resize(factors_);
  scratch.bound.resize(conditions_);
  scratch.bracket.resize(conditions_ + unloaded_probability_.size());
  // A shock without loadings occurs when U < p: a bracket with low = high = p.
  for (size_t i = 0; i < unloaded_probability_.size(); ++i)
    scratch.bracket[conditions_ + i] = {unloaded_probability_[i], unloaded_probability_[i]};
  scratch.key.resize(kBlock);
  scratch.hits.resize(shocks_.size() * kBlock);
  scratch.hit_count.resize(shocks_.size());
}

}  // namespace tengerim

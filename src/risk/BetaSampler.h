#pragma once
// Beta(alpha, beta) numbers, with the choice of method made once per shape.
// Whole shapes with alpha + beta - 1 <= 16: the alpha-th smallest of
// alpha + beta - 1 uniforms, which is Beta(alpha, beta) exactly, with no
// logarithms; the uniforms have 32 random bits each (two per random number):
// the sample then lies on a grid of step 2^-32, far finer than anything the
// result depends on (a cut interpolated between loss-table points 0.05 apart).
// Other shapes: the ratio of two Gamma numbers.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "common/CounterRng.h"

namespace tengerim {

class BetaSampler {
 public:
  BetaSampler(double alpha, double beta);

  double operator()(CounterRng& rng) const {
    if (rank_ == 1 || rank_ == 2) return uniform_of(two_smallest(rng)[rank_ - 1]);  // inline, no branches
    CounterRng copy = rng;  // keeps `rng` out of memory in the caller's loop
    double value = other_shapes(copy);
    rng = copy;
    return value;
  }

  static constexpr size_t kMaxOrder = 16;

 private:
  // The two smallest of count_ 32-bit numbers, two per random number, complemented when
  // flipped (~b is the bits of 1 - U exactly). Kept apart from other_shapes' loop: as
  // written here GCC keeps first and second in registers (through a shared helper, not).
  std::array<uint64_t, 2> two_smallest(CounterRng& rng) const {
    const size_t count = count_;  // locals: rng's writes could alias the members
    const uint64_t complement = complement_;
    uint64_t first = uint64_t{1} << 32, second = first;  // above any 32-bit number
    auto take = [&](uint64_t value) {
      second = std::min(second, std::max(first, value));
      first = std::min(first, value);
    };
    for (size_t i = 0; i < count; i += 2) {
      const uint64_t bits = rng.next();
      take((bits & 0xffffffffULL) ^ complement);
      if (i + 1 < count) take((bits >> 32) ^ complement);
    }
    return {first, second};
  }
  double uniform_of(uint64_t kept) const { return CounterRng::uniform32(static_cast<uint32_t>(kept ^ complement_)); }
  double other_shapes(CounterRng& rng) const;

  double alpha_, beta_;
  size_t count_ = 0;          // uniforms per sample; 0: Gamma ratio
  size_t rank_ = 0;           // which smallest is kept, counted on the side with fewer; 0: Gamma ratio
  uint64_t complement_ = 0;   // all ones in the low 32 bits when alpha > beta: ranks count from the largest
};

}  // namespace tengerim

#pragma once
// A counter-based random stream: the k-th number of stream (seed, draw, stream)
// is a pure function of those four integers (splitmix64 finaliser of a keyed
// counter), so a draw gives the same numbers whichever thread runs it.
#include <cstdint>

namespace tengerim {

class CounterRng {
 public:
  CounterRng(uint64_t seed, uint64_t draw, uint64_t stream)
      : key_(mix(seed_part(seed) ^ draw_part(draw) ^ stream_part(stream))) {}
  // The same stream from its three parts, for loops that reuse them (one mix instead of four).
  static CounterRng from_parts(uint64_t seed_part, uint64_t draw_part, uint64_t stream_part) {
    return CounterRng(mix(seed_part ^ draw_part ^ stream_part));
  }
  static uint64_t seed_part(uint64_t seed) { return mix(seed ^ 0x9e3779b97f4a7c15ULL); }
  static uint64_t draw_part(uint64_t draw) { return mix(draw + 0x632be59bd9b4e019ULL); }
  static uint64_t stream_part(uint64_t stream) { return mix(stream * 0xd1b54a32d192ed03ULL + 1); }

  uint64_t next() { return mix(key_ + 0x9e3779b97f4a7c15ULL * ++counter_); }
  // Uniform in the open interval (0, 1): 53 random bits, never 0 or 1.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  explicit CounterRng(uint64_t key) : key_(key) {}
  uint64_t key_;
  uint64_t counter_ = 0;
};

}  // namespace tengerim

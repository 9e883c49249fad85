#pragma once
// A counter-based random stream: the k-th number of a stream is a pure
// function of its key and k (splitmix64 finaliser of a keyed counter), so a
// draw gives the same numbers whichever thread runs it. Keys come from
// (seed, draw, stream), or from (seed, draw) alone for the Monte Carlo draws
// (one key mix per draw), whose streams are slots of the key's counter.
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
  // The key of Monte Carlo draw `draw`: a function of (seed, draw) only.
  static uint64_t draw_key(uint64_t seed_part, uint64_t draw) { return mix(seed_part ^ (draw * 0xd6e8feb86659fd93ULL)); }
  // Stream `slot` of a key: the numbers at counters slot 2^32 + 1, + 2, ... (slots never overlap in practice).
  static CounterRng keyed(uint64_t key, uint64_t slot) { return CounterRng(key, slot << 32); }
  static uint64_t seed_part(uint64_t seed) { return mix(seed ^ 0x9e3779b97f4a7c15ULL); }
  static uint64_t draw_part(uint64_t draw) { return mix(draw + 0x632be59bd9b4e019ULL); }
  static uint64_t stream_part(uint64_t stream) { return mix(stream * 0xd1b54a32d192ed03ULL + 1); }

  uint64_t next() { return mix(key_ + 0x9e3779b97f4a7c15ULL * ++counter_); }
  // Uniform in the open interval (0, 1): 53 random bits, never 0 or 1.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  // Uniform in (0, 1) from 32 random bits (half of one number), resolution 2^-32, never 0 or 1.
  static double uniform32(uint32_t bits) { return (static_cast<double>(bits) + 0.5) * 0x1.0p-32; }

  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  explicit CounterRng(uint64_t key, uint64_t counter = 0) : key_(key), counter_(counter) {}
  uint64_t key_;
  uint64_t counter_ = 0;
};

}  // namespace tengerim

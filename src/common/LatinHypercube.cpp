#include "common/LatinHypercube.h"

#include "common/CounterRng.h"
#include "common/Error.h"

namespace tengerim {
namespace {

constexpr int kFeistelRounds = 4;
constexpr uint64_t kJitterStreams = uint64_t{1} << 32;  // keeps the jitter streams apart from other users of (seed, i, j)

}  // namespace

LatinHypercube::LatinHypercube(uint64_t seed, size_t points, size_t dimensions)
    : seed_(seed), points_(points), dimensions_(dimensions) {
  unsigned bits = 2;
  while (bits < 62 && (uint64_t{1} << bits) < points) bits += 2;
  half_bits_ = bits / 2;
}

uint64_t LatinHypercube::permute_once(uint64_t value, uint64_t key) const {
  const uint64_t mask = (uint64_t{1} << half_bits_) - 1;
  uint64_t left = value >> half_bits_, right = value & mask;
  for (int round = 0; round < kFeistelRounds; ++round) {
    uint64_t f = CounterRng::mix(key ^ (static_cast<uint64_t>(round) * 0x9e3779b97f4a7c15ULL) ^
                                 (right * 0xd6e8feb86659fd93ULL)) & mask;
    uint64_t next = left ^ f;
    left = right;
    right = next;
  }
  return (left << half_bits_) | right;
}

size_t LatinHypercube::stratum(size_t point, size_t dimension) const {
  if (point >= points_ || dimension >= dimensions_)
    throw Error(ErrorKind::Internal, {}, "Latin hypercube point or dimension out of range");
  const uint64_t key = CounterRng::mix(CounterRng::seed_part(seed_) ^ CounterRng::stream_part(dimension) ^
                                       CounterRng::mix(static_cast<uint64_t>(points_) + 0x632be59bd9b4e019ULL));
  // Cycle walking: the Feistel network is a bijection of [0, 2^bits), so
  // repeating it until the value falls below N is a bijection of [0, N).
  uint64_t value = point;
  do value = permute_once(value, key);
  while (value >= points_);
  return static_cast<size_t>(value);
}

double LatinHypercube::coordinate(size_t point, size_t dimension) const {
  CounterRng jitter(seed_, point, kJitterStreams + dimension);
  return (static_cast<double>(stratum(point, dimension)) + jitter.uniform()) / static_cast<double>(points_);
}

std::vector<double> LatinHypercube::point(size_t index) const {
  std::vector<double> out(dimensions_);
  for (size_t j = 0; j < dimensions_; ++j) out[j] = coordinate(index, j);
  return out;
}

}  // namespace tengerim

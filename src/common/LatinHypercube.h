#pragma once
// A Latin hypercube design of N points in [0, 1)^D from one master seed, in
// which any point can be computed alone: point i of N depends only on
// (seed, N, i), never on the other points or on the order they are asked for.
// So a sensitivity run, a thread pool or an MPI sweep ("plan i = point i")
// get the same design whoever computes which point.
//
// The rule (documented in docs/model.md §9, Seeds):
//   x[i][j] = (pi_j(i) + u[i][j]) / N
// where pi_j is a pseudo-random permutation of {0, ..., N-1} (a 4-round
// Feistel network over the smallest even number of bits that covers N, keyed
// by (seed, N, j), walked in cycles until it lands below N), and u[i][j] is
// the first number of the counter stream CounterRng(seed, i, 2^32 + j), in
// (0, 1). Each column therefore has exactly one point in each of the N strata
// [k/N, (k+1)/N), and the columns are independent.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tengerim {

class LatinHypercube {
 public:
  LatinHypercube(uint64_t seed, size_t points, size_t dimensions);

  size_t points() const { return points_; }
  size_t dimensions() const { return dimensions_; }
  // pi_j(i): the stratum of point i in dimension j, in [0, N).
  size_t stratum(size_t point, size_t dimension) const;
  // x[i][j] in (0, 1).
  double coordinate(size_t point, size_t dimension) const;
  std::vector<double> point(size_t index) const;

 private:
  uint64_t permute_once(uint64_t value, uint64_t key) const;

  uint64_t seed_;
  size_t points_;
  size_t dimensions_;
  unsigned half_bits_ = 1;
};

}  // namespace tengerim

#include "common/LatinHypercube.h"

#include <gtest/gtest.h>

#include <vector>

namespace tengerim {
namespace {

TEST(LatinHypercube, EveryColumnHasOnePointInEachStratum) {
  for (size_t n : {1u, 2u, 3u, 7u, 64u, 100u, 1000u}) {
    LatinHypercube design(42, n, 3);
    for (size_t j = 0; j < 3; ++j) {
      std::vector<int> hits(n, 0);
      for (size_t i = 0; i < n; ++i) {
        double x = design.coordinate(i, j);
        ASSERT_GT(x, 0.0);
        ASSERT_LT(x, 1.0);
        size_t k = static_cast<size_t>(x * static_cast<double>(n));
        EXPECT_EQ(k, design.stratum(i, j));
        ++hits[k];
      }
      for (size_t k = 0; k < n; ++k) EXPECT_EQ(hits[k], 1) << "n=" << n << " j=" << j << " k=" << k;
    }
  }
}

TEST(LatinHypercube, APointDependsOnlyOnSeedCountAndIndex) {
  LatinHypercube a(7, 50, 4), b(7, 50, 4), other_seed(8, 50, 4);
  // Asked in a different order, and one point alone: the same numbers.
  std::vector<std::vector<double>> forward, backward(50);
  for (size_t i = 0; i < 50; ++i) forward.push_back(a.point(i));
  for (size_t i = 50; i-- > 0;) backward[i] = b.point(i);
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(LatinHypercube(7, 50, 4).point(31), forward[31]);
  int same = 0;
  for (size_t i = 0; i < 50; ++i) same += other_seed.point(i) == forward[i];
  EXPECT_EQ(same, 0);
}

TEST(LatinHypercube, ColumnsAreNotCopiesOfEachOther) {
  LatinHypercube design(1, 200, 2);
  int equal = 0;
  for (size_t i = 0; i < 200; ++i) equal += design.stratum(i, 0) == design.stratum(i, 1);
  // Two independent permutations of 200 agree on about one position (expected 1).
  EXPECT_LT(equal, 8);
}

}  // namespace
}  // namespace tengerim

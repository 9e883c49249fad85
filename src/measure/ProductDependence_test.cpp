#include "measure/ProductDependence.h"

#include <gtest/gtest.h>

namespace tengerim {
namespace {

// Supplier imports (0.6, 0.2, 0.2) of 1: HHI = 0.36 + 0.04 + 0.04 = 0.44 > 0.4.
ProductYear concentrated_year(int year) { return {year, {60, 20, 20}, 150, 2.0}; }

TEST(ProductDependence, HhiOfExactlyPointFourIsNotAboveThreshold) {
  // Shares (0.6, 0.1, 0.1, 0.1, 0.1): HHI = 0.36 + 4 * 0.01 = 0.40 exactly.
  ProductYear year{2020, {6, 1, 1, 1, 1}, 10, 2.0};
  auto verdict = assess_product("p", {year}, ProductThresholds{});
  ASSERT_EQ(verdict.years.size(), 1u);
  EXPECT_NEAR(verdict.years[0].hhi, 0.40, 1e-12);
  EXPECT_FALSE(verdict.years[0].concentrated) << "0.40 is not strictly above 0.4";
}

TEST(ProductDependence, AllCriteriaInTwoOfThreeYearsIsDependent) {
  ProductYear weak = concentrated_year(2021);
  weak.total_demand = 1000;  // imports 100 / 1000 = 0.1: not dependent that year
  auto verdict = assess_product("p", {concentrated_year(2020), weak, concentrated_year(2022)}, ProductThresholds{});
  EXPECT_NEAR(verdict.years[0].hhi, 0.44, 1e-12);
  EXPECT_NEAR(verdict.years[0].import_dependence, 100.0 / 150.0, 1e-12);
  EXPECT_EQ(verdict.years_met, 2);
  EXPECT_TRUE(verdict.strategic_dependence);
}

TEST(ProductDependence, OneYearOfThreeIsNotPersistent) {
  ProductYear weak = concentrated_year(2021);
  weak.total_demand = 1000;
  ProductYear loose = concentrated_year(2022);
  loose.substitutability_ratio = 1.0;  // exactly at the threshold: not above it
  auto verdict = assess_product("p", {concentrated_year(2020), weak, loose}, ProductThresholds{});
  EXPECT_EQ(verdict.years_met, 1);
  EXPECT_FALSE(verdict.strategic_dependence);
}

TEST(ProductDependence, OnlyTheLatestThreeYearsCount) {
  ProductYear weak = concentrated_year(2019);
  weak.total_demand = 1000;
  auto verdict = assess_product(
      "p", {concentrated_year(2022), weak, concentrated_year(2018), concentrated_year(2020), concentrated_year(2021)},
      ProductThresholds{});
  ASSERT_EQ(verdict.years.size(), 3u);
  EXPECT_EQ(verdict.years.front().year, 2020);
  EXPECT_EQ(verdict.years_met, 3);
}

}  // namespace
}  // namespace tengerim

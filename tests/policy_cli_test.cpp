// `tengerim simulate` and `tengerim optimize` end to end on the built-in model.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.h"

namespace tengerim {
namespace {

using testing::run_tengerim;

TEST(SimulateCli, JsonHasOneEntryPerYearWithPressureByDirection) {
  auto result = run_tengerim({"simulate", "--policy", "tilt-west", "--horizon", "4", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["years"].size(), 4u);
  for (const auto& year : json["years"]) {
    for (const char* power : {"east", "russia", "west"}) EXPECT_TRUE(year["pressure"].contains(power));
    for (const char* key : {"loss", "tension", "cohesion", "balance", "separation"}) EXPECT_TRUE(year.contains(key));
    EXPECT_NEAR(year["cohesion"].get<double>(), 1 - year["tension"].get<double>(), 1e-12);
  }
  EXPECT_EQ(json["years"][3]["year"].get<int>() - json["years"][0]["year"].get<int>(), 3);
}

TEST(SimulateCli, SensitivityReportsShareOfDrawsPerConclusion) {
  auto result = run_tengerim({"simulate", "--policy", "tilt-russia", "--horizon", "3", "--sensitivity", "6",
                              "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["sensitivity"]["draws"].get<int>(), 6);
  ASSERT_GE(json["sensitivity"]["conclusions"].size(), 2u);
  for (const auto& conclusion : json["sensitivity"]["conclusions"]) {
    double share = conclusion["share"].get<double>();
    EXPECT_NEAR(share * 6, conclusion["holds"].get<double>(), 1e-9);
  }
}

TEST(OptimizeCli, PlanLowersTheObjectiveAndReportsCvarBeforeAndAfter) {
  auto result = run_tengerim({"optimize", "--draws", "2000", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  for (const char* key : {"cvar_before", "cvar_after", "cost", "steps", "binding"}) EXPECT_TRUE(json.contains(key));
  // The status quo is feasible, so the optimum can be no worse than it.
  EXPECT_LE(json["objective_after"].get<double>(), json["objective_before"].get<double>() + 1e-12);
  EXPECT_GE(json["cost"].get<double>(), 0.0);
}

}  // namespace
}  // namespace tengerim

// products.csv / product_context.csv read from a model folder and judged in
// the balance sheet; expected verdicts computed by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.h"

namespace tengerim {
namespace {

std::string small_model_with(const std::string& products, const std::string& context) {
  const std::string dir = testing::make_temp_dir("products");
  for (const char* file : {"model.toml", "ties.csv", "sources.csv"})
    testing::write_text(dir + "/" + file,
                        testing::read_text(testing::source_path(std::string("tests/models/small/") + file)));
  testing::write_text(dir + "/products.csv", products);
  testing::write_text(dir + "/product_context.csv", context);
  return dir;
}

TEST(ProductFiles, VerdictInTheBalanceSheet) {
  // 2020: suppliers 60/20/20 -> HHI .44 > .4; 100/150 = .667 > .5; ratio 2 > 1: all met.
  // 2021: suppliers 50/50 -> HHI .5; 100/400 = .25: not dependent. Years met at 2021: 1 of 2 -> not strategic.
  const std::string dir = small_model_with(
      "product,year,partner,imports,source\n"
      "280461,2020,CHN,60,s1\n280461,2020,RUS,20,s1\n280461,2020,USA,20,s1\n"
      "280461,2021,CHN,50,s1\n280461,2021,RUS,50,s1\n",
      "product,year,total_demand,substitutability_ratio,source\n"
      "280461,2020,150,2,s1\n280461,2021,400,2,s1\n");
  auto result = testing::run_tengerim({"report", dir, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  const auto& y2020 = json["years"][0]["products"][0];
  EXPECT_EQ(y2020["product"], "280461");
  EXPECT_NEAR(y2020["years"][0]["hhi"].get<double>(), 0.44, 1e-12);
  EXPECT_NEAR(y2020["years"][0]["import_dependence"].get<double>(), 100.0 / 150.0, 1e-12);
  EXPECT_EQ(y2020["years_met"], 1);
  EXPECT_EQ(y2020["strategic_dependence"], false);  // one year is not two of three
  const auto& y2021 = json["years"][1]["products"][0];
  EXPECT_EQ(y2021["years"].size(), 2u);
  EXPECT_EQ(y2021["years_met"], 1);
  std::filesystem::remove_all(dir);
}

TEST(ProductFiles, UnknownSupplierIsNamed) {
  const std::string dir = small_model_with("product,year,partner,imports,source\n280461,2020,QQQ,60,s1\n",
                                           "product,year,total_demand,substitutability_ratio,source\n");
  auto result = testing::run_tengerim({"report", dir});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(dir + "/products.csv:2: field 'partner'"), std::string::npos) << result.err;
  std::filesystem::remove_all(dir);
}

TEST(ProductFiles, NegativeDemandIsNamed) {
  const std::string dir = small_model_with("product,year,partner,imports,source\n",
                                           "product,year,total_demand,substitutability_ratio,source\n"
                                           "280461,2020,-1,2,s1\n");
  auto result = testing::run_tengerim({"report", dir});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(dir + "/product_context.csv:2: field 'total_demand'"), std::string::npos) << result.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tengerim

// `tengerim report` end to end: JSON shape, determinism, formats, atomic output.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.h"

namespace tengerim {
namespace {

using testing::run_tengerim;

TEST(ReportCommand, TextReportOfBuiltinModel) {
  auto result = run_tengerim({"report"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Kazakhstan (KAZ), 2024"), std::string::npos);  // the latest published year
  EXPECT_NE(result.out.find("Role map"), std::string::npos);
  EXPECT_NE(result.out.find("balance B ="), std::string::npos);
}

TEST(ReportCommand, JsonHasTheDocumentedShape) {
  auto result = run_tengerim({"report", "--format", "json", "--year", "2023"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["focal"], "KAZ");
  ASSERT_EQ(json["years"].size(), 1u);
  const auto& year = json["years"][0];
  EXPECT_EQ(year["year"], 2023);
  bool found = false;
  for (const auto& domain : year["domains"]) {
    if (domain["id"] != "imports") continue;
    found = true;
    EXPECT_TRUE(domain.contains("unit") && domain.contains("total") && domain.contains("hhi") &&
                domain.contains("effective_partners"));
    for (const auto& direction : domain["directions"])
      if (direction["id"] == "east") {
        // China + Hong Kong + Macao; China alone is 0.2547368
        EXPECT_GE(direction["share"].get<double>(), 0.2547368);
        EXPECT_LE(direction["share"].get<double>(), 1.0);
        EXPECT_TRUE(direction["critical"].is_boolean());
      }
  }
  EXPECT_TRUE(found);
  for (const auto& direction : year["directions"])
    EXPECT_TRUE(direction.contains("dependence") && direction.contains("leverage") && direction.contains("leads"));
  EXPECT_TRUE(year.contains("balance") && year.contains("separation") && year.contains("predictability"));
  EXPECT_FALSE(json.contains("profile"));
}

TEST(ReportCommand, JsonWithoutYearHoldsEveryYearAndIsDeterministic) {
  auto first = run_tengerim({"report", "--format", "json"});
  auto second = run_tengerim({"report", "builtin:kaz", "--format", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
  auto json = nlohmann::json::parse(first.out);
  // Every year of the model, 2000..2025: migrant stock (observed 2000, 2005, ..., interpolated
  // between) fills each one (DATA.md; model.toml declares the filling).
  ASSERT_EQ(json["years"].size(), 26u);
  EXPECT_EQ(json["years"][0]["year"], 2000);
  EXPECT_EQ(json["years"][25]["year"], 2025);
}

TEST(ReportCommand, ProfileGoesUnderItsOwnKey) {
  auto result = run_tengerim({"report", "--format", "json", "--profile"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_TRUE(json["profile"].contains("measure"));
  EXPECT_NE(result.err.find("stage"), std::string::npos);
}

TEST(ReportCommand, CsvIsTidy) {
  auto result = run_tengerim({"report", "--format", "csv", "--year", "2024"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("year,scope,domain,direction,measure,value,basis\n", 0), 0u);
  EXPECT_NE(result.out.find("2024,year,,,balance,"), std::string::npos);
  EXPECT_NE(result.out.find("2024,domain,arms,,window,5,window\n"), std::string::npos);
  // 2023 lacks a key domain (oil export routes): no composite row.
  auto unpublished = run_tengerim({"report", "--format", "csv", "--year", "2023"});
  EXPECT_EQ(unpublished.out.find("2023,year,,,balance,"), std::string::npos);
  EXPECT_NE(unpublished.out.find("2023,year,,,published,0,"), std::string::npos);
}

TEST(ReportCommand, OutWritesTheFileAndNothingOnError) {
  const std::string dir = testing::make_temp_dir("out");
  auto ok = run_tengerim({"report", "--format", "json", "--out", dir + "/sheet.json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/sheet.json"));
  auto bad = run_tengerim({"report", "--year", "1990", "--out", dir + "/bad.json"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--year"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir + "/bad.json"));
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find("tmp"), std::string::npos) << entry.path();
  std::filesystem::remove_all(dir);
}

TEST(ReportCommand, HelpDocumentsEveryOption) {
  auto result = run_tengerim({"report", "--help"});
  ASSERT_EQ(result.exit_code, 0);
  for (const char* option : {"--year", "--format", "--out", "--profile"})
    EXPECT_NE(result.out.find(option), std::string::npos) << option;
}

TEST(ReportCommand, UnknownOptionIsExitTwo) {
  auto result = run_tengerim({"report", "--colour"});
  EXPECT_EQ(result.exit_code, 2);
}

TEST(ReportCommand, UnknownBuiltinModelIsNamed) {
  auto result = run_tengerim({"report", "builtin:atlantis"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("builtin:atlantis"), std::string::npos);
  EXPECT_NE(result.err.find("kaz"), std::string::npos);
}

}  // namespace
}  // namespace tengerim

// `tengerim import uis-students` on slices of 360info's UIS top-ten tables. Expected figures are
// rows of the FULL files, read by tools/data/build_reference.py (tests/data/EXPECTED.md, "UIS
// students"), not by the importer's code.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "TestSupport.h"

namespace tengerim {
namespace {

using testing::by_key;
using testing::join_lines;
using testing::line_starting;
using testing::read_text;
using testing::source_path;
using testing::split_lines;
using testing::year_of;

const std::string kByOrigin = "tests/data/uis_destinations_by_origin_kaz_mng.csv";
const std::string kByDestination = "tests/data/uis_origins_by_destination_kaz_mng.csv";

const nlohmann::json& domain_of(const nlohmann::json& report, int year, const std::string& domain) {
  return by_key(year_of(report, year)["domains"], "id", domain);
}

double value_of(const nlohmann::json& domain, const std::string& partner) {
  return by_key(domain["top_partners"], "partner", partner)["value"].get<double>();
}

// Kazakhstan 2019: Russia 71,368 of 86,615.19558 (the 11 rows' sum, "Other countries" 3,935.19558
// included): share 0.823966...; the ten named destinations hold 1 - 3935.19558 / 86615.19558.
TEST(ImportUis, KazakhstanStudentsAbroadAndIn) {
  const auto imported = testing::import_fixtures("uis-students", {kByOrigin, kByDestination}, "KAZ");
  const auto& abroad = domain_of(imported.report, 2019, "students_abroad");
  EXPECT_DOUBLE_EQ(abroad["total"].get<double>(), 86615.19558);
  EXPECT_EQ(abroad["partners"], 10);
  EXPECT_DOUBLE_EQ(value_of(abroad, "RUS"), 71368);
  EXPECT_DOUBLE_EQ(value_of(abroad, "KGZ"), 2479);
  EXPECT_DOUBLE_EQ(value_of(abroad, "TUR"), 2191);
  EXPECT_NEAR(by_key(abroad["top_partners"], "partner", "RUS")["share"].get<double>(), 71368 / 86615.19558, 1e-12);
  EXPECT_NEAR(abroad["allocated"].get<double>(), 1 - 3935.19558 / 86615.19558, 1e-12);

  const auto& in = domain_of(imported.report, 2017, "students_in");
  EXPECT_DOUBLE_EQ(in["total"].get<double>(), 13850);
  EXPECT_DOUBLE_EQ(value_of(in, "UZB"), 3818);
  EXPECT_DOUBLE_EQ(value_of(in, "CHN"), 1377);
  EXPECT_DOUBLE_EQ(value_of(in, "RUS"), 1136);
  EXPECT_NEAR(in["allocated"].get<double>(), 1 - 685.0 / 13850, 1e-12);
  EXPECT_NE(read_text(imported.dir + "/model.toml").find("measure = \"stock\""), std::string::npos);
}

// 2020 is partial in the source (Kazakhstan's rows lack Russia): left out unless asked for.
TEST(ImportUis, PartialYearsOnlyWhenAskedFor) {
  const auto loose = testing::import_fixtures("uis-students", {kByOrigin}, "KAZ");
  for (const auto& year : loose.report["years"]) EXPECT_LE(year["year"].get<int>(), 2019);
  EXPECT_NE(loose.run.err.find("years after 2019 left out"), std::string::npos) << loose.run.err;
  const auto asked = testing::import_fixtures("uis-students", {kByOrigin}, "KAZ", {"--years", "2020-2020"});
  const auto& abroad = domain_of(asked.report, 2020, "students_abroad");
  for (const auto& partner : abroad["top_partners"]) EXPECT_NE(partner["partner"], "RUS");
}

TEST(ImportUis, MongoliaFromTheSameFile) {
  const auto imported = testing::import_fixtures("uis-students", {kByOrigin}, "MNG");
  const auto& abroad = domain_of(imported.report, 2019, "students_abroad");
  EXPECT_DOUBLE_EQ(value_of(abroad, "RUS"), 931);
  EXPECT_DOUBLE_EQ(value_of(abroad, "KAZ"), 612);
}

std::string by_origin_with(const std::string& prefix, const std::string& replacement, size_t* line = nullptr) {
  auto lines = split_lines(read_text(source_path(kByOrigin)));
  const size_t at = line_starting(lines, prefix);
  lines[at - 1] = replacement;
  if (line) *line = at;
  return join_lines(lines);
}

void expect_rejected(const std::string& bad, const std::string& expected) {
  testing::expect_import_rejected("uis-students", {kByOrigin}, 0, bad, expected, "students.csv");
}

TEST(ImportUis, BadInputIsRejectedAndLeavesTheModel) {
  size_t line = 0;
  const std::string negative =
      by_origin_with("2019,Kazakhstan,Russia,", "2019,Kazakhstan,Russia,-71368,- - - -", &line);
  expect_rejected(negative, "students.csv:" + std::to_string(line) + ":");
  expect_rejected(negative, "value_lumped");
  expect_rejected(negative, "must be non-negative");
  expect_rejected(by_origin_with("2019,Kazakhstan,Russia,", "2019,Kazakhstan,Russia,many,- - - -"), "value_lumped");
  expect_rejected(by_origin_with("2019,Kazakhstan,Russia,", "2019,Kazakhstan,Russia,71368,x - - -"),
                  "flag 1 must be 'a' or '-'");
  expect_rejected(by_origin_with("2019,Kazakhstan,Russia,", "2019,Kazakhstan,Russia,71368,- -"), "four flags");
  expect_rejected(by_origin_with("2019,Kazakhstan,Russia,", "19,Kazakhstan,Russia,71368,- - - -"), "between 1900");
  const auto repeated = testing::with_line_repeated(read_text(source_path(kByOrigin)), "2019,Kazakhstan,Russia,");
  expect_rejected(repeated.text, "repeats line " + std::to_string(repeated.first));
  expect_rejected("year,country,value\n2019,Kazakhstan,1\n", "expected either column");
}

TEST(ImportUis, TwoTablesOfOneLayoutAreRefused) {
  testing::expect_import_rejected("uis-students", {kByOrigin, kByDestination}, 1, read_text(source_path(kByOrigin)),
                                  "a second table for students_abroad", "again.csv");
}

}  // namespace
}  // namespace tengerim

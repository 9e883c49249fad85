// Alignment, formats, alliances and channels read from a model folder and
// measured; expected values computed by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

// The small test model with relations files and, optionally, no domains or ties at all.
std::string model_with_relations(bool with_ties) {
  const std::string dir = testing::make_temp_dir("relations");
  std::string toml = testing::read_text(testing::source_path("tests/models/small/model.toml"));
  if (!with_ties) toml = toml.substr(0, toml.find("[[domains]]"));
  testing::write_text(dir + "/model.toml", toml);
  testing::write_text(dir + "/sources.csv", testing::read_text(testing::source_path("tests/models/small/sources.csv")));
  if (with_ties) testing::write_text(dir + "/ties.csv", testing::read_text(testing::source_path("tests/models/small/ties.csv")));
  testing::write_text(dir + "/alignment.csv",
                      "year,partner,issue,agreement,votes,source\n"
                      "2020,USA,,0.2,10,s1\n2020,DEU,,0.5,30,s1\n2020,RUS,,0.9,40,s1\n2020,CHN,,0.8,40,s1\n"
                      "2020,USA,hr,0.1,5,s1\n");
  testing::write_text(dir + "/formats.csv",
                      "year,format,name,kind,members,source\n"
                      "2020,CSTO,Collective Security Treaty Organization,security,RUS;KAZ,s1\n"
                      "2020,SCO,Shanghai Cooperation Organisation,political,CHN;RUS;KAZ,s1\n");
  testing::write_text(dir + "/alliances.csv",
                      "year,partner,defense,offense,neutral,nonaggression,consultation,source\n"
                      "2020,RUS,1,0,0,1,1,s1\n2020,CHN,0,0,0,0,1,s1\n");
  testing::write_text(dir + "/channels.csv",
                      "year,partner,events,cooperation,conflict,goldstein,source\n"
                      "2020,CHN,4,4,0,10,s1\n2021,CHN,2,2,0,5,s1\n2020,USA,1,1,0,1,s1\n");
  return dir;
}

const RelationsSheet& relations_of(const BalanceSheet& sheet, int year) { return sheet.find_year(year)->relations; }

TEST(Relations, AlignmentByPartnerAndDirection) {
  const std::string dir = model_with_relations(true);
  auto sheet = measure_balance(read_model(ModelSource::directory(dir)));
  const auto& r = relations_of(sheet, 2020);
  ASSERT_EQ(r.alignment.size(), 4u);  // the issue row "hr" is not part of the overall figure
  EXPECT_EQ(r.alignment.front().partner, "RUS");
  // west = (0.2*10 + 0.5*30)/40 = 17/40 = 0.425; east 0.8; russia 0.9
  EXPECT_NEAR(*r.direction_alignment[0].agreement, 0.8, 1e-12);
  EXPECT_NEAR(*r.direction_alignment[1].agreement, 0.9, 1e-12);
  EXPECT_NEAR(*r.direction_alignment[2].agreement, 0.425, 1e-12);
  EXPECT_EQ(r.direction_alignment[2].votes, 40);
  EXPECT_NEAR(*r.equidistance, 0.9 - 0.425, 1e-12);
  std::filesystem::remove_all(dir);
}

TEST(Relations, SecurityFormatWithoutADirectionIsFlagged) {
  const std::string dir = model_with_relations(true);
  auto sheet = measure_balance(read_model(ModelSource::directory(dir)));
  const auto& r = relations_of(sheet, 2020);
  ASSERT_EQ(r.formats.size(), 2u);
  EXPECT_EQ(r.formats[0].format, "CSTO");
  EXPECT_EQ(r.formats[0].excludes, (std::vector<std::string>{"east", "west"}));
  EXPECT_TRUE(r.formats[1].excludes.empty());  // SCO is not a security format here
  EXPECT_EQ(r.direction_formats[1].formats, 2);  // russia is in both
  EXPECT_EQ(r.direction_formats[1].security_formats, 1);
  EXPECT_EQ(r.direction_alliances[1].defense, 1);
  EXPECT_EQ(r.direction_alliances[0].consultation, 1);
  std::filesystem::remove_all(dir);
}

TEST(Relations, ChannelActivityDecaysAndClosesBelowTheFloor) {
  const std::string dir = model_with_relations(true);
  auto sheet = measure_balance(read_model(ModelSource::directory(dir)));
  // half-life 2: east 2021 = 2 + 4 * 0.5^(1/2) = 4.828427; west 2021 = 1 * 0.5^(1/2) = 0.707107 < floor 1
  const auto& r = relations_of(sheet, 2021);
  EXPECT_NEAR(r.channels[0].activity, 2 + 4 * std::sqrt(0.5), 1e-12);
  EXPECT_FALSE(r.channels[0].closed);
  EXPECT_NEAR(r.channels[2].activity, std::sqrt(0.5), 1e-12);
  EXPECT_TRUE(r.channels[2].closed);
  EXPECT_TRUE(r.channels[1].closed);  // russia: no events at all
  std::filesystem::remove_all(dir);
}

TEST(Relations, AModelWithOnlyVotesIsValidAndReported) {
  const std::string dir = model_with_relations(false);
  auto result = testing::run_tengerim({"report", dir, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  const auto& year = json["years"][0];
  EXPECT_EQ(year["year"], 2020);
  EXPECT_TRUE(year["balance"].is_null());
  EXPECT_EQ(year["alignment"][0]["partner"], "RUS");
  EXPECT_EQ(year["alignment"][0]["votes"], 40);
  auto text = testing::run_tengerim({"report", dir, "--year", "2020"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Alignment in UN General Assembly votes"), std::string::npos);
  EXPECT_NE(text.out.find("security format CSTO has no member from: east, west"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Relations, AgreementOutsideUnitIntervalIsNamed) {
  const std::string dir = model_with_relations(true);
  testing::write_text(dir + "/alignment.csv", "year,partner,issue,agreement,votes,source\n2020,USA,,1.2,10,s1\n");
  auto result = testing::run_tengerim({"report", dir});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(dir + "/alignment.csv:2: field 'agreement'"), std::string::npos) << result.err;
  std::filesystem::remove_all(dir);
}

TEST(Relations, UnknownFormatKindIsNamed) {
  const std::string dir = model_with_relations(true);
  testing::write_text(dir + "/formats.csv", "year,format,name,kind,members,source\n2020,X,X,military,RUS,s1\n");
  auto result = testing::run_tengerim({"report", dir});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(dir + "/formats.csv:2: field 'kind'"), std::string::npos) << result.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tengerim

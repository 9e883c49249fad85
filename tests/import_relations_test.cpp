// `tengerim import` of the relation datasets (cow-igo, atop, icews) end to
// end: figures from tests/data/EXPECTED.md (computed from the full files),
// bad input (exit 2, file/line/field named, --into left unchanged), and
// unmatched names (reported with counts; an error under --strict).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "TestSupport.h"

namespace tengerim {
namespace {

using testing::by_key;

using testing::read_text;
using testing::run_tengerim;
using testing::source_path;
using testing::write_text;
using testing::split_lines;
using testing::join_lines;
using testing::line_starting;
using testing::folder_files;

const std::string kIgo = "tests/data/igo_slice.csv";
const std::string kAtop = "tests/data/atop_slice.csv";
const std::string kIcews = "tests/data/icews_sample.tab";

// Replaces field `index` (0-based) of `line`; no quoted field may come before it.
std::string with_field(const std::string& line, char delimiter, size_t index, const std::string& value) {
  size_t start = 0;
  for (size_t i = 0; i < index; ++i) start = line.find(delimiter, start) + 1;
  size_t end = line.find(delimiter, start);
  if (end == std::string::npos) end = line.size();
  return line.substr(0, start) + value + line.substr(end);
}

// The fixture with field `index` of the line starting with `prefix` set to `value`.
std::string fixture_with(const std::string& fixture, const std::string& prefix, char delimiter, size_t index,
                         const std::string& value, size_t* line_number = nullptr) {
  auto lines = split_lines(read_text(source_path(fixture)));
  const size_t line = line_starting(lines, prefix);
  lines[line - 1] = with_field(lines[line - 1], delimiter, index, value);
  if (line_number) *line_number = line;
  return join_lines(lines);
}

nlohmann::json import_and_report(const std::string& kind, const std::string& fixture, const std::string& focal,
                                 int year) {
  const std::string dir = testing::make_temp_dir("import-" + kind) + "/model";
  auto imported = run_tengerim({"import", kind, source_path(fixture), "--focal", focal, "--into", dir});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  auto report = run_tengerim({"report", dir, "--format", "json", "--year", std::to_string(year)});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  auto json = nlohmann::json::parse(report.out);
  EXPECT_EQ(json["years"].size(), 1u);
  return json["years"][0];
}

void expect_rejected(const std::string& kind, const std::string& fixture, const std::string& file_name,
                     const std::string& bad, const std::string& expected) {
  testing::expect_import_rejected(kind, {fixture}, 0, bad, expected, file_name);
}

// ----------------------------------------------------------------- cow-igo

TEST(ImportCowIgo, KazakhstanFullMemberships2014) {
  auto year = import_and_report("cow-igo", kIgo, "KAZ", 2014);
  // EXPECTED.md: status 1 in 55 IGOs in 2014, CSTO and SCO among them.
  EXPECT_EQ(year["formats"].size(), 55u);
  const auto& csto = by_key(year["formats"], "format", "CSTO");
  EXPECT_EQ(csto["kind"], "security");
  // CSTO's 2014 full members: ARM, BLR, KAZ, KGZ, RUS, TJK: no Chinese or Western member.
  EXPECT_EQ(csto["directions"], nlohmann::json({"russia"}));
  EXPECT_NE(std::find(csto["excludes"].begin(), csto["excludes"].end(), "east"), csto["excludes"].end());
  EXPECT_NE(std::find(csto["excludes"].begin(), csto["excludes"].end(), "west"), csto["excludes"].end());
  const auto& sco = by_key(year["formats"], "format", "SCO");
  EXPECT_EQ(sco["kind"], "security");
  EXPECT_EQ(sco["directions"], nlohmann::json({"east", "russia"}));
  // Not in security_igos.csv: the file's own flag (CIS: political; ECO: economic).
  EXPECT_EQ(by_key(year["formats"], "format", "CIS")["kind"], "political");
  EXPECT_EQ(by_key(year["formats"], "format", "ECO")["kind"], "economic");
}

TEST(ImportCowIgo, OtherFocalCountries) {
  // Counted in the full igo_year_format3.csv (year 2014, column = 1): mongolia 50, armenia 46;
  // Armenia is a full CSTO member, Mongolia is in neither CSTO nor SCO as a full member.
  auto mongolia = import_and_report("cow-igo", kIgo, "MNG", 2014);
  EXPECT_EQ(mongolia["formats"].size(), 50u);
  for (const auto& format : mongolia["formats"]) EXPECT_NE(format["format"], "SCO");
  auto armenia = import_and_report("cow-igo", kIgo, "ARM", 2014);
  EXPECT_EQ(armenia["formats"].size(), 46u);
  EXPECT_EQ(by_key(armenia["formats"], "format", "CSTO")["kind"], "security");
}

TEST(ImportCowIgo, BadInputIsRejectedAndLeavesTheModel) {
  const std::string text = read_text(source_path(kIgo));
  const std::string csto = "CSTO,Collective Security Treaty Organization,2014,";
  size_t line = 0;
  // kazakhstan is field 9 of the fixture (ioname, orgname, year, armenia, ..., japan, kazakhstan).
  auto bad = fixture_with(kIgo, csto, ',', 9, "-5", &line);
  expect_rejected("cow-igo", kIgo, "igo.csv", bad, ":" + std::to_string(line) + ": field 'kazakhstan'");
  expect_rejected("cow-igo", kIgo, "igo.csv", fixture_with(kIgo, csto, ',', 9, "yes"),
                  ":" + std::to_string(line) + ": field 'kazakhstan'");
  expect_rejected("cow-igo", kIgo, "igo.csv", fixture_with(kIgo, csto, ',', 33, "2"),
                  ":" + std::to_string(line) + ": field 'political'");
  const auto lines = split_lines(text);
  expect_rejected("cow-igo", kIgo, "igo.csv", text.substr(0, text.size() - lines.back().size() / 2 - 1),
                  ":" + std::to_string(lines.size()) + ": expected 36 fields");
  std::string semicolons = text;
  std::replace(semicolons.begin(), semicolons.end(), ',', ';');
  expect_rejected("cow-igo", kIgo, "igo.csv", semicolons, ":1: the header has one column");
  auto renamed = lines;
  renamed[0] = with_field(renamed[0], ',', 2, "yr");
  expect_rejected("cow-igo", kIgo, "igo.csv", join_lines(renamed), ":1: field 'year': missing column");
  expect_rejected("cow-igo", kIgo, "igo.csv", "", "the file is empty");
}

TEST(ImportCowIgo, UnmatchedStateColumn) {
  auto lines = split_lines(read_text(source_path(kIgo)));
  lines[0] = with_field(lines[0], ',', 11, "atlantis");  // was mongolia
  const std::string dir = testing::make_temp_dir("igo-unmatched"), file = dir + "/igo.csv";
  write_text(file, join_lines(lines));
  auto result = run_tengerim({"import", "cow-igo", file, "--focal", "KAZ", "--into", dir + "/model"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Full file, years 2012-2014: 103 IGO-years with kazakhstan = 1 and mongolia = 1.
  EXPECT_NE(result.err.find("   103  atlantis"), std::string::npos) << result.err;
  auto strict = run_tengerim({"import", "cow-igo", file, "--focal", "KAZ", "--into", dir + "/model", "--strict"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("'atlantis'"), std::string::npos) << strict.err;
}

// ----------------------------------------------------------------- atop

TEST(ImportAtop, KazakhstanDefencePledges2018) {
  const std::string dir = testing::make_temp_dir("atop") + "/model";
  ASSERT_EQ(run_tengerim({"import", "atop", source_path(kAtop), "--focal", "KAZ", "--into", dir}).exit_code, 0);
  // EXPECTED.md: 7 partners with atop_defense = 1 in 2018: RUS, BLR, ARM, AZE, TJK, KGZ, UZB.
  std::vector<std::string> defence;
  for (const auto& line : split_lines(read_text(dir + "/alliances.csv")))
    if (line.rfind("2018,", 0) == 0 && line.substr(9, 2) == "1,") defence.push_back(line.substr(5, 3));
  EXPECT_EQ(defence, (std::vector<std::string>{"ARM", "AZE", "BLR", "KGZ", "RUS", "TJK", "UZB"}));
  auto report = run_tengerim({"report", dir, "--format", "json", "--year", "2018"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto year = nlohmann::json::parse(report.out)["years"][0];
  // By direction: russia = RUS; south holds AZE; the other five are in no direction.
  EXPECT_EQ(by_key(year["alliances"], "direction", "russia")["defense"], 1);
  EXPECT_EQ(by_key(year["alliances"], "direction", "south")["defense"], 1);
  EXPECT_EQ(by_key(year["alliances"], "direction", "east")["defense"], 0);
  EXPECT_EQ(by_key(year["alliances"], "direction", "west")["defense"], 0);
}

TEST(ImportAtop, ArmeniaAndMongolia) {
  // Full atop_alliance_ddy.csv, ccode1 = 371, 2018, atop_defense = 1: 365 370 373 702 703 704 705.
  auto armenia = import_and_report("atop", kAtop, "ARM", 2018);
  EXPECT_EQ(by_key(armenia["alliances"], "direction", "russia")["defense"], 1);
  EXPECT_EQ(by_key(armenia["alliances"], "direction", "south")["defense"], 1);  // AZE
  // Mongolia (712) has no defence pledge in 2018.
  auto mongolia = import_and_report("atop", kAtop, "MNG", 2018);
  for (const auto& entry : mongolia["alliances"]) EXPECT_EQ(entry["defense"], 0);
}

TEST(ImportAtop, BadInputIsRejectedAndLeavesTheModel) {
  const std::string text = read_text(source_path(kAtop));
  size_t line = 0;
  auto negative = fixture_with(kAtop, "705,365,2018,", ',', 3, "-1", &line);
  expect_rejected("atop", kAtop, "atop.csv", negative, ":" + std::to_string(line) + ": field 'atop_defense'");
  expect_rejected("atop", kAtop, "atop.csv", fixture_with(kAtop, "705,365,2018,", ',', 2, "y2018"),
                  ":" + std::to_string(line) + ": field 'year'");
  const auto lines = split_lines(text);
  expect_rejected("atop", kAtop, "atop.csv", text.substr(0, text.size() - 5),
                  ":" + std::to_string(lines.size()) + ": expected 8 fields");
  std::string semicolons = text;
  std::replace(semicolons.begin(), semicolons.end(), ',', ';');
  expect_rejected("atop", kAtop, "atop.csv", semicolons, ":1: the header has one column");
  auto renamed = lines;
  renamed[0] = with_field(renamed[0], ',', 7, "consul");
  expect_rejected("atop", kAtop, "atop.csv", join_lines(renamed), ":1: field 'consul': unknown column");
  expect_rejected("atop", kAtop, "atop.csv", "", "the file is empty");
}

TEST(ImportAtop, UnmatchedCowCode) {
  const std::string dir = testing::make_temp_dir("atop-unmatched"), file = dir + "/atop.csv";
  write_text(file, fixture_with(kAtop, "705,365,2018,", ',', 1, "999"));  // 999 is no COW state
  auto result = run_tengerim({"import", "atop", file, "--focal", "KAZ", "--into", dir + "/model"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("     1  COW code 999"), std::string::npos) << result.err;
  auto strict = run_tengerim({"import", "atop", file, "--focal", "KAZ", "--into", dir + "/model", "--strict"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("'COW code 999'"), std::string::npos) << strict.err;
}

// ----------------------------------------------------------------- icews

TEST(ImportIcews, KazakhstanChannels) {
  const std::string dir = testing::make_temp_dir("icews") + "/model";
  auto imported = run_tengerim({"import", "icews", source_path(kIcews), "--focal", "KAZ", "--into", dir});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  // EXPECTED.md: 8 events with Kazakhstan as source or target, Intensity sum 11. Of these (read in the
  // file): none is domestic; one (Nazarbayev -> Shanghai Cooperation Organization, 010, 0) has Target
  // Country NA, so 7 events with a sum of 11 are channels: RUS 4 (1 + 1 + 2.5 + 2.5 = 7), CHN 1 (036: 4),
  // IND 1 (0), PAK 1 (0).
  EXPECT_NE(imported.err.find("8 events with KAZ as source or target: 7 with another country (channels), 0 inside "
                              "KAZ, 1 with no country"),
            std::string::npos)
      << imported.err;
  EXPECT_EQ(read_text(dir + "/channels.csv"),
            "year,partner,events,cooperation,conflict,goldstein,source\n"
            "2018,CHN,1,1,0,4,icews\n2018,IND,1,0,0,0,icews\n2018,PAK,1,0,0,0,icews\n2018,RUS,4,4,0,7,icews\n");
  auto report = run_tengerim({"report", dir, "--format", "json", "--year", "2018"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto year = nlohmann::json::parse(report.out)["years"][0];
  EXPECT_EQ(by_key(year["channels"], "direction", "russia")["events"], 4);
  EXPECT_EQ(by_key(year["channels"], "direction", "russia")["goldstein"], 7);
  EXPECT_EQ(by_key(year["channels"], "direction", "east")["goldstein"], 4);
}

TEST(ImportIcews, ArmeniaDomesticAndConflict) {
  // Counted in the sample: 19 events with Armenia as source or target; 8 inside Armenia (sum 6),
  // Georgia 6 (all cooperative, sum 8.7), Russian Federation 4 (sum 16), Turkey 1 (conflict, -2).
  const std::string dir = testing::make_temp_dir("icews-arm") + "/model";
  auto imported = run_tengerim({"import", "icews", source_path(kIcews), "--focal", "ARM", "--into", dir});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.err.find("19 events with ARM as source or target: 11 with another country (channels), 8 "
                              "inside ARM"),
            std::string::npos)
      << imported.err;
  EXPECT_EQ(read_text(dir + "/channels.csv"),
            "year,partner,events,cooperation,conflict,goldstein,source\n"
            "2018,GEO,6,6,0,8.7,icews\n2018,RUS,4,4,0,16,icews\n2018,TUR,1,0,1,-2,icews\n");
}

TEST(ImportIcews, MissingIntensityUsesTheCameoTable) {
  const std::string dir = testing::make_temp_dir("icews-cameo"), file = dir + "/events.tab";
  write_text(file, fixture_with(kIcews, "32896152\t", '\t', 7, "NA"));  // CAMEO 036 scores 4 in the table
  auto result = run_tengerim({"import", "icews", file, "--focal", "KAZ", "--into", dir + "/model"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("1 events had no Intensity"), std::string::npos) << result.err;
  EXPECT_NE(read_text(dir + "/model/channels.csv").find("2018,CHN,1,1,0,4,icews"), std::string::npos);
  EXPECT_NE(read_text(dir + "/model/sources.csv").find("cameo-goldstein,"), std::string::npos);
}

TEST(ImportIcews, BadInputIsRejectedAndLeavesTheModel) {
  const std::string text = read_text(source_path(kIcews));
  size_t line = 0;
  auto bad = fixture_with(kIcews, "32896152\t", '\t', 7, "strong", &line);
  expect_rejected("icews", kIcews, "events.tab", bad, ":" + std::to_string(line) + ": field 'Intensity'");
  expect_rejected("icews", kIcews, "events.tab", fixture_with(kIcews, "32896152\t", '\t', 7, "-11"),
                  ":" + std::to_string(line) + ": field 'Intensity': expected a Goldstein score in [-10, 10]");
  expect_rejected("icews", kIcews, "events.tab", fixture_with(kIcews, "32896152\t", '\t', 1, "2 June 2018"),
                  ":" + std::to_string(line) + ": field 'Event Date'");
  const auto lines = split_lines(text);
  expect_rejected("icews", kIcews, "events.tab", text.substr(0, text.size() - 30),
                  ":" + std::to_string(lines.size()) + ": expected 20 fields");
  std::string commas = text;
  std::replace(commas.begin(), commas.end(), '\t', ',');
  expect_rejected("icews", kIcews, "events.tab", commas, ":1: field 'Event ID,Event Date");
  auto renamed = lines;
  renamed[0] = with_field(renamed[0], '\t', 7, "Score");
  expect_rejected("icews", kIcews, "events.tab", join_lines(renamed), ":1: field 'Score': unknown column");
  expect_rejected("icews", kIcews, "events.tab", "", "the file is empty");
}

TEST(ImportIcews, UnmatchedCountryName) {
  const std::string dir = testing::make_temp_dir("icews-unmatched"), file = dir + "/events.tab";
  write_text(file, fixture_with(kIcews, "32896152\t", '\t', 10, "Atlantis"));
  auto result = run_tengerim({"import", "icews", file, "--focal", "KAZ", "--into", dir + "/model"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("     1  Atlantis"), std::string::npos) << result.err;
  auto strict = run_tengerim({"import", "icews", file, "--focal", "KAZ", "--into", dir + "/model", "--strict"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("'Atlantis'"), std::string::npos) << strict.err;
}

}  // namespace
}  // namespace tengerim

// `tengerim import cow-trade` and `tengerim import unvotes` end to end:
// figures from tests/data/EXPECTED.md (computed from the full files), bad
// input (exit 2, file/line/field named, --into left unchanged), unmatched
// partners (reported with counts; an error under --strict).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "TestSupport.h"
#include <fmt/format.h>

namespace tengerim {
namespace {

using testing::read_text;
using testing::run_tengerim;
using testing::source_path;
using testing::write_text;
using testing::split_lines;
using testing::join_lines;
using testing::line_starting;
using testing::folder_files;

const std::string kCow = "tests/data/cow_trade_slice.csv";
const std::string kVotes = "tests/data/unvotes_slice/un_votes.csv";
const std::string kCalls = "tests/data/unvotes_slice/un_roll_calls.csv";
const std::string kIssues = "tests/data/unvotes_slice/un_roll_call_issues.csv";

// The fixture with field `index` of the first line starting with `prefix` set to `value`; its line in `line`.
std::string fixture_with(const std::string& fixture, const std::string& prefix, size_t index, const std::string& value,
                         size_t& line) {
  auto lines = split_lines(read_text(source_path(fixture)));
  for (line = 1; line <= lines.size() && lines[line - 1].rfind(prefix, 0) != 0; ++line) {
  }
  EXPECT_LE(line, lines.size()) << "no line starts with " << prefix;
  std::string& text = lines[line - 1];
  size_t start = 0;
  for (size_t i = 0; i < index; ++i) start = text.find(',', start) + 1;
  const size_t end = std::min(text.find(',', start), text.size());
  text = text.substr(0, start) + value + text.substr(end);
  return join_lines(lines);
}

// A line of alignment.csv as the importer writes it (shortest round-trip numbers).
std::string fmt_row(int year, const std::string& partner, const std::string& issue, double agreement, long votes) {
  return fmt::format("\n{},{},{},{},{},unvotes-2021\n", year, partner, issue, agreement, votes);
}

std::vector<std::string> sources(const std::vector<std::string>& fixtures) {
  std::vector<std::string> out;
  for (const auto& fixture : fixtures) out.push_back(source_path(fixture));
  return out;
}

// Imports `files` for `focal` and returns `report --format json` of it.
nlohmann::json import_and_report(const std::string& kind, const std::vector<std::string>& files,
                                 const std::string& focal, std::string* dir_out = nullptr) {
  const std::string dir = testing::make_temp_dir("import-" + kind) + "/model";
  std::vector<std::string> arguments{"import", kind};
  arguments.insert(arguments.end(), files.begin(), files.end());
  arguments.insert(arguments.end(), {"--focal", focal, "--into", dir});
  auto imported = run_tengerim(arguments);
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  auto report = run_tengerim({"report", dir, "--format", "json"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  if (dir_out) *dir_out = dir;
  return nlohmann::json::parse(report.out);
}

const nlohmann::json& year_of(const nlohmann::json& report, int year) {
  for (const auto& entry : report["years"])
    if (entry["year"] == year) return entry;
  static const nlohmann::json none;
  ADD_FAILURE() << "no year " << year;
  return none;
}

const nlohmann::json& by_key(const nlohmann::json& array, const std::string& key, const std::string& value) {
  for (const auto& entry : array)
    if (entry[key] == value) return entry;
  static const nlohmann::json none;
  ADD_FAILURE() << "no entry with " << key << " = " << value;
  return none;
}

double partner_value(const nlohmann::json& year, const std::string& domain, const std::string& partner) {
  return by_key(by_key(year["domains"], "id", domain)["top_partners"], "partner", partner)["value"].get<double>();
}

// Imports the good files into a folder, then the same with file `bad_index`
// replaced by `bad`: exit 2, the file and `expected` in the message, the folder unchanged.
void expect_rejected(const std::string& kind, const std::vector<std::string>& good, size_t bad_index,
                     const std::string& bad, const std::string& expected) {
  const std::string scratch = testing::make_temp_dir("bad-" + kind);
  const std::string dir = scratch + "/model", file = scratch + "/bad.csv";
  auto run = [&](const std::vector<std::string>& files) {
    std::vector<std::string> arguments{"import", kind};
    arguments.insert(arguments.end(), files.begin(), files.end());
    arguments.insert(arguments.end(), {"--focal", "KAZ", "--into", dir});
    return run_tengerim(arguments);
  };
  ASSERT_EQ(run(good).exit_code, 0);
  const auto before = folder_files(dir);
  write_text(file, bad);
  auto files = good;
  files[bad_index] = file;
  auto result = run(files);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(file), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(expected), std::string::npos) << "expected '" << expected << "' in: " << result.err;
  EXPECT_EQ(folder_files(dir), before);
  std::filesystem::remove_all(scratch);
}

// ----------------------------------------------------------------- cow-trade

TEST(ImportCowTrade, KazakhstanAndMongolia2014) {
  // EXPECTED.md (full COW dyadic file, 2014): KAZ imports from CHN 14109, exports to CHN 9704;
  // imports from RUS 15524, exports to RUS 7097. MNG imports from CHN 2468, exports to CHN 5073.
  std::string dir;
  const auto kaz = import_and_report("cow-trade", sources({kCow}), "KAZ", &dir);
  const auto& year = year_of(kaz, 2014);
  EXPECT_EQ(partner_value(year, "imports", "CHN"), 14109);
  EXPECT_EQ(partner_value(year, "exports", "CHN"), 9704);
  EXPECT_EQ(partner_value(year, "imports", "RUS"), 15524);
  EXPECT_EQ(partner_value(year, "exports", "RUS"), 7097);
  EXPECT_EQ(by_key(year["domains"], "id", "imports")["unit"], "million USD (COW)");
  // The fixture holds 2010-2014; the source row names the file.
  EXPECT_EQ(kaz["years"].size(), 5u);
  EXPECT_NE(read_text(dir + "/sources.csv").find("cow-trade-4.0"), std::string::npos);
  EXPECT_NE(read_text(dir + "/sources.csv").find("imported from " + source_path(kCow)), std::string::npos);
  const auto mng = import_and_report("cow-trade", sources({kCow}), "MNG");
  EXPECT_EQ(partner_value(year_of(mng, 2014), "imports", "CHN"), 2468);
  EXPECT_EQ(partner_value(year_of(mng, 2014), "exports", "CHN"), 5073);
}

TEST(ImportCowTrade, BlankFlowsAreMissingNotZero) {
  // Fixture row "57,705,2010,,24,,0": St Vincent (57) has a blank flow1 (its imports from KAZ),
  // flow2 = 24 (KAZ's imports from it). A blank is no tie, not a zero; zero flows add no tie either.
  std::string dir;
  import_and_report("cow-trade", sources({kCow}), "KAZ", &dir);
  const std::string ties = read_text(dir + "/ties.csv");
  EXPECT_NE(ties.find("\nimports,VCT,2010,24,cow-trade-4.0,"), std::string::npos);
  EXPECT_EQ(ties.find("\nexports,VCT,2010,"), std::string::npos);
  EXPECT_EQ(ties.find("\nimports,VCT,2011,"), std::string::npos);  // "57,705,2011,,0,,0"
  EXPECT_EQ(ties.find("nan"), std::string::npos);
}

TEST(ImportCowTrade, BadInputIsRejectedAndLeavesTheModel) {
  const std::vector<std::string> good = sources({kCow});
  const std::string text = read_text(source_path(kCow));
  size_t line = 0;
  auto negative = fixture_with(kCow, "705,710,2014,", 3, "-5", line);
  expect_rejected("cow-trade", good, 0, negative, ":" + std::to_string(line) + ": field 'flow1': -5: a trade flow");
  auto word = fixture_with(kCow, "705,710,2014,", 4, "lots", line);
  expect_rejected("cow-trade", good, 0, word, ":" + std::to_string(line) + ": field 'flow2': 'lots' is not");
  auto code = fixture_with(kCow, "705,710,2014,", 0, "-705", line);
  expect_rejected("cow-trade", good, 0, code, ":" + std::to_string(line) + ": field 'ccode1'");
  const auto lines = split_lines(text);
  expect_rejected("cow-trade", good, 0, text.substr(0, text.size() - lines.back().size() / 2 - 1),
                  ":" + std::to_string(lines.size()) + ": expected 7 fields");
  std::string semicolons = text;
  std::replace(semicolons.begin(), semicolons.end(), ',', ';');
  expect_rejected("cow-trade", good, 0, semicolons, ":1: the header has one column");
  auto renamed = lines;
  renamed[0] = "ccode1,ccode2,yr,flow1,flow2,smoothflow1,smoothflow2";
  expect_rejected("cow-trade", good, 0, join_lines(renamed), ":1: field 'yr': unknown column");
  expect_rejected("cow-trade", good, 0, "", "the file is empty");
  const auto utf8_line = std::count(text.begin(), text.begin() + 100, '\n') + 1;
  expect_rejected("cow-trade", good, 0, text.substr(0, 100) + "\xff\xfe" + text.substr(100),
                  ":" + std::to_string(utf8_line) + ": the file is not valid UTF-8");
}

TEST(ImportCowTrade, UnmatchedCodeIsReportedAndStrictFails) {
  size_t line = 0;
  // 999 is no COW state code: Kazakhstan's 2014 dyad with China becomes one with "COW code 999".
  const std::string bad = fixture_with(kCow, "705,710,2014,", 1, "999", line);
  const std::string dir = testing::make_temp_dir("cow-unmatched"), file = dir + "/cow.csv";
  write_text(file, bad);
  auto result = run_tengerim({"import", "cow-trade", file, "--focal", "KAZ", "--into", dir + "/model"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("     1  COW code 999"), std::string::npos) << result.err;
  auto strict = run_tengerim({"import", "cow-trade", file, "--focal", "KAZ", "--into", dir + "/strict", "--strict"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find(file + ":" + std::to_string(line)), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("'COW code 999'"), std::string::npos) << strict.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/strict"));
}

// ----------------------------------------------------------------- unvotes

// EXPECTED.md gives session 74 (dates 2019 plus one roll call of 2020-01-14) and
// its 2019 part; the importer writes calendar years. Checked on the fixture with
// a separate script (csv module, yes 1 / abstain 0.5 / no 0):
//   2019: KZ-US 18.5/90, KZ-RU 65/86, KZ-CN 77.5/88; 2020: KZ-US 0/1, KZ-RU 1/1, KZ-CN 1/1
//   2019 issue hr: KZ-US 3.5/14 = 0.25, KZ-RU 11.5/14; issue me: KZ-US 0/14, KZ-RU 12.5/14
TEST(ImportUnVotes, KazakhstanAndMongoliaAgreement2019) {
  std::string dir;
  const auto kaz = import_and_report("unvotes", sources({kVotes, kCalls}), "KAZ", &dir);
  const auto& alignment = year_of(kaz, 2019)["alignment"];
  EXPECT_NEAR(by_key(alignment, "partner", "USA")["agreement"].get<double>(), 0.205556, 5e-7);
  EXPECT_EQ(by_key(alignment, "partner", "USA")["votes"], 90);
  EXPECT_NEAR(by_key(alignment, "partner", "RUS")["agreement"].get<double>(), 0.755814, 5e-7);
  EXPECT_EQ(by_key(alignment, "partner", "RUS")["votes"], 86);
  EXPECT_NEAR(by_key(alignment, "partner", "CHN")["agreement"].get<double>(), 0.880682, 5e-7);
  EXPECT_EQ(by_key(alignment, "partner", "CHN")["votes"], 88);
  // Session 74 = the 2019 and 2020 rows together: KZ-US 18.5 / 91 = 0.203297, KZ-RU 66 / 87, KZ-CN 78.5 / 89.
  for (auto [partner, agreement, votes] : {std::tuple{"USA", 0.203297, 91}, std::tuple{"RUS", 0.758621, 87},
                                           std::tuple{"CHN", 0.882022, 89}}) {
    double sum = 0;
    long count = 0;
    for (int year : {2019, 2020}) {
      const auto& row = by_key(year_of(kaz, year)["alignment"], "partner", partner);
      sum += row["agreement"].get<double>() * row["votes"].get<double>();
      count += row["votes"].get<long>();
    }
    EXPECT_EQ(count, votes) << partner;
    EXPECT_NEAR(sum / static_cast<double>(count), agreement, 5e-7) << partner;
  }
  // The source row; no issue rows without the issues file.
  EXPECT_NE(read_text(dir + "/sources.csv").find("unvotes-2021"), std::string::npos);
  EXPECT_EQ(read_text(dir + "/alignment.csv").find(",hr,"), std::string::npos);

  const auto mng = import_and_report("unvotes", sources({kVotes, kCalls}), "MNG");
  const auto& mongolia = year_of(mng, 2019)["alignment"];
  EXPECT_NEAR(by_key(mongolia, "partner", "USA")["agreement"].get<double>(), 0.221591, 5e-7);
  EXPECT_EQ(by_key(mongolia, "partner", "USA")["votes"], 88);
  EXPECT_NEAR(by_key(mongolia, "partner", "RUS")["agreement"].get<double>(), 0.767857, 5e-7);
  EXPECT_EQ(by_key(mongolia, "partner", "RUS")["votes"], 84);
  EXPECT_NEAR(by_key(mongolia, "partner", "CHN")["agreement"].get<double>(), 0.877907, 5e-7);
  EXPECT_EQ(by_key(mongolia, "partner", "CHN")["votes"], 86);
}

TEST(ImportUnVotes, PerIssueRowsWithTheThirdFile) {
  std::string dir;
  import_and_report("unvotes", sources({kVotes, kCalls, kIssues}), "KAZ", &dir);
  const std::string alignment = read_text(dir + "/alignment.csv");
  EXPECT_NE(alignment.find("\n2019,USA,hr,0.25,14,unvotes-2021\n"), std::string::npos);
  EXPECT_NE(alignment.find("\n2019,USA,me,0,14,unvotes-2021\n"), std::string::npos);
  EXPECT_NE(alignment.find(fmt_row(2019, "RUS", "hr", 11.5 / 14, 14)), std::string::npos);
  // All roll calls still in the row without an issue.
  EXPECT_NE(alignment.find(fmt_row(2019, "USA", "", 18.5 / 90, 90)), std::string::npos);
  auto four = run_tengerim({"import", "unvotes", source_path(kVotes), source_path(kCalls), source_path(kIssues),
                            source_path(kIssues), "--focal", "KAZ", "--into", dir + "-x"});
  EXPECT_EQ(four.exit_code, 2);
  EXPECT_NE(four.err.find("takes 2 to 3 file(s)"), std::string::npos) << four.err;
}

TEST(ImportUnVotes, BadInputIsRejectedAndLeavesTheModel) {
  const std::vector<std::string> good = sources({kVotes, kCalls});
  const std::string votes = read_text(source_path(kVotes)), calls = read_text(source_path(kCalls));
  size_t line = 0;
  auto label = fixture_with(kVotes, "5550,Armenia,AM,", 3, "maybe", line);
  expect_rejected("unvotes", good, 0, label, ":" + std::to_string(line) + ": field 'vote': 'maybe': expected yes");
  auto rcid = fixture_with(kVotes, "5550,Armenia,AM,", 0, "-1", line);
  expect_rejected("unvotes", good, 0, rcid, ":" + std::to_string(line) + ": field 'rcid': no roll call");
  auto word = fixture_with(kVotes, "5550,Armenia,AM,", 0, "x5550", line);
  expect_rejected("unvotes", good, 0, word, ":" + std::to_string(line) + ": field 'rcid': 'x5550' is not");
  const auto lines = split_lines(votes);
  expect_rejected("unvotes", good, 0, votes.substr(0, votes.size() - lines.back().size() + 4),
                  ":" + std::to_string(lines.size()) + ": expected 4 fields");
  std::string semicolons = votes;
  std::replace(semicolons.begin(), semicolons.end(), ',', ';');
  expect_rejected("unvotes", good, 0, semicolons, ":1: the header has one column");
  auto renamed = lines;
  renamed[0] = "rcid,country,country_code,ballot";
  expect_rejected("unvotes", good, 0, join_lines(renamed), ":1: field 'ballot': unknown column");
  expect_rejected("unvotes", good, 0, "", "the file is empty");
  expect_rejected("unvotes", good, 1, "", "the file is empty");
  // A roll call's date and a quoted field cut short (the roll-call file has quoted descriptions).
  const auto call_lines = split_lines(calls);
  auto dated = call_lines;
  const std::string first = dated[1];
  const size_t date = first.find(",20");
  dated[1] = first.substr(0, date + 1) + "14/01/2020" + first.substr(date + 11);
  expect_rejected("unvotes", good, 1, join_lines(dated), ":2: field 'date': '14/01/2020': expected a date");
  expect_rejected("unvotes", good, 1, calls + "9999,74,,2019-12-10,A/RES/74/999,,,\"Cut sh",
                  ":" + std::to_string(call_lines.size() + 1) + ": unterminated quoted field");
}

TEST(ImportUnVotes, UnmatchedCountryIsReportedAndStrictFails) {
  const std::string votes = read_text(source_path(kVotes));
  std::string bad = votes;
  size_t at = 0;
  int replaced = 0;
  while ((at = bad.find(",Armenia,AM,", at)) != std::string::npos && replaced < 3) {
    bad.replace(at, 12, ",Atlantis,ZZ,");
    ++replaced;
  }
  const std::string dir = testing::make_temp_dir("unvotes-unmatched"), file = dir + "/votes.csv";
  write_text(file, bad);
  auto result = run_tengerim({"import", "unvotes", file, source_path(kCalls), "--focal", "KAZ", "--into",
                              dir + "/model"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("     3  Atlantis (ZZ)"), std::string::npos) << result.err;
  auto strict = run_tengerim({"import", "unvotes", file, source_path(kCalls), "--focal", "KAZ", "--into",
                              dir + "/strict", "--strict"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("'Atlantis (ZZ)'"), std::string::npos) << strict.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/strict"));
}

}  // namespace
}  // namespace tengerim

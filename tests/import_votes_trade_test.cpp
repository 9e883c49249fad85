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

using testing::by_key;

using testing::read_text;
using testing::run_tengerim;
using testing::year_of;
using testing::source_path;
using testing::write_text;
using testing::split_lines;
using testing::join_lines;
using testing::line_starting;
using testing::with_line_repeated;
using testing::folder_files;

const std::string kCow = "tests/data/cow_trade_slice.csv";
const std::string kVotes = "tests/data/unvotes_slice/un_votes.csv";
const std::string kCalls = "tests/data/unvotes_slice/un_roll_calls.csv";
const std::string kIssues = "tests/data/unvotes_slice/un_roll_call_issues.csv";
const std::string kDots = "tests/data/imf_dots_slice.csv";
const std::string kGdp = "tests/data/wdi_gdp_slice.csv";

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

double partner_value(const nlohmann::json& year, const std::string& domain, const std::string& partner) {
  return by_key(by_key(year["domains"], "id", domain)["top_partners"], "partner", partner)["value"].get<double>();
}

void expect_rejected(const std::string& kind, const std::vector<std::string>& good, size_t bad_index,
                     const std::string& bad, const std::string& expected) {
  testing::expect_import_rejected(kind, good, bad_index, bad, expected);
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
  EXPECT_EQ(by_key(year["domains"], "id", "imports")["unit"], "million USD");
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

// ----------------------------------------------------------------- imf-dots

// Expected figures computed with pandas on the slice tests/data/imf_dots_slice.csv (not
// by this importer): own = rows with reporter = focal and a partner in countries.csv;
// mirror = rows with partner = focal whose flow-reporter-year the focal does not report
// (the partner's M read as the focal's X, and the reverse); WLD = max(World row, own
// sum) + mirror sum. SOURCES.md §15 quotes KAZ exports 2019 to CHN 7,823.406348, ITA
// 8,373.712847, RUS 5,602.531933 and World 57,676.727675.
TEST(ImportImfDots, KazakhstanOwnMirrorAndWorld) {
  std::string dir;
  const auto kaz = import_and_report("imf-dots", sources({kDots}), "KAZ", &dir);
  const auto& year = year_of(kaz, 2019);
  EXPECT_EQ(partner_value(year, "exports", "CHN"), 7823.406348);
  EXPECT_EQ(partner_value(year, "exports", "ITA"), 8373.712847);
  EXPECT_EQ(partner_value(year, "exports", "RUS"), 5602.531933);
  EXPECT_EQ(partner_value(year, "imports", "RUS"), 14065.055226);
  EXPECT_EQ(by_key(year["domains"], "id", "imports")["unit"], "million USD");
  const std::string ties = read_text(dir + "/ties.csv");
  // 2019 exports: World 57676.727675 = the own sum, plus 19 mirror figures of 14.819294 in all.
  EXPECT_NE(ties.find("\nexports,WLD,2019,57691.546969,imf-dots,the focal state's World total plus 14.819294 of "
                      "mirror figures\n"),
            std::string::npos);
  // 2019 imports: no mirror figure, the World row as it is.
  EXPECT_NE(ties.find("\nimports,WLD,2019,38419.023129,imf-dots,\n"), std::string::npos);
  // Kazakhstan reports no exports to Serbia in 2010: Serbia's imports from it stand in, flagged.
  EXPECT_NE(ties.find("\nexports,SRB,2010,30.427317,imf-dots-mirror,mirror: the partner's imports (CIF) from the "
                      "focal state\n"),
            std::string::npos);
  EXPECT_NE(read_text(dir + "/sources.csv").find("imf-dots-mirror"), std::string::npos);
  // The sheet lists the years with data: the slice holds 2010, 2014 and 2019 (no gap filling for trade).
  ASSERT_EQ(kaz["years"].size(), 3u);
  EXPECT_EQ(kaz["years"][1]["year"], 2014);
  // 874 own ties and 59 mirror ties with a positive value, 6 WLD rows (2 flows x 3 years).
  EXPECT_EQ(split_lines(ties).size(), 1u + 874u + 59u + 6u);
}

TEST(ImportImfDots, ThreeCountriesPassTheCoverageRuleIn2010And2019) {
  // Both trade domains are present in 2010 and 2019 for each (pandas on the slice: KAZ, MNG
  // and ARM each report X and M with a World row in both years), so the declared weight
  // present is 1 and both domains of weight 0.5 >= 0.15 are there.
  for (const char* focal : {"KAZ", "MNG", "ARM"}) {
    const auto report = import_and_report("imf-dots", sources({kDots}), focal);
    for (int year : {2010, 2019}) {
      EXPECT_TRUE(year_of(report, year)["published"].get<bool>()) << focal << " " << year;
      EXPECT_EQ(year_of(report, year)["coverage"].get<double>(), 1.0) << focal << " " << year;
    }
    for (const auto& listed : report["years"]) EXPECT_NE(listed["year"], 2012) << focal;  // not in the slice
  }
  // Mongolia 2019: World exports 7620.541214 + 36 mirror figures 3.947494 (pandas).
  std::string dir;
  import_and_report("imf-dots", sources({kDots}), "MNG", &dir);
  EXPECT_NE(read_text(dir + "/ties.csv").find("\nexports,WLD,2019,7624.488708,imf-dots,"), std::string::npos);
}

TEST(ImportImfDots, SpliceWithCowTradeByPrecedence) {
  // COW totals over partners with an ISO3 (pandas on tests/data/cow_trade_slice.csv, codes
  // through cow_states.csv): KAZ exports 2010 47015, 2014 60503; imports 2010 23607, 2014 48152.
  // IMF (pandas on the slice, own + mirror): exports 2010 56567.819062, 2014 79448.214505;
  // imports 2010 23618.308063, 2014 41467.033854.
  const std::string scratch = testing::make_temp_dir("splice"), dir = scratch + "/model";
  ASSERT_EQ(run_tengerim({"import", "cow-trade", source_path(kCow), "--focal", "KAZ", "--into", dir}).exit_code, 0);
  auto imf = run_tengerim({"import", "imf-dots", source_path(kDots), "--focal", "KAZ", "--into", dir});
  ASSERT_EQ(imf.exit_code, 0) << imf.err;
  EXPECT_NE(imf.err.find("exports 2010 imf-dots 56567.8, cow-trade-4.0 47015.0: +9552.8 (+20.32 %)"),
            std::string::npos)
      << imf.err;
  EXPECT_NE(imf.err.find("imports 2014 imf-dots 41467.0, cow-trade-4.0 48152.0: -6685.0 (-13.88 %)"),
            std::string::npos)
      << imf.err;
  EXPECT_EQ(imf.err.find("2011 imf-dots"), std::string::npos);  // IMF's slice has no 2011
  // IMF kept in 2010 and 2014, COW in 2011-2013; the same whichever is imported last.
  auto check = [&](const std::string& folder) {
    const std::string ties = read_text(folder + "/ties.csv");
    EXPECT_NE(ties.find("\nexports,CHN,2010,10121.6191,imf-dots,"), std::string::npos);
    EXPECT_EQ(ties.find("\nexports,CHN,2010,11037,"), std::string::npos);
    EXPECT_NE(ties.find("\nimports,CHN,2014,"), std::string::npos);
    EXPECT_EQ(ties.find("\nimports,CHN,2014,14109,"), std::string::npos);
    EXPECT_NE(ties.find("\nimports,CHN,2012,"), std::string::npos);  // COW only
  };
  check(dir);
  const std::string other = scratch + "/other";
  ASSERT_EQ(run_tengerim({"import", "imf-dots", source_path(kDots), "--focal", "KAZ", "--into", other}).exit_code, 0);
  auto cow = run_tengerim({"import", "cow-trade", source_path(kCow), "--focal", "KAZ", "--into", other});
  ASSERT_EQ(cow.exit_code, 0) << cow.err;
  EXPECT_NE(cow.err.find("exports 2010 imf-dots 56567.8, cow-trade-4.0 47015.0"), std::string::npos) << cow.err;
  check(other);
  std::filesystem::remove_all(scratch);
}

TEST(ImportImfDots, BadInputIsRejectedAndLeavesTheModel) {
  const std::vector<std::string> good = sources({kDots});
  const std::string text = read_text(source_path(kDots));
  size_t line = 0;
  auto flow = fixture_with(kDots, "KAZ,CHN,X,2019,", 2, "Z", line);
  expect_rejected("imf-dots", good, 0, flow, ":" + std::to_string(line) + ": field 'flow': 'Z': expected X");
  auto negative = fixture_with(kDots, "KAZ,CHN,X,2019,", 4, "-1", line);
  expect_rejected("imf-dots", good, 0, negative, ":" + std::to_string(line) + ": field 'value_musd': -1: a trade");
  auto flag = fixture_with(kDots, "KAZ,CHN,X,2019,", 5, "2", line);
  expect_rejected("imf-dots", good, 0, flag, ":" + std::to_string(line) + ": field 'estimated': 2: expected 0 or 1");
  auto year = fixture_with(kDots, "KAZ,CHN,X,2019,", 3, "20x9", line);
  expect_rejected("imf-dots", good, 0, year, ":" + std::to_string(line) + ": field 'year'");
  // A repeated row would count twice: the second one is named, with the first's line.
  const auto twice = with_line_repeated(text, "KAZ,CHN,X,2019,");
  expect_rejected("imf-dots", good, 0, twice.text,
                  ":" + std::to_string(twice.repeat) + ": field 'partner': the same reporter, partner, flow and year "
                  "as line " + std::to_string(twice.first));
  auto renamed = split_lines(text);
  renamed[0] = "reporter,partner,flow,year,value,estimated";
  expect_rejected("imf-dots", good, 0, join_lines(renamed), ":1: field 'value': unknown column");
  expect_rejected("imf-dots", good, 0, "", "the file is empty");
}

TEST(ImportImfDots, UnmatchedCodeIsReportedAndStrictFails) {
  // Kosovo (XKX), IMF groups (G_*) and former states (X_*) are known non-partners: no unmatched
  // row and --strict passes on the slice. A made-up code is unmatched.
  const std::string scratch = testing::make_temp_dir("dots-unmatched");
  auto strict_ok = run_tengerim({"import", "imf-dots", source_path(kDots), "--focal", "KAZ", "--into",
                                 scratch + "/ok", "--strict"});
  EXPECT_EQ(strict_ok.exit_code, 0) << strict_ok.err;
  size_t line = 0;
  const std::string bad = fixture_with(kDots, "KAZ,CHN,X,2019,", 1, "ZZZ", line), file = scratch + "/dots.csv";
  write_text(file, bad);
  auto result = run_tengerim({"import", "imf-dots", file, "--focal", "KAZ", "--into", scratch + "/model"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("     1  ZZZ"), std::string::npos) << result.err;
  auto strict = run_tengerim({"import", "imf-dots", file, "--focal", "KAZ", "--into", scratch + "/strict", "--strict"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find(file + ":" + std::to_string(line)), std::string::npos) << strict.err;
  EXPECT_FALSE(std::filesystem::exists(scratch + "/strict"));
  std::filesystem::remove_all(scratch);
}

// ----------------------------------------------------------------- wdi-gdp

TEST(ImportWdiGdp, TheModelsYearsOfGdp) {
  // Values as written in tests/data/wdi_gdp_slice.csv (rows Country Code = KAZ; SOURCES.md §14
  // quotes 2014 221,415,613,595.47 and 2020 171,082,365,861.42).
  std::string dir;
  import_and_report("imf-dots", sources({kDots}), "KAZ", &dir);
  auto gdp = run_tengerim({"import", "wdi-gdp", source_path(kGdp), "--focal", "KAZ", "--into", dir});
  ASSERT_EQ(gdp.exit_code, 0) << gdp.err;
  // The model holds 2010-2019; the slice has 34 KAZ years (1990-2023): 10 are written.
  EXPECT_NE(gdp.err.find("gdp                       10 years written of 34 in the file"), std::string::npos) << gdp.err;
  const std::string csv = read_text(dir + "/gdp.csv");
  EXPECT_NE(csv.find("\n2014,221415613595.46927,wdi-gdp\n"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("\n2009,"), std::string::npos);
  EXPECT_EQ(split_lines(csv).size(), 11u);
  // A name with a comma ("Bahamas, The") reads; a new folder takes the GDP's years.
  const std::string scratch = testing::make_temp_dir("gdp-bhs");
  ASSERT_EQ(run_tengerim({"import", "wdi-gdp", source_path(kGdp), "--focal", "BHS", "--years", "2000-2001", "--into",
                          scratch + "/bhs"}).exit_code, 0);
  EXPECT_NE(read_text(scratch + "/bhs/gdp.csv").find("\n2001,"), std::string::npos);
  std::filesystem::remove_all(scratch);
}

TEST(ImportWdiGdp, BadInputIsRejectedAndLeavesTheModel) {
  const std::vector<std::string> good = sources({kGdp});
  size_t line = 0;
  // expect_rejected imports into a KAZ folder: the GDP of a new folder sets its years.
  auto negative = fixture_with(kGdp, "Kazakhstan,KAZ,2014,", 3, "-5", line);
  expect_rejected("wdi-gdp", good, 0, negative, ":" + std::to_string(line) + ": field 'Value': -5: GDP must be positive");
  auto year = fixture_with(kGdp, "Kazakhstan,KAZ,2014,", 2, "2o14", line);
  expect_rejected("wdi-gdp", good, 0, year, ":" + std::to_string(line) + ": field 'Year'");
  const auto twice = with_line_repeated(read_text(source_path(kGdp)), "Kazakhstan,KAZ,2014,");
  expect_rejected("wdi-gdp", good, 0, twice.text,
                  ":" + std::to_string(twice.repeat) + ": field 'Year': KAZ 2014 is given twice (first on line " +
                      std::to_string(twice.first) + ")");
}

// --------------------------------------------------------- unga-idealpoints

const std::string kIdeal = "tests/data/unga_idealpoints_2022_2024.csv";
const std::string kAgree = "tests/data/unga_agreement_sessions_76_78.csv";

// Expected figures computed with /usr/bin/python3 + pandas on the full files of
// /work/shared/data/unga_idealpoints_bsv (by iso3c, not through this importer's
// COW codes); SOURCES.md §13 quotes KAZ idealpointfp 2022 -0.9163718, 2024
// -0.5057548 and 2024 USA 2.206202, RUS -0.5984852, CHN -0.8535267; session 77
// USAgree 0.2531646, RUSSAgree 0.5822785, ChinaAgree 0.7692308.
TEST(ImportUngaIdealPoints, KazakhstanDistancesAndAgreement) {
  std::string dir;
  const auto kaz = import_and_report("unga-idealpoints", sources({kIdeal, kAgree}), "KAZ", &dir);
  const auto& y2024 = year_of(kaz, 2024);
  EXPECT_DOUBLE_EQ(y2024["ideal_point"].get<double>(), -0.5057548);
  EXPECT_NEAR(by_key(y2024["ideal_points"], "partner", "USA")["distance"].get<double>(), 2.206202 + 0.5057548, 1e-12);
  EXPECT_NEAR(by_key(y2024["ideal_points"], "partner", "RUS")["distance"].get<double>(), 0.5984852 - 0.5057548, 1e-12);
  EXPECT_NEAR(by_key(y2024["ideal_points"], "partner", "CHN")["distance"].get<double>(), 0.8535267 - 0.5057548, 1e-12);
  // Direction centres (pandas): east = CHN alone (HKG, MAC cast no votes); west = the mean
  // of its 39 voting members, 1.1617466667; south 9 members, -0.5284992111.
  const auto& directions = y2024["direction_ideal_points"];
  EXPECT_EQ(by_key(directions, "direction", "east")["members"], 1);
  EXPECT_NEAR(by_key(directions, "direction", "east")["distance"].get<double>(), 0.3477719, 1e-12);
  EXPECT_EQ(by_key(directions, "direction", "west")["members"], 39);
  EXPECT_NEAR(by_key(directions, "direction", "west")["centre"].get<double>(), 1.1617466666666665, 1e-9);
  EXPECT_NEAR(by_key(directions, "direction", "west")["distance"].get<double>(), 1.6675014666666663, 1e-9);
  EXPECT_EQ(by_key(directions, "direction", "south")["members"], 9);
  EXPECT_NEAR(by_key(directions, "direction", "south")["distance"].get<double>(), 0.0227444111111, 1e-9);
  // 2022 = session 77 (year = session + 1945): the published agreement beside the distances.
  const auto& y2022 = year_of(kaz, 2022);
  EXPECT_DOUBLE_EQ(by_key(y2022["ideal_points"], "partner", "USA")["agreement"].get<double>(), 0.2531646);
  EXPECT_DOUBLE_EQ(by_key(y2022["ideal_points"], "partner", "RUS")["agreement"].get<double>(), 0.5822785);
  EXPECT_DOUBLE_EQ(by_key(y2022["ideal_points"], "partner", "CHN")["agreement"].get<double>(), 0.7692308);
  EXPECT_NEAR(by_key(y2022["ideal_points"], "partner", "RUS")["distance"].get<double>(), 0.1073719, 1e-12);
  EXPECT_NEAR(by_key(y2022["direction_ideal_points"], "direction", "west")["distance"].get<double>(),
              1.9646534794871795, 1e-9);
  // Session 76 = 2021: agreement only (the ideal-point fixture starts in 2022), no distance.
  const auto& y2021 = year_of(kaz, 2021);
  EXPECT_TRUE(y2021["ideal_point"].is_null());
  EXPECT_DOUBLE_EQ(by_key(y2021["ideal_points"], "partner", "USA")["agreement"].get<double>(), 0.1842105);
  EXPECT_TRUE(by_key(y2021["ideal_points"], "partner", "USA")["distance"].is_null());
  const std::string rows = read_text(dir + "/idealpoints.csv");
  EXPECT_EQ(rows.rfind("year,partner,ideal_focal,ideal_partner,distance,agreement,source\n", 0), 0u);
  EXPECT_NE(read_text(dir + "/sources.csv").find("unga-idealpoints-bsv"), std::string::npos);
}

TEST(ImportUngaIdealPoints, APowerAsFocalTakesEveryStatesAgreementWithIt) {
  // Focal RUS: Kazakhstan's row gives RUSSAgree 0.5822785 in session 77, read as RUS-KAZ.
  const auto rus = import_and_report("unga-idealpoints", sources({kAgree}), "RUS");
  EXPECT_DOUBLE_EQ(by_key(year_of(rus, 2022)["ideal_points"], "partner", "KAZ")["agreement"].get<double>(), 0.5822785);
  // And Russia's own row its agreement with the USA (pandas: session 77, ccode 365, USAgree).
  EXPECT_DOUBLE_EQ(by_key(year_of(rus, 2022)["ideal_points"], "partner", "USA")["agreement"].get<double>(), 0.1931818);
}

TEST(ImportUngaIdealPoints, BadInputIsRejectedAndLeavesTheModel) {
  const std::vector<std::string> good = sources({kIdeal});
  size_t line = 0;
  auto word = fixture_with(kIdeal, "705,KAZ,", 4, "low", line);
  expect_rejected("unga-idealpoints", good, 0, word, ":" + std::to_string(line) + ": field 'idealpointfp'");
  auto year = fixture_with(kIdeal, "705,KAZ,", 3, "1800", line);
  expect_rejected("unga-idealpoints", good, 0, year, ":" + std::to_string(line) + ": field 'year': expected a year");
  auto code = fixture_with(kIdeal, "705,KAZ,", 0, "-705", line);
  expect_rejected("unga-idealpoints", good, 0, code, ":" + std::to_string(line) + ": field 'ccode': a COW country code");
  const auto twice = with_line_repeated(read_text(source_path(kIdeal)), "705,KAZ,");
  expect_rejected("unga-idealpoints", good, 0, twice.text,
                  ":" + std::to_string(twice.repeat) + ": field 'year': COW code 705 in 2022 repeats line " +
                      std::to_string(twice.first));
  auto header = split_lines(read_text(source_path(kIdeal)));
  header[0].replace(header[0].find("idealpointfp"), 12, "idealpointxx");
  expect_rejected("unga-idealpoints", good, 0, join_lines(header), ":1: neither layout");
  const std::vector<std::string> both = sources({kIdeal, kAgree});
  auto agree = split_lines(read_text(source_path(kAgree)));
  const size_t kaz = line_starting(agree, "\"9275\"");
  agree[kaz - 1].replace(agree[kaz - 1].rfind(','), std::string::npos, ",1.2");
  expect_rejected("unga-idealpoints", both, 1, join_lines(agree),
                  ":" + std::to_string(kaz) + ": field 'IsraelAgree': an agreement score must lie in [0, 1]");
  expect_rejected("unga-idealpoints", both, 1, read_text(source_path(kIdeal)), "a second year-indexed");
}

}  // namespace
}  // namespace tengerim

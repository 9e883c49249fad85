// `tengerim import` of the trade, arms and migration datasets (bns, comtrade,
// sipri, undesa-migrants) end to end: figures from tests/data/EXPECTED.md and
// /work/shared/data/SOURCES.md (computed from the full files, not by
// Tengerim), bad input (exit 2, file/line/field named, --into left
// unchanged), and unmatched names (reported with counts; --strict fails).
#include <gtest/gtest.h>

#include <algorithm>
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

const std::string kBns = "tests/data/bns_kaz_2022_2023.csv";
const std::string kComtrade = "tests/data/comtrade_hs27_kaz_mng_2016_2017.csv";
const std::string kSipri = "tests/data/sipri_kaz_mng_arm.csv";
const std::string kUndesa = "tests/data/undesa_slice.csv";
const std::string kUndesa2020 = "tests/data/undesa2020_slice.csv";

// Replaces comma-separated field `index` of `line`, counted from the start
// (no quoted field before it) or, when `from_end`, from the end (none after it).
std::string with_field(const std::string& line, size_t index, const std::string& value, bool from_end = false) {
  size_t start = 0, end = 0;
  if (!from_end) {
    for (size_t i = 0; i < index; ++i) start = line.find(',', start) + 1;
    end = line.find(',', start);
    if (end == std::string::npos) end = line.size();
  } else {
    end = line.size();
    for (size_t i = 0; i < index; ++i) end = line.rfind(',', end - 1);
    start = line.rfind(',', end - 1) + 1;
  }
  return line.substr(0, start) + value + line.substr(end);
}

// The fixture with one field of the line starting with `prefix` set to `value`.
std::string fixture_with(const std::string& fixture, const std::string& prefix, size_t index, const std::string& value,
                         bool from_end, size_t* line_number = nullptr) {
  auto lines = split_lines(read_text(source_path(fixture)));
  const size_t line = line_starting(lines, prefix);
  lines[line - 1] = with_field(lines[line - 1], index, value, from_end);
  if (line_number) *line_number = line;
  return join_lines(lines);
}

// Imports `fixture` for `focal` (with `extra` arguments) and returns the JSON report's years.
nlohmann::json import_and_report(const std::string& kind, const std::string& fixture, const std::string& focal,
                                 const std::vector<std::string>& extra = {}) {
  const std::string dir = testing::make_temp_dir("import-" + kind + "-" + focal) + "/model";
  std::vector<std::string> args{"import", kind, source_path(fixture), "--focal", focal, "--into", dir};
  args.insert(args.end(), extra.begin(), extra.end());
  auto imported = run_tengerim(args);
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  auto report = run_tengerim({"report", dir, "--format", "json"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  return nlohmann::json::parse(report.out)["years"];
}

const nlohmann::json& domain_of(const nlohmann::json& years, int year, const std::string& domain) {
  return by_key(by_key(years, "year", year)["domains"], "id", domain);
}

// The value of `partner` in `domain` for `year`, 0 when absent from the top partners.
double partner_value(const nlohmann::json& years, int year, const std::string& domain, const std::string& partner) {
  for (const auto& entry : domain_of(years, year, domain)["top_partners"])
    if (entry["partner"] == partner) return entry["value"].get<double>();
  return 0;
}

void expect_rejected(const std::string& kind, const std::string& fixture, const std::string& bad,
                     const std::string& expected) {
  testing::expect_import_rejected(kind, {fixture}, 0, bad, expected, "input.csv");
}

// `bad` has an unknown partner name: reported with its count, an error with --strict.
void expect_unmatched(const std::string& kind, const std::string& focal, const std::string& bad,
                      const std::string& name, const std::string& strict_location) {
  const std::string scratch = testing::make_temp_dir("unmatched-" + kind);
  const std::string file = scratch + "/input.csv";
  write_text(file, bad);
  auto loose = run_tengerim({"import", kind, file, "--focal", focal, "--into", scratch + "/loose"});
  EXPECT_EQ(loose.exit_code, 0) << loose.err;
  EXPECT_NE(loose.err.find("1 rows had a partner name with no ISO3 code"), std::string::npos) << loose.err;
  EXPECT_NE(loose.err.find("1  " + name), std::string::npos) << loose.err;
  auto strict = run_tengerim({"import", kind, file, "--focal", focal, "--into", scratch + "/strict", "--strict"});
  EXPECT_EQ(strict.exit_code, 2) << strict.err;
  EXPECT_NE(strict.err.find(file + ":" + strict_location), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find(name), std::string::npos) << strict.err;
  EXPECT_FALSE(std::filesystem::exists(scratch + "/strict"));
  std::filesystem::remove_all(scratch);
}

std::string fixture_text(const std::string& fixture) { return read_text(source_path(fixture)); }

// --------------------------------------------------------------------- bns

TEST(ImportBns, KazakhstanChina2023) {
  auto years = import_and_report("bns", kBns, "KAZ");
  // EXPECTED.md: 15389231.31222 kUSD = 25.47368 % of 60412283.33494; exports to China 14666158.3001.
  const auto& imports = domain_of(years, 2023, "imports");
  EXPECT_NEAR(imports["total"].get<double>(), 60412283.33494, 1e-4);
  const auto& china = by_key(imports["top_partners"], "partner", "CHN");
  EXPECT_DOUBLE_EQ(china["value"].get<double>(), 15389231.31222);
  EXPECT_NEAR(china["share"].get<double>(), 0.2547368, 5e-8);
  EXPECT_DOUBLE_EQ(partner_value(years, 2023, "imports", "RUS"), 16847033.9314);
  EXPECT_DOUBLE_EQ(partner_value(years, 2023, "exports", "CHN"), 14666158.3001);
  // 2022 from the 2023 edition: totals 84593070.08131 / 50934360.72379.
  EXPECT_NEAR(domain_of(years, 2022, "exports")["total"].get<double>(), 84593070.08131, 1e-4);
  EXPECT_NEAR(domain_of(years, 2022, "imports")["total"].get<double>(), 50934360.72379, 1e-4);
}

TEST(ImportBns, OtherFocalIsAnError) {
  const std::string dir = testing::make_temp_dir("bns-mng") + "/model";
  auto result = run_tengerim({"import", "bns", source_path(kBns), "--focal", "MNG", "--into", dir});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--focal"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST(ImportBns, BadInput) {
  size_t line = 0;
  // Columns: edition, sheet, year, row_order, name_ru, code, is_aggregate, turnover_kusd, …, imports_kusd (11).
  auto bad = fixture_with(kBns, "2023,2023,2023,71,", 11, "-5", false, &line);
  expect_rejected("bns", kBns, bad, ":" + std::to_string(line) + ": field 'imports_kusd': must be non-negative");
  bad = fixture_with(kBns, "2023,2023,2023,71,", 2, "twenty", false, &line);
  expect_rejected("bns", kBns, bad, ":" + std::to_string(line) + ": field 'year'");
  std::string text = fixture_text(kBns);
  expect_rejected("bns", kBns, "", "empty");
  text.replace(text.find("imports_kusd"), 12, "imports");  // the header names a column the importer does not know
  expect_rejected("bns", kBns, text, ":1: field 'imports': unknown column");
}

// ---------------------------------------------------------------- comtrade

TEST(ImportComtrade, KazakhstanEnergy) {
  auto years = import_and_report("comtrade", kComtrade, "KAZ");
  // EXPECTED.md: KAZ-reported Export to World 2017 30678999566 (2016: 22334960815), to China 1001379430;
  // Import from Russia 2017 1410110449.
  const auto& exports = domain_of(years, 2017, "exports_energy");
  EXPECT_EQ(exports["unit"], "USD");
  EXPECT_DOUBLE_EQ(exports["total"].get<double>(), 30678999566.0);
  EXPECT_DOUBLE_EQ(domain_of(years, 2016, "exports_energy")["total"].get<double>(), 22334960815.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2017, "exports_energy", "CHN"), 1001379430.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2017, "imports_energy", "RUS"), 1410110449.0);
  // SOURCES.md §9: Italy 8,479,106,613 is the top destination.
  EXPECT_EQ(exports["top_partners"][0]["partner"], "ITA");
  EXPECT_DOUBLE_EQ(exports["top_partners"][0]["value"].get<double>(), 8479106613.0);
}

TEST(ImportComtrade, MongoliaImports2017) {
  auto years = import_and_report("comtrade", kComtrade, "MNG");
  // EXPECTED.md: MNG-reported 2017 Import from World 971427007, from Russia 806344975; Export to China 2572782166.
  const auto& imports = domain_of(years, 2017, "imports_energy");
  EXPECT_DOUBLE_EQ(imports["total"].get<double>(), 971427007.0);
  const auto& russia = by_key(imports["top_partners"], "partner", "RUS");
  EXPECT_DOUBLE_EQ(russia["value"].get<double>(), 806344975.0);
  EXPECT_NEAR(russia["share"].get<double>(), 806344975.0 / 971427007.0, 1e-12);
  EXPECT_DOUBLE_EQ(partner_value(years, 2017, "exports_energy", "CHN"), 2572782166.0);
  // Only 2017 is reported by Mongolia in the fixture; 2016 is not taken from Kazakhstan's mirror.
  EXPECT_EQ(years.size(), 1u);
}

TEST(ImportComtrade, MirrorWhenTheFocalReportsNothing) {
  // Armenia reports nothing in the fixture; Kazakhstan reports an Export to Armenia of 563193 US$ in 2017
  // (the fixture's only row with Partner ISO = ARM).
  auto years = import_and_report("comtrade", kComtrade, "ARM");
  ASSERT_EQ(years.size(), 1u);
  EXPECT_DOUBLE_EQ(partner_value(years, 2017, "imports_energy", "KAZ"), 563193.0);
}

TEST(ImportComtrade, BadInput) {
  size_t line = 0;
  const std::string kaz_row = "H5,2017,2017,2017,2,0,2,Export,398,Kazakhstan,KAZ,156,";
  auto bad = fixture_with(kComtrade, kaz_row, 1, "-1", true, &line);  // Trade Value (US$), next to last
  expect_rejected("comtrade", kComtrade, bad, ":" + std::to_string(line) + ": field 'Trade Value (US$)': must be "
                                                                            "non-negative");
  bad = fixture_with(kComtrade, kaz_row, 1, "lots", true, &line);
  expect_rejected("comtrade", kComtrade, bad, ":" + std::to_string(line) + ": field 'Trade Value (US$)'");
  std::string text = fixture_text(kComtrade);
  // Truncated inside the quoted Commodity text of a row.
  expect_rejected("comtrade", kComtrade, text.substr(0, text.rfind("\"Mineral fuels") + 20), "truncated");
  std::string semicolons = text;
  for (char& c : semicolons)
    if (c == ',') c = ';';
  expect_rejected("comtrade", kComtrade, semicolons, ":1: the header has one column");
  std::string renamed = text;
  renamed.replace(renamed.find("Partner ISO"), 11, "Partner Iso3");
  expect_rejected("comtrade", kComtrade, renamed, ":1: field 'Partner");
  expect_rejected("comtrade", kComtrade, "", "empty");
}

TEST(ImportComtrade, UnmatchedPartnerCode) {
  size_t line = 0;
  // Partner ISO is field 13 (no quoted field before it).
  auto bad = fixture_with(kComtrade, "H5,2017,2017,2017,2,0,2,Export,398,Kazakhstan,KAZ,4,", 13, "ZZZ", false, &line);
  expect_unmatched("comtrade", "KAZ", bad, "ZZZ (Afghanistan)", std::to_string(line));
}

// ------------------------------------------------------------------- sipri

// Sums the arms domain over the years of the report: (total, partner -> value).
std::pair<double, std::map<std::string, double>> arms_sums(const nlohmann::json& years) {
  double total = 0;
  std::map<std::string, double> partners;
  for (const auto& year : years)
    for (const auto& domain : year["domains"]) {
      if (domain["id"] != "arms") continue;
      total += domain["total"].get<double>();
      for (const auto& partner : domain["top_partners"])
        partners[partner["partner"]] += partner["value"].get<double>();
    }
  return {total, partners};
}

TEST(ImportSipri, Mongolia2015To2024) {
  auto years = import_and_report("sipri", kSipri, "MNG", {"--years", "2015-2024"});
  EXPECT_EQ(domain_of(years, 2022, "arms")["unit"], "SIPRI TIV, millions");
  // EXPECTED.md: 5 rows, total 117.22; Russia 114.62 (97.78 %), Australia 2.6.
  auto [total, partners] = arms_sums(years);
  EXPECT_NEAR(total, 117.22, 1e-9);
  EXPECT_NEAR(partners["RUS"], 114.62, 1e-9);
  EXPECT_NEAR(partners["AUS"], 2.6, 1e-9);
  EXPECT_NEAR(partners["RUS"] / total, 0.9778, 5e-5);
}

TEST(ImportSipri, Kazakhstan2020To2024) {
  auto years = import_and_report("sipri", kSipri, "KAZ", {"--years", "2020-2024"});
  // SOURCES.md §3 (from the full file): 2020-2024 total 1,329.0, Russia 88.4 %, Spain 6.4 %, Turkiye 1.5 %.
  auto [total, partners] = arms_sums(years);
  EXPECT_NEAR(total, 1329.0, 0.05);
  EXPECT_NEAR(partners["RUS"] / total, 0.884, 5e-4);
  EXPECT_NEAR(partners["ESP"] / total, 0.064, 5e-4);
  EXPECT_NEAR(partners["TUR"] / total, 0.015, 5e-4);
  // "unknown supplier(s)" is the pseudo-code XUN.
  EXPECT_GT(partners["XUN"], 0);
}

TEST(ImportSipri, BadInput) {
  size_t line = 0;
  // TIV delivery values is next to last; every line ends with ';'.
  auto bad = fixture_with(kSipri, "65485,Australia,Mongolia,", 1, "-2.6", true, &line);
  expect_rejected("sipri", kSipri, bad,
                  ":" + std::to_string(line) + ": field 'TIV delivery values': must be non-negative");
  EXPECT_EQ(line, 13u);  // a file line, counting SIPRI's 11 note lines
  bad = fixture_with(kSipri, "65485,Australia,Mongolia,", 1, "n/a", true, &line);
  expect_rejected("sipri", kSipri, bad, ":13: field 'TIV delivery values'");
  std::string text = fixture_text(kSipri);
  std::string truncated = text.substr(0, text.size() - 20);  // the last line loses its ';'
  const long last_line = static_cast<long>(std::count(truncated.begin(), truncated.end(), '\n')) + 1;
  expect_rejected("sipri", kSipri, truncated, ":" + std::to_string(last_line) + ": expected the ';'");
  std::string semicolons = text;
  const size_t header = semicolons.find("SIPRI AT Database ID");
  for (size_t i = header; i < semicolons.size(); ++i)
    if (semicolons[i] == ',') semicolons[i] = ';';
  expect_rejected("sipri", kSipri, semicolons, ":12: the header has one column");
  std::string renamed = text;
  renamed.replace(renamed.find("TIV delivery values"), 19, "TIV delivered");
  expect_rejected("sipri", kSipri, renamed, ":12: field 'TIV deliver");
  expect_rejected("sipri", kSipri, "", "empty");
}

TEST(ImportSipri, UnmatchedSupplier) {
  size_t line = 0;
  auto bad = fixture_with(kSipri, "65485,Australia,Mongolia,", 1, "Atlantis", false, &line);
  expect_unmatched("sipri", "MNG", bad, "Atlantis", std::to_string(line));
}

TEST(ImportSipri, NonStateSupplierStaysInTheTotal) {
  // A supplier listed without ISO3 (a multinational body) is no partner and no unmatched name: its TIV stays
  // in the year's WLD total, unallocated, and a note names it; --strict accepts it.
  const std::string scratch = testing::make_temp_dir("sipri-nonstate");
  const std::string file = scratch + "/input.csv";
  write_text(file, fixture_with(kSipri, "65485,Australia,Mongolia,", 1, "European Union**", false));
  auto result = run_tengerim({"import", "sipri", file, "--focal", "MNG", "--into", scratch + "/m", "--strict"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("supplier 'European Union**' (no ISO3: not a state) delivered 2.6 TIV"),
            std::string::npos)
      << result.err;
  const std::string ties = read_text(scratch + "/m/ties.csv");
  EXPECT_NE(ties.find("arms,WLD,2022,2.6,"), std::string::npos) << ties;
  EXPECT_EQ(ties.find("arms,AUS,"), std::string::npos) << ties;
  std::filesystem::remove_all(scratch);
}

// --------------------------------------------------------- undesa-migrants

TEST(ImportUndesa, KazakhstanBothWays) {
  auto years = import_and_report("undesa-migrants", kUndesa, "KAZ");
  // EXPECTED.md: Kazakhstan-born in Mongolia 223 (2019), 210 (2015); in the Russian Federation 2559711 (2019).
  EXPECT_EQ(domain_of(years, 2019, "migrants_abroad")["unit"], "persons");
  EXPECT_DOUBLE_EQ(partner_value(years, 2019, "migrants_abroad", "RUS"), 2559711.0);
  // SOURCES.md §8: 2019 in Germany 940,296, in Ukraine 224,467; born in Russia 2,458,414, Ukraine 353,225,
  // Uzbekistan 294,395, living in Kazakhstan.
  EXPECT_DOUBLE_EQ(partner_value(years, 2019, "migrants_abroad", "DEU"), 940296.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2019, "migrants_abroad", "UKR"), 224467.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2019, "migrants_in", "RUS"), 2458414.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2019, "migrants_in", "UKR"), 353225.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2019, "migrants_in", "UZB"), 294395.0);
  std::vector<int> listed;
  for (const auto& year : years) listed.push_back(year["year"]);
  EXPECT_EQ(listed, (std::vector<int>{2015, 2019}));
}

TEST(ImportUndesa, MongoliaBothWays) {
  auto years = import_and_report("undesa-migrants", kUndesa, "MNG", {"--years", "2015-2019"});
  // EXPECTED.md: Kazakhstan-born in Mongolia 223 (2019) and 210 (2015) are Mongolia's immigrants from KAZ;
  // Mongolia-born in Kazakhstan 0 (no tie).
  const std::string scratch = testing::make_temp_dir("undesa-mng-ties");
  ASSERT_EQ(run_tengerim({"import", "undesa-migrants", source_path(kUndesa), "--focal", "MNG", "--into",
                          scratch + "/m"}).exit_code, 0);
  const std::string ties = read_text(scratch + "/m/ties.csv");
  EXPECT_NE(ties.find("migrants_in,KAZ,2019,223,"), std::string::npos);
  EXPECT_NE(ties.find("migrants_in,KAZ,2015,210,"), std::string::npos);
  EXPECT_EQ(ties.find("migrants_abroad,KAZ,"), std::string::npos);
  EXPECT_GT(domain_of(years, 2019, "migrants_abroad")["partners"].get<int>(), 0);
  std::filesystem::remove_all(scratch);
}

TEST(ImportUndesa, BadInput) {
  size_t line = 0;
  // Field 2 is the first origin column, Afghanistan.
  auto bad = fixture_with(kUndesa, "2019,Kazakhstan,", 2, "-7", false, &line);
  expect_rejected("undesa-migrants", kUndesa, bad,
                  ":" + std::to_string(line) + ": field 'Afghanistan': must be non-negative");
  bad = fixture_with(kUndesa, "2019,Kazakhstan,", 2, "many", false, &line);
  expect_rejected("undesa-migrants", kUndesa, bad, ":" + std::to_string(line) + ": field 'Afghanistan'");
  std::string text = fixture_text(kUndesa);
  const size_t cut = text.find('\n', text.size() / 2) + 40;  // a row cut short
  const std::string truncated = text.substr(0, cut);
  const long last_line = static_cast<long>(std::count(truncated.begin(), truncated.end(), '\n')) + 1;
  expect_rejected("undesa-migrants", kUndesa, truncated, ":" + std::to_string(last_line) + ": expected 234 fields");
  std::string semicolons = text;
  for (char& c : semicolons)
    if (c == ',') c = ';';
  expect_rejected("undesa-migrants", kUndesa, semicolons, ":1: the header has one column");
  std::string renamed = text;
  renamed.replace(renamed.find("Dest"), 4, "Destination");
  expect_rejected("undesa-migrants", kUndesa, renamed, ":1: field 'Dest': missing column");
  expect_rejected("undesa-migrants", kUndesa, "", "empty");
}

TEST(ImportUndesa, UnmatchedDestination) {
  size_t line = 0;
  auto bad = fixture_with(kUndesa, "2019,Mongolia,", 1, "Atlantis", false, &line);
  expect_unmatched("undesa-migrants", "KAZ", bad, "Atlantis", std::to_string(line));
}

// ---------------------------------------------------- undesa-migrants, 2020

// Expected figures computed with /usr/bin/python3 + pandas on the full
// /work/shared/data/undesa_migrant_stock_2020/undesa_ims2020_bilateral_stock_by_sex.csv
// (Male + Female summed per to-from-year; partners = codes in countries.csv), not by
// this importer; the 2020 Kazakhstan figures are also those of SOURCES.md §22.
TEST(ImportUndesa2020, KazakhstanBothWays) {
  auto years = import_and_report("undesa-migrants", kUndesa2020, "KAZ");
  EXPECT_EQ(domain_of(years, 2020, "migrants_in")["unit"], "persons");
  EXPECT_DOUBLE_EQ(partner_value(years, 2020, "migrants_in", "RUS"), 2476018.0);  // 1,204,657 + 1,271,361
  EXPECT_DOUBLE_EQ(partner_value(years, 2020, "migrants_in", "UKR"), 355751.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2020, "migrants_in", "UZB"), 296511.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2015, "migrants_in", "RUS"), 2352598.0);  // 1,144,573 + 1,208,025
  EXPECT_DOUBLE_EQ(partner_value(years, 2020, "migrants_abroad", "RUS"), 2558907.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2020, "migrants_abroad", "DEU"), 1128201.0);
  EXPECT_DOUBLE_EQ(partner_value(years, 2020, "migrants_abroad", "UKR"), 225962.0);
  // pandas: 18 origin countries (3,459,530 persons; with XXX "Others" 272,543 the 3,732,073 of SOURCES.md)
  // and 59 destination countries (4,203,899 persons) in 2020.
  EXPECT_EQ(domain_of(years, 2020, "migrants_in")["partners"], 18);
  EXPECT_EQ(domain_of(years, 2020, "migrants_abroad")["partners"], 59);
  std::vector<int> listed;
  for (const auto& year : years) listed.push_back(year["year"]);
  EXPECT_EQ(listed, (std::vector<int>{2015, 2020}));

  const std::string scratch = testing::make_temp_dir("undesa2020-kaz");
  auto run = run_tengerim({"import", "undesa-migrants", source_path(kUndesa2020), "--focal", "KAZ", "--into",
                           scratch + "/m"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("XXX 2020 272543"), std::string::npos) << run.err;  // "Others": not a partner
  const std::string ties = read_text(scratch + "/m/ties.csv");
  EXPECT_NE(ties.find("migrants_in,RUS,2020,2476018,undesa-ims-2020,"), std::string::npos);
  EXPECT_EQ(ties.find(",XXX,"), std::string::npos);
  EXPECT_EQ(ties.find("undesa-ims-2019"), std::string::npos);
  EXPECT_NE(read_text(scratch + "/m/sources.csv").find("undesa-ims-2020,\"United Nations"), std::string::npos);
  // Migrant numbers are levels, not yearly flows: pressure never cuts them (docs/measures.md).
  const std::string toml = read_text(scratch + "/m/model.toml");
  const size_t in = toml.find("id = \"migrants_in\""), next = toml.find("[[domains]]", in);
  ASSERT_NE(in, std::string::npos) << toml;
  EXPECT_NE(toml.substr(in, next - in).find("measure = \"stock\""), std::string::npos) << toml;
  std::filesystem::remove_all(scratch);
}

TEST(ImportUndesa2020, MongoliaAndTheYearsAsked) {
  const std::string scratch = testing::make_temp_dir("undesa2020-mng");
  ASSERT_EQ(run_tengerim({"import", "undesa-migrants", source_path(kUndesa2020), "--focal", "MNG", "--years",
                          "2020-2020", "--into", scratch + "/m"}).exit_code, 0);
  const std::string ties = read_text(scratch + "/m/ties.csv");
  // pandas: KAZ-born in Mongolia 2020 87 + 138 = 225 (2015: 210, not asked); no MNG-born in Kazakhstan.
  EXPECT_NE(ties.find("migrants_in,KAZ,2020,225,"), std::string::npos) << ties;
  EXPECT_NE(ties.find("migrants_in,CHN,2020,11419,"), std::string::npos) << ties;
  EXPECT_EQ(ties.find(",2015,"), std::string::npos);
  EXPECT_EQ(ties.find("migrants_abroad,KAZ,"), std::string::npos);
  std::filesystem::remove_all(scratch);
}

TEST(ImportUndesa2020, TotalRowsInsteadOfTheSexes) {
  // The same pair-year given as one Total row gives the same tie; a Total that
  // disagrees with Male + Female is an error naming the Total's line.
  auto lines = split_lines(fixture_text(kUndesa2020));
  const size_t male = line_starting(lines, "KAZ,RUS,2020,Male,"), female = line_starting(lines, "KAZ,RUS,2020,Female,");
  auto total = lines;
  total[male - 1] = "KAZ,RUS,2020,Total,2476018";
  total.erase(total.begin() + static_cast<long>(female - 1));
  const std::string scratch = testing::make_temp_dir("undesa2020-total");
  write_text(scratch + "/total.csv", join_lines(total));
  ASSERT_EQ(run_tengerim({"import", "undesa-migrants", scratch + "/total.csv", "--focal", "KAZ", "--into",
                          scratch + "/m"}).exit_code, 0);
  EXPECT_NE(read_text(scratch + "/m/ties.csv").find("migrants_in,RUS,2020,2476018,"), std::string::npos);
  auto both = lines;
  both.push_back("KAZ,RUS,2020,Total,2476000");
  expect_rejected("undesa-migrants", kUndesa2020, join_lines(both),
                  ":" + std::to_string(both.size()) + ": field 'v': Total 2476000 differs from Male + Female 2476018");
  std::filesystem::remove_all(scratch);
}

TEST(ImportUndesa2020, BadInput) {
  size_t line = 0;
  // Fields: to, from, t, sex, v.
  auto bad = fixture_with(kUndesa2020, "KAZ,RUS,2020,Male,", 4, "-7", false, &line);
  expect_rejected("undesa-migrants", kUndesa2020, bad, ":" + std::to_string(line) + ": field 'v': must be non-negative");
  bad = fixture_with(kUndesa2020, "MNG,KAZ,2020,Male,", 4, "many", false, &line);
  expect_rejected("undesa-migrants", kUndesa2020, bad, ":" + std::to_string(line) + ": field 'v'");
  bad = fixture_with(kUndesa2020, "KAZ,RUS,2020,Male,", 3, "Both", false, &line);
  expect_rejected("undesa-migrants", kUndesa2020, bad,
                  ":" + std::to_string(line) + ": field 'sex': 'Both': expected Male, Female or Total");
  bad = fixture_with(kUndesa2020, "KAZ,RUS,2020,Male,", 2, "20x0", false, &line);
  expect_rejected("undesa-migrants", kUndesa2020, bad, ":" + std::to_string(line) + ": field 't'");
  bad = fixture_with(kUndesa2020, "KAZ,RUS,2020,Male,", 1, "", false, &line);
  expect_rejected("undesa-migrants", kUndesa2020, bad, ":" + std::to_string(line) + ": field 'from'");
  // A repeated row would count twice: the error names both lines.
  auto lines = split_lines(fixture_text(kUndesa2020));
  const size_t first = line_starting(lines, "KAZ,RUS,2020,Male,");
  lines.push_back(lines[first - 1]);
  expect_rejected("undesa-migrants", kUndesa2020, join_lines(lines),
                  ":" + std::to_string(lines.size()) + ": field 'sex': KAZ born in RUS, 2020 Male, repeats line " +
                      std::to_string(first));
  const std::string text = fixture_text(kUndesa2020);
  const std::string truncated = text.substr(0, text.find('\n', text.size() / 2) + 8);  // a row cut short
  const long last_line = static_cast<long>(std::count(truncated.begin(), truncated.end(), '\n')) + 1;
  expect_rejected("undesa-migrants", kUndesa2020, truncated, ":" + std::to_string(last_line) + ": expected 5 fields");
  std::string renamed = text;
  renamed.replace(0, renamed.find('\n'), "to,from,t,gender,v");
  expect_rejected("undesa-migrants", kUndesa2020, renamed, ":1: field 'gender'");
}

TEST(ImportUndesa2020, UnmatchedOrigin) {
  size_t line = 0;
  auto bad = fixture_with(kUndesa2020, "KAZ,RUS,2020,Male,", 1, "ATL", false, &line);
  expect_unmatched("undesa-migrants", "KAZ", bad, "ATL", std::to_string(line));
}

}  // namespace
}  // namespace tengerim

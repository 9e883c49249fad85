// `tengerim import knomad-remittances` on slices of the real KNOMAD files. Expected
// figures are cells of the FULL files, read by tools/data/build_reference.py
// (tests/data/EXPECTED.md, "KNOMAD remittances"), not by the importer's code.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "TestSupport.h"

namespace tengerim {
namespace {

using testing::by_key;
using testing::folder_files;
using testing::join_lines;
using testing::line_starting;
using testing::read_text;
using testing::run_tengerim;
using testing::source_path;
using testing::split_lines;
using testing::write_text;
using testing::year_of;

const std::string kMatrix2017 = "tests/data/knomad_brm_2017_kaz_mng.csv";
const std::string kMatrix2021 = "tests/data/knomad_brm_2021_kaz_mng.csv";
const std::string kInflows = "tests/data/knomad_inflows_slice.csv";

testing::ImportRun import_knomad(const std::vector<std::string>& fixtures, const std::string& focal,
                                 const std::vector<std::string>& extra = {}) {
  return testing::import_fixtures("knomad-remittances", fixtures, focal, extra);
}

const nlohmann::json& domain_of(const nlohmann::json& report, int year, const std::string& domain) {
  return by_key(year_of(report, year)["domains"], "id", domain);
}

TEST(ImportKnomad, KazakhstanReceivedAndSentIn2017And2021) {
  const auto imported = import_knomad({kMatrix2017, kMatrix2021, kInflows}, "KAZ");
  const auto& in2021 = domain_of(imported.report, 2021, "remittances_in");
  EXPECT_DOUBLE_EQ(in2021["total"].get<double>(), 310.15854635080893);  // the WORLD cell
  EXPECT_EQ(in2021["partners"], 59);  // senders with a positive cell in the full matrix
  const auto& russia = by_key(in2021["top_partners"], "partner", "RUS");
  EXPECT_DOUBLE_EQ(russia["value"].get<double>(), 184.19788532006982);
  EXPECT_NEAR(russia["share"].get<double>(), 184.19788532006982 / 310.15854635080893, 1e-12);
  EXPECT_DOUBLE_EQ(by_key(in2021["top_partners"], "partner", "DEU")["value"].get<double>(), 86.81276490461859);
  EXPECT_NEAR(in2021["allocated"].get<double>(), 1.0, 1e-9);  // the matrix's WORLD is its cells' sum

  const auto& out2021 = domain_of(imported.report, 2021, "remittances_out");
  EXPECT_DOUBLE_EQ(out2021["total"].get<double>(), 3612.5624851840357);
  EXPECT_DOUBLE_EQ(by_key(out2021["top_partners"], "partner", "RUS")["value"].get<double>(), 2185.359336324215);

  const auto& in2017 = domain_of(imported.report, 2017, "remittances_in");
  EXPECT_DOUBLE_EQ(in2017["total"].get<double>(), 355.0);
  EXPECT_EQ(in2017["partners"], 70);
  EXPECT_DOUBLE_EQ(by_key(in2017["top_partners"], "partner", "RUS")["value"].get<double>(), 225.5894876088339);
}

TEST(ImportKnomad, MatricesAreLabelledEstimatesAndNotSteerable) {
  const auto imported = import_knomad({kMatrix2021}, "KAZ");
  const std::string ties = read_text(imported.dir + "/ties.csv");
  size_t rows = 0, labelled = 0;
  for (const auto& line : split_lines(ties)) {
    if (line.rfind("remittances_", 0) != 0) continue;
    ++rows;
    labelled += line.find("knomad-brm-2021") != std::string::npos &&
                line.find("model estimate") != std::string::npos;
  }
  // 59 senders and 15 receivers with a positive cell in the full 2021 matrix, and each domain's WORLD.
  EXPECT_EQ(rows, 59u + 1u + 15u + 1u);
  EXPECT_EQ(labelled, rows);
  const std::string model = read_text(imported.dir + "/model.toml");
  size_t held = 0;
  for (size_t at = model.find("steerable = false"); at != std::string::npos; at = model.find("steerable = false", at + 1))
    ++held;
  EXPECT_EQ(held, 2u);  // remittances_in and remittances_out: private transfers, no lever of the state
  EXPECT_NE(read_text(imported.dir + "/sources.csv").find("December 2022 Version"), std::string::npos);
}

// The inflow table is reported data; the matrix a model. 2017: 355 / 560.420963876735 - 1 = -36.7 %;
// 2021: 310.15854635080893 / 309.88623013617655 - 1 = +0.1 %.
TEST(ImportKnomad, InflowTableIsComparedWithEachMatrixTotal) {
  const auto imported = import_knomad({kMatrix2017, kMatrix2021, kInflows}, "KAZ");
  const std::string& err = imported.run.err;
  EXPECT_NE(err.find("remittances_in 2017: matrix WORLD 355.00, inflow table 560.42"), std::string::npos) << err;
  EXPECT_NE(err.find("-36.7 %"), std::string::npos) << err;
  EXPECT_NE(err.find("remittances_in 2021: matrix WORLD 310.16, inflow table 309.89"), std::string::npos) << err;
  EXPECT_NE(err.find("+0.1 %"), std::string::npos) << err;
}

TEST(ImportKnomad, MongoliaAndTheYearsAskedFor) {
  const auto imported = import_knomad({kMatrix2017, kMatrix2021}, "MNG", {"--years", "2021-2021"});
  ASSERT_EQ(imported.report["years"].size(), 1u);
  const auto& in2021 = domain_of(imported.report, 2021, "remittances_in");
  EXPECT_NEAR(in2021["total"].get<double>(), 535.0, 1e-9);  // 534.9999999999999 as written
  EXPECT_NE(imported.run.err.find("matrix year 2017 outside the years asked for"), std::string::npos)
      << imported.run.err;
}

void expect_rejected(const std::string& name, const std::string& bad, const std::string& expected) {
  testing::expect_import_rejected("knomad-remittances", {kMatrix2021}, 0, bad, expected, name);
}

std::string matrix_with_line(const std::string& prefix, const std::string& replacement, size_t* line = nullptr) {
  auto lines = split_lines(read_text(source_path(kMatrix2021)));
  const size_t at = line_starting(lines, prefix);
  lines[at - 1] = replacement;
  if (line) *line = at;
  return join_lines(lines);
}

TEST(ImportKnomad, BadInputIsRejectedAndLeavesTheModel) {
  size_t line = 0;
  const std::string negative =
      matrix_with_line("Russian Federation,Kazakhstan,", "Russian Federation,Kazakhstan,-184.2", &line);
  expect_rejected("matrix_2021.csv", negative, ":" + std::to_string(line) + ":");
  expect_rejected("matrix_2021.csv", negative, "remittances_musd");
  expect_rejected("matrix_2021.csv", negative, "must be non-negative");
  expect_rejected("matrix_2021.csv", matrix_with_line("Germany,Kazakhstan,", "Germany,Kazakhstan,many"),
                  "remittances_musd");
  const auto repeated = testing::with_line_repeated(read_text(source_path(kMatrix2021)), "Germany,Kazakhstan,");
  expect_rejected("matrix_2021.csv", repeated.text, "repeats line " + std::to_string(repeated.first));
  expect_rejected("matrix.csv", read_text(source_path(kMatrix2021)), "must name exactly one");
  expect_rejected("matrix_2017_2021.csv", read_text(source_path(kMatrix2021)), "names 2");
  expect_rejected("inflows.csv", read_text(source_path(kInflows)), "give at least one bilateral matrix");
  expect_rejected("table.csv", "a,b\n1,2\n", "neither a bilateral matrix");
  auto inflows = split_lines(read_text(source_path(kInflows)));
  inflows.push_back(inflows[line_starting(inflows, "Kazakhstan,") - 1]);
  testing::expect_import_rejected("knomad-remittances", {kMatrix2021, kInflows}, 1, join_lines(inflows),
                                  "a second row for KAZ", "inflows.csv");
}

TEST(ImportKnomad, UnmatchedNameIsReportedAndStrictFails) {
  const std::string scratch = testing::make_temp_dir("unmatched-knomad");
  const std::string file = scratch + "/matrix_2021.csv";
  write_text(file, matrix_with_line("Germany,Kazakhstan,", "Atlantis,Kazakhstan,86.8"));
  auto loose = run_tengerim({"import", "knomad-remittances", file, "--focal", "KAZ", "--into", scratch + "/loose"});
  EXPECT_EQ(loose.exit_code, 0) << loose.err;
  EXPECT_NE(loose.err.find("1  Atlantis"), std::string::npos) << loose.err;
  auto strict = run_tengerim(
      {"import", "knomad-remittances", file, "--focal", "KAZ", "--into", scratch + "/strict", "--strict"});
  EXPECT_EQ(strict.exit_code, 2) << strict.err;
  EXPECT_NE(strict.err.find("Atlantis"), std::string::npos) << strict.err;
  EXPECT_FALSE(std::filesystem::exists(scratch + "/strict"));
  std::filesystem::remove_all(scratch);
}

}  // namespace
}  // namespace tengerim

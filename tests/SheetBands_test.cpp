// Uncertainty bands of the balance sheet (docs/measures.md, "Bands") on cases
// whose distribution is derived by hand, their independence of the thread
// count, and the report's --sensitivity and --basis options end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "measure/BalanceSheetBuilder.h"
#include "measure/SheetBands.h"
#include "model/ModelReader.h"
#include "report/JsonReport.h"

namespace tengerim {
namespace {

Model small_model() { return read_model(ModelSource::directory(testing::source_path("tests/models/small"))); }

Judgement fixed(double value) { return {value, value, value, "test"}; }

const NamedBand& named(const std::vector<NamedBand>& bands, const std::string& name) {
  for (const auto& entry : bands)
    if (entry.name == name) return entry;
  throw std::runtime_error("no band " + name);
}

double robustness(const std::vector<Robustness>& entries, const std::string& domain, const std::string& direction) {
  for (const auto& entry : entries)
    if (entry.domain == domain && entry.direction == direction) return entry.share;
  return 0;
}

// Exports alone in 2020: east 30, russia 20, west 50 (USA 40 + DEU 10) of 100.
Model exports_only() {
  Model model = small_model();
  model.domains.resize(1);
  model.domains[0].weight = fixed(1);
  std::vector<Tie> ties;
  for (const auto& tie : model.ties)
    if (tie.domain == "exports" && tie.year == 2020) ties.push_back(tie);
  model.ties = ties;
  model.last_year = 2020;
  return model;
}

TEST(SheetBands, DesignColumnsAreTheJudgementsWithARange) {
  EXPECT_EQ(varied_judgements(small_model()),
            (std::vector<std::string>{"domains.exports.weight", "domains.exports.substitutability",
                                      "domains.arms.weight", "domains.arms.substitutability", "critical_share",
                                      "critical_leverage", "coverage_threshold"}));
  // At the middle of every range: weights 0.6 and 0.4 (already summing to 1), sigma 0.6 and 0.2.
  const MeasureSettings middle = settings_at(small_model(), SheetBasis::Filled, std::vector<double>(7, 0.5));
  EXPECT_NEAR(middle.weight[0], 0.6, 1e-12);
  EXPECT_NEAR(middle.weight[1], 0.4, 1e-12);
  EXPECT_NEAR(middle.sigma[0][2], 0.6, 1e-12);
  EXPECT_NEAR(middle.sigma[1].back(), 0.2, 1e-12);  // "other" takes the domain's sigma
  // At the low corner: weights 0.5 and 0.3, renormalised to 0.625 and 0.375.
  const MeasureSettings low = settings_at(small_model(), SheetBasis::Filled, std::vector<double>(7, 0.0));
  EXPECT_NEAR(low.weight[0], 0.625, 1e-12);
  EXPECT_NEAR(low.critical_share, 0.4, 1e-12);
  EXPECT_NEAR(low.coverage_threshold, 0.65, 1e-12);
}

TEST(SheetBands, LeverageBandIsTheUniformQuantilesOfOneMinusSigma) {
  // One domain, sigma ~ U[0.5, 0.7]: leverage of west = 0.5 (1 - sigma) ~ U[0.15, 0.25], so its
  // 5th, 50th and 95th percentiles are 0.155, 0.200 and 0.245. A Latin hypercube puts exactly one
  // draw in each of the N strata, so the sample quantiles are within 2 strata widths (2 x 0.1 / N).
  const Model model = exports_only();
  const size_t draws = 1000;
  const SheetBands bands = measure_bands(model, ObservedTies(model), {draws, 7, 1, SheetBasis::Filled, {}});
  const YearBands& year = *bands.find_year(2020);
  EXPECT_EQ(year.published_draws, draws);  // one domain of weight 1: coverage 1 passes every threshold
  const Band& west = named(year.leverage, "west").band;
  const double tolerance = 2 * 0.1 / static_cast<double>(draws) + 1e-12;
  EXPECT_NEAR(west.p05, 0.155, tolerance);
  EXPECT_NEAR(west.p50, 0.200, tolerance);
  EXPECT_NEAR(west.p95, 0.245, tolerance);
  // Dependence is a share: no judgement moves it.
  EXPECT_NEAR(named(year.dependence, "west").band.p05, 0.5, 1e-12);
  EXPECT_NEAR(named(year.dependence, "west").band.p95, 0.5, 1e-12);
  // west is critical when 0.5 >= critical_share ~ U[0.4, 0.6] (probability 1/2) and
  // 0.5 (1 - sigma) ~ U[0.15, 0.25] >= critical_leverage ~ U[0.15, 0.35] (probability
  // E[(X - 0.15) / 0.2] = 1/4), independent columns: 1/8. Standard error ~0.0105 at N = 1000.
  EXPECT_NEAR(robustness(year.critical, "exports", "west"), 0.125, 0.04);
  EXPECT_NEAR(robustness(year.leads, "exports", "west"), 1.0, 1e-12);
}

TEST(SheetBands, PublishedShareIsTheChanceTheThresholdIsMet) {
  // Exports (weight 0.7) observed in 2021, arms (0.3) not: coverage 0.7, published when the
  // threshold ~ U[0.65, 0.85] is at most 0.7, probability 0.25 (within one stratum, 1 / N).
  Model model = small_model();
  model.domains[0].weight = fixed(0.7);
  model.domains[1].weight = fixed(0.3);
  ASSERT_EQ(model.parameters.set("key_domain_weight", 0.5), "");
  std::vector<Tie> ties;
  for (const auto& tie : model.ties)
    if (!(tie.domain == "arms" && tie.year == 2021)) ties.push_back(tie);
  model.ties = ties;
  const size_t draws = 400;
  const SheetBands bands = measure_bands(model, ObservedTies(model), {draws, 11, 1, SheetBasis::Filled, {}});
  EXPECT_NEAR(bands.find_year(2021)->published_share, 0.25, 1.0 / draws + 1e-12);
  EXPECT_NEAR(bands.find_year(2020)->published_share, 1.0, 1e-12);
}

TEST(SheetBands, BitIdenticalWithOneAndTwoThreads) {
  const Model model = read_model(ModelSource::builtin("kaz"));
  const ObservedTies ties(model);
  // 150 draws: more than two blocks of 64, so both threads work on every block.
  const SheetBands one = measure_bands(model, ties, {150, 20240101, 1, SheetBasis::Filled, {}});
  const SheetBands two = measure_bands(model, ties, {150, 20240101, 2, SheetBasis::Filled, {}});
  ASSERT_EQ(one.years.size(), two.years.size());
  ASSERT_FALSE(one.years.empty());
  for (size_t y = 0; y < one.years.size(); ++y)
    EXPECT_EQ(year_bands_json(one.years[y]).dump(), year_bands_json(two.years[y]).dump()) << one.years[y].year;
}

TEST(SheetBands, ReportSensitivityGivesBandsInJson) {
  const auto result = testing::run_tengerim({"report", "--sensitivity", "40", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["sensitivity"]["draws"], 40);
  bool any_published = false;
  for (const auto& year : document["years"]) {
    ASSERT_TRUE(year.contains("bands")) << year["year"];
    if (year["bands"].is_null() || year["bands"]["balance"].is_null()) continue;
    any_published = true;
    const auto& balance = year["bands"]["balance"];
    EXPECT_LE(balance["p05"].get<double>(), balance["p50"].get<double>());
    EXPECT_LE(balance["p50"].get<double>(), balance["p95"].get<double>());
    EXPECT_GE(balance["p05"].get<double>(), 0.0);
    EXPECT_LE(balance["p95"].get<double>(), 1.0);
    EXPECT_GT(year["bands"]["published_share"].get<double>(), 0.0);
  }
  EXPECT_TRUE(any_published);
}

TEST(SheetBands, ObservedBasisHasOnlyObservedFigures) {
  const auto result = testing::run_tengerim({"report", "--basis", "observed", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["basis"], "observed");
  size_t domains = 0;
  for (const auto& year : document["years"])
    for (const auto& domain : year["domains"]) {
      EXPECT_EQ(domain["basis"], "observed") << year["year"] << " " << domain["id"];
      ++domains;
    }
  EXPECT_GT(domains, 0u);
}

TEST(SheetBands, UnknownBasisIsRefusedNamingTheFlag) {
  const auto result = testing::run_tengerim({"report", "--basis", "imputed"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--basis"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace tengerim

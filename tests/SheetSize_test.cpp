// Bandwidth (measure/SheetSize.h): money domains against GDP, by hand and
// end to end on the IMF DOTS and WDI GDP slices.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "measure/SheetSize.h"

namespace tengerim {
namespace {

using testing::run_tengerim;
using testing::source_path;
using testing::year_of;

TEST(SheetSize, UnitsInUsDollarsOnly) {
  EXPECT_EQ(usd_per_unit("thousand USD"), 1e3);
  EXPECT_EQ(usd_per_unit("million USD"), 1e6);
  EXPECT_EQ(usd_per_unit("billion USD (gross inflow, 2022)"), 1e9);
  EXPECT_EQ(usd_per_unit("USD"), 1.0);
  EXPECT_FALSE(usd_per_unit("SIPRI TIV, millions"));
  EXPECT_FALSE(usd_per_unit("persons"));
  EXPECT_FALSE(usd_per_unit("million tonnes (Jan-Oct 2024)"));
  EXPECT_FALSE(usd_per_unit("percent of transfers received (H1 2024)"));
}

// Trade 200 thousand USD (east 60 %, west 40 %) and arms in TIV; GDP 1e9 USD in 2018 only.
struct HandMade {
  Model model;
  YearSheet year;
  HandMade() {
    model.directions = {{"east", "East", {"CHN"}, ""}, {"west", "West", {"DEU"}, ""}};
    model.gdp[2018] = {1e9, "wb", 2};
    DomainSheet trade;
    trade.id = "trade";
    trade.unit = "thousand USD";
    trade.total = 200;
    trade.directions = {{"east", 0.6, 0.5, false}, {"west", 0.4, 0.5, false}};
    trade.partners_by_share = {{"CHN", "east", 120, 0.6}, {"DEU", "west", 80, 0.4}};
    DomainSheet arms;
    arms.id = "arms";
    arms.unit = "SIPRI TIV, millions";
    arms.total = 50;
    arms.directions = {{"east", 1.0, 0.5, false}, {"west", 0, 0.5, false}};
    year.domains = {trade, arms};
  }
};

TEST(SheetSize, BandwidthIsTheMoneyDomainsOverGdp) {
  HandMade hand;
  hand.year.year = 2018;
  const YearSize size = measure_size(hand.model, hand.year);
  EXPECT_EQ(size.gdp_usd, 1e9);
  EXPECT_EQ(size.gdp_year, 2018);
  EXPECT_EQ(size.note, "");
  ASSERT_EQ(size.domains.size(), 1u);  // arms is in TIV: not money
  EXPECT_EQ(size.not_in_money, std::vector<std::string>{"arms"});
  EXPECT_DOUBLE_EQ(size.domains[0].usd, 200e3);
  EXPECT_DOUBLE_EQ(*size.domains[0].gdp_share, 2e-4);
  const DomainSize& trade = size.domains[0];
  ASSERT_EQ(trade.directions.size(), 3u);  // east, west, other
  EXPECT_EQ(trade.directions[2].id, "other");
  EXPECT_DOUBLE_EQ(trade.directions[0].usd, 120e3);  // 0.6 x 200 thousand
  EXPECT_DOUBLE_EQ(*trade.directions[1].gdp_share, 80e3 / 1e9);
  EXPECT_EQ(trade.directions[2].usd, 0.0);
  ASSERT_EQ(trade.partners.size(), 2u);
  EXPECT_EQ(trade.partners[0].id, "CHN");
  EXPECT_DOUBLE_EQ(trade.partners[0].usd, 120e3);
}

TEST(SheetSize, GdpIsCarriedTwoYearsAtMostAndSaysSo) {
  HandMade hand;
  hand.year.year = 2020;
  const YearSize carried = measure_size(hand.model, hand.year);
  EXPECT_EQ(carried.gdp_year, 2018);
  EXPECT_EQ(carried.note, "GDP of 2018 carried forward (gdp.csv ends earlier)");
  hand.year.year = 2021;
  const YearSize none = measure_size(hand.model, hand.year);
  EXPECT_FALSE(none.gdp_usd);
  EXPECT_FALSE(none.domains[0].gdp_share);
  EXPECT_DOUBLE_EQ(none.domains[0].usd, 200e3);  // dollars stay
  hand.model.gdp.clear();
  EXPECT_EQ(measure_size(hand.model, hand.year).note, "the model has no gdp.csv: bandwidth in US dollars only");
}

TEST(SheetSize, ReportCarriesBandwidthFromTheImportedSlices) {
  const std::string dir = testing::make_temp_dir("size") + "/model";
  ASSERT_EQ(run_tengerim({"import", "imf-dots", source_path("tests/data/imf_dots_slice.csv"), "--focal", "KAZ",
                          "--into", dir}).exit_code, 0);
  ASSERT_EQ(run_tengerim({"import", "wdi-gdp", source_path("tests/data/wdi_gdp_slice.csv"), "--focal", "KAZ",
                          "--into", dir}).exit_code, 0);
  auto run = run_tengerim({"report", dir, "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto size = year_of(nlohmann::json::parse(run.out), 2019)["size"];
  // wdi_gdp_slice.csv: KAZ 2019 = 181667184854.50052; exports 2019 WLD 57691.546969 million USD
  // (the World row plus mirror figures, tests/import_votes_trade_test.cpp).
  const double gdp = 181667184854.50052;
  EXPECT_EQ(size["gdp_usd"].get<double>(), gdp);
  EXPECT_EQ(size["gdp_year"], 2019);
  EXPECT_EQ(size["domains"][0]["id"], "exports");
  EXPECT_NEAR(size["domains"][0]["usd"].get<double>(), 57691.546969e6, 1e-3);
  EXPECT_NEAR(size["domains"][0]["gdp_share"].get<double>(), 57691.546969e6 / gdp, 1e-12);
  // The russia direction of imports is RUS alone in 2019: 14065.055226 million USD.
  const auto& imports = size["domains"][1];
  EXPECT_EQ(imports["id"], "imports");
  EXPECT_EQ(imports["directions"][1]["id"], "russia");
  EXPECT_NEAR(imports["directions"][1]["usd"].get<double>(), 14065.055226e6, 1e-2);
  EXPECT_NEAR(imports["directions"][1]["gdp_share"].get<double>(), 14065.055226e6 / gdp, 1e-12);
  EXPECT_EQ(imports["partners"][0]["id"], "RUS");  // the largest supplier in 2019
  EXPECT_EQ(imports["partners"][0]["direction"], "russia");
}

}  // namespace
}  // namespace tengerim

namespace tengerim {
namespace {

// --weights magnitude: the two trade domains (declared 0.5 each, both million USD)
// share weight 1 in proportion to their totals; the composites follow the new weights.
TEST(SheetSize, MagnitudeWeightsSplitTheMoneyDomainsByTheirTotals) {
  const std::string dir = testing::make_temp_dir("magnitude") + "/model";
  ASSERT_EQ(run_tengerim({"import", "imf-dots", source_path("tests/data/imf_dots_slice.csv"), "--focal", "KAZ",
                          "--into", dir}).exit_code, 0);
  auto declared = run_tengerim({"report", dir, "--format", "json", "--year", "2019"});
  auto magnitude = run_tengerim({"report", dir, "--format", "json", "--year", "2019", "--weights", "magnitude"});
  ASSERT_EQ(magnitude.exit_code, 0) << magnitude.err;
  const auto a = nlohmann::json::parse(declared.out), b = nlohmann::json::parse(magnitude.out);
  EXPECT_EQ(a["weights"], "declared");
  EXPECT_EQ(b["weights"], "magnitude");
  const auto& domains = b["years"][0]["domains"];
  const double exports = domains[0]["total"].get<double>(), imports = domains[1]["total"].get<double>();
  EXPECT_DOUBLE_EQ(a["years"][0]["domains"][0]["declared_weight"].get<double>(), 0.5);
  EXPECT_NEAR(domains[0]["declared_weight"].get<double>(), exports / (exports + imports), 1e-12);
  EXPECT_NEAR(domains[1]["weight"].get<double>(), imports / (exports + imports), 1e-12);
  // D_c is the weighted mean of the two domains' direction shares.
  const double w = exports / (exports + imports);
  const double east = w * domains[0]["directions"][0]["share"].get<double>() +
                      (1 - w) * domains[1]["directions"][0]["share"].get<double>();
  EXPECT_NEAR(b["years"][0]["directions"][0]["dependence"].get<double>(), east, 1e-12);
  EXPECT_EQ(b["years"][0]["coverage"], a["years"][0]["coverage"]);
}

}  // namespace
}  // namespace tengerim

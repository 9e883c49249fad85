// The balance sheet of tests/models/small, computed by hand (the arithmetic is
// in the comments), and structural properties of the measures.
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/ModelReader.h"
#include "report/ParamsReport.h"

namespace tengerim {
namespace {

Model small_model() { return read_model(ModelSource::directory(testing::source_path("tests/models/small"))); }

const DirectionSheet& direction(const YearSheet& year, const std::string& id) {
  for (const auto& entry : year.directions)
    if (entry.id == id) return entry;
  throw std::runtime_error("no direction " + id);
}

const DomainSheet& domain(const YearSheet& year, const std::string& id) {
  for (const auto& entry : year.domains)
    if (entry.id == id) return entry;
  throw std::runtime_error("no domain " + id);
}

TEST(BalanceSheet, SmallModel2020ByHand) {
  auto sheet = measure_balance(small_model());
  ASSERT_EQ(sheet.years.size(), 2u);
  const YearSheet& y = sheet.years[0];
  // exports: CHN .3, RUS .2, USA .4, DEU .1 -> HHI .09+.04+.16+.01 = .30; west = .5
  EXPECT_NEAR(domain(y, "exports").hhi, 0.30, 1e-12);
  EXPECT_NEAR(domain(y, "exports").directions[2].share, 0.5, 1e-12);
  EXPECT_FALSE(domain(y, "exports").directions[2].critical);  // sigma .6 >= .5
  // arms: RUS .8, USA .2 -> HHI .68; russia .8 >= .5 with sigma .2 < .5: critical
  EXPECT_NEAR(domain(y, "arms").hhi, 0.68, 1e-12);
  EXPECT_TRUE(domain(y, "arms").directions[1].critical);
  EXPECT_EQ(y.critical_pairs, 1);  // arms-russia: .8 >= .5 and .8 x (1 - .2) = .64 >= .25
  // D = .6*S_exports + .4*S_arms: east .18, russia .12+.32 = .44, west .30+.08 = .38
  EXPECT_NEAR(direction(y, "east").dependence, 0.18, 1e-12);
  EXPECT_NEAR(direction(y, "russia").dependence, 0.44, 1e-12);
  EXPECT_NEAR(direction(y, "west").dependence, 0.38, 1e-12);
  // Lambda: east .6*.3*.4 = .072; russia .6*.2*.4 + .4*.8*.8 = .304; west .6*.5*.4 + .4*.2*.8 = .184
  EXPECT_NEAR(direction(y, "east").leverage, 0.072, 1e-12);
  EXPECT_NEAR(direction(y, "russia").leverage, 0.304, 1e-12);
  EXPECT_NEAR(direction(y, "west").leverage, 0.184, 1e-12);
  // mean over the named directions .56/3; worst gap: one direction holding both domains,
  // .6*.4 + .4*.8 = .56, times (1 - 1/3) = .373333; B = 1 - (.304 - .186667)/.373333 = .685714
  ASSERT_TRUE(y.published);
  EXPECT_NEAR(*y.balance, 1 - (0.304 - 0.56 / 3) / (0.56 * 2 / 3), 1e-12);
  EXPECT_NEAR(*y.balance, 0.685714, 1e-6);
  // west leads exports (Q .6), russia leads arms (Q .4): Phi = (1 - .36 - .16)/(2/3) = .72
  EXPECT_EQ(domain(y, "exports").leader, "west");
  EXPECT_NEAR(domain(y, "exports").lead_margin, 0.2, 1e-12);
  EXPECT_EQ(domain(y, "arms").leader, "russia");
  EXPECT_NEAR(*y.separation, 0.72, 1e-12);
  EXPECT_FALSE(y.predictability.has_value());
}

TEST(BalanceSheet, SmallModel2021ByHand) {
  auto sheet = measure_balance(small_model());
  const YearSheet& y = sheet.years[1];
  // D: east .6*.4 + .4*.4 = .40; russia .12 + .24 = .36; west .24
  EXPECT_NEAR(direction(y, "east").dependence, 0.40, 1e-12);
  EXPECT_NEAR(direction(y, "russia").dependence, 0.36, 1e-12);
  EXPECT_NEAR(direction(y, "west").dependence, 0.24, 1e-12);
  // predictability = 1 - (|.40-.18| + |.36-.44| + |.24-.38|)/2 = 1 - .44/2 = .78
  ASSERT_TRUE(y.predictability.has_value());
  EXPECT_NEAR(*y.predictability, 0.78, 1e-12);
  // exports: east and west tie at .4; the first direction in the model leads, margin 0
  EXPECT_EQ(domain(y, "exports").leader, "east");
  EXPECT_NEAR(domain(y, "exports").lead_margin, 0.0, 1e-12);
  // Lambda: east .096 + .128 = .224, russia .048 + .192 = .24, west .096; B = 1 - (.24 - .186667)/.373333
  EXPECT_NEAR(*y.balance, 1 - (0.24 - 0.56 / 3) / (0.56 * 2 / 3), 1e-12);
}

TEST(BalanceSheet, OneDirectionLeadingEveryDomainHasZeroSeparation) {
  Model model = small_model();
  for (auto& tie : model.ties)
    if (tie.partner == "RUS") tie.value = 1000;  // Russia now leads exports and arms in both years
  auto sheet = measure_balance(model);
  for (const auto& year : sheet.years) {
    EXPECT_NEAR(*year.separation, 0.0, 1e-12) << year.year;
    EXPECT_EQ(direction(year, "russia").leads.size(), 2u);
  }
}

TEST(BalanceSheet, EqualLeverageEverywhereIsFullBalance) {
  Model model = small_model();
  model.ties.clear();
  for (const char* partner : {"CHN", "RUS", "USA"})
    for (const char* domain_id : {"exports", "arms"}) model.ties.push_back({domain_id, partner, 2020, 10, "s1", "", 0});
  auto sheet = measure_balance(model);
  ASSERT_EQ(sheet.years.size(), 1u);
  EXPECT_NEAR(*sheet.years[0].balance, 1.0, 1e-12);
  EXPECT_NEAR(*sheet.years[0].dependence_evenness, 1.0, 1e-12);
}

TEST(BalanceSheet, WorldTotalLeavesRemainderUnallocated) {
  Model model = small_model();
  model.ties.clear();
  model.ties.push_back({"exports", "CHN", 2020, 25, "s1", "", 0});
  model.ties.push_back({"exports", "WLD", 2020, 100, "s1", "", 0});
  auto sheet = measure_balance(model);
  const auto& exports = domain(sheet.years[0], "exports");
  EXPECT_NEAR(exports.allocated, 0.25, 1e-12);
  EXPECT_NEAR(exports.directions[0].share, 0.25, 1e-12);
  EXPECT_NEAR(exports.total, 100, 1e-12);
}

TEST(Parameters, DefaultsAreValid) {
  Parameters parameters;
  for (const auto& spec : parameter_specs()) {
    Parameters copy;
    EXPECT_EQ(copy.set(spec.key, spec.default_value), "") << spec.key;
    EXPECT_LE(spec.min, spec.default_value) << spec.key;
    EXPECT_GE(spec.max, spec.default_value) << spec.key;
    if (spec.judgement) {
      EXPECT_LE(spec.range_low, spec.default_value) << spec.key;
      EXPECT_GE(spec.range_high, spec.default_value) << spec.key;
    }
  }
}

TEST(Parameters, OutOfRangeValueIsNamed) {
  Parameters parameters;
  EXPECT_EQ(parameters.set("critical_share", 1.5), "critical_share = 1.5: must be within [0, 1]");
  EXPECT_EQ(parameters.set("no_such_thing", 1), "unknown parameter");
}

TEST(Parameters, ReferenceDocIsUpToDate) {
  const ModelSource source = ModelSource::builtin("kaz");
  EXPECT_EQ(testing::read_text(testing::source_path("docs/parameters.md")),
            parameters_markdown(read_model(source), declared_judgements(source)))
      << "regenerate with: build/tengerim params > docs/parameters.md";
}

}  // namespace
}  // namespace tengerim

// The fixed basket of docs/model.md §2a on models whose answer is known by
// hand: gap filling, the coverage rule, "other" counted, B's attainable range,
// flags that fire, predictability undefined without overlap.
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

Model small_model() { return read_model(ModelSource::directory(testing::source_path("tests/models/small"))); }

Tie tie(const char* domain, const char* partner, int year, double value) {
  return {domain, partner, year, value, "s1", "", 0};
}

Judgement years(double value) { return {value, value, value, "test"}; }

const DomainSheet& domain(const YearSheet& year, const std::string& id) {
  const DomainSheet* found = year.find_domain(id);
  if (!found) throw std::runtime_error("no domain " + id);
  return *found;
}

// exports observed 2014 and 2018 only; arms every year.
Model gappy_model() {
  Model model = small_model();
  model.first_year = 2014;
  model.last_year = 2021;
  model.ties.clear();
  model.ties.push_back(tie("exports", "CHN", 2014, 10));
  model.ties.push_back(tie("exports", "RUS", 2014, 30));
  model.ties.push_back(tie("exports", "CHN", 2018, 30));
  model.ties.push_back(tie("exports", "RUS", 2018, 10));
  for (int year = 2014; year <= 2021; ++year) model.ties.push_back(tie("arms", "RUS", year, year == 2016 ? 9 : 1));
  return model;
}

TEST(FixedBasket, CarryForwardUpToMaxAge) {
  Model model = gappy_model();
  model.domains[0].fill = {FillMethod::CarryForward, years(2), {}};
  const BalanceSheet sheet = measure_balance(model);
  // 2019, 2020: carried from 2018 (age 1, 2); 2021 is 3 years on: missing.
  const YearSheet& y2020 = *sheet.find_year(2020);
  EXPECT_EQ(domain(y2020, "exports").basis, Basis::Carried);
  EXPECT_EQ(domain(y2020, "exports").age, 2);
  EXPECT_NEAR(domain(y2020, "exports").directions[0].share, 0.75, 1e-12);  // CHN 30 of 40
  EXPECT_EQ(sheet.find_year(2021)->find_domain("exports"), nullptr);
  EXPECT_TRUE(sheet.find_year(2020)->published);
  // 2021: arms (0.4 of the weight) alone is below the 0.75 threshold, and exports (0.6 >= 0.15) is missing.
  EXPECT_FALSE(sheet.find_year(2021)->published);
  EXPECT_FALSE(sheet.find_year(2021)->balance.has_value());
  EXPECT_FALSE(sheet.find_year(2021)->critical_pairs.has_value());
}

TEST(FixedBasket, InterpolatesBetweenObservations) {
  Model model = gappy_model();
  model.domains[0].fill = {FillMethod::Interpolate, years(2), {}};
  const BalanceSheet sheet = measure_balance(model);
  // 2016 is halfway between 2014 (CHN 10, RUS 30) and 2018 (30, 10): 20 and 20, two years from each.
  const DomainSheet& exports = domain(*sheet.find_year(2016), "exports");
  EXPECT_EQ(exports.basis, Basis::Interpolated);
  EXPECT_EQ(exports.age, 2);
  EXPECT_NEAR(exports.total, 40, 1e-12);
  EXPECT_NEAR(exports.directions[0].share, 0.5, 1e-12);
  // 2015 is 3 years from 2018 (beyond max_age 2): carried from 2014 instead, CHN 10 of 40.
  EXPECT_EQ(domain(*sheet.find_year(2015), "exports").basis, Basis::Carried);
  EXPECT_NEAR(domain(*sheet.find_year(2015), "exports").directions[0].share, 0.25, 1e-12);
  EXPECT_EQ(exports.observed_years, (std::vector<int>{2014, 2018}));
}

TEST(FixedBasket, RollingSumOverTheWindowEndingInTheYear) {
  Model model = gappy_model();
  model.domains[1].fill = {FillMethod::RollingSum, {}, years(3)};
  model.ties.push_back(tie("arms", "USA", 2016, 3));
  const BalanceSheet sheet = measure_balance(model);
  // 2016..2018: RUS 9 + 1 + 1 = 11, USA 3: total 14.
  const DomainSheet& arms = domain(*sheet.find_year(2018), "arms");
  EXPECT_EQ(arms.basis, Basis::Window);
  EXPECT_EQ(arms.window, 3);
  EXPECT_NEAR(arms.total, 14, 1e-12);
  EXPECT_NEAR(arms.directions[1].share, 11.0 / 14, 1e-12);
  // 2019..2021 no longer holds the 2016 delivery: RUS alone.
  EXPECT_NEAR(domain(*sheet.find_year(2021), "arms").directions[1].share, 1.0, 1e-12);
  // 2015's window would reach 2013, before the first observation: no figure (and 2015 has no other data).
  EXPECT_EQ(sheet.find_year(2015), nullptr);
}

TEST(FixedBasket, ObservedBasisIgnoresTheFilling) {
  Model model = gappy_model();
  model.domains[0].fill = {FillMethod::CarryForward, years(2), {}};
  MeasureSettings settings = MeasureSettings::declared(model);
  settings.basis = SheetBasis::Observed;
  const BalanceSheet sheet = measure_balance(model, settings, ObservedTies(model));
  EXPECT_EQ(sheet.find_year(2020)->find_domain("exports"), nullptr);
  EXPECT_FALSE(sheet.find_year(2020)->published);
}

TEST(FixedBasket, CaptiveToOneDirectionIsZeroAndEqualLeverageIsOne) {
  Model model = small_model();
  model.ties = {tie("exports", "RUS", 2020, 5), tie("arms", "RUS", 2020, 7)};
  EXPECT_NEAR(*measure_balance(model).years.at(0).balance, 0.0, 1e-12);
  // sigma 0.5 everywhere: captive is still 0 (it was 0.571 before the rescaling).
  for (auto& domain : model.domains) domain.substitutability = {0.5, 0.5, 0.5, "test"};
  EXPECT_NEAR(*measure_balance(model).years[0].balance, 0.0, 1e-12);
  model.ties.clear();
  for (const char* partner : {"CHN", "RUS", "USA"})
    for (const char* id : {"exports", "arms"}) model.ties.push_back(tie(id, partner, 2020, 4));
  EXPECT_NEAR(*measure_balance(model).years[0].balance, 1.0, 1e-12);
}

TEST(FixedBasket, PartnerOutsideEveryDirectionIsNotBalance) {
  Model model = small_model();
  // Arms wholly from France, which is in none of the small model's directions (west is USA, DEU).
  model.ties = {tie("exports", "CHN", 2020, 1), tie("exports", "RUS", 2020, 1), tie("exports", "USA", 2020, 1),
                tie("arms", "FRA", 2020, 10)};
  const BalanceSheet sheet = measure_balance(model);
  const YearSheet& year = sheet.years.at(0);
  ASSERT_TRUE(year.published);
  // Lambda: each named .6 x 1/3 x .4 = .08; other .4 x 1 x .8 = .32. Gap .32 - .08 = .24;
  // worst named gap: one direction holding both domains, (1 - 1/3) x (.6 x .4 + .4 x .8) = .373333;
  // B = 1 - .24 / .373333 = .357143 (it read 1.000 when "other" counted as balance).
  EXPECT_NEAR(year.directions.back().leverage, 0.32, 1e-12);
  EXPECT_NEAR(*year.balance, 1 - 0.24 / (0.56 * 2 / 3), 1e-12);
  EXPECT_EQ(domain(year, "arms").leader, "other");
  EXPECT_TRUE(domain(year, "arms").other.critical);
  // Phi counts "other"'s lead: Q = (.6 for east, .4 other) -> (1 - .36 - .16) / (2/3) = .72
  EXPECT_NEAR(*year.separation, 0.72, 1e-12);
}

TEST(FixedBasket, NineTenthsOfExportsAtMediumSubstitutabilityIsCritical) {
  Model model = small_model();
  for (auto& domain : model.domains) domain.substitutability = {0.5, 0.5, 0.5, "test"};
  model.ties = {tie("exports", "CHN", 2020, 9), tie("exports", "RUS", 2020, 1), tie("arms", "USA", 2020, 1),
                tie("arms", "RUS", 2020, 1), tie("arms", "CHN", 2020, 1)};
  const BalanceSheet sheet = measure_balance(model);
  const YearSheet& year = sheet.years.at(0);
  EXPECT_TRUE(domain(year, "exports").directions[0].critical);  // .9 >= .5 and .9 x .5 = .45 >= .25
  EXPECT_FALSE(domain(year, "arms").directions[1].critical);   // a third is no majority
  EXPECT_EQ(year.critical_pairs, 1);
}

TEST(FixedBasket, PredictabilityIsUndefinedWithoutCommonDomains) {
  Model model = small_model();
  model.parameters.set("coverage_threshold", 0.3);
  model.parameters.set("key_domain_weight", 1.0);
  model.ties = {tie("exports", "CHN", 2020, 1), tie("arms", "RUS", 2021, 1)};
  const BalanceSheet sheet = measure_balance(model);
  ASSERT_EQ(sheet.years.size(), 2u);
  ASSERT_TRUE(sheet.years[0].published);
  ASSERT_TRUE(sheet.years[1].published);
  EXPECT_FALSE(sheet.years[1].predictability.has_value());
}

TEST(FixedBasket, BuiltinModelPublishesOnlyYearsWithEveryKeyDomain) {
  const Model model = read_model(ModelSource::builtin("kaz"));
  const BalanceSheet sheet = measure_balance(model);
  for (const auto& year : sheet.years) {
    bool keys = true;
    for (const auto& declared : model.domains)
      if (declared.weight.value >= 0.15 - 1e-9 && !year.find_domain(declared.id)) keys = false;
    EXPECT_EQ(year.published, keys && year.coverage >= 0.75 - 1e-9) << year.year;
    if (year.published) {
      EXPECT_GE(*year.separation, 0.0);
      EXPECT_LE(*year.separation, 1.0);
    }
  }
  EXPECT_EQ(default_sheet_year(model, sheet), sheet.latest_published()->year);
}

}  // namespace
}  // namespace tengerim

// The built-in Kazakhstan model against published figures: the official BNS
// 2023 shares (as printed in the 2023 edition, quoted in SOURCES.md) and the
// share of Russia in arms deliveries 2020-2024 (SIPRI register), and the 2024-2025
// BNS tables and the UN DESA 2020 stock against the figures SOURCES.md quotes.
#include <gtest/gtest.h>

#include <map>

#include "measure/BalanceSheetBuilder.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

const Model& builtin() {
  static const Model model = read_model(ModelSource::builtin("kaz"));
  return model;
}

double partner_share_percent(const BalanceSheet& sheet, int year, const std::string& domain_id,
                             const std::string& partner) {
  for (const auto& domain : sheet.find_year(year)->domains)
    if (domain.id == domain_id)
      for (const auto& entry : domain.partners_by_share)
        if (entry.partner == partner) return entry.share * 100;
  return -1;
}

TEST(BuiltinModel, ReproducesOfficial2023TradeShares) {
  auto sheet = measure_balance(builtin());
  // BNS, 2023 edition, sheet 2023: imports China 25.47368 %, Russia 27.88677 %; exports Italy 18.7434 %.
  EXPECT_NEAR(partner_share_percent(sheet, 2023, "imports", "CHN"), 25.47368, 1e-4);
  EXPECT_NEAR(partner_share_percent(sheet, 2023, "imports", "RUS"), 27.88677, 1e-4);
  EXPECT_NEAR(partner_share_percent(sheet, 2023, "exports", "ITA"), 18.7434, 1e-4);
  EXPECT_NEAR(partner_share_percent(sheet, 2023, "exports", "CHN"), 18.53221, 1e-4);
}

TEST(BuiltinModel, TradeTotalsEqualOfficialTotals) {
  auto sheet = measure_balance(builtin());
  for (const auto& domain : sheet.find_year(2023)->domains) {
    if (domain.id == "exports") {
      EXPECT_NEAR(domain.total, 79138754.67736, 1e-3);
    }
    if (domain.id == "imports") {
      EXPECT_NEAR(domain.total, 60412283.33494, 1e-3);
    }
  }
}

TEST(BuiltinModel, RussiaShareOfArmsImports2020To2024) {
  std::map<std::string, double> by_supplier;
  double total = 0;
  for (const auto& tie : builtin().ties)
    if (tie.domain == "arms" && tie.year >= 2020 && tie.year <= 2024) {
      by_supplier[tie.partner] += tie.value;
      total += tie.value;
    }
  // SIPRI (via the March 2025 fact sheet reporting): Russia 88 %; from the register, 88.4 %.
  EXPECT_NEAR(by_supplier["RUS"] / total * 100, 88.4, 0.1);
}

double sum_of_ties(const std::string& domain, int year, const std::string& partner = "") {
  double sum = 0;
  for (const auto& tie : builtin().ties)
    if (tie.domain == domain && tie.year == year && (partner.empty() || tie.partner == partner)) sum += tie.value;
  return sum;
}

TEST(BuiltinModel, Trade2024And2025RowsSumToThePublishedTotals) {
  // SOURCES.md section 23: the partner rows equal the sums of BNS's twelve monthly national totals.
  EXPECT_NEAR(sum_of_ties("exports", 2024), 81674053.0439, 1e-3);
  EXPECT_NEAR(sum_of_ties("exports", 2025), 79229500.54826, 1e-3);
  EXPECT_NEAR(sum_of_ties("imports", 2024), 60397969.38396, 1e-3);
  EXPECT_NEAR(sum_of_ties("imports", 2025), 65430964.02714, 1e-3);
  EXPECT_EQ(sum_of_ties("exports", 2024, "ITA"), 18663764.8458);
  EXPECT_EQ(sum_of_ties("imports", 2025, "CHN"), 18970256.09952);
}

TEST(BuiltinModel, MigrantStock2020IsMalePlusFemale) {
  // SOURCES.md section 22, by hand: Russia-born in Kazakhstan 1,204,657 + 1,271,361;
  // Kazakhstan-born in Germany 522,201 + 606,000.
  EXPECT_EQ(sum_of_ties("migrants_in", 2020, "RUS"), 1204657.0 + 1271361.0);
  EXPECT_EQ(sum_of_ties("migrants_abroad", 2020, "DEU"), 522201.0 + 606000.0);
  // The stock in Kazakhstan, 3,732,073, less the 272,543 of origin "Others" (no ISO code, left out).
  EXPECT_EQ(sum_of_ties("migrants_in", 2020), 3732073.0 - 272543.0);
}

TEST(BuiltinModel, EveryTieCitesAKnownSourceAndDirectionsAreDisjoint) {
  const Model& model = builtin();
  EXPECT_GT(model.ties.size(), 1000u);
  std::map<std::string, int> owners;
  for (const auto& direction : model.directions)
    for (const auto& member : direction.members) ++owners[member];
  for (const auto& [member, count] : owners) EXPECT_EQ(count, 1) << member;
}

TEST(BuiltinModel, ArmsFromRussiaAreACriticalDependence) {
  auto sheet = measure_balance(builtin());
  for (const auto& domain : sheet.find_year(2023)->domains)
    if (domain.id == "arms") {
      EXPECT_EQ(domain.leader, "russia");
      EXPECT_TRUE(domain.directions[1].critical);
    }
}

}  // namespace
}  // namespace tengerim

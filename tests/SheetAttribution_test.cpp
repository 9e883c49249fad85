// The attribution of a change in the composites (measure/SheetAttribution.h)
// on hand-made year sheets, every expected value worked out by hand in the
// comments: two directions east and west, sigma 0.5 everywhere, so that
// Lambda_c = 0.5 sum_d w_d S[d][c], the worst gap is 0.5 (1 - 1/2) = 0.25 and
// B = 1 - |Lambda_e - Lambda_w| / 2 / 0.25 when nothing is outside.
#include <gtest/gtest.h>

#include "common/Error.h"
#include "measure/SheetAttribution.h"

namespace tengerim {
namespace {

Model two_direction_model() {
  Model model;
  model.directions = {{"east", "East", {"CHN"}, ""}, {"west", "West", {"DEU"}, ""}};
  model.domains.resize(2);
  model.domains[0].id = "trade";
  model.domains[1].id = "arms";
  return model;
}

// A domain with shares east, west and "other" (partners CHN, DEU, XXX), sigma 0.5.
DomainSheet domain(const std::string& id, double declared_weight, double east, double west, double other = 0) {
  DomainSheet out;
  out.id = id;
  out.declared_weight = declared_weight;
  out.directions = {{"east", east, 0.5, false}, {"west", west, 0.5, false}};
  out.other = {kOtherDirection, other, 0.5, false};
  if (east > 0) out.partners_by_share.push_back({"CHN", "east", east, east});
  if (west > 0) out.partners_by_share.push_back({"DEU", "west", west, west});
  if (other > 0) out.partners_by_share.push_back({"XXX", "", other, other});
  return out;
}

YearSheet year(int number, std::vector<DomainSheet> domains) {
  YearSheet out;
  out.year = number;
  out.published = true;
  out.domains = std::move(domains);
  return out;
}

double parts_sum(const FigureAttribution& figure) {
  double sum = 0;
  for (const auto& part : figure.parts) sum += part.value;
  return sum;
}

TEST(SheetAttribution, TwoShareChangesSplitByShapley) {
  // From: trade e .6 w .4, arms e 1 -> Lambda .4, .1, B = 1 - .15/.25 = .4.
  // Trade alone moved (e .4 w .6): Lambda .35, .15, B .6. Arms alone (e .5 w .5): Lambda .275, .225, B .9.
  // Both: Lambda .225, .275, B .9. Shapley: trade (.2 + 0)/2 = .1, arms (.5 + .3)/2 = .4.
  const Model model = two_direction_model();
  const YearSheet from = year(2020, {domain("trade", 0.5, 0.6, 0.4), domain("arms", 0.5, 1.0, 0)});
  const YearSheet to = year(2021, {domain("trade", 0.5, 0.4, 0.6), domain("arms", 0.5, 0.5, 0.5)});
  const SheetAttribution result = attribute_change(model, from, to);
  EXPECT_EQ(result.from_year, 2020);
  EXPECT_EQ(result.to_year, 2021);
  EXPECT_NEAR(result.balance.from, 0.4, 1e-12);
  EXPECT_NEAR(result.balance.to, 0.9, 1e-12);
  ASSERT_EQ(result.balance.parts.size(), 2u);
  EXPECT_EQ(result.balance.parts[0].kind, FactorKind::Share);
  EXPECT_EQ(result.balance.parts[0].domain, "trade");
  EXPECT_NEAR(result.balance.parts[0].value, 0.1, 1e-12);
  EXPECT_EQ(result.balance.parts[1].domain, "arms");
  EXPECT_NEAR(result.balance.parts[1].value, 0.4, 1e-12);
  EXPECT_NEAR(parts_sum(result.balance), result.balance.total(), 1e-15);
  // D_east is linear in the shares: trade .5 (.4 - .6) = -.1, arms .5 (.5 - 1) = -.25.
  ASSERT_EQ(result.dependence.size(), 3u);  // east, west, other
  EXPECT_EQ(result.dependence[0].figure, "east");
  EXPECT_NEAR(result.dependence[0].parts[0].value, -0.1, 1e-12);
  EXPECT_NEAR(result.dependence[0].parts[1].value, -0.25, 1e-12);
  EXPECT_EQ(result.dependence[2].figure, kOtherDirection);
  EXPECT_NEAR(result.dependence[2].total(), 0, 1e-15);
  // Lambda_west: .5 x .5 (.6 - .4) = .05 from trade, .5 x .5 x .5 = .125 from arms.
  EXPECT_NEAR(result.leverage[1].parts[0].value, 0.05, 1e-12);
  EXPECT_NEAR(result.leverage[1].parts[1].value, 0.125, 1e-12);
  // The partners behind the trade part: CHN .6 -> .4 and DEU .4 -> .6.
  ASSERT_EQ(result.balance.parts[0].partners.size(), 2u);
  EXPECT_EQ(result.balance.parts[0].partners[0].partner, "CHN");
  EXPECT_DOUBLE_EQ(result.balance.parts[0].partners[0].from, 0.6);
  EXPECT_DOUBLE_EQ(result.balance.parts[0].partners[0].to, 0.4);
}

TEST(SheetAttribution, ADomainEnteringTheBasketIsABasketPart) {
  // From: trade alone (weight 1) e .6 w .4: Lambda .3, .2, worst 1 x .5 x .5 = .25, B = 1 - .05/.25 = .8.
  // Arms enters (e 1) with trade unchanged: Lambda .15 + .25 = .4, .1, B .4. Trade moves alone
  // (e .4 w .6): B .8. Both: Lambda .1 + .25 = .35, .15, B .6.
  // Shapley: share (0 + .2)/2 = .1, basket (-.4 - .2)/2 = -.3; sum -.2 = .6 - .8.
  const Model model = two_direction_model();
  const YearSheet from = year(2020, {domain("trade", 0.5, 0.6, 0.4)});
  const YearSheet to = year(2021, {domain("trade", 0.5, 0.4, 0.6), domain("arms", 0.5, 1.0, 0)});
  const SheetAttribution result = attribute_change(model, from, to);
  ASSERT_EQ(result.balance.parts.size(), 2u);
  EXPECT_EQ(result.balance.parts[0].kind, FactorKind::Share);
  EXPECT_NEAR(result.balance.parts[0].value, 0.1, 1e-12);
  EXPECT_EQ(result.balance.parts[1].kind, FactorKind::Basket);
  EXPECT_EQ(result.balance.parts[1].domain, "arms");
  EXPECT_NEAR(result.balance.parts[1].value, -0.3, 1e-12);
  EXPECT_NEAR(result.balance.from, 0.8, 1e-12);
  EXPECT_NEAR(result.balance.to, 0.6, 1e-12);
  EXPECT_NEAR(parts_sum(result.balance), result.balance.total(), 1e-15);
  // The basket part names the entering domain's partners (CHN 0 -> 1).
  ASSERT_EQ(result.balance.parts[1].partners.size(), 1u);
  EXPECT_DOUBLE_EQ(result.balance.parts[1].partners[0].to, 1.0);
}

TEST(SheetAttribution, AWeightChangeIsAWeightPart) {
  // Shares fixed (trade e .6 w .4, arms e 1), weights .5/.5 -> .7/.3:
  // Lambda .7 x .6 x .5 + .3 x .5 = .36, .7 x .4 x .5 = .14; gap .11, B = 1 - .44 = .56, from .4.
  const Model model = two_direction_model();
  const YearSheet from = year(2020, {domain("trade", 0.5, 0.6, 0.4), domain("arms", 0.5, 1.0, 0)});
  const YearSheet to = year(2021, {domain("trade", 0.7, 0.6, 0.4), domain("arms", 0.3, 1.0, 0)});
  const SheetAttribution result = attribute_change(model, from, to);
  ASSERT_EQ(result.balance.parts.size(), 2u);  // both weights changed: two factors
  EXPECT_EQ(result.balance.parts[0].kind, FactorKind::Weight);
  EXPECT_TRUE(result.balance.parts[0].partners.empty());
  EXPECT_NEAR(result.balance.total(), 0.16, 1e-12);
  EXPECT_NEAR(parts_sum(result.balance), 0.16, 1e-12);
}

TEST(SheetAttribution, APartnerOutsideEveryDirectionMovesOther) {
  // Trade alone: e .5 + a partner outside .5 -> e .5, w .5. D_other .5 -> 0; B: Lambda e .25,
  // w 0, other .25: gap .25 - .125 = .125, B .5; then Lambda .25, .25: B 1. One factor: +.5.
  const Model model = two_direction_model();
  const YearSheet from = year(2020, {domain("trade", 1, 0.5, 0, 0.5)});
  const YearSheet to = year(2021, {domain("trade", 1, 0.5, 0.5)});
  const SheetAttribution result = attribute_change(model, from, to);
  ASSERT_EQ(result.balance.parts.size(), 1u);
  EXPECT_NEAR(result.balance.parts[0].value, 0.5, 1e-12);
  EXPECT_NEAR(result.dependence[2].parts[0].value, -0.5, 1e-12);
  EXPECT_EQ(result.balance.parts[0].partners[0].partner, "DEU");  // |+.5|, tied with XXX, first by name
}

TEST(SheetAttribution, NothingDiffersGivesNoParts) {
  const Model model = two_direction_model();
  const YearSheet same = year(2020, {domain("trade", 0.5, 0.6, 0.4), domain("arms", 0.5, 1.0, 0)});
  YearSheet next = same;
  next.year = 2021;
  const SheetAttribution result = attribute_change(model, same, next);
  EXPECT_TRUE(result.balance.parts.empty());
  EXPECT_EQ(result.balance.total(), 0.0);
}

TEST(SheetAttribution, UnpublishedOrDisjointYearsAreRefused) {
  const Model model = two_direction_model();
  YearSheet from = year(2020, {domain("trade", 0.5, 0.6, 0.4)});
  const YearSheet to = year(2021, {domain("arms", 0.5, 1.0, 0)});
  try {
    attribute_change(model, from, to);
    FAIL() << "disjoint years accepted";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("share no domain"), std::string::npos) << error.what();
  }
  from.published = false;
  from.unpublished_reason = "insufficient data";
  try {
    attribute_change(model, from, to);
    FAIL() << "unpublished year accepted";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("year 2020 is not published (insufficient data)"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace tengerim

// The expected-utility bargaining model against the published example (BDM
// 1994; Scholz et al. 2011, Table 1) and values derived by hand below.
#include "policy/BargainingModel.h"

#include <gtest/gtest.h>

#include "common/OptionError.h"

#include <algorithm>

#include "common/Error.h"

namespace tengerim {
namespace {

StakeholderSet eu_example() {
  StakeholderSet set;
  set.source = "table-1";
  auto add = [&](const char* actor, double c, double x, double s) { set.members.push_back({actor, c, x, s, 0}); };
  add("Netherlands", 0.08, 4, 0.8);
  add("Belgium", 0.08, 7, 0.4);
  add("Luxembourg", 0.03, 4, 0.2);
  add("Germany", 0.16, 4, 0.8);
  add("France", 0.16, 10, 0.6);
  add("Italy", 0.16, 10, 0.6);
  add("UK", 0.16, 10, 0.9);
  add("Ireland", 0.05, 7, 0.1);
  add("Denmark", 0.05, 4, 1.0);
  add("Greece", 0.08, 7, 0.7);
  return set;
}

constexpr size_t kBelgium = 1, kLuxembourg = 2, kIreland = 7, kDenmark = 8;

TEST(BargainingModel, PublishedInitialMeanAndMedian) {
  BargainRun run = BargainingModel(eu_example(), BargainingOptions::preset("scholz-code")).run();
  // 5.003 / 0.677, as printed in BARGAINING.md.
  EXPECT_NEAR(run.initial_mean, 7.389955686853767, 1e-12);
  EXPECT_EQ(run.initial_median, 7.0);
}

TEST(BargainingModel, ScholzCodeMeanStaysInThePapersBandAndEndsNear7_2) {
  BargainRun run = BargainingModel(eu_example(), BargainingOptions::preset("scholz-code")).run();
  ASSERT_EQ(run.rounds.size(), 10u);
  for (const auto& round : run.rounds) {
    EXPECT_GE(round.mean, 7.2) << "round " << round.round;
    EXPECT_LE(round.mean, 7.6) << "round " << round.round;
  }
  EXPECT_NEAR(run.final_mean(), 7.2, 0.05);
}

// Round 1 by hand. With every r = 1: U_s = 2d, U_f = -2d, U_sq = 0, so
//   E_k(i->k) = 2d [1 - 2 s_k (1 - P(i,k))],  d = |x_i - x_k| / 6  (Delta = 10 - 4 = 6).
// Weights c s: at 4: NL .064, LU .006, DE .128, DK .050 (W4 = .248);
//              at 7: BE .032, IE .005, GR .056 (W7 = .093); at 10: FR .096, IT .096, UK .144 (W10 = .336).
// All-pairs normaliser N = sum_k w_k sum_a sum_b ||x_k-x_b| - |x_k-x_a|| / 6:
//   k at 4 sees distances 0 (x4), 3 (x3), 6 (x3): 2(4*3*3 + 4*3*6 + 3*3*3)/6 = 45; k at 10 likewise 45;
//   k at 7 sees 0 (x3), 3 (x7): 2*3*7*3/6 = 21.  N = 45(.248 + .336) + 21(.093) = 28.233.
// P numerators (sum of positive v): P(4->7) = .5 W4 = .124, P(10->7) = .5 W10 = .168,
//   P(7->4) = .5 (W7 + W10) = .2145, P(10->4) = W10 = .336, P(7->10) = .5 (W7 + W4) = .1705, P(4->10) = W4 = .248 (all / N).
// Ireland (7, s .1; 4 challengers at 4 and 3 at 10, d = .5):
//   S = 7 - .2 [4 (1 - .124/N) + 3 (1 - .168/N)] = 5.6 + .2/N = 5.607084
// Denmark (4, s 1; 3 at 7 with d = .5, 3 at 10 with d = 1):
//   S = 3 [1 - 2 (1 - .2145/N)] + 6 [1 - 2 (1 - .336/N)] = -9 + 5.319/N = -8.811603
// Luxembourg (4, s .2): S = 3 [1 - .4 (1 - .2145/N)] + 6 [1 - .4 (1 - .336/N)] = 5.4 + 1.0638/N = 5.437679
// UK (10, s .9): S = 3 [1 - 1.8 (1 - .1705/N)] + 8 [1 - 1.8 (1 - .248/N)] = -8.8 + 4.4919/N = -8.640899
// S falls with s at each position, so the maximum is Ireland (5.607 > Luxembourg 5.438) and the minimum
// Denmark (-8.812 < UK -8.641): R_IE = 1 -> r = (2/3)/(4/3) = 0.5; R_DK = -1 -> r = (4/3)/(2/3) = 2.
// R_LU = (2(5.437679) - 5.607084 + 8.811603) / (5.607084 + 8.811603) = 14.079877 / 14.418687 = 0.976502,
//   r_LU = (1 - 0.325501) / (1 + 0.325501) = 0.508864.
TEST(BargainingModel, RoundOneRiskExponentsDerivedByHand) {
  BargainRun run = BargainingModel(eu_example(), BargainingOptions::preset("scholz-code")).run();
  const auto& r = run.rounds.at(0).risk_exponents;
  EXPECT_NEAR(r[kIreland], 0.5, 1e-12);
  EXPECT_NEAR(r[kDenmark], 2.0, 1e-12);
  EXPECT_NEAR(r[kLuxembourg], 0.508864, 1e-6);
  for (double exponent : r) {
    EXPECT_GE(exponent, 0.5 - 1e-12);
    EXPECT_LE(exponent, 2.0 + 1e-12);
  }
}

// Luxembourg's round-1 move, from its own view with r = 0.508864:
//   .25^r = .493894, .75^r = .863820, .5^r = .702776, so for a challenger at 7 (d = .5)
//   U_s = 2 - 4(.493894) = .024425, U_f = 2 - 4(.863820) = -1.455280, U_sq = 2 - 4(.702776) = -.811103.
// Ignoring P (every P(i,j) here is about 0.01: numerators <= .677, normaliser ~ 28):
//   e_ji = E_LU(j->LU) = .2 U_f + .8 U_s - U_sq = -.291056 + .019540 + .811103 = .539587
//   e_ij vs Belgium (s .4)  = .4 U_f + .6 U_s - U_sq = -.582112 + .014655 + .811103 = .243646 -> e_ji > e_ij > 0: confrontation
//   e_ij vs Greece  (s .7)  = -1.018696 + .007328 + .811103 = -.200265 -> compromise only
//   e_ij vs Ireland (s .1)  = -.145528 + .021983 + .811103 = .687558 > e_ji -> nothing
// The P terms add s P (U_s - U_f) <= .7 * .012 * 1.48 = .013, which changes none of these signs or orders.
// France and Italy at 10 also give confrontations (d = 1: e_ij = .6(-2) + .4(2) + .811 = .411 < e_ji = 2.011),
// but 6 away; the least confrontation wins: Luxembourg moves from 4 to Belgium's 7.
TEST(BargainingModel, RoundOneLuxembourgConfrontsBelgium) {
  BargainRun run = BargainingModel(eu_example(), BargainingOptions::preset("scholz-code")).run();
  const auto& round = run.rounds.at(0);
  auto move = std::find_if(round.moves.begin(), round.moves.end(),
                           [](const BargainMove& m) { return m.actor == kLuxembourg; });
  ASSERT_NE(move, round.moves.end());
  EXPECT_EQ(move->toward, kBelgium);
  EXPECT_EQ(move->kind, MoveKind::Confrontation);
  EXPECT_EQ(move->from, 4.0);
  EXPECT_EQ(move->new_position, 7.0);
  EXPECT_EQ(round.positions[kLuxembourg], 7.0);
}

TEST(BargainingModel, RoundsStartFromThePreviousPositions) {
  BargainingModel model(eu_example(), BargainingOptions::preset("scholz-code"));
  BargainRun run = model.run();
  BargainRound again = model.round(2, run.rounds[0].positions);
  EXPECT_EQ(again.positions, run.rounds[1].positions);
  EXPECT_EQ(again.mean, run.rounds[1].mean);
}

// Three stakeholders, weights c s = .5 at 0, .3 at 5, .4 at 10 (total 1.2):
// mean = (0 + 1.5 + 4) / 1.2 = 4.583333; median: 5 beats 0 (.7 vs .5) and 10 (.8 vs .4).
TEST(BargainingModel, MeanAndMedianOfASmallIssueByHand) {
  StakeholderSet set;
  set.members = {{"A", 1.0, 0, 0.5, 2}, {"B", 0.5, 5, 0.6, 3}, {"C", 0.8, 10, 0.5, 4}};
  BargainingModel model(set, BargainingOptions::preset("published"));
  std::vector<double> x{0, 5, 10};
  EXPECT_NEAR(model.weighted_mean(x), 5.5 / 1.2, 1e-12);
  EXPECT_EQ(model.median(x), 5.0);
}

TEST(BargainingModel, PresetsNameTheirChoices) {
  auto scholz = BargainingOptions::preset("scholz-code");
  EXPECT_EQ(scholz.normaliser, Normaliser::AllPairs);
  EXPECT_EQ(scholz.compromise, CompromiseRule::SmallestWeighted);
  EXPECT_FALSE(scholz.capitulation);
  EXPECT_EQ(scholz.q, 1.0);
  auto published = BargainingOptions::preset("published");
  EXPECT_EQ(published.normaliser, Normaliser::Pairwise);
  EXPECT_EQ(published.compromise, CompromiseRule::LeastMove);
  EXPECT_TRUE(published.capitulation);
  EXPECT_NO_THROW(scholz.validate());
  EXPECT_NO_THROW(published.validate());
  EXPECT_THROW(BargainingOptions::preset("paper"), Error);
}

TEST(BargainingModel, InvalidOptionsAreNamed) {
  auto options = BargainingOptions::preset("scholz-code");
  options.q = -0.5;
  try {
    BargainingModel(eu_example(), options);
    FAIL() << "expected an error";
  } catch (const OptionError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::InvalidInput);
    EXPECT_EQ(error.key(), "bargain.q");
  }
}

TEST(BargainingModel, PublishedVariantDiffersFromTheCode) {
  BargainRun code = BargainingModel(eu_example(), BargainingOptions::preset("scholz-code")).run();
  BargainRun paper = BargainingModel(eu_example(), BargainingOptions::preset("published")).run();
  EXPECT_EQ(paper.initial_mean, code.initial_mean);  // same start
  EXPECT_NE(paper.rounds[0].positions, code.rounds[0].positions);
}

TEST(BargainingModel, RepetitionOfAnEarlierRoundIsACycleOverItsRounds) {
  // Made by hand: round 0 {0, 10}, round 1 {5, 5}, round 2 {4, 6}; round 3 brings {5, 5} back (within 1e-9),
  // so rounds 2 and 3 repeat for ever: a 2-cycle whose median runs over rounds 2..3, here 4.5 and 5.
  const std::vector<std::vector<double>> history{{0, 10}, {5, 5}, {4, 6}};
  std::vector<BargainRound> rounds(3);
  rounds[1].median = 4.5, rounds[1].mean = 4.4;
  rounds[2].median = 5.0, rounds[2].mean = 5.2;
  auto cycle = BargainingModel::find_repetition(history, {5, 5 + 5e-10}, rounds);
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(cycle->first, 1);
  EXPECT_EQ(cycle->repeat, 3);
  EXPECT_EQ(cycle->length(), 2);
  EXPECT_EQ(cycle->median_low, 4.5);
  EXPECT_EQ(cycle->median_high, 5.0);
  EXPECT_EQ(cycle->mean_low, 4.4);
  EXPECT_EQ(cycle->mean_high, 5.2);
  // 2e-9 away from every earlier state: no repetition.
  EXPECT_FALSE(BargainingModel::find_repetition(history, {5, 5 + 2e-9}, rounds).has_value());
  // The latest equal state wins: {4, 6} again after round 3 is convergence onto round 2 (period 1).
  auto still = BargainingModel::find_repetition(history, {4, 6}, rounds);
  ASSERT_TRUE(still.has_value());
  EXPECT_EQ(still->length(), 1);
}

TEST(BargainingModel, PublishedVariantConvergesAndItsForecastIsTheLastRound) {
  // docs/bargaining.md: `published` reaches consensus at 7 by round 3 on the EU example.
  auto options = BargainingOptions::preset("published");
  const BargainRun run = BargainingModel(eu_example(), options).run();
  ASSERT_TRUE(run.converged());
  EXPECT_FALSE(run.cycles());
  EXPECT_LE(run.repetition->first, 3);
  const BargainForecast forecast = run.forecast();
  EXPECT_STREQ(forecast.basis, "converged");
  EXPECT_EQ(forecast.median_low, 7);
  EXPECT_EQ(forecast.median_high, 7);
}

}  // namespace
}  // namespace tengerim

// The envelope of parameter uncertainty (`risk --sensitivity N`): the design's
// mapping of a point to a scenario, the summary of hand-made points, and the
// command on the built-in model (determinism across threads, the declared
// point inside its band). The closed-form envelope is a behaviour case
// (tests/cases/envelope/cut_range_closed_form.case).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "risk/RiskEnvelope.h"
#include "risk/ScenarioDesign.h"

namespace tengerim {
namespace {

using testing::run_tengerim;

Scenario two_shocks() {
  Scenario scenario;
  Shock sanction;
  sanction.id = "sanction";
  sanction.cut = 0.3;
  sanction.probability = 0.1;
  sanction.probability_range = FigureRange{0.05, 0.25};
  sanction.severity = BetaSeverity{2, 6};          // mean 0.25, concentration 8
  sanction.severity_range = FigureRange{0.1, 0.5};
  sanction.cut_range = FigureRange{0.1, 0.5};       // unused: the severity draws the cut
  sanction.loadings["war"] = 0.7;
  sanction.loading_ranges["war"] = FigureRange{0.4, 0.9};
  Shock closure;
  closure.id = "closure";
  closure.cut = 0.5;
  closure.cut_range = FigureRange{0.2, 0.8};
  closure.duration = 0.25;
  closure.duration_range = FigureRange{0.1, 0.5};
  scenario.shocks = {sanction, closure};
  CouplingEntry spill;
  spill.from = "exports";
  spill.to = "fdi";
  spill.value = 0.2;
  spill.range = FigureRange{0.0, 0.4};
  scenario.coupling = {spill};
  return scenario;
}

TEST(ScenarioDesign, NamesEveryRangedFigureTheMonteCarloUses) {
  const Scenario scenario = two_shocks();
  const ScenarioDesign design(scenario);
  const std::vector<std::string> expected{"shocks[sanction].probability", "shocks[sanction].severity.mean",
                                          "shocks[sanction].loadings.war", "shocks[closure].duration",
                                          "shocks[closure].cut", "coupling[exports->fdi].value"};
  EXPECT_EQ(design.names(), expected);
  EXPECT_EQ(design.size(), 6u);
}

TEST(ScenarioDesign, APointMapsEachCoordinateOntoItsRange) {
  const Scenario scenario = two_shocks();
  const ScenarioDesign design(scenario);
  const std::vector<double> point{0.5, 0.25, 1.0, 0.0, 0.75, 0.5};
  const Scenario at = design.at(point);
  EXPECT_DOUBLE_EQ(*at.shocks[0].probability, 0.05 + 0.5 * 0.20);  // 0.15
  // The severity's mean moves to 0.1 + 0.25 x 0.4 = 0.2 with alpha + beta kept at 8: Beta(1.6, 6.4).
  EXPECT_DOUBLE_EQ(at.shocks[0].severity->alpha, 1.6);
  EXPECT_DOUBLE_EQ(at.shocks[0].severity->beta, 6.4);
  EXPECT_DOUBLE_EQ(at.shocks[0].loadings.at("war"), 0.9);
  EXPECT_DOUBLE_EQ(at.shocks[0].cut, 0.3);  // a severity's shock keeps its cut
  EXPECT_DOUBLE_EQ(at.shocks[1].duration, 0.1);
  EXPECT_DOUBLE_EQ(at.shocks[1].cut, 0.2 + 0.75 * 0.6);
  EXPECT_DOUBLE_EQ(at.coupling[0].value, 0.2);
  // Fewer coordinates leave the rest at their values.
  const Scenario partial = design.at(std::vector<double>{0.0});
  EXPECT_DOUBLE_EQ(*partial.shocks[0].probability, 0.05);
  EXPECT_DOUBLE_EQ(partial.shocks[1].cut, 0.5);
}

// A point whose loss is `mean` everywhere, with `east` and `west` contributions to its one tail.
EnvelopePoint point_of(double mean, double east, double west, double shock_a, double shock_b) {
  EnvelopePoint point;
  point.result.parts = {"east", "west"};
  point.result.summary.mean = mean;
  point.result.summary.mean_stderr = mean / 100;
  TailFigures tail;
  tail.level = 0.95;
  tail.var = 2 * mean;
  tail.cvar = east + west;
  tail.contributions = {east, west};
  point.result.summary.tails = {tail};
  point.shock_expected_loss = {shock_a, shock_b};
  return point;
}

TEST(RiskEnvelope, PercentilesAndSharesOfHandMadePoints) {
  // 21 points with means 0, 1, ..., 20 (given out of order): p05 is the value
  // at position 0.05 x 20 = 1, p50 at 10, p95 at 19. East leads the tail in
  // the 7 points with mean below 7; shock b is larger in the 14 others.
  std::vector<EnvelopePoint> points;
  for (int k = 20; k >= 0; --k) {
    const bool east = k < 7;
    points.push_back(point_of(k, east ? 2 : 1, east ? 1 : 2, east ? 3 : 1, east ? 1 : 3));
  }
  const RiskEnvelope envelope = summarise_envelope(points, {"east", "west"}, {"a", "b"}, {0.95});
  EXPECT_EQ(envelope.draws, 21u);
  EXPECT_DOUBLE_EQ(envelope.mean_loss.p05, 1);
  EXPECT_DOUBLE_EQ(envelope.mean_loss.p50, 10);
  EXPECT_DOUBLE_EQ(envelope.mean_loss.p95, 19);
  EXPECT_DOUBLE_EQ(envelope.mean_loss.mc_stderr, 0.10);  // the median of k / 100
  ASSERT_EQ(envelope.tails.size(), 1u);
  EXPECT_DOUBLE_EQ(envelope.tails[0].var.p50, 20);
  EXPECT_DOUBLE_EQ(envelope.tails[0].cvar.p50, 3);
  EXPECT_FALSE(envelope.mean_loss_usd.has_value());  // no point has money
  std::map<std::string, double> share;
  for (const auto& conclusion : envelope.conclusions) share[conclusion.id] = conclusion.share;
  EXPECT_DOUBLE_EQ(share.at("top-cvar-0.95-east"), 7.0 / 21);
  EXPECT_DOUBLE_EQ(share.at("top-cvar-0.95-west"), 14.0 / 21);
  EXPECT_DOUBLE_EQ(share.at("largest-shock-a"), 7.0 / 21);
  EXPECT_DOUBLE_EQ(share.at("largest-shock-b"), 14.0 / 21);
}

nlohmann::json envelope_run(const std::string& threads) {
  auto run = run_tengerim({"risk", "--draws", "4000", "--sensitivity", "24", "--threads", threads, "--format", "json"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return nlohmann::json::parse(run.out);
}

TEST(RiskEnvelope, SameSeedSameEnvelopeForOneAndTwoThreads) {
  const nlohmann::json one = envelope_run("1"), two = envelope_run("2");
  EXPECT_EQ(one.dump(), two.dump());
  const auto& envelope = one["envelope"];
  EXPECT_EQ(envelope["draws"], 24);
  EXPECT_EQ(envelope["seed"], one["summary"]["seed"]);
  // Every scenario judgement the Monte Carlo uses is varied, the sheet's too.
  const auto varied = envelope["varied"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(varied.begin(), varied.end(), "shocks[cpc-halt].severity.mean"), varied.end());
  EXPECT_NE(std::find(varied.begin(), varied.end(), "shocks[cpc-halt].loadings.west-russia-escalation"), varied.end());
  EXPECT_NE(std::find(varied.begin(), varied.end(), "shocks[cpc-halt].probability"), varied.end());
}

TEST(RiskEnvelope, TheDeclaredPointLiesInsideItsBandsAndSharesSumToOne) {
  const nlohmann::json json = envelope_run("2");
  const auto& envelope = json["envelope"];
  for (const char* level : {"0.95", "0.99"}) {
    const double point = json["cvar"][level].get<double>();
    EXPECT_LE(envelope["cvar"][level]["p05"].get<double>(), point) << level;
    EXPECT_GE(envelope["cvar"][level]["p95"].get<double>(), point) << level;
    // The spread across judgements dwarfs the Monte Carlo error of one run.
    EXPECT_GT(envelope["cvar"][level]["p95"].get<double>() - envelope["cvar"][level]["p05"].get<double>(),
              10 * envelope["cvar"][level]["mc_stderr"].get<double>());
  }
  const double point_usd = json["cvar_usd"]["0.95"].get<double>();
  EXPECT_LE(envelope["cvar_usd"]["0.95"]["p05"].get<double>(), point_usd);
  EXPECT_GE(envelope["cvar_usd"]["0.95"]["p95"].get<double>(), point_usd);
  // Each point has exactly one leading direction at each level.
  double top = 0;
  for (const auto& conclusion : envelope["conclusions"])
    if (conclusion["id"].get<std::string>().rfind("top-cvar-0.95-", 0) == 0) top += conclusion["share"].get<double>();
  EXPECT_DOUBLE_EQ(top, 1.0);
}

}  // namespace
}  // namespace tengerim

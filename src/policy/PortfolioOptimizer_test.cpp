// The optimiser on the built-in model: the draws are the risk layer's own,
// and the plan keeps every constraint of the programme it built.
#include "policy/PortfolioOptimizer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "measure/BalanceSheetBuilder.h"
#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "model/PressureReader.h"
#include "risk/CouplingReader.h"
#include "risk/MonteCarlo.h"
#include "risk/ScenarioReader.h"

namespace tengerim {
namespace {

TEST(PortfolioOptimizer, BuiltinPlanKeepsEveryConstraintOnTheRiskLayersDraws) {
  const ModelSource source = ModelSource::builtin("kaz");
  const Model model = read_model(source);
  const CorridorNetwork network = read_corridor_network(source, model);
  Scenario scenario = parse_scenario(*source.read("scenarios/default.toml"), "default.toml", model, network);
  scenario.coupling = read_coupling(source, model);
  const PressureSpec spec = read_pressure(source, model);
  const BalanceSheet sheet = measure_balance(model);
  LossModel losses(model, sheet, network, scenario);
  RiskOptions risk;
  risk.draws = 500;
  risk.keep_cuts = true;
  const RiskResult draws = simulate(losses, risk);
  const size_t shocks = scenario.shocks.size();
  ASSERT_EQ(draws.cuts.size(), risk.draws * shocks);
  // The kept cuts are the draws simulate() counted: same occurrence per shock.
  for (size_t k = 0; k < shocks; ++k) {
    double occurred = 0;
    for (size_t i = 0; i < risk.draws; ++i) occurred += draws.cuts[i * shocks + k] >= 0;
    EXPECT_DOUBLE_EQ(occurred / static_cast<double>(risk.draws), draws.occurrence[k]) << scenario.shocks[k].id;
  }

  const OptimizeResult result = optimize_portfolio(model, sheet, network, scenario, spec, draws.cuts, {});
  const CvarProblem& problem = result.problem;
  const std::vector<double>& x = result.after.x;
  for (size_t v = 0; v < x.size(); ++v) {
    const CvarVariable& var = problem.variables[v];
    EXPECT_LE(std::fabs(x[v] - var.baseline), var.max_change + 1e-9) << var.label;
    EXPECT_GE(x[v], var.floor - 1e-9) << var.label;
    EXPECT_LE(x[v], var.ceiling + 1e-9) << var.label;
  }
  for (const auto& equality : problem.equalities) {
    double sum = 0;
    for (size_t v : equality.variables) sum += x[v];
    EXPECT_NEAR(sum, equality.total, 1e-7) << equality.label;
  }
  for (const auto& limit : problem.limits) {
    double sum = 0;
    for (const auto& [v, coef] : limit.terms) sum += coef * x[v];
    EXPECT_LE(sum, limit.limit + 1e-7) << limit.label;
  }
  EXPECT_LE(result.after.at_optimum.objective, result.before.objective + 1e-12);
  // The status quo itself meets the capacities it is held to (its routed flows fit).
  for (const auto& limit : problem.limits) {
    double sum = 0;
    for (const auto& [v, coef] : limit.terms) sum += coef * problem.variables[v].baseline;
    EXPECT_LE(sum, limit.limit + 1e-7) << limit.label;
  }
}

}  // namespace
}  // namespace tengerim

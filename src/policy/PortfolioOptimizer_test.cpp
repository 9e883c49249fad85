// The optimiser on the built-in model: the draws are the risk layer's own,
// and the plan keeps every constraint of the programme it built.
#include "policy/PortfolioOptimizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "measure/BalanceSheetBuilder.h"
#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "model/PressureReader.h"
#include "risk/CouplingReader.h"
#include "risk/MonteCarlo.h"
#include "risk/ScenarioReader.h"

namespace tengerim {
namespace {

// The built-in model's plan over `draws` of the risk layer's own draws, with what it was built from.
struct BuiltinPlan {
  Model model;
  Scenario scenario;
  RiskResult draws;
  OptimizeResult result;
};

BuiltinPlan plan_builtin(size_t draw_count) {
  const ModelSource source = ModelSource::builtin("kaz");
  BuiltinPlan plan{read_model(source), {}, {}, {}};
  const CorridorNetwork network = read_corridor_network(source, plan.model);
  plan.scenario = parse_scenario(*source.read("scenarios/default.toml"), "default.toml", plan.model, network);
  plan.scenario.coupling = read_coupling(source, plan.model);
  const PressureSpec spec = read_pressure(source, plan.model);
  const BalanceSheet sheet = measure_balance(plan.model);
  LossModel losses(plan.model, sheet, network, plan.scenario);
  RiskOptions risk;
  risk.draws = draw_count;
  risk.keep_cuts = true;
  plan.draws = simulate(losses, risk);
  plan.result = optimize_portfolio(plan.model, sheet, network, plan.scenario, spec, plan.draws.cuts, {});
  return plan;
}

TEST(PortfolioOptimizer, BuiltinPlanKeepsEveryConstraintOnTheRiskLayersDraws) {
  const size_t draw_count = 500;
  const BuiltinPlan plan = plan_builtin(draw_count);
  const RiskResult& draws = plan.draws;
  const size_t shocks = plan.scenario.shocks.size();
  ASSERT_EQ(draws.cuts.size(), draw_count * shocks);
  // The kept cuts are the draws simulate() counted: same occurrence per shock.
  for (size_t k = 0; k < shocks; ++k) {
    double occurred = 0;
    for (size_t i = 0; i < draw_count; ++i) occurred += draws.cuts[i * shocks + k] >= 0;
    EXPECT_DOUBLE_EQ(occurred / static_cast<double>(draw_count), draws.occurrence[k]) << plan.scenario.shocks[k].id;
  }

  const OptimizeResult& result = plan.result;
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

// model.toml declares four domains no plan may move within a year: three stocks (fdi_stock,
// migrants_abroad, migrants_in) and the remittances, which no lever of the state steers. Their
// shares are variables with no room to move; every other share domain may move max_change.
TEST(PortfolioOptimizer, BuiltinPlanHoldsStocksAndRemittances) {
  const BuiltinPlan plan = plan_builtin(200);
  const std::vector<std::string> held{"fdi_stock", "migrants_abroad", "migrants_in", "remittances_in"};
  const CvarProblem& problem = plan.result.problem;
  std::map<std::string, size_t> held_variables;
  size_t free_variables = 0;
  for (size_t v = 0; v < problem.variables.size(); ++v) {
    const CvarVariable& var = problem.variables[v];
    const std::string domain = var.label.substr(0, var.label.find(" share of "));
    if (domain == var.label) continue;  // a route volume, not a share
    if (std::find(held.begin(), held.end(), domain) != held.end()) {
      ++held_variables[domain];
      EXPECT_EQ(var.max_change, 0.0) << var.label;
      EXPECT_EQ(plan.result.after.x[v], var.baseline) << var.label;
    } else {
      ++free_variables;
      EXPECT_EQ(var.max_change, 0.05) << var.label;  // pressure.toml: adjustment.max_change
    }
  }
  for (const auto& domain : held) EXPECT_EQ(held_variables[domain], plan.model.directions.size()) << domain;
  EXPECT_GT(free_variables, 0u);
  for (const auto& step : plan.result.steps)
    EXPECT_EQ(std::find(held.begin(), held.end(), step.domain), held.end()) << step.domain;
}

}  // namespace
}  // namespace tengerim

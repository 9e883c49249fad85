#include "report/OptimizeReport.h"

#include <fmt/format.h>

#include <cmath>

#include "report/MoneyReport.h"

namespace tengerim {
namespace {

std::string amount_text(const PlanStep& step) {
  if (step.unit == "share") return fmt::format("{:.1f} points", 100 * step.amount);
  return fmt::format("{:.1f} {}", step.amount, step.unit);
}

std::string step_text(const PlanStep& step) {
  if (step.unit == "share")
    return fmt::format("shift {} of {} from {} to {}", amount_text(step), step.domain, step.from, step.to);
  return fmt::format("move {} of {} from {} to {}", amount_text(step), step.commodity, step.from, step.to);
}

}  // namespace

Json optimize_json(const OptimizeRun& run) {
  const OptimizeResult& result = run.result;
  Json json;
  json["scenario"] = run.scenario->name;
  json["loss_unit"] = "weighted share of a year's ties lost (the optimiser's linear loss model)";
  json["cvar_before"] = result.before.cvar;
  json["cvar_after"] = result.after.at_optimum.cvar;
  json["cost"] = result.after.at_optimum.cost;
  json["var_after"] = result.after.var;
  json["pressure_before"] = result.before.pressure;
  json["pressure_after"] = result.after.at_optimum.pressure;
  json["tension_before"] = result.before.tension;
  json["tension_after"] = result.after.at_optimum.tension;
  json["objective_before"] = result.before.objective;
  json["objective_after"] = result.after.at_optimum.objective;
  json["steps"] = Json::array();
  for (const auto& step : result.steps)
    json["steps"].push_back({{"domain", step.domain},
                             {"from", step.from},
                             {"to", step.to},
                             {"amount", step.amount},
                             {"unit", step.unit},
                             {"text", step_text(step)}});
  json["binding"] = result.after.binding;
  // The plan is chosen on the index; money says what the scenario's draws are worth before it.
  add_money_basis(json, *run.money, run.snapshot->model);
  auto& money = json["money_before"];
  if (!run.money_before) {
    money = nullptr;
  } else {
    const std::string level = fmt::format("{:g}", run.options.alpha);
    const TailFigures& tail = run.money_before->tails.front();
    money = {{"mean_loss_usd", run.money_before->mean}, {"var_usd", {{level, tail.var}}},
             {"cvar_usd", {{level, tail.cvar}}}, {"mean_loss_gdp", gdp_share(*run.money, run.money_before->mean)},
             {"var_gdp", {{level, gdp_share(*run.money, tail.var)}}},
             {"cvar_gdp", {{level, gdp_share(*run.money, tail.cvar)}}}};
  }
  return json;
}

std::string optimize_text(const OptimizeRun& run) {
  const OptimizeResult& result = run.result;
  const auto& after = result.after.at_optimum;
  std::string text = fmt::format("Portfolio plan for {} against {}: {} draws (seed {}), CVaR at {:g}\n",
                                 run.snapshot->model.origin, run.scenario->name, run.draws, run.seed,
                                 run.options.alpha);
  text += "Loss = weighted share of a year's ties lost (linear loss model: cut x share x (1 - sigma), spill-over).\n\n";
  if (result.steps.empty()) text += "Plan: keep the status quo (no move lowers the objective).\n";
  else text += "Plan (one year):\n";
  for (const auto& step : result.steps) text += "  " + step_text(step) + "\n";
  text += fmt::format("\nCVaR {:.5f} -> {:.5f} ({:+.1f} %)\n", result.before.cvar, after.cvar,
                      result.before.cvar > 0 ? 100 * (after.cvar / result.before.cvar - 1) : 0.0);
  text += fmt::format("adjustment cost {:.5f}; pressure {:.5f} -> {:.5f}; tension {:.4f} -> {:.4f}\n",
                      after.cost, result.before.pressure, after.pressure, result.before.tension, after.tension);
  text += fmt::format("objective (CVaR + cost + pressure + weighted tension) {:.5f} -> {:.5f}\n",
                      result.before.objective, after.objective);
  text += "Binding constraints:";
  if (result.after.binding.empty()) text += " none";
  for (const auto& binding : result.after.binding) text += "\n  " + binding;
  text += "\n\n" + money_basis_text(*run.money, run.snapshot->model);
  if (run.money_before) {
    const TailFigures& tail = run.money_before->tails.front();
    text += fmt::format("The scenario's draws in money, before the plan: mean {}; VaR {:g} {}; CVaR {}\n",
                        usd_text(*run.money, run.money_before->mean), run.options.alpha,
                        usd_text(*run.money, tail.var), usd_text(*run.money, tail.cvar));
  }
  return text;
}

}  // namespace tengerim

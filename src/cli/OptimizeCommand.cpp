#include "cli/OptimizeCommand.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/CommandOutput.h"
#include "cli/ModelContext.h"
#include "common/Error.h"
#include "model/PressureReader.h"
#include "policy/PortfolioOptimizer.h"
#include "risk/MonteCarlo.h"

namespace tengerim {
namespace {

struct OptimizeCliOptions {
  std::string model;
  std::string scenario;  // empty: the model's default
  long draws = 10000;
  double alpha = 0.95;
  double budget = -1;  // < 0: no budget
  uint64_t seed = RiskOptions{}.seed;
  CommandOutput output;
};

void validate(const OptimizeCliOptions& options) {
  if (options.draws < 100 || options.draws > 10000000)
    fail_input({"", 0, "--draws"}, fmt::format("{}: must be a whole number in [100, 10000000]", options.draws));
  if (!(options.alpha > 0 && options.alpha < 1))
    fail_input({"", 0, "--alpha"}, fmt::format("{}: must be in (0, 1)", options.alpha));
  if (!std::isfinite(options.budget) || (options.budget < 0 && options.budget != -1))
    fail_input({"", 0, "--budget"}, fmt::format("{}: must be >= 0 (loss units)", options.budget));
}

std::string amount_text(const PlanStep& step) {
  if (step.unit == "share") return fmt::format("{:.1f} points", 100 * step.amount);
  return fmt::format("{:.1f} {}", step.amount, step.unit);
}

std::string step_text(const PlanStep& step) {
  if (step.unit == "share")
    return fmt::format("shift {} of {} from {} to {}", amount_text(step), step.domain, step.from, step.to);
  return fmt::format("move {} of {} from {} to {}", amount_text(step), step.commodity, step.from, step.to);
}

nlohmann::json optimize_json(const Model& model, const Scenario& scenario, const OptimizeCliOptions& cli,
                             const OptimizeResult& result) {
  nlohmann::json json;
  json["command"] = "optimize";
  json["model"] = model.origin;
  json["scenario"] = scenario.name;
  json["draws"] = cli.draws;
  json["seed"] = cli.seed;
  json["alpha"] = cli.alpha;
  json["budget"] = cli.budget < 0 ? nlohmann::json(nullptr) : nlohmann::json(cli.budget);
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
  json["steps"] = nlohmann::json::array();
  for (const auto& step : result.steps)
    json["steps"].push_back({{"domain", step.domain},
                             {"from", step.from},
                             {"to", step.to},
                             {"amount", step.amount},
                             {"unit", step.unit},
                             {"text", step_text(step)}});
  json["binding"] = result.after.binding;
  return json;
}

std::string optimize_text(const Model& model, const Scenario& scenario, const OptimizeCliOptions& cli,
                          const OptimizeResult& result) {
  const auto& after = result.after.at_optimum;
  std::string text = fmt::format("Portfolio plan for {} against {}: {} draws (seed {}), CVaR at {:g}\n",
                                 model.origin, scenario.name, cli.draws, cli.seed, cli.alpha);
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
  text += "\n";
  return text;
}

void run_optimize(OptimizeCliOptions& cli) {
  validate(cli);
  auto& timer = cli.output.timer;
  ModelContext context = ModelContext::load(cli.model, timer);
  PressureSpec spec = read_pressure(context.source, context.model);
  context.read_scenario(cli.scenario);
  context.measure(timer);
  const auto& [source, model, network, scenario, sheet] = context;
  timer.start("simulate");
  LossModel losses(model, sheet, network, scenario);
  RiskOptions risk;
  risk.draws = static_cast<size_t>(cli.draws);
  risk.seed = cli.seed;
  risk.keep_cuts = true;
  RiskResult draws = simulate(losses, risk);
  timer.start("optimize");
  OptimizeOptions options;
  options.alpha = cli.alpha;
  if (cli.budget >= 0) options.budget = cli.budget;
  OptimizeResult result = optimize_portfolio(model, sheet, network, scenario, spec, draws.cuts, options);
  timer.start("report");
  std::string text;
  if (cli.output.format == "json") {
    auto json = optimize_json(model, scenario, cli, result);
    cli.output.add_profile(json);
    text = json.dump(2) + "\n";
  } else {
    text = optimize_text(model, scenario, cli, result);
  }
  timer.stop();
  cli.output.emit(text);
}

}  // namespace

void add_optimize_command(CLI::App& app) {
  auto options = std::make_shared<OptimizeCliOptions>();
  auto* command = app.add_subcommand(
      "optimize", "CVaR-minimising plan over the Monte Carlo draws: routes and shares to move, cost, CVaR before/after");
  command->add_option("model", options->model, "Model folder, or builtin:NAME (default: builtin:kaz)");
  command->add_option("--scenario", options->scenario, "Built-in scenario name or a scenario .toml file "
                                                       "(default: the model's own default)");
  command->add_option("--draws", options->draws, "Monte Carlo draws (years) the CVaR is taken over")
      ->capture_default_str();
  command->add_option("--alpha", options->alpha, "CVaR level in (0, 1)")->capture_default_str();
  command->add_option("--budget", options->budget, "Cap on the adjustment cost (loss units; -1: none)")
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Master seed of the draws (as `tengerim risk`)")->capture_default_str();
  options->output.declare(*command, {"text", "json"});
  command->callback([options] { run_optimize(*options); });
}

}  // namespace tengerim

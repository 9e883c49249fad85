#include "cli/SimulateCommand.h"

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/CommandOutput.h"
#include "cli/ModelContext.h"
#include "common/Error.h"
#include "model/PolicyReader.h"
#include "model/PressureReader.h"
#include "policy/PolicySensitivity.h"
#include "policy/PolicySimulation.h"
#include "report/SimulateJson.h"

namespace tengerim {
namespace {

struct SimulateCliOptions {
  std::string model;
  std::string policy = "balanced";
  long years = 10;
  long sensitivity = 0;
  uint64_t seed = 20240101;
  CommandOutput output;
};

void validate(const SimulateCliOptions& options) {
  if (options.years < 1 || options.years > 100)
    fail_input({"", 0, "--years"}, fmt::format("{}: must be a whole number of years in [1, 100]", options.years));
  if (options.sensitivity < 0 || options.sensitivity > 100000)
    fail_input({"", 0, "--sensitivity"}, fmt::format("{}: must be in [0, 100000] draws", options.sensitivity));
}

std::string simulate_text(const Model& model, const Policy& policy, const SimulationResult& run,
                          const PolicySensitivityResult* sensitivity) {
  std::string text = fmt::format("Simulation of policy {} on {} from {}: {}\n", policy.name, model.origin,
                                 run.start_year, policy.description);
  text += "Pressure P_c by power; loss = weighted share of a year's ties lost to pressure (after spill-over);\n"
          "tension T = population-weighted distance of the alignment from each group's orientation (0-1).\n\n";
  text += fmt::format("{:<6}{:>6}", "year", "tilt");
  for (const auto& power : run.powers) text += fmt::format("{:>9}", "P_" + power);
  text += fmt::format("{:>9}{:>9}{:>9}{:>9}{:>9}\n", "loss", "tension", "cohesion", "balance", "separat.");
  for (const auto& year : run.years) {
    text += fmt::format("{:<6}{:>6.2f}", year.year, year.tilt);
    for (double p : year.pressure) text += fmt::format("{:>9.4f}", p);
    text += fmt::format("{:>9.4f}{:>9.4f}{:>9.4f}{:>9.3f}{:>9.3f}\n", year.loss, year.tension, year.cohesion,
                        year.balance, year.separation);
  }
  text += "\nAlignment a_c in the final year:";
  for (size_t c = 0; c < run.directions.size(); ++c)
    text += fmt::format("  {} {:.3f}", run.directions[c], run.years.back().alignment[c]);
  text += "\n";
  if (sensitivity) {
    text += fmt::format("\nSensitivity: {} Latin-hypercube draws (seed {}) over {} judgements\n", sensitivity->draws,
                        sensitivity->seed, sensitivity->varied.size());
    for (const auto& conclusion : sensitivity->conclusions)
      text += fmt::format("  {:5.1f} % of draws: {}\n", 100 * conclusion.share(), conclusion.statement);
    text += "Held at their values:";
    for (const auto& item : sensitivity->not_varied) text += "\n  " + item;
    text += "\n";
  }
  return text;
}

void run_simulate(SimulateCliOptions& cli) {
  validate(cli);
  auto& timer = cli.output.timer;
  ModelContext context = ModelContext::load(cli.model, timer);
  PressureSpec spec = read_pressure(context.source, context.model);
  Policy policy = read_policy(cli.policy, context.model);
  context.read_scenario("");  // the model's default shocks carry the coupling Gamma
  context.measure(timer);
  const auto& [source, model, network, coupling, sheet] = context;
  timer.start("simulate");
  const int years = static_cast<int>(cli.years);
  SimulationResult run = simulate_policy(model, sheet, network, coupling, spec, policy, years);
  std::unique_ptr<PolicySensitivityResult> sensitivity;
  if (cli.sensitivity > 0) {
    timer.start("sensitivity");
    sensitivity = std::make_unique<PolicySensitivityResult>(policy_sensitivity(
        model, network, coupling, spec, policy, years, static_cast<size_t>(cli.sensitivity), cli.seed));
  }
  timer.start("report");
  std::string text;
  if (cli.output.format == "json") {
    auto json = simulate_json(model, policy, run, sensitivity.get());
    cli.output.add_profile(json);
    text = json.dump(2) + "\n";
  } else {
    text = simulate_text(model, policy, run, sensitivity.get());
  }
  timer.stop();
  cli.output.emit(text);
}

}  // namespace

void add_simulate_command(CLI::App& app) {
  auto options = std::make_shared<SimulateCliOptions>();
  auto* command = app.add_subcommand(
      "simulate", "Year-by-year focal policy and great-power pressure: losses, tension, cohesion, balance");
  command->add_option("model", options->model, "Model folder, or builtin:NAME (default: builtin:kaz)");
  command->add_option("--policy", options->policy, "Built-in policy (balanced, tilt-east, tilt-west, tilt-russia) "
                                                   "or a policy .toml file")
      ->capture_default_str();
  command->add_option("--years", options->years, "Years to simulate, 1-100")->capture_default_str();
  command->add_option("--sensitivity", options->sensitivity,
                      "Latin-hypercube draws over every judgement's range (0: none)")
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Master seed of the sensitivity draws")->capture_default_str();
  options->output.declare(*command, {"text", "json"});
  command->callback([options] { run_simulate(*options); });
}

}  // namespace tengerim

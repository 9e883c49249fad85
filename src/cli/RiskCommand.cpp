#include "cli/RiskCommand.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/CommandOutput.h"
#include "common/Error.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "risk/MonteCarlo.h"
#include "risk/ScenarioReader.h"

namespace tengerim {
namespace {

constexpr const char* kDefaultScenario = "default";

struct RiskCliOptions {
  std::string model;
  std::string scenario = kDefaultScenario;
  long draws = 100000;
  uint64_t seed = RiskOptions{}.seed;
  long threads = 1;
  std::vector<double> levels = RiskOptions{}.levels;
  CommandOutput output;
};

std::string level_key(double level) { return fmt::format("{:g}", level); }

RiskOptions validated(const RiskCliOptions& options) {
  if (options.draws <= 0) fail_input({"", 0, "--draws"}, fmt::format("{}: must be a positive integer", options.draws));
  if (options.threads <= 0)
    fail_input({"", 0, "--threads"}, fmt::format("{}: must be a positive integer", options.threads));
  for (double level : options.levels)
    if (!(level > 0 && level < 1)) fail_input({"", 0, "--level"}, fmt::format("{}: must be in (0, 1)", level));
  return {static_cast<size_t>(options.draws), options.seed, static_cast<size_t>(options.threads), options.levels};
}

nlohmann::json risk_json(const Model& model, const Scenario& scenario, const RiskOptions& options,
                         const RiskResult& result) {
  const LossSummary& summary = result.summary;
  nlohmann::json json;
  json["command"] = "risk";
  json["model"] = model.origin;
  json["scenario"] = scenario.name;
  json["draws"] = options.draws;
  json["seed"] = options.seed;
  json["loss_unit"] = "weighted share of a year's ties lost, after propagation through Gamma";
  json["mean_loss"] = summary.mean;
  json["mean_direct_loss"] = result.mean_direct;
  json["stderr"]["mean_loss"] = summary.mean_stderr;
  for (const auto& tail : summary.tails) {
    json["var"][level_key(tail.level)] = tail.var;
    json["cvar"][level_key(tail.level)] = tail.cvar;
    json["stderr"]["var"][level_key(tail.level)] = tail.var_stderr;
    json["stderr"]["cvar"][level_key(tail.level)] = tail.cvar_stderr;
  }
  for (size_t p = 0; p < result.parts.size(); ++p) {
    auto& entry = json["contributions"][result.parts[p]];
    entry["mean"] = summary.mean_contributions[p];
    for (const auto& tail : summary.tails) entry["cvar"][level_key(tail.level)] = tail.contributions[p];
  }
  json["shocks"] = nlohmann::json::array();
  for (size_t k = 0; k < scenario.shocks.size(); ++k) {
    const Shock& shock = scenario.shocks[k];
    nlohmann::json entry{{"id", shock.id}, {"direction", shock.direction}, {"domain", shock.domain},
                         {"probability", *shock.probability}, {"occurred", result.occurrence[k]}};
    if (shock.severity) entry["severity"] = {{"alpha", shock.severity->alpha}, {"beta", shock.severity->beta}};
    else entry["cut"] = shock.cut;
    json["shocks"].push_back(entry);
  }
  return json;
}

std::string risk_text(const Model& model, const Scenario& scenario, const RiskOptions& options,
                      const RiskResult& result) {
  const LossSummary& summary = result.summary;
  std::string text = fmt::format("Risk of {} on {}: {} draws, seed {}\n", scenario.name, model.origin, options.draws,
                                 options.seed);
  text += "Loss = weighted share of a year's ties lost, after cross-domain propagation.\n\n";
  text += fmt::format("mean loss {:.5f} (se {:.5f}); mean direct loss {:.5f}\n", summary.mean, summary.mean_stderr,
                      result.mean_direct);
  for (const auto& tail : summary.tails)
    text += fmt::format("level {:g}: VaR {:.5f} (se {:.5f})  CVaR {:.5f} (se {:.5f})\n", tail.level, tail.var,
                        tail.var_stderr, tail.cvar, tail.cvar_stderr);
  text += "\nContributions by direction (Euler: mean, CVaR at each level)\n";
  for (size_t p = 0; p < result.parts.size(); ++p) {
    text += fmt::format("  {:<10} {:.5f}", result.parts[p], summary.mean_contributions[p]);
    for (const auto& tail : summary.tails) text += fmt::format("  {:.5f}", tail.contributions[p]);
    text += "\n";
  }
  return text;
}

void run_risk(RiskCliOptions& cli) {
  RiskOptions options = validated(cli);
  auto& timer = cli.output.timer;
  timer.start("load");
  ModelSource source = ModelSource::from_argument(cli.model);
  Model model = read_model(source);
  CorridorNetwork network = read_corridor_network(source, model);
  Scenario scenario = read_scenario(cli.scenario, model, network);
  timer.start("measure");
  BalanceSheet sheet = measure_balance(model);
  timer.start("simulate");
  LossModel losses(model, sheet, network, scenario);
  // A progress bar on stderr, only for long runs on a terminal.
  bool show = options.draws >= 1000000 && isatty(STDERR_FILENO);
  RiskResult result = simulate(losses, options, [show](size_t done, size_t total) {
    if (!show) return;
    std::fprintf(stderr, "\rrisk: %3zu%% of %zu draws", done * 100 / total, total);
    if (done == total) std::fprintf(stderr, "\n");
  });
  timer.start("report");
  std::string text;
  if (cli.output.format == "json") {
    auto json = risk_json(model, scenario, options, result);
    if (cli.output.profile) {
      timer.stop();
      for (const auto& [stage, seconds] : timer.seconds()) json["profile"][stage] = seconds;
      json["profile"]["threads"] = options.threads;
    }
    text = json.dump(2) + "\n";
  } else {
    text = risk_text(model, scenario, options, result);
  }
  timer.stop();
  cli.output.emit(text);
}

}  // namespace

void add_risk_command(CLI::App& app) {
  auto options = std::make_shared<RiskCliOptions>();
  auto* command = app.add_subcommand("risk", "Monte Carlo of a scenario's shocks: loss distribution, VaR, CVaR, contributions");
  command->add_option("model", options->model, "Model folder, or builtin:NAME (default: builtin:kaz)");
  command->add_option("--scenario", options->scenario, "Built-in scenario name or a scenario .toml file")
      ->capture_default_str();
  command->add_option("--draws", options->draws, "Number of Monte Carlo draws (years)")->capture_default_str();
  command->add_option("--seed", options->seed, "Master seed (draw i uses the streams (seed, i, k))")->capture_default_str();
  command->add_option("--threads", options->threads, "Worker threads; results do not depend on it")->capture_default_str();
  command->add_option("--level", options->levels, "VaR/CVaR level(s) in (0, 1)")->capture_default_str();
  options->output.declare(*command, {"text", "json"});
  command->callback([options] { run_risk(*options); });
}

}  // namespace tengerim

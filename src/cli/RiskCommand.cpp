#include "cli/RiskCommand.h"

#include <fmt/format.h>

#include <ctime>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/CommandOutput.h"
#include "cli/ModelContext.h"
#include "cli/ProgressBar.h"
#include "common/Error.h"
#include "risk/MonteCarlo.h"
#include "report/RiskJson.h"

namespace tengerim {
namespace {

struct RiskCliOptions {
  std::string model;
  std::string scenario;  // empty: the model's default set of shocks
  long draws = 100000;
  uint64_t seed = RiskOptions{}.seed;
  long threads = 1;
  std::vector<double> levels = RiskOptions{}.levels;
  bool progress = false;
  CommandOutput output;
};

RiskOptions validated(const RiskCliOptions& options) {
  if (options.draws <= 0) fail_input({"", 0, "--draws"}, fmt::format("{}: must be a positive integer", options.draws));
  if (options.threads <= 0)
    fail_input({"", 0, "--threads"}, fmt::format("{}: must be a positive integer", options.threads));
  for (double level : options.levels)
    if (!(level > 0 && level < 1)) fail_input({"", 0, "--level"}, fmt::format("{}: must be in (0, 1)", level));
  return {static_cast<size_t>(options.draws), options.seed, static_cast<size_t>(options.threads), options.levels};
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
  ModelContext context = ModelContext::load(cli.model, timer);
  context.read_scenario(cli.scenario);
  context.measure(timer);
  const auto& [source, model, network, scenario, sheet] = context;
  timer.start("simulate");
  LossModel losses(model, sheet, network, scenario);
  ProgressBar bar("risk: draws", cli.progress);
  const std::clock_t cpu_start = std::clock();  // CPU time of all threads: a figure other load on the machine does not inflate
  std::function<void(size_t, size_t)> progress;  // none: the draws run in one parallel pass, no pauses
  if (bar.enabled()) progress = [&bar](size_t done, size_t total) { bar.update(done, total); };
  RiskResult result = simulate(losses, options, progress);
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  timer.start("report");
  std::string text;
  if (cli.output.format == "json") {
    auto json = risk_json(model, scenario, options, result);
    cli.output.add_profile(json);
    if (cli.output.profile) {
      json["profile"]["threads"] = options.threads;
      json["profile"]["simulate_cpu"] = cpu_seconds;
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
  command->add_option("--scenario", options->scenario,
                      "Built-in scenario name or a scenario .toml file (default: the model's scenarios/default.toml "
                      "or risk.toml; for builtin:kaz the built-in 'default')");
  command->add_option("--draws", options->draws, "Number of Monte Carlo draws (years)")->capture_default_str();
  command->add_option("--seed", options->seed, "Master seed (draw i uses the streams (seed, i, k))")->capture_default_str();
  command->add_option("--threads", options->threads, "Worker threads; results do not depend on it")->capture_default_str();
  command->add_option("--level", options->levels, "VaR/CVaR level(s) in (0, 1)")->capture_default_str();
  command->add_flag("--progress", options->progress,
                    "Show a progress bar on stderr even when stderr is not a terminal (on a terminal it shows for runs "
                    "over half a second)");
  options->output.declare(*command, {"text", "json"});
  command->callback([options] { run_risk(*options); });
}

}  // namespace tengerim

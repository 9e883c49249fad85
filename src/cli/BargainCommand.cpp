#include "cli/BargainCommand.h"

#include <memory>
#include <optional>

#include "cli/CommandOutput.h"
#include "model/StakeholderReader.h"
#include "policy/BargainSensitivity.h"
#include "policy/BargainingModel.h"
#include "report/BargainReport.h"

namespace tengerim {
namespace {

struct BargainOptions {
  std::string issue;
  std::string variant = "scholz-code";
  std::optional<int> rounds;
  std::optional<double> q;
  std::optional<std::string> normaliser;
  std::optional<std::string> compromise;
  std::optional<std::string> capitulation;
  SensitivityOptions sensitivity;
  CommandOutput output;
};

// The preset first, then any option given explicitly; all validated before any work.
BargainingOptions bargaining_options(const BargainOptions& options) {
  BargainingOptions result = BargainingOptions::preset(options.variant);
  if (options.rounds) result.rounds = *options.rounds;
  if (options.q) result.q = *options.q;
  if (options.normaliser) result.normaliser = parse_normaliser(*options.normaliser);
  if (options.compromise) result.compromise = parse_compromise_rule(*options.compromise);
  if (options.capitulation) result.capitulation = *options.capitulation == "on";
  result.validate();
  return result;
}

void run_bargain(BargainOptions& options) {
  auto& timer = options.output.timer;
  timer.start("validate");
  const BargainingOptions bargaining = bargaining_options(options);
  options.sensitivity.validate();
  timer.start("load");
  const StakeholderSet issue = read_stakeholders_argument(options.issue);
  timer.start("simulate");
  const BargainRun run = BargainingModel(issue, bargaining).run();
  std::optional<SensitivityResult> sensitivity;
  if (options.sensitivity.draws > 0) {
    timer.start("sensitivity");
    sensitivity = run_sensitivity(issue, bargaining, options.sensitivity);
  }
  timer.start("report");
  BargainReportInput input{issue, bargaining, run, sensitivity ? &*sensitivity : nullptr};
  std::string text;
  if (options.output.format == "json") {
    auto json = bargain_json(input);
    options.output.add_profile(json);
    text = json.dump(2) + "\n";
  } else {
    text = bargain_text(input);
  }
  timer.stop();
  options.output.emit(text);
}

}  // namespace

void add_bargain_command(CLI::App& app) {
  auto options = std::make_shared<BargainOptions>();
  auto* command = app.add_subcommand(
      "bargain",
      "Forecast where a contest over one issue settles (expected-utility bargaining model, see docs/bargaining.md)");
  std::string builtins;
  for (const auto& name : builtin_issue_names()) builtins += (builtins.empty() ? "builtin:" : ", builtin:") + name;
  command
      ->add_option("issue", options->issue,
                   "CSV with columns Actor,Capability,Position,Salience (capability and salience in [0,1], "
                   "positions on any numeric scale), or a built-in issue: " + builtins)
      ->required();
  command->add_option("--variant", options->variant,
                      "Preset: scholz-code (the replication code's choices) or published (the paper's reading: "
                      "pairwise normaliser, least-move compromise, capitulation on)")
      ->check(CLI::IsMember(BargainingOptions::variant_names()))
      ->capture_default_str();
  command->add_option("--rounds", options->rounds, "Bargaining rounds, 1..1000 (default 10)");
  command->add_option("--q", options->q, "Weight Q of the status-quo utility, >= 0 (default 1)");
  command->add_option("--normaliser", options->normaliser,
                      "Override the preset: denominator of P(i,j), all-pairs or pairwise")
      ->check(CLI::IsMember({"all-pairs", "pairwise"}));
  command->add_option("--compromise", options->compromise,
                      "Override the preset: which compromise to take, smallest-weighted or least-move")
      ->check(CLI::IsMember({"smallest-weighted", "least-move"}));
  command->add_option("--capitulation", options->capitulation, "Override the preset: capitulation on or off")
      ->check(CLI::IsMember({"on", "off"}));
  command->add_option("--sensitivity", options->sensitivity.draws,
                      "Rerun N times with every capability and salience jittered within +-10% and report the "
                      "distribution of the final mean and median (default 0: off)");
  command->add_option("--seed", options->sensitivity.seed,
                      "Master seed of the sensitivity draws (draw d uses splitmix64(splitmix64(seed) + d))")
      ->capture_default_str();
  options->output.declare(*command, {"text", "json"});
  command->callback([options] { run_bargain(*options); });
}

}  // namespace tengerim

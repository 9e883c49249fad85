#include "run/BargainingRun.h"

#include "model/StakeholderReader.h"
#include "policy/BargainingModel.h"
#include "run/ItemReference.h"

namespace tengerim {

BargainingOptions bargaining_options(const RunOptions& options) {
  BargainingOptions result = BargainingOptions::preset(options.text("bargain.variant"));
  if (auto rounds = options.optional_integer("bargain.rounds")) result.rounds = static_cast<int>(*rounds);
  if (auto q = options.optional_number("bargain.q")) result.q = *q;
  if (options.value("bargain.normaliser")) result.normaliser = parse_normaliser(options.text("bargain.normaliser"));
  if (options.value("bargain.compromise")) result.compromise = parse_compromise_rule(options.text("bargain.compromise"));
  if (options.value("bargain.capitulation")) result.capitulation = options.text("bargain.capitulation") == "on";
  result.validate();
  return result;
}

BargainingRun run_bargain(Pipeline& pipeline) {
  const RunOptions& options = pipeline.options();
  pipeline.stage("validate");
  BargainingRun run;
  run.options = bargaining_options(options);
  SensitivityOptions sensitivity;
  sensitivity.draws = static_cast<int>(options.integer("bargain.sensitivity"));
  sensitivity.seed = options.seed("run.seed");
  sensitivity.validate();
  pipeline.stage("load");
  const ItemText item = resolve_item(ItemKind::Issue, options.text("bargain.issue"), nullptr, "bargain.issue");
  run.issue = read_stakeholders(item.text, item.reference);
  pipeline.record_input(item.reference, item.text);
  pipeline.stage("simulate");
  run.run = BargainingModel(run.issue, run.options).run();
  for (const std::string& variant : BargainingOptions::variant_names()) {
    BargainingOptions preset = BargainingOptions::preset(variant);
    preset.rounds = run.options.rounds;
    preset.q = run.options.q;
    run.variants.push_back({variant, BargainingModel(run.issue, preset).run().forecast()});
  }
  if (sensitivity.draws > 0) {
    pipeline.stage("sensitivity");
    pipeline.record_seed(sensitivity.seed);
    run.sensitivity = run_sensitivity(run.issue, run.options, sensitivity);
  }
  return run;
}

}  // namespace tengerim

#include "run/SimulateRun.h"

#include "model/PolicyReader.h"
#include "model/PressureReader.h"
#include "run/ItemReference.h"
#include "run/ReportRun.h"
#include "run/ScenarioInput.h"

namespace tengerim {

SimulateRun run_simulate(Pipeline& pipeline, bool allow_paths) {
  const RunOptions& options = pipeline.options();
  SimulateRun run;
  run.snapshot = pipeline.snapshot_ptr();
  const ModelSnapshot& snapshot = *run.snapshot;
  run.spec = read_pressure(snapshot.source, snapshot.model);
  const ItemText policy = resolve_item(ItemKind::Policy, options.text("simulate.policy"), &snapshot.source,
                                       "simulate.policy", allow_paths);
  run.policy = parse_policy(policy.text, policy.file, snapshot.model);
  pipeline.record_input(policy.reference, policy.text);
  run.horizon = static_cast<int>(options.integer("simulate.horizon"));
  const Scenario coupling = coupling_only(pipeline);
  pipeline.stage("simulate");
  run.result = simulate_policy(snapshot.model, snapshot.sheet, snapshot.network, coupling, run.spec, run.policy,
                               run.horizon);
  run.money = std::make_unique<MoneyLoss>(snapshot.model, snapshot.sheet, snapshot.network, snapshot.valuation,
                                          coupling, Coupling(snapshot.model, coupling), default_report_year(snapshot));
  if (const long draws = options.integer("simulate.sensitivity"); draws > 0) {
    pipeline.stage("sensitivity");
    pipeline.record_seed(options.seed("run.seed"));
    run.sensitivity = policy_sensitivity(snapshot.model, snapshot.network, coupling, run.spec, run.policy, run.horizon,
                                         static_cast<size_t>(draws), options.seed("run.seed"));
  }
  return run;
}

}  // namespace tengerim

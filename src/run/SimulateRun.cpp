#include "run/SimulateRun.h"

#include "model/PolicyReader.h"
#include "model/PressureReader.h"
#include "policy/Portfolio.h"
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
  {
    const Portfolio status_quo = Portfolio::status_quo(snapshot.model, snapshot.sheet);
    const TieValues values = tie_values(status_quo, run.money.get(), run.spec);
    size_t toward = status_quo.directions.size();
    for (size_t c = 0; c < status_quo.directions.size(); ++c)
      if (status_quo.directions[c] == run.policy.toward) toward = c;
    run.net = net_outcome(status_quo, values, run.spec, run.result, toward, run.money.get());
    run.not_money = values.not_money;
  }
  const long draws = options.integer("simulate.sensitivity");
  if (options.text("simulate.sweep") == "tilt") {
    pipeline.stage("sweep");
    if (draws > 0) pipeline.record_seed(options.seed("run.seed"));
    run.sweep = tilt_sweep(snapshot.model, snapshot.sheet, snapshot.network, coupling, run.spec, run.money.get(),
                           run.horizon, static_cast<size_t>(draws), options.seed("run.seed"),
                           static_cast<size_t>(options.integer("run.threads")));
  } else if (draws > 0) {
    pipeline.stage("sensitivity");
    pipeline.record_seed(options.seed("run.seed"));
    run.sensitivity = policy_sensitivity(snapshot.model, snapshot.network, coupling, run.spec, run.policy, run.horizon,
                                         static_cast<size_t>(draws), options.seed("run.seed"));
  }
  return run;
}

}  // namespace tengerim

#include "run/OptimizeRun.h"

#include "model/PressureReader.h"
#include "risk/LossModel.h"
#include "risk/MonteCarlo.h"
#include "run/ScenarioInput.h"

namespace tengerim {

OptimizeRun run_optimize(Pipeline& pipeline) {
  const RunOptions& options = pipeline.options();
  OptimizeRun run;
  run.snapshot = pipeline.snapshot_ptr();
  const ModelSnapshot& snapshot = *run.snapshot;
  run.spec = read_pressure(snapshot.source, snapshot.model);
  run.scenario = std::make_unique<Scenario>(read_run_scenario(pipeline, "optimize.scenario"));
  run.draws = static_cast<size_t>(options.integer("optimize.draws"));
  run.seed = options.seed("run.seed");
  run.options.alpha = options.number("optimize.level");
  if (auto budget = options.optional_number("optimize.budget")) run.options.budget = *budget;
  pipeline.record_seed(run.seed);
  pipeline.stage("simulate");
  LossModel losses(snapshot.model, snapshot.sheet, snapshot.network, *run.scenario);
  RiskOptions risk;
  risk.draws = run.draws;
  risk.seed = run.seed;
  risk.keep_cuts = true;
  RiskResult draws = simulate(losses, risk, pipeline.ticker());
  pipeline.stage("optimize");
  run.result = optimize_portfolio(snapshot.model, snapshot.sheet, snapshot.network, *run.scenario, run.spec,
                                  draws.cuts, run.options);
  return run;
}

}  // namespace tengerim

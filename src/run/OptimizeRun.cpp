#include "run/OptimizeRun.h"

#include "model/PressureReader.h"
#include "risk/LossModel.h"
#include "risk/MonteCarlo.h"
#include "run/MoneyInput.h"
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
  run.exposure_year = exposure_year(pipeline);
  LossModel losses(snapshot.model, snapshot.sheet, snapshot.network, *run.scenario, run.exposure_year);
  run.money = money_loss(pipeline, losses, run.exposure_year);
  RiskOptions risk;
  risk.draws = run.draws;
  risk.seed = run.seed;
  risk.keep_cuts = true;
  risk.levels = {run.options.alpha};
  RiskResult draws = simulate(losses, risk, pipeline.ticker(),
                              run.money->any() ? std::span<const double>(run.money->per_direct()) : std::span<const double>());
  run.money_before = std::move(draws.money);
  pipeline.stage("optimize");
  run.result = optimize_portfolio(snapshot.model, snapshot.sheet, snapshot.network, *run.scenario, run.spec,
                                  draws.cuts, run.options);
  return run;
}

}  // namespace tengerim

#include "run/ShockRun.h"

#include "run/MoneyInput.h"
#include "run/ScenarioInput.h"

namespace tengerim {

ShockRun run_shock(Pipeline& pipeline, bool allow_paths) {
  return run_shock(pipeline, read_run_scenario(pipeline, "shock.scenario", allow_paths));
}

ShockRun run_shock(Pipeline& pipeline, Scenario scenario) {
  ShockRun run;
  run.snapshot = pipeline.snapshot_ptr();
  run.scenario = std::make_unique<Scenario>(with_model_coupling(pipeline, std::move(scenario)));
  const ModelSnapshot& snapshot = *run.snapshot;
  pipeline.stage("route");
  run.exposure_year = exposure_year(pipeline);
  run.losses =
      std::make_unique<LossModel>(snapshot.model, snapshot.sheet, snapshot.network, *run.scenario, run.exposure_year);
  run.money = money_loss(pipeline, *run.losses, run.exposure_year);
  run.outcome = run.losses->evaluate();
  run.warnings = zero_loss_warnings(*run.losses);
  return run;
}

}  // namespace tengerim

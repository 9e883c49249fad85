#include "run/RiskRun.h"

#include <algorithm>
#include <ctime>

#include "run/MoneyInput.h"
#include "run/RiskEnvelopeRun.h"
#include "run/ScenarioInput.h"

namespace tengerim {

RiskRun run_risk(Pipeline& pipeline, const std::vector<double>& extra_levels, bool allow_paths) {
  return run_risk(pipeline, read_run_scenario(pipeline, "risk.scenario", allow_paths), extra_levels);
}

RiskRun run_risk(Pipeline& pipeline, Scenario scenario, const std::vector<double>& extra_levels) {
  const RunOptions& options = pipeline.options();
  RiskRun run;
  run.snapshot = pipeline.snapshot_ptr();
  run.scenario = std::make_unique<Scenario>(with_model_coupling(pipeline, std::move(scenario)));
  run.options.draws = static_cast<size_t>(options.integer("risk.draws"));
  run.options.seed = options.seed("run.seed");
  run.options.threads = static_cast<size_t>(options.integer("run.threads"));
  run.options.levels = options.numbers("risk.level");
  run.asked_levels = run.options.levels.size();
  for (double level : extra_levels)
    if (std::find(run.options.levels.begin(), run.options.levels.end(), level) == run.options.levels.end())
      run.options.levels.push_back(level);
  pipeline.record_seed(run.options.seed);
  const ModelSnapshot& snapshot = *run.snapshot;
  pipeline.stage("route");
  run.exposure_year = exposure_year(pipeline);
  run.losses =
      std::make_unique<LossModel>(snapshot.model, snapshot.sheet, snapshot.network, *run.scenario, run.exposure_year);
  run.money = money_loss(pipeline, *run.losses, run.exposure_year);
  run.warnings = zero_loss_warnings(*run.losses);
  pipeline.stage("simulate");
  const std::clock_t cpu_start = std::clock();  // CPU time of all threads: other load on the machine does not inflate it
  run.result = simulate(*run.losses, run.options, pipeline.ticker(),
                        run.money->any() ? std::span<const double>(run.money->per_direct()) : std::span<const double>());
  if (const long points = options.integer("risk.sensitivity"); points > 0) {
    pipeline.stage("envelope");
    run.envelope = run_risk_envelope(pipeline, run, static_cast<size_t>(points));
  }
  run.cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  return run;
}

}  // namespace tengerim

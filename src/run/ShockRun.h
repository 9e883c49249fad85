#pragma once
// `shock`: one scenario applied once, every shock at its cut: rerouted flows,
// stranded volumes, extra cost, losses by domain.
#include <memory>

#include "risk/LossModel.h"
#include "risk/MoneyLoss.h"
#include "risk/ZeroLossCheck.h"
#include "run/Pipeline.h"

namespace tengerim {

struct ShockRun {
  std::shared_ptr<const ModelSnapshot> snapshot;
  std::unique_ptr<Scenario> scenario;  // held apart: `losses` refers to it
  std::unique_ptr<LossModel> losses;
  ScenarioOutcome outcome;
  int exposure_year = 0;
  std::unique_ptr<MoneyLoss> money;
  std::vector<ShockWarning> warnings;  // shocks that can lose nothing
};

// The scenario of shock.scenario.
ShockRun run_shock(Pipeline& pipeline, bool allow_paths = true);
// A scenario built by the caller (what-if requests); the model's coupling is attached.
ShockRun run_shock(Pipeline& pipeline, Scenario scenario);

}  // namespace tengerim

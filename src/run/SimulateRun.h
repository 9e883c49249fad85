#pragma once
// `simulate`: a focal policy year by year against great-power pressure, with
// losses, tension, cohesion and balance; with simulate.sensitivity, which
// conclusions hold over a Latin hypercube of the judgements; with simulate.sweep,
// the dose-response of a tilt toward each direction.
#include <memory>
#include <optional>

#include "model/Policy.h"
#include "model/PressureSpec.h"
#include "policy/NetOutcome.h"
#include "policy/PolicySensitivity.h"
#include "policy/PolicySimulation.h"
#include "policy/TiltSweep.h"
#include "risk/MoneyLoss.h"
#include "run/Pipeline.h"

namespace tengerim {

struct SimulateRun {
  std::shared_ptr<const ModelSnapshot> snapshot;
  PressureSpec spec;
  Policy policy;
  int horizon = 0;
  SimulationResult result;
  std::unique_ptr<MoneyLoss> money;  // the years' losses valued at the model's default year
  NetOutcome net;                    // the policy's net outcome over the horizon (policy/NetOutcome.h)
  std::vector<std::string> not_money;  // domains whose ties have no money value
  std::optional<PolicySensitivityResult> sensitivity;
  std::optional<TiltSweepResult> sweep;  // simulate.sweep = tilt; it then takes simulate.sensitivity's draws
};

// `allow_paths` false: the policy must be a model: or builtin: name (the server).
SimulateRun run_simulate(Pipeline& pipeline, bool allow_paths = true);

}  // namespace tengerim
